// Users and roles: a server-paged list filtered by name, unit, role and status (in the URL);
// with users.manage, create users, change their roles and disable or re-enable them.
import { useState } from 'react';
import { App, Button, Form, Input, Select, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ROLES, type User, type UserQuery } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useWorkingUnit } from '../../app/working-unit';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { ServerTable } from '../../components/ServerTable';
import { UnitPicker } from '../../components/UnitPicker';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useShowError } from '../../lib/use-show-error';
import { useUrlFilters } from '../../lib/use-url-filters';
import { activeFilters, DEFAULT_PAGE_SIZE } from '../../lib/url-filters';
import { userColumns, userExportColumns } from './user-columns';
import { UserDialog } from './UserDialog';

const DEFAULTS = { q: '', unitId: '', role: '', status: '', page: 1, pageSize: DEFAULT_PAGE_SIZE };

export default function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const { can } = useAuth();
  const { unit: workingUnit } = useWorkingUnit();
  const canManage = can('users.manage');
  const [filters, setFilters] = useUrlFilters(DEFAULTS);
  const [draftQ, setDraftQ] = useState(filters.q);
  const [target, setTarget] = useState<User | 'new' | null>(null);
  const [version, setVersion] = useState(0);

  const query = activeFilters(filters, DEFAULTS) as UserQuery;
  const list = useAsync(
    (signal) => unwrap(api.GET('/api/users', { params: { query: { ...query, page: filters.page, pageSize: filters.pageSize } }, signal })),
    [JSON.stringify(query), filters.page, filters.pageSize, version],
  );

  async function setStatus(user: User, status: 'active' | 'disabled') {
    try {
      await unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { status } }));
      void message.success(t('users.saved'));
      setVersion((v) => v + 1);
    } catch (error) {
      showError(error);
    }
  }

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('users.title')}
      </Typography.Title>
      <FilterBar
        activeCount={Object.keys(query).length}
        onReset={() => {
          setDraftQ('');
          setFilters({ q: '', unitId: '', role: '', status: '' });
        }}
        actions={
          <>
            <ExportButton<User>
              fileName="users"
              sheetName={t('users.title')}
              columns={userExportColumns(t, f)}
              fetchPage={(page, pageSize) => unwrap(api.GET('/api/users', { params: { query: { ...query, page, pageSize } } }))}
            />
            {canManage ? (
              <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setTarget('new')}>
                {t('users.create')}
              </Button>
            ) : null}
          </>
        }
      >
        <Form.Item label={t('users.q')} htmlFor="users-q">
          <Input.Search id="users-q" value={draftQ} onChange={(e) => setDraftQ(e.target.value)} onSearch={(value) => setFilters({ q: value.trim() })} allowClear style={{ width: 240 }} enterButton={t('common.search')} />
        </Form.Item>
        <Form.Item label={t('users.unit')} htmlFor="users-unit">
          <UnitPicker id="users-unit" value={filters.unitId || null} onChange={(unitId) => setFilters({ unitId: unitId ?? '' })} allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label={t('users.role')} htmlFor="users-role">
          <Select id="users-role" value={filters.role} onChange={(role: string) => setFilters({ role })} style={{ width: 180 }} options={[{ value: '', label: t('common.all') }, ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))]} />
        </Form.Item>
        <Form.Item label={t('users.status')} htmlFor="users-status">
          <Select id="users-status" value={filters.status} onChange={(status: string) => setFilters({ status })} style={{ width: 130 }} options={[{ value: '', label: t('common.all') }, { value: 'active', label: t('status.active') }, { value: 'disabled', label: t('status.disabled') }]} />
        </Form.Item>
      </FilterBar>
      <ServerTable<User>
        rowKey="id"
        columns={userColumns(t, f, { canManage, edit: setTarget, setStatus: (user, status) => void setStatus(user, status) })}
        data={list.data}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page, pageSize) => setFilters({ page, pageSize })}
      />
      {target ? (
      <UserDialog
        target={target}
        defaultUnitId={workingUnit.id}
        onClose={() => setTarget(null)}
        onDone={(text) => {
          void message.success(text);
          setTarget(null);
          setVersion((v) => v + 1);
        }}
      />
      ) : null}
    </>
  );
}
