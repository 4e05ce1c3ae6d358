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
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['dashboard.read', 'org.read', 'contributions.read', 'ledger.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  // records donors and contributions, runs campaigns, files monthly reports
  participation_officer: [...everyone, 'contributions.record', 'contributions.reverse', 'donors.read', 'donors.manage', 'donors.pii', 'donors.merge', 'donors.import'],
  // central accounts, pass-down to counties, payments, reconciliation
  finance_officer: [...everyone, 'contributions.reverse', 'ledger.transfer', 'ledger.accounts', 'donors.read'],
  // councils, meetings, resolutions
  council_secretary: [...everyone, 'donors.read'],
  // orders spending under a council's delegation
  director: [...everyone, 'donors.read'],
  // reads everything in scope, changes nothing
  inspector: [...everyone, 'users.read', 'audit.read', 'audit.verify', 'donors.read'],
  // users, units, catalogues
  admin: [...everyone, 'org.manage', 'users.read', 'users.manage', 'audit.read', 'audit.verify', 'donors.read', 'donors.manage', 'donors.merge', 'donors.pii'],
};

export const roleLabels: Record<Role, { fa: string; en: string }> = {
  participation_officer: { fa: 'کارشناس مشارکت‌ها', en: 'Participation officer' },
  finance_officer: { fa: 'کارشناس مالی', en: 'Finance officer' },
  council_secretary: { fa: 'دبیر شورای مشارکت‌ها', en: 'Council secretary' },
  director: { fa: 'مدیر (دارای تفویض)', en: 'Director' },
  inspector: { fa: 'بازرس', en: 'Inspector' },
  admin: { fa: 'مدیر سامانه', en: 'Administrator' },
};
