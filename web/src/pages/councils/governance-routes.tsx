// The spending-under-governance pages (issue 6), spread into NAV_PAGES: three menu entries and the
// detail pages behind them (hidden: reached by links). Detail paths sit under their menu entry's
// path, so the menu keeps that entry highlighted.
import { lazy } from 'react';
import { BankOutlined, FileDoneOutlined, SolutionOutlined } from '@ant-design/icons';
import type { NavPage } from '../../app/nav';

const SpendingForm = lazy(() => import('../spending/SpendingFormPage'));

export const GOVERNANCE_NAV: NavPage[] = [
  { path: '/spending', permission: 'spending.read', labelKey: 'spending.nav', icon: <SolutionOutlined />, page: lazy(() => import('../spending/SpendingListPage')) },
  { path: '/spending/new', permission: 'spending.request', labelKey: 'spending.form.title', icon: null, page: SpendingForm, hidden: true },
  { path: '/spending/:id/edit', permission: 'spending.request', labelKey: 'spending.form.editTitle', icon: null, page: SpendingForm, hidden: true },
  { path: '/spending/:id', permission: 'spending.read', labelKey: 'spending.detail.title', icon: null, page: lazy(() => import('../spending/SpendingDetailPage')), hidden: true },
  { path: '/councils', permission: 'councils.read', labelKey: 'councils.nav', icon: <BankOutlined />, page: lazy(() => import('./CouncilsPage')) },
  { path: '/councils/:id', permission: 'councils.read', labelKey: 'councils.detail', icon: null, page: lazy(() => import('./CouncilDetailPage')), hidden: true },
  { path: '/councils/meetings/:id', permission: 'councils.read', labelKey: 'meetings.one', icon: null, page: lazy(() => import('./MeetingPage')), hidden: true },
  { path: '/councils/resolutions/:id', permission: 'councils.read', labelKey: 'resolutions.one', icon: null, page: lazy(() => import('./ResolutionPage')), hidden: true },
  { path: '/council-reports', permission: 'councils.read', labelKey: 'councilReports.nav', icon: <FileDoneOutlined />, page: lazy(() => import('./CouncilReportsPage')) },
  { path: '/council-reports/:id', permission: 'councils.read', labelKey: 'councilReports.one', icon: null, page: lazy(() => import('./CouncilReportPage')), hidden: true },
];
