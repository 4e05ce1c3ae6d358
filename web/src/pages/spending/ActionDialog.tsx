// One dialog for every step of a request: a note (required to reject), the authority to submit under,
// or the payment document. Approve and pay carry an Idempotency-Key made when the dialog opens and
// kept for every retry of that same decision, so a lost answer never approves or pays twice.
import { useEffect, useRef, useState } from 'react';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { JalaliDatePicker } from '../../components/JalaliDatePicker';
import { useFormat, rialsOf } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { newIdempotencyKey } from '../../lib/idempotency';
import { useShowError } from '../../lib/use-show-error';
import { dayOf } from './jalali-day';
import type { SpendingAction, SpendingDetail } from './types';

export type DialogAction = Exclude<SpendingAction, 'edit'>;

interface Values {
  note?: string;
  authority?: string;
  documentNo?: string;
  paidOn?: Date | null;
}

interface ActionDialogProps {
  action: DialogAction | null;
  detail: SpendingDetail;
  title: string;
  onClose: () => void;
  onDone: (next: SpendingDetail) => void;
}

function useAuthorityOptions(detail: SpendingDetail, enabled: boolean) {
  const f = useFormat();
  const { t } = useTranslation();
  const unitId = detail.request.unit.id;
  const state = useAsync(async (signal) => {
    if (!enabled) return [];
    const [resolutions, delegations] = await Promise.all([
      unwrap(api.GET('/api/resolutions', { params: { query: { unitId, inForce: 'true', pageSize: 50 } }, signal })),
      unwrap(api.GET('/api/delegations', { params: { query: { unitId, inForce: 'true' } }, signal })),
    ]);
    return [
      ...resolutions.items
        .filter((r) => r.ceilingRials !== null)
        .map((r) => ({ value: `resolution:${r.id}`, label: t('spending.submit.resolutionOption', { number: f.digits(r.number), remaining: f.toman(rialsOf(r.remainingRials ?? '0')) }) })),
      ...delegations.items.map((d) => ({ value: `delegation:${d.id}`, label: t('spending.submit.delegationOption', { name: d.delegate.fullName, number: f.digits(d.resolutionNumber), remaining: f.toman(rialsOf(d.remainingRials)) }) })),
    ];
  }, [unitId, enabled, f, t]);
  return state;
}

export function ActionDialog({ action, detail, title, onClose, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef('');
  const id = detail.request.id;
  const general = detail.request.fund.kind === 'general';
  const authorities = useAuthorityOptions(detail, action === 'submit' && general);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    // a new decision: a new key; retries of this one (OK pressed again after a failure) reuse it
    idempotencyKey.current = newIdempotencyKey();
  }, [action, form]);

  async function run(values: Values) {
    if (!action) return;
    const note = values.note?.trim() || undefined;
    const path = { id };
    const header = { 'idempotency-key': idempotencyKey.current };
    setBusy(true);
    try {
      let next: SpendingDetail;
      if (action === 'submit') {
        const [kind, authorityId] = (values.authority ?? '').split(':');
        const body = { note, ...(kind === 'resolution' ? { resolutionId: authorityId } : kind === 'delegation' ? { delegationId: authorityId } : {}) };
        next = await unwrap(api.POST('/api/spending-requests/{id}/submit', { params: { path }, body }));
      } else if (action === 'approve') {
        next = await unwrap(api.POST('/api/spending-requests/{id}/approve', { params: { path, header }, body: { note } }));
      } else if (action === 'pay') {
        const body = { documentNo: values.documentNo!.trim(), note, ...(values.paidOn ? { paidOn: dayOf(values.paidOn) } : {}) };
        next = await unwrap(api.POST('/api/spending-requests/{id}/pay', { params: { path, header }, body }));
      } else if (action === 'reject') {
        next = await unwrap(api.POST('/api/spending-requests/{id}/reject', { params: { path }, body: { note: note ?? '' } }));
      } else if (action === 'order') {
        next = await unwrap(api.POST('/api/spending-requests/{id}/order', { params: { path }, body: { note } }));
      } else {
        next = await unwrap(api.POST('/api/spending-requests/{id}/cancel', { params: { path }, body: { note } }));
      }
      void message.success(t(`spending.done.${action}`));
      onDone(next);
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  const noteRequired = action === 'reject';
  return (
    <Modal
      open={action !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={title || t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger: action === 'reject' || action === 'cancel', 'data-testid': 'action-dialog-ok' }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" name="spending-action" onFinish={(values) => void run(values)} disabled={busy}>
        {action ? <Typography.Paragraph type="secondary">{t(`spending.dialog.${action}`)}</Typography.Paragraph> : null}
        {action === 'submit' && general ? (
          <Form.Item name="authority" label={t('spending.submit.authority')} extra={t('spending.submit.authorityHint')}>
            <Select allowClear loading={authorities.loading} placeholder={t('spending.submit.automatic')} options={authorities.data ?? []} />
          </Form.Item>
        ) : null}
        {action === 'pay' ? (
          <>
            <Form.Item name="documentNo" label={t('spending.fields.paymentDocumentNo')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input dir="ltr" maxLength={50} autoComplete="off" />
            </Form.Item>
            <Form.Item name="paidOn" label={`${t('spending.fields.paidOn')} ${t('common.optional')}`} extra={t('spending.dialog.paidOnHint')}>
              <JalaliDatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="note"
          label={noteRequired ? t('spending.fields.rejectReason') : `${t('spending.fields.note')} ${t('common.optional')}`}
          rules={noteRequired ? [{ required: true, whitespace: true, message: t('common.required') }, { min: 3, message: t('spending.dialog.noteShort') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
