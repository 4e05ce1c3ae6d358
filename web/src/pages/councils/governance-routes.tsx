// The spending-under-governance pages (issue 6): three menu entries and the detail pages behind them.
// Detail paths sit under their menu entry's path so the menu keeps it highlighted.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { BankOutlined, FileDoneOutlined, SolutionOutlined } from '@ant-design/icons';
import type { NavPage } from '../../app/nav';

export const GOVERNANCE_NAV: NavPage[] = [
  { path: '/spending', permission: 'spending.read', labelKey: 'spending.nav', icon: <SolutionOutlined />, page: lazy(() => import('../spending/SpendingListPage')) },
  { path: '/councils', permission: 'councils.read', labelKey: 'councils.nav', icon: <BankOutlined />, page: lazy(() => import('./CouncilsPage')) },
  { path: '/council-reports', permission: 'councils.read', labelKey: 'councilReports.nav', icon: <FileDoneOutlined />, page: lazy(() => import('./CouncilReportsPage')) },
];

export interface GovernanceRoute {
  path: string;
  permission: string;
  page: LazyExoticComponent<ComponentType>;
}

export const GOVERNANCE_ROUTES: GovernanceRoute[] = [
  { path: '/spending/new', permission: 'spending.request', page: lazy(() => import('../spending/SpendingFormPage')) },
  { path: '/spending/:id/edit', permission: 'spending.request', page: lazy(() => import('../spending/SpendingFormPage')) },
  { path: '/spending/:id', permission: 'spending.read', page: lazy(() => import('../spending/SpendingDetailPage')) },
  { path: '/councils/:id', permission: 'councils.read', page: lazy(() => import('./CouncilDetailPage')) },
  { path: '/councils/meetings/:id', permission: 'councils.read', page: lazy(() => import('./MeetingPage')) },
  { path: '/councils/resolutions/:id', permission: 'councils.read', page: lazy(() => import('./ResolutionPage')) },
  { path: '/council-reports/:id', permission: 'councils.read', page: lazy(() => import('./CouncilReportPage')) },
];
