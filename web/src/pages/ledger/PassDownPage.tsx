// Pass-down (province → county): what the province still holds for each county and fund, and since
// when (old ones stand out); select rows of one county, give the financial document's number and
// day, confirm, post once (Idempotency-Key), and the table shows what is left.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '@mosharekat/fa';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { PendingPassDown } from '../../api/types';
import { useWorkingUnit } from '../../app/working-unit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JalaliDatePicker } from '../../components/JalaliDatePicker';
import { Money } from '../../components/Money';
import { ltr, useFormat } from '../../lib/format';
import { submissionKeys } from '../../lib/idempotency';
import { jalaliDay } from '../../lib/jalali-generate-config';
import { useAsync } from '../../lib/use-async';
import { useShowError } from '../../lib/use-show-error';
import { OLD_AFTER_DAYS, pendingColumns, rowKey } from './pending-columns';

interface DocumentValues {
  documentNo: string;
  documentDate: Date;
}

export default function PassDownPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const { unit } = useWorkingUnit();
  const [form] = Form.useForm<DocumentValues>();
  const [selected, setSelected] = useState<PendingPassDown[]>([]);
  const [confirming, setConfirming] = useState<DocumentValues | null>(null);
  const [busy, setBusy] = useState(false);
  const [keys] = useState(() => submissionKeys());
  const isProvince = unit.kind === 'province';
  const pending = useAsync(
    (signal) => (isProvince ? unwrap(api.GET('/api/pass-downs/pending', { params: { query: { provinceUnitId: unit.id } }, signal })) : Promise.resolve(undefined)),
    [unit.id, isProvince],
  );
  const county = selected[0] ? { id: selected[0].countyUnitId, name: selected[0].countyName } : null;
  const total = selected.reduce((sum, row) => sum + BigInt(row.heldRials), 0n);

  async function post(values: DocumentValues) {
    if (!county || busy) return;
    setBusy(true);
    const body = {
      countyUnitId: county.id,
      documentNo: toLatinDigits(values.documentNo.trim()),
      documentDate: jalaliDay(values.documentDate),
      items: selected.map((row) => ({ fundId: row.fundId, amountRials: row.heldRials })),
    };
    try {
      await unwrap(api.POST('/api/pass-downs', { params: { header: { 'idempotency-key': keys.keyFor(body) } }, body }));
      keys.done();
      void message.success(t('ledger.passedDown', { county: county.name, doc: ltr(f.digits(body.documentNo)) }));
      setSelected([]);
      form.resetFields();
      pending.reload();
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  }

  if (!isProvince) {
    return (
      <>
        <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
          {t('ledger.passDownTitle')}
        </Typography.Title>
        <Alert type="info" showIcon title={t('ledger.notProvince')} />
      </>
    );
  }

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('ledger.passDownTitle')}
      </Typography.Title>
      <ErrorAlert error={pending.error} onRetry={pending.reload} />
      {pending.data ? (
        <Typography.Paragraph data-testid="pending-total">
          {t('ledger.pendingOf', { province: pending.data.province.name })}{' '}
          <Money rials={pending.data.totalRials} />
        </Typography.Paragraph>
      ) : null}
      <Alert type="info" showIcon title={t('ledger.oneCounty')} style={{ marginBottom: 12 }} />
      <Table<PendingPassDown>
        rowKey={rowKey}
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={pending.loading}
        dataSource={pending.data?.items ?? []}
        columns={pendingColumns(t, f)}
        rowClassName={(row) => ((row.heldDays ?? 0) > OLD_AFTER_DAYS ? 'row-old' : '')}
        rowSelection={{
          selectedRowKeys: selected.map(rowKey),
          onChange: (_keys, rows) => setSelected(rows.filter((row) => !county || row.countyUnitId === (rows[0]?.countyUnitId ?? county.id))),
          getCheckboxProps: (row) => ({ disabled: county !== null && row.countyUnitId !== county.id, 'aria-label': t('ledger.selectRow', { fund: row.fundName, county: row.countyName }) }),
          hideSelectAll: true,
        }}
        pagination={false}
        locale={{ emptyText: <span className="table-empty">{t('ledger.nothingPending')}</span> }}
        data-testid="pending-table"
      />
      <Card style={{ marginTop: 16, maxWidth: 760 }} title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('ledger.passDown')}</h2>}>
        <Typography.Paragraph data-testid="pass-down-selection">
          {county ? t('ledger.selected', { n: f.count(selected.length), county: county.name, amount: f.toman(total) }) : t('ledger.oneCounty')}
        </Typography.Paragraph>
        <Form<DocumentValues> form={form} name="passDown" layout="vertical" className="record-form" initialValues={{ documentDate: new Date() }} onFinish={setConfirming}>
          <div className="form-grid">
            <Form.Item<DocumentValues> name="documentNo" label={t('ledger.documentNo')} rules={[{ required: true, whitespace: true, message: t('ledger.documentRequired') }]}>
              <Input dir="ltr" maxLength={50} autoComplete="off" />
            </Form.Item>
            <Form.Item<DocumentValues> name="documentDate" label={t('ledger.documentDate')} rules={[{ required: true, message: t('common.required') }]}>
              <JalaliDatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(day: Date) => day > new Date()} />
            </Form.Item>
          </div>
          <Button type="primary" htmlType="submit" disabled={!county} loading={busy} data-testid="pass-down-submit">
            {t('ledger.passDown')}
          </Button>
        </Form>
      </Card>
      {confirming && county ? (
        <Modal
          open
          title={t('ledger.confirmTitle', { county: county.name })}
          onCancel={() => setConfirming(null)}
          onOk={() => void post(confirming)}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ loading: busy, 'data-testid': 'pass-down-confirm' } as never}
        >
          {t('ledger.confirmText', { n: f.count(selected.length), amount: f.toman(total), doc: ltr(f.digits(toLatinDigits(confirming.documentNo.trim()))) })}
        </Modal>
      ) : null}
    </>
  );
}
