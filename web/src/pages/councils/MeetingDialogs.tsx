// Closing a meeting (the day it was held and its minutes; unsaved attendance is saved first, since
// the quorum is computed from it and frozen) and calling one off with a reason.
import { useEffect, useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { JalaliDatePicker } from '../../components/JalaliDatePicker';
import { useShowError } from '../../lib/use-show-error';
import { dateOfDay, dayOf, todayDate } from '../spending/jalali-day';
import type { Meeting } from './types';

export type MeetingDialogKind = 'close' | 'cancel';

interface Values {
  heldOn?: Date;
  minutes?: string;
  reason?: string;
}

interface MeetingDialogProps {
  kind: MeetingDialogKind | null;
  meeting: Meeting;
  /** saves the attendance ticked but not yet saved; resolves to the meeting as it then stands */
  flushAttendance: () => Promise<Meeting>;
  onClose: () => void;
  onDone: (meeting: Meeting) => void;
}

export function MeetingDialog({ kind, meeting, flushAttendance, onClose, onDone }: MeetingDialogProps) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!kind) return;
    form.resetFields();
    const scheduled = dateOfDay(meeting.scheduledOn);
    form.setFieldsValue({ heldOn: scheduled && scheduled < todayDate() ? scheduled : todayDate() });
  }, [kind, meeting.scheduledOn, form]);

  async function submit(values: Values) {
    const path = { id: meeting.id };
    setBusy(true);
    try {
      if (kind === 'close') {
        await flushAttendance();
        onDone(await unwrap(api.POST('/api/meetings/{id}/close', { params: { path }, body: { minutes: values.minutes!.trim(), ...(values.heldOn ? { heldOn: dayOf(values.heldOn) } : {}) } })));
      } else {
        onDone(await unwrap(api.POST('/api/meetings/{id}/cancel', { params: { path }, body: { reason: values.reason!.trim() } })));
      }
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  const required = { required: true, whitespace: true, message: t('common.required') };
  const title = kind === 'close' ? t('meetings.close') : t('meetings.cancel');
  return (
    <Modal open={kind !== null} title={title} onCancel={onClose} onOk={() => form.submit()} okText={title} cancelText={t('common.cancel')} okButtonProps={{ loading: busy, danger: kind === 'cancel', 'data-testid': 'meeting-dialog-ok' }} forceRender>
      <Form<Values> form={form} layout="vertical" name="meeting-step" onFinish={(values) => void submit(values)} disabled={busy}>
        {kind === 'close' ? (
          <>
            <Form.Item name="heldOn" label={t('meetings.heldOn')} rules={[{ required: true, message: t('common.required') }]} extra={t('meetings.closeHint')}>
              <JalaliDatePicker allowClear={false} disabledDate={(date) => date > todayDate()} />
            </Form.Item>
            <Form.Item name="minutes" label={t('meetings.minutes')} rules={[required, { min: 3, message: t('meetings.minutesShort') }]}>
              <Input.TextArea rows={6} maxLength={20000} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="reason" label={t('meetings.cancelReason')} rules={[required, { min: 3, message: t('meetings.minutesShort') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
