// A donor's profile, address and relationships. Identifiers are masked; with donors.pii the
// "show" button asks the server for them (audited) and shows them in this view only.
import type { ReactNode } from 'react';
import { Button, Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format';
import { useDonorCategories } from './donor-api';
import { Code, DonorTypeTag } from './donor-columns';
import type { Donor, Revealed } from './types';

interface ProfileProps {
  donor: Donor;
  revealed: Revealed | null;
  onReveal: () => void;
  onHide: () => void;
  revealing: boolean;
}

export function ProfileCard({ donor, revealed, onReveal, onHide, revealing }: ProfileProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const categories = useDonorCategories();
  const natural = donor.type === 'natural';
  const mobiles = revealed ? revealed.mobiles : donor.mobiles;
  const item = (key: string, label: string, children: ReactNode) => ({ key, label, children });
  const items = [
    item('type', t('donors.fields.type'), natural ? <DonorTypeTag type="natural" t={t} /> : <Space size={4}><DonorTypeTag type="legal" t={t} />{donor.legalType ? t(`donors.legalType.${donor.legalType}`) : null}</Space>),
    ...(natural
      ? [
          item('name', t('donors.fields.name'), `${donor.firstName ?? ''} ${donor.lastName ?? ''}`.trim()),
          item('nationalCode', t('donors.fields.nationalCode'), <span data-testid="donor-national-code"><Code value={revealed ? revealed.nationalCode : donor.nationalCode} f={f} /></span>),
          item('fatherName', t('donors.fields.fatherName'), donor.fatherName ?? '—'),
          item('birthDate', t('donors.fields.birthDate'), donor.birthDate ? f.digits(donor.birthDate) : '—'),
          item('gender', t('donors.fields.gender'), donor.gender ? t(`donors.gender.${donor.gender}`) : '—'),
        ]
      : [
          item('legalName', t('donors.fields.legalName'), donor.legalName),
          item('legalId', t('donors.fields.legalId'), <Code value={revealed ? revealed.legalId : donor.legalId} f={f} />),
          item('registrationNo', t('donors.fields.registrationNo'), <Code value={donor.registrationNo} f={f} />),
          item('economicCode', t('donors.fields.economicCode'), <Code value={donor.economicCode} f={f} />),
        ]),
    item(
      'mobiles',
      t('donors.fields.mobiles'),
      mobiles.length ? (
        <Space orientation="vertical" size={0} data-testid="donor-mobiles">
          {mobiles.map((m) => (
            <Code key={m} value={m} f={f} />
          ))}
        </Space>
      ) : (
        '—'
      ),
    ),
    item('phone', t('donors.fields.phone'), <Code value={donor.phone} f={f} />),
    item('email', t('donors.fields.email'), donor.email ? <bdi dir="ltr">{donor.email}</bdi> : '—'),
    item('preferredChannel', t('donors.fields.preferredChannel'), donor.preferredChannel ? t(`donors.channel.${donor.preferredChannel}`) : '—'),
    item('sheba', t('donors.fields.sheba'), <Code value={revealed ? revealed.sheba : donor.sheba} f={f} />),
    item('publicConsent', t('donors.fields.publicConsent'), donor.publicConsent ? t('donors.fields.yes') : t('donors.fields.no')),
    item(
      'categories',
      t('donors.fields.categories'),
      donor.categories.length || donor.tags.length ? (
        <Space size={[4, 4]} wrap>
          {donor.categories.map((c) => (
            <Tag key={`c-${c}`} color="cyan">
              {categories.label(c)}
            </Tag>
          ))}
          {donor.tags.map((tag) => (
            <Tag key={`t-${tag}`}>{tag}</Tag>
          ))}
        </Space>
      ) : (
        '—'
      ),
    ),
    item('unit', t('donors.fields.unit'), donor.unit.name),
    item(
      'units',
      t('donors.fields.units'),
      donor.units.map((u) => `${u.name} (${t(`donors.detail.unitReason.${u.reason}`, { defaultValue: u.reason })})`).join('، ') || '—',
    ),
    item('createdAt', t('donors.fields.createdAt'), f.dateTime(donor.createdAt)),
    item('updatedAt', t('donors.fields.updatedAt'), f.dateTime(donor.updatedAt)),
    ...(donor.notes ? [item('notes', t('donors.fields.notes'), <span className="pre-text">{donor.notes}</span>)] : []),
  ];

  const revealButton = donor.can.reveal ? (
    revealed ? (
      <Button size="small" icon={<EyeInvisibleOutlined aria-hidden />} onClick={onHide}>
        {t('donors.detail.hide')}
      </Button>
    ) : (
      <Tooltip title={t('donors.detail.revealHint')}>
        <Button size="small" icon={<EyeOutlined aria-hidden />} onClick={onReveal} loading={revealing} data-testid="donor-reveal">
          {t('donors.detail.reveal')}
        </Button>
      </Tooltip>
    )
  ) : null;

  return (
    <Card size="small" title={<h2 className="card-heading">{t('donors.detail.profile')}</h2>} extra={revealButton}>
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered items={items} />
    </Card>
  );
}

export function AddressCard({ donor }: { donor: Donor }) {
  const { t } = useTranslation();
  const f = useFormat();
  const a = donor.address;
  const empty = !a.province && !a.county && !a.place && !a.line && !a.postalCode;
  return (
    <Card size="small" title={<h2 className="card-heading">{t('donors.detail.address')}</h2>}>
      {empty ? (
        <Typography.Text type="secondary">{t('donors.detail.noAddress')}</Typography.Text>
      ) : (
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          bordered
          items={[
            { key: 'province', label: t('donors.address.province'), children: a.province?.name ?? '—' },
            { key: 'county', label: t('donors.address.county'), children: a.county?.name ?? '—' },
            { key: 'place', label: t('donors.address.place'), children: a.place ? `${a.place.name} (${t(`donors.address.${a.place.level === 'village' ? 'village' : 'city'}`)})` : '—' },
            { key: 'postalCode', label: t('donors.address.postalCode'), children: <Code value={a.postalCode} f={f} /> },
            { key: 'line', label: t('donors.address.line'), children: a.line ?? '—', span: 'filled' },
          ]}
        />
      )}
    </Card>
  );
}

export function RelationsCard({ donor, revealed }: { donor: Donor; revealed: Revealed | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card size="small" title={<h2 className="card-heading">{t('donors.detail.relations')}</h2>}>
      <Table
        className="donor-table"
        size="small"
        rowKey={(r) => `${r.kind}-${r.direction}-${r.donor.id}`}
        pagination={false}
        dataSource={donor.relations}
        locale={{ emptyText: t('donors.detail.noRelations') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'kind', title: t('donors.fields.relations'), render: (_, r) => t(`donors.relationOther.${r.kind}_${r.direction}`) },
          { key: 'donor', title: t('donors.fields.name'), render: (_, r) => <Link to={`/donors/${r.donor.id}`}>{r.donor.displayName}</Link> },
          { key: 'role', title: t('donors.fields.role'), render: (_, r) => r.role ?? '—' },
        ]}
      />
      {donor.type === 'legal' && donor.contacts.length ? (
        <>
          <h3 className="card-subheading">{t('donors.detail.contacts')}</h3>
          <Table
            className="donor-table"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={donor.contacts}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'name', title: t('donors.fields.fullName'), render: (_, c) => c.fullName },
              { key: 'title', title: t('donors.fields.title'), render: (_, c) => c.title ?? '—' },
              { key: 'mobile', title: t('donors.fields.mobile'), render: (_, c) => <Code value={revealed ? (revealed.contacts.find((x) => x.id === c.id)?.mobile ?? c.mobile) : c.mobile} f={f} /> },
              { key: 'phone', title: t('donors.fields.phone'), render: (_, c) => <Code value={c.phone} f={f} /> },
              { key: 'email', title: t('donors.fields.email'), render: (_, c) => (c.email ? <bdi dir="ltr">{c.email}</bdi> : '—') },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
