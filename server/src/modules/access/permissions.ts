/**
 * Roles are held at an organization unit and act on its subtree. Each role grants a fixed set of
 * permissions; whether a permission applies to a given entity is decided by the unit path of that
 * entity (see scope.ts). New modules add their permissions here, in one place, so that the web
 * app's navigation and the server's checks never disagree.
 */
export const roles = [
  'participation_officer',
  'finance_officer',
  'council_secretary',
  'director',
  'inspector',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'dashboard.read',
  'org.read',
  'org.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'audit.verify',
  'contributions.read',
  'contributions.record',
  'contributions.reverse',
  'ledger.read',
  'ledger.transfer',
  'ledger.accounts',
  'donors.read',
  'donors.manage',
  'donors.pii',
  'donors.merge',
  'donors.import',
  // councils, meetings, resolutions, delegations (read: everyone; manage: the council's secretary)
  'councils.read',
  'councils.manage',
  // six-monthly council reports: prepare and submit, or acknowledge one from the level below
  'reports.council',
  // spending requests: ask, order under a delegation, the participation unit's approval, the
  // second approval of a resolution-route request, pay
  'spending.read',
  'spending.request',
  'spending.order',
  'spending.approve',
  'spending.confirm',
  'spending.pay',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['dashboard.read', 'org.read', 'contributions.read', 'ledger.read', 'councils.read', 'spending.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  // records donors and contributions, runs campaigns, files monthly reports
  participation_officer: [...everyone, 'contributions.record', 'contributions.reverse', 'donors.read', 'donors.manage', 'donors.pii', 'donors.merge', 'donors.import',
    'spending.request', 'spending.approve'],
  // central accounts, pass-down to counties, payments, reconciliation
  finance_officer: [...everyone, 'contributions.reverse', 'ledger.transfer', 'ledger.accounts', 'donors.read', 'spending.confirm', 'spending.pay'],
  // councils, meetings, resolutions
  council_secretary: [...everyone, 'donors.read', 'councils.manage', 'reports.council', 'spending.confirm'],
  // orders spending under a council's delegation
  director: [...everyone, 'donors.read', 'spending.order'],
  // reads everything in scope, changes nothing
  inspector: [...everyone, 'users.read', 'audit.read', 'audit.verify', 'donors.read'],
  // users, units, catalogues
  admin: [...everyone, 'councils.manage', 'org.manage', 'users.read', 'users.manage', 'audit.read', 'audit.verify', 'donors.read', 'donors.manage', 'donors.merge', 'donors.pii'],
};

export const roleLabels: Record<Role, { fa: string; en: string }> = {
  participation_officer: { fa: 'کارشناس مشارکت‌ها', en: 'Participation officer' },
  finance_officer: { fa: 'کارشناس مالی', en: 'Finance officer' },
  council_secretary: { fa: 'دبیر شورای مشارکت‌ها', en: 'Council secretary' },
  director: { fa: 'مدیر (دارای تفویض)', en: 'Director' },
  inspector: { fa: 'بازرس', en: 'Inspector' },
  admin: { fa: 'مدیر سامانه', en: 'Administrator' },
};
