// Two donor records side by side (/donors/merge?a=…&b=…), differing rows highlighted; the user
// picks the record that survives, confirms, and lands on it with its merge history shown.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Skeleton, Space, Table, Typography, type ButtonProps } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat, type Formatter } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useShowError } from '../../lib/use-show-error';
import { useDonorCategories } from './donor-api';
import type { Donor } from './types';
import { KeyboardScroll } from './KeyboardScroll';
import './donors.css';

type Row = { key: string; label: string; a: string; b: string; ltr: boolean };

/** Rows holding identifiers and numbers, shown left to right. */
const LTR_KEYS = new Set(['identifier', 'mobiles', 'phone', 'email', 'sheba']);

function comparable(d: Donor, t: (k: string) => string, f: Formatter, category: (code: string) => string): Record<string, string> {
  const place = [d.address.province?.name, d.address.county?.name, d.address.place?.name, d.address.line].filter(Boolean).join('، ');
  return {
    displayName: d.displayName,
    type: t(`donors.typeLong.${d.type}`),
    identifier: f.digits(d.nationalCode ?? d.legalId ?? '—'),
    fatherName: d.fatherName ?? '—',
    birthDate: d.birthDate ? f.digits(d.birthDate) : '—',
    gender: d.gender ? t(`donors.gender.${d.gender}`) : '—',
    mobiles: d.mobiles.map((m) => f.digits(m)).join('، ') || '—',
    phone: d.phone ? f.digits(d.phone) : '—',
    email: d.email ?? '—',
    address: place || '—',
    sheba: d.sheba ? f.digits(d.sheba) : '—',
    categories: [...d.categories.map(category), ...d.tags].join('، ') || '—',
    unit: d.unit.name,
    createdAt: f.dateTime(d.createdAt),
  };
}

const LABEL_KEYS: Record<string, string> = { displayName: 'donors.fields.name', address: 'donors.detail.address', categories: 'donors.fields.categories' };

/** The record to keep by default: the one with an identifier, else the older one. */
function defaultSurvivor(a: Donor, b: Donor): string {
  const hasId = (d: Donor) => Boolean(d.nationalCode ?? d.legalId);
  if (hasId(a) !== hasId(b)) return hasId(a) ? a.id : b.id;
  return a.createdAt <= b.createdAt ? a.id : b.id;
}

export default function MergePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const aId = params.get('a');
  const bId = params.get('b');
  const pair = useAsync(
    (signal) =>
      aId && bId
        ? Promise.all([aId, bId].map((id) => unwrap(api.GET('/api/donors/{id}', { params: { path: { id } }, signal }))))
        : Promise.resolve(null),
    [aId, bId],
  );
  return (
    <KeyboardScroll>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('donors.merge.title')}
      </Typography.Title>
      {!aId || !bId ? (
        <Alert type="info" showIcon title={t('donors.merge.missing')} action={<Link to="/donors/duplicates">{t('donors.merge.toDuplicates')}</Link>} />
      ) : pair.error ? (
        <ErrorAlert error={pair.error} onRetry={pair.reload} />
      ) : pair.data ? (
        <Compare key={`${aId}:${bId}`} a={pair.data[0]!} b={pair.data[1]!} />
      ) : (
        <Skeleton active />
      )}
    </KeyboardScroll>
  );
}

function Compare({ a, b }: { a: Donor; b: Donor }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const categories = useDonorCategories();
  const [survivorId, setSurvivorId] = useState(() => defaultSurvivor(a, b));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const survivor = survivorId === a.id ? a : b;
  const merged = survivorId === a.id ? b : a;
  const va = comparable(a, t, f, categories.label);
  const vb = comparable(b, t, f, categories.label);
  const rows: Row[] = Object.keys(va).map((key) => ({ key, label: t(LABEL_KEYS[key] ?? `donors.fields.${key}`), a: va[key] ?? '', b: vb[key] ?? '', ltr: LTR_KEYS.has(key) }));
  const cell = (r: Row, value: string) => (r.ltr && value !== '—' ? <bdi dir="ltr">{value}</bdi> : value);
  const active = a.status === 'active' && b.status === 'active';
  const allowed = survivor.can.merge;

  function confirm() {
    modal.confirm({
      title: t('donors.merge.confirmTitle'),
      content: t('donors.merge.confirm', { merged: merged.displayName, survivor: survivor.displayName }),
      okText: t('donors.merge.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'merge-confirm' } as ButtonProps,
      onOk: () => void merge(),
    });
  }

  async function merge() {
    setBusy(true);
    try {
      const body = { duplicateId: merged.id, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      await unwrap(api.POST('/api/donors/{id}/merge', { params: { path: { id: survivor.id } }, body }));
      void message.success(t('donors.merge.done'));
      void navigate(`/donors/${survivor.id}?tab=merges`);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  const head = (d: Donor, which: 'a' | 'b') => (
    <Link to={`/donors/${d.id}`} data-testid={`merge-head-${which}`}>
      {d.displayName}
    </Link>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760, margin: 0 }}>
        {t('donors.merge.intro')}
      </Typography.Paragraph>
      {!active ? <Alert type="warning" showIcon title={t('donors.merge.notActive')} /> : null}
      {active && !allowed ? <Alert type="warning" showIcon title={t('donors.merge.cannot')} /> : null}
      <Table<Row>
        className="donor-table compare-table"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        data-testid="merge-compare"
        columns={[
          { key: 'label', title: t('donors.merge.field'), render: (_, r) => <strong>{r.label}</strong> },
          { key: 'a', title: head(a, 'a'), render: (_, r) => cell(r, r.a), onCell: (r) => ({ className: r.a !== r.b ? 'differs' : undefined }) },
          { key: 'b', title: head(b, 'b'), render: (_, r) => cell(r, r.b), onCell: (r) => ({ className: r.a !== r.b ? 'differs' : undefined }) },
        ]}
      />
      <Card size="small" style={{ maxWidth: 760 }}>
        <Form layout="vertical" onFinish={confirm}>
          <Form.Item label={t('donors.merge.survivor')}>
            <Radio.Group value={survivorId} onChange={(e) => setSurvivorId(e.target.value as string)} aria-label={t('donors.merge.survivor')} className="survivor-choice">
              {[a, b].map((d, index) => (
                <Radio key={d.id} value={d.id} data-testid={`merge-keep-${index === 0 ? 'a' : 'b'}`}>
                  <strong>{d.displayName}</strong>
                  <div className="survivor-meta">
                    {f.digits(d.nationalCode ?? d.legalId ?? '—')} · {f.dateTime(d.createdAt)}
                  </div>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('donors.merge.reason')} htmlFor="merge-reason">
            <Input.TextArea id="merge-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('donors.merge.reasonPlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<MergeCellsOutlined aria-hidden />} loading={busy} disabled={!active || !allowed} data-testid="merge-submit">
            {t('donors.merge.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
