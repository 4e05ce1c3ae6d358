import { Button, Popconfirm, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { User } from '../../api/types';
import type { ExportColumn } from '../../components/ExportButton';
import type { Formatter } from '../../lib/format';
import { StatusTag } from '../org-units/org-columns';

interface Actions {
  canManage: boolean;
  edit: (user: User) => void;
  setStatus: (user: User, status: 'active' | 'disabled') => void;
}

export function userColumns(t: TFunction, f: Formatter, actions: Actions): TableColumnsType<User> {
  const columns: TableColumnsType<User> = [
    { key: 'fullName', title: t('users.fullName'), render: (_, user) => user.fullName },
    { key: 'username', title: t('users.username'), render: (_, user) => <bdi dir="ltr">{user.username}</bdi> },
    { key: 'unit', title: t('users.unit'), render: (_, user) => user.unit.name },
    {
      key: 'roles',
      title: t('users.roles'),
      render: (_, user) => (
        <Space size={[4, 4]} wrap>
          {user.roles.map((grant) => (
            <Tag key={`${grant.role}-${grant.unitId}`}>
              {t(`roles.${grant.role}`)} · {grant.unitName}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'status', title: t('users.status'), render: (_, user) => <StatusTag status={user.status} t={t} /> },
    { key: 'lastLoginAt', title: t('users.lastLoginAt'), render: (_, user) => (user.lastLoginAt ? f.dateTime(user.lastLoginAt) : t('users.never')) },
    { key: 'createdAt', title: t('users.createdAt'), render: (_, user) => f.date(user.createdAt) },
  ];
  if (actions.canManage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, user) => (
        <Space size={4}>
          <Button size="small" onClick={() => actions.edit(user)} aria-label={`${t('common.edit')} ${user.fullName}`}>
            {t('common.edit')}
          </Button>
          {user.status === 'active' ? (
            <Popconfirm title={t('users.confirmDisable', { name: user.fullName })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => actions.setStatus(user, 'disabled')}>
              <Button size="small" danger aria-label={`${t('users.disable')} ${user.fullName}`}>
                {t('users.disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" onClick={() => actions.setStatus(user, 'active')} aria-label={`${t('users.enable')} ${user.fullName}`}>
              {t('users.enable')}
            </Button>
          )}
        </Space>
      ),
    });
  }
  return columns;
}

export function userExportColumns(t: TFunction, f: Formatter): ExportColumn<User>[] {
  return [
    { header: t('users.fullName'), value: (user) => user.fullName, width: 28 },
    { header: t('users.username'), value: (user) => user.username, width: 20 },
    { header: t('users.unit'), value: (user) => user.unit.name, width: 24 },
    { header: t('users.roles'), value: (user) => user.roles.map((grant) => `${t(`roles.${grant.role}`)} (${grant.unitName})`).join('، '), width: 40 },
    { header: t('users.status'), value: (user) => t(`status.${user.status}`), width: 12 },
    { header: t('users.lastLoginAt'), value: (user) => (user.lastLoginAt ? f.dateTime(user.lastLoginAt) : ''), width: 20 },
    { header: t('users.createdAt'), value: (user) => f.date(user.createdAt), width: 16 },
  ];
}
