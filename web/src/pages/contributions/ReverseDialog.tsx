// Reverse a contribution recorded in error: a reason, one Idempotency-Key per attempt. The server
// decides who may (not the recorder); its Persian message is shown in the dialog.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { Contribution } from '../../api/types';
import { errorText } from '../../components/ErrorAlert';
import { ltr, useFormat } from '../../lib/format';
import { submissionKeys } from '../../lib/idempotency';

interface Props {
  contribution: Contribution;
  onClose: () => void;
  onDone: () => void;
}

export function ReverseDialog({ contribution, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [keys] = useState(() => submissionKeys());
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function submit({ reason }: { reason: string }) {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    const body = { reason: reason.trim() };
    try {
      await unwrap(api.POST('/api/contributions/{id}/reverse', { params: { path: { id: contribution.id }, header: { 'idempotency-key': keys.keyFor(body) } }, body }));
      keys.done();
      void message.success(t('contributions.reversedDone'));
      onDone();
    } catch (error) {
      const onReason = error instanceof ApiError ? error.fields.find((field) => field.field === 'reason') : undefined;
      if (onReason) form.setFields([{ name: 'reason', errors: [onReason.message] }]);
      else setRefusal(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('contributions.reverseTitle', { no: ltr(f.digits(contribution.receiptNo)) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('contributions.reverse')}
      okButtonProps={{ loading: busy, 'data-testid': 'reverse-ok' } as never}
      cancelText={t('common.cancel')}
    >
      <Alert type="warning" showIcon title={t('contributions.reverseWarning')} style={{ marginBottom: 16 }} />
      {refusal ? <Alert type="error" showIcon role="alert" title={refusal} style={{ marginBottom: 16 }} data-testid="reverse-refused" /> : null}
      <Form form={form} name="reverse" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="reason" label={t('contributions.reverseReason')} rules={[{ required: true, whitespace: true, min: 5, message: t('contributions.reasonMin') }]}>
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
