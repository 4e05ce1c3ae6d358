// Schedule a council meeting: a Jalali day, a time (Tehran), a place and the agenda.
import { useEffect, useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '@mosharekat/fa';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { JalaliDatePicker } from '../../components/JalaliDatePicker';
import { useShowError } from '../../lib/use-show-error';
import { dayOf, todayDate } from '../spending/jalali-day';
import type { Meeting } from './types';

interface Values {
  scheduledOn: Date;
  time?: string;
  location?: string;
  agenda: string;
}

export function ScheduleMeetingDialog({ councilId, open, onClose, onDone }: { councilId: string; open: boolean; onClose: () => void; onDone: (meeting: Meeting) => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ scheduledOn: todayDate(), time: '10:00' });
    }
  }, [open, form]);

  async function submit(values: Values) {
    setBusy(true);
    try {
      const time = values.time?.trim() ? toLatinDigits(values.time.trim()) : undefined;
      const body = { scheduledOn: dayOf(values.scheduledOn), agenda: values.agenda.trim(), ...(time ? { time } : {}), ...(values.location?.trim() ? { location: values.location.trim() } : {}) };
      onDone(await unwrap(api.POST('/api/councils/{id}/meetings', { params: { path: { id: councilId } }, body })));
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      open={open}
      title={t('meetings.schedule')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('meetings.schedule')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'schedule-dialog-ok' }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" name="meeting" onFinish={(values) => void submit(values)} disabled={busy}>
        <Form.Item name="scheduledOn" label={t('meetings.scheduledOn')} rules={[required]}>
          <JalaliDatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="time" label={`${t('meetings.time')} ${t('common.optional')}`} rules={[{ pattern: /^[0-9۰-۹]{1,2}:[0-9۰-۹]{2}$/, message: t('meetings.timeInvalid') }]}>
          <Input dir="ltr" placeholder="10:00" maxLength={5} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="location" label={`${t('meetings.location')} ${t('common.optional')}`}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="agenda" label={t('meetings.agenda')} rules={[{ ...required, whitespace: true }, { min: 3, message: t('meetings.agendaShort') }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
