// Every page of the back office, keyed by the permission that shows it. Adding a page is one line here.
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, DashboardOutlined, TeamOutlined } from '@ant-design/icons';

export interface NavPage {
  path: string;
  permission: string;
  labelKey: string;
  icon: ReactNode;
  page: LazyExoticComponent<ComponentType>;
}

export const NAV_PAGES: NavPage[] = [
  { path: '/', permission: 'dashboard.read', labelKey: 'nav.dashboard', icon: <DashboardOutlined />, page: lazy(() => import('../pages/dashboard/DashboardPage')) },
  { path: '/org-units', permission: 'org.read', labelKey: 'nav.orgUnits', icon: <ApartmentOutlined />, page: lazy(() => import('../pages/org-units/OrgUnitsPage')) },
  { path: '/users', permission: 'users.read', labelKey: 'nav.users', icon: <TeamOutlined />, page: lazy(() => import('../pages/users/UsersPage')) },
  { path: '/audit', permission: 'audit.read', labelKey: 'nav.audit', icon: <AuditOutlined />, page: lazy(() => import('../pages/audit/AuditPage')) },
];

export function allowedPages(can: (permission: string) => boolean): NavPage[] {
  return NAV_PAGES.filter((page) => can(page.permission));
}
