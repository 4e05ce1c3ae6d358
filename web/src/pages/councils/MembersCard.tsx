// The members of a council (sitting ones, and those whose membership ended), with add and end.
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useFormat } from '../../lib/format';
import { useShowError } from '../../lib/use-show-error';
import { MemberDialog } from './MemberDialog';
import type { CouncilMember } from './types';

export function MembersCard({ councilId, members, canManage, onChanged }: { councilId: string; members: CouncilMember[]; canManage: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const [adding, setAdding] = useState(false);
  const [showPast, setShowPast] = useState(false);
  const sitting = members.filter((m) => !m.leftAt);
  const past = members.filter((m) => m.leftAt);

  async function end(member: CouncilMember) {
    try {
      await unwrap(api.POST('/api/council-members/{id}/end', { params: { path: { id: member.id } }, body: {} }));
      void message.success(t('councils.members.ended', { name: member.fullName }));
      onChanged();
    } catch (error) {
      showError(error);
    }
  }

  const columns: TableColumnsType<CouncilMember> = [
    { key: 'name', title: t('councils.members.fullName'), render: (_, m) => m.fullName },
    { key: 'role', title: t('councils.members.role'), render: (_, m) => (m.role === 'member' ? t('councils.roles.member') : <Tag color="#0a6b4d">{t(`councils.roles.${m.role}`)}</Tag>) },
    { key: 'org', title: t('councils.members.organization'), render: (_, m) => m.organization ?? (m.staffUserId ? t('councils.members.staffTag') : '—') },
    { key: 'joined', title: t('councils.members.joined'), render: (_, m) => (m.leftAt ? `${f.date(m.joinedAt)} – ${f.date(m.leftAt)}` : f.date(m.joinedAt)) },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, m) =>
        m.leftAt ? null : (
          <Popconfirm title={t('councils.members.confirmEnd', { name: m.fullName })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void end(m)}>
            <Button size="small" danger aria-label={`${t('councils.members.end')} ${m.fullName}`}>
              {t('councils.members.end')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  return (
    <Card
      size="small"
      title={<h2 className="card-heading">{t('councils.members.title', { n: f.count(sitting.length) })}</h2>}
      extra={
        canManage ? (
          <Button size="small" icon={<UserAddOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="member-add">
            {t('councils.members.add')}
          </Button>
        ) : null
      }
    >
      <Table<CouncilMember> rowKey="id" size="small" columns={columns} dataSource={showPast ? members : sitting} pagination={false} locale={{ emptyText: t('councils.members.none') }} />
      {past.length > 0 ? (
        <Button type="link" size="small" onClick={() => setShowPast((s) => !s)} style={{ marginTop: 8, paddingInline: 0 }}>
          {showPast ? t('councils.members.hidePast') : t('councils.members.showPast', { n: f.count(past.length) })}
        </Button>
      ) : null}
      {canManage ? (
        <MemberDialog
          councilId={councilId}
          open={adding}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            void message.success(t('councils.members.added'));
            onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}
