// Record a cash contribution, built for fast keyboard entry at a counter: the amount has focus, Enter
// moves on, Ctrl+Enter records; after each gift the form clears (keeping unit, channel and day) and
// shows the receipt number with print / PDF links. Each submission carries one Idempotency-Key, kept
// for its retries, so a double press or a retry after a lost answer credits the gift once.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Contribution } from '../../api/types';
import { useWorkingUnit } from '../../app/working-unit';
import { UnitPicker } from '../../components/UnitPicker';
import { ltr, useFormat } from '../../lib/format';
import { submissionKeys } from '../../lib/idempotency';
import { useEnterNavigation } from '../../lib/use-enter-navigation';
import { useShowError } from '../../lib/use-show-error';
import { GIFT_FIELD_NAMES, giftBody, nextGiftValues, type GiftValues } from './gift-body';
import { GiftFields } from './GiftFields';
import { ReceiptActions } from './ReceiptActions';

export default function RecordContributionPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const showError = useShowError();
  const { unit } = useWorkingUnit();
  const [form] = Form.useForm<GiftValues>();
  const [keys] = useState(() => submissionKeys());
  const busy = useRef(false);
  const [saving, setSaving] = useState(false);
  const [last, setLast] = useState<Contribution | null>(null);
  const initial: Partial<GiftValues> = { unitId: unit.id, fundKind: 'general', channel: 'counter_cash', receivedOn: new Date() };

  // a unit picked in the header becomes the receiving unit of the next gift
  useEffect(() => form.setFieldsValue({ unitId: unit.id }), [unit.id, form]);

  const focusAmount = () => form.getFieldInstance('amountToman')?.focus?.();

  async function submit(values: GiftValues) {
    if (busy.current) return; // a second press while the first is on its way
    busy.current = true;
    setSaving(true);
    const body = { unitId: values.unitId ?? unit.id, ...giftBody(values) };
    try {
      const created = await unwrap(api.POST('/api/contributions', { params: { header: { 'idempotency-key': keys.keyFor(body) } }, body }));
      keys.done();
      setLast(created);
      void message.success(t('contributions.recorded', { no: ltr(f.digits(created.receiptNo)) }));
      form.resetFields();
      form.setFieldsValue(nextGiftValues(values));
      setTimeout(focusAmount, 0);
    } catch (error) {
      showError(error, form, GIFT_FIELD_NAMES);
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  const submitForm = useCallback(() => form.submit(), [form]);
  const onKeyDownCapture = useEnterNavigation(submitForm);

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {t('contributions.recordTitle')}
      </Typography.Title>
      {last ? (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16, maxWidth: 760 }}
          data-testid="last-receipt"
          title={t('contributions.lastRecorded', { no: ltr(f.digits(last.receiptNo)), amount: f.toman(BigInt(last.amountRials)) })}
          description={<ReceiptActions id={last.id} code={last.receiptCode} size="small" />}
          closable={{ 'aria-label': t('common.close') }}
          onClose={() => setLast(null)}
        />
      ) : null}
      <div onKeyDownCapture={onKeyDownCapture} className="record-form">
        <Form<GiftValues> form={form} name="contribution" layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)} scrollToFirstError={{ focus: true }}>
          <div className="form-grid">
            <Form.Item<GiftValues> name="unitId" label={t('contributions.unit')} rules={[{ required: true, message: t('common.required') }]} className="span-2">
              <UnitPicker activeOnly />
            </Form.Item>
            <GiftFields autoFocus />
          </div>
          <Space wrap align="center">
            <Button type="primary" htmlType="submit" loading={saving} data-testid="contribution-submit">
              {t('contributions.submit')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                focusAmount();
              }}
            >
              {t('contributions.clear')}
            </Button>
            <span className="keyboard-hint">
              {t('contributions.keyboardHint')}
            </span>
          </Space>
        </Form>
      </div>
    </>
  );
}
