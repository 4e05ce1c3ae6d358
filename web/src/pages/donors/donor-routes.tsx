// The donor registry pages (issue 4), spread into NAV_PAGES: three menu entries and the pages
// reached by links (hidden). Detail paths sit under /donors, so the menu keeps "donors" highlighted.
import { lazy } from 'react';
import { CloudUploadOutlined, IdcardOutlined, MergeCellsOutlined } from '@ant-design/icons';
import type { NavPage } from '../../app/nav';

const DonorForm = lazy(() => import('./DonorFormPage'));

export const DONOR_NAV: NavPage[] = [
  { path: '/donors', permission: 'donors.read', labelKey: 'donors.nav.list', icon: <IdcardOutlined />, page: lazy(() => import('./DonorsPage')) },
  { path: '/donors/new', permission: 'donors.manage', labelKey: 'donors.nav.new', icon: null, page: DonorForm, hidden: true },
  { path: '/donors/duplicates', permission: 'donors.merge', labelKey: 'donors.nav.duplicates', icon: <MergeCellsOutlined />, page: lazy(() => import('./DuplicatesPage')) },
  { path: '/donors/merge', permission: 'donors.merge', labelKey: 'donors.nav.merge', icon: null, page: lazy(() => import('./MergePage')), hidden: true },
  { path: '/donors/import', permission: 'donors.import', labelKey: 'donors.nav.import', icon: <CloudUploadOutlined />, page: lazy(() => import('./DonorImportPage')) },
  { path: '/donors/:id', permission: 'donors.read', labelKey: 'donors.nav.detail', icon: null, page: lazy(() => import('./DonorPage')), hidden: true },
  { path: '/donors/:id/edit', permission: 'donors.manage', labelKey: 'donors.nav.edit', icon: null, page: DonorForm, hidden: true },
];
