// Paper receipt books: open a book with the count and total on its cover, type its stubs, post it
// when it adds up. The open book is in the URL (?batch=…), so a reload or a shared link returns to it.
import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { toLatinDigits } from '@mosharekat/fa';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useMe } from '../../app/auth';
import { useWorkingUnit } from '../../app/working-unit';
import { TomanInput } from '../../components/TomanInput';
import { UnitPicker } from '../../components/UnitPicker';
import { useFormat } from '../../lib/format';
import { tomanToRials } from '../../lib/toman';
import { useShowError } from '../../lib/use-show-error';
import { RecentBatches, recentBatches, rememberBatch } from './batch-bits';
import { BatchView } from './BatchView';

interface CoverValues {
  unitId: string;
  bookNo: string;
  expectedCount: number;
  expectedTotalToman: string;
}

function OpenBatchForm({ onOpened }: { onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const showError = useShowError();
  const { unit } = useWorkingUnit();
  const [form] = Form.useForm<CoverValues>();
  const [busy, setBusy] = useState(false);
  const required = { required: true, message: t('common.required') };

  async function submit(values: CoverValues) {
    setBusy(true);
    try {
      const body = { unitId: values.unitId, bookNo: toLatinDigits(values.bookNo.trim()), expectedCount: values.expectedCount, expectedTotalRials: tomanToRials(values.expectedTotalToman) ?? '0' };
      const batch = await unwrap(api.POST('/api/contribution-batches', { body }));
      rememberBatch(me.user.id, { id: batch.id, bookNo: batch.bookNo, createdAt: batch.createdAt });
      onOpened(batch.id);
    } catch (error) {
      showError(error, form, { expectedTotalRials: 'expectedTotalToman' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('batches.openTitle')}</h2>} style={{ maxWidth: 760 }}>
      <Form<CoverValues> form={form} name="batch" layout="vertical" className="record-form" initialValues={{ unitId: unit.id }} onFinish={(values) => void submit(values)}>
        <div className="form-grid">
          <Form.Item<CoverValues> name="unitId" label={t('contributions.unit')} rules={[required]} className="span-2">
            <UnitPicker activeOnly />
          </Form.Item>
          <Form.Item<CoverValues> name="bookNo" label={t('batches.bookNo')} rules={[{ ...required, whitespace: true }]}>
            <Input dir="ltr" maxLength={50} autoComplete="off" autoFocus />
          </Form.Item>
          <Form.Item<CoverValues> name="expectedCount" label={t('batches.expectedCount')} rules={[required]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item<CoverValues> name="expectedTotalToman" label={t('batches.expectedTotal')} rules={[required]} className="span-2">
            <TomanInput words />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="batch-open">
          {t('batches.open')}
        </Button>
      </Form>
    </Card>
  );
}

export default function BatchesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const batchId = params.get('batch');
  const open = (id: string | null) => setParams(id ? { batch: id } : {});

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('batches.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('batches.intro')}
      </Typography.Paragraph>
      {batchId ? (
        <BatchView id={batchId} onAnother={() => open(null)} />
      ) : (
        <>
          <OpenBatchForm onOpened={open} />
          <div style={{ marginTop: 16 }}>
            <RecentBatches items={recentBatches(me.user.id)} open={open} t={t} f={f} />
          </div>
        </>
      )}
    </>
  );
}
