// Every page of the back office, keyed by the permission that shows it. Adding a page is one line here.
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FormOutlined,
  SwapOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { GOVERNANCE_NAV } from '../pages/councils/governance-routes';
import { DONOR_NAV } from '../pages/donors/donor-routes';

export interface NavPage {
  path: string;
  permission: string;
  labelKey: string;
  icon: ReactNode;
  page: LazyExoticComponent<ComponentType>;
  /** Reached by links from other pages (e.g. a statement needs an account), not from the menu. */
  hidden?: boolean;
}

export const NAV_PAGES: NavPage[] = [
  { path: '/', permission: 'dashboard.read', labelKey: 'nav.dashboard', icon: <DashboardOutlined />, page: lazy(() => import('../pages/dashboard/DashboardPage')) },
  ...DONOR_NAV,
  { path: '/contributions/new', permission: 'contributions.record', labelKey: 'nav.contributionsNew', icon: <FormOutlined />, page: lazy(() => import('../pages/contributions/RecordContributionPage')) },
  { path: '/contributions', permission: 'contributions.read', labelKey: 'nav.contributions', icon: <UnorderedListOutlined />, page: lazy(() => import('../pages/contributions/ContributionsPage')) },
  { path: '/contributions/batches', permission: 'contributions.record', labelKey: 'nav.batches', icon: <BookOutlined />, page: lazy(() => import('../pages/contributions/BatchesPage')) },
  { path: '/contributions/import', permission: 'contributions.record', labelKey: 'nav.imports', icon: <CloudUploadOutlined />, page: lazy(() => import('../pages/contributions/ImportPage')) },
  { path: '/ledger/balances', permission: 'ledger.read', labelKey: 'nav.balances', icon: <WalletOutlined />, page: lazy(() => import('../pages/ledger/BalancesPage')) },
  { path: '/ledger/statement', permission: 'ledger.read', labelKey: 'nav.statement', icon: <FileTextOutlined />, page: lazy(() => import('../pages/ledger/StatementPage')), hidden: true },
  { path: '/ledger/pass-downs', permission: 'ledger.transfer', labelKey: 'nav.passDowns', icon: <SwapOutlined />, page: lazy(() => import('../pages/ledger/PassDownPage')) },
  ...GOVERNANCE_NAV,
  { path: '/org-units', permission: 'org.read', labelKey: 'nav.orgUnits', icon: <ApartmentOutlined />, page: lazy(() => import('../pages/org-units/OrgUnitsPage')) },
  { path: '/users', permission: 'users.read', labelKey: 'nav.users', icon: <TeamOutlined />, page: lazy(() => import('../pages/users/UsersPage')) },
  { path: '/audit', permission: 'audit.read', labelKey: 'nav.audit', icon: <AuditOutlined />, page: lazy(() => import('../pages/audit/AuditPage')) },
];

/** The menu: pages the server's permissions allow, without the ones only reached by links. */
export function allowedPages(can: (permission: string) => boolean): NavPage[] {
  return NAV_PAGES.filter((page) => !page.hidden && can(page.permission));
}

/** The menu entry a location belongs to: the longest page path it is at or under (/contributions/new is not /contributions). */
export function pageOf(pages: NavPage[], pathname: string): NavPage | undefined {
  const matches = pages.filter((page) => (page.path === '/' ? pathname === '/' : pathname === page.path || pathname.startsWith(`${page.path}/`)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}
