// Seat someone on a council: a staff user (for those who may search users) or an outside person
// (a benefactor, an NGO's or agency's representative) by name and organization.
import { useEffect, useState } from 'react';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../lib/use-show-error';
import { ActorSelect } from '../audit/ActorSelect';
import { MEMBER_ROLES, type MemberRole } from './types';

interface Values {
  who: 'outside' | 'staff';
  staffUserId?: string;
  fullName?: string;
  organization?: string;
  role: MemberRole;
}

export function MemberDialog({ councilId, open, onClose, onDone }: { councilId: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const who = Form.useWatch('who', form);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  async function submit(values: Values) {
    setBusy(true);
    try {
      const body =
        values.who === 'staff'
          ? { staffUserId: values.staffUserId!, role: values.role, ...(values.organization?.trim() ? { organization: values.organization.trim() } : {}) }
          : { fullName: values.fullName!.trim(), organization: values.organization?.trim() || undefined, role: values.role };
      await unwrap(api.POST('/api/councils/{id}/members', { params: { path: { id: councilId } }, body }));
      onDone();
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
      title={t('councils.members.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.add')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'member-dialog-ok' }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" name="member" initialValues={{ who: 'outside', role: 'member' }} onFinish={(values) => void submit(values)} disabled={busy}>
        {can('users.read') ? (
          <Form.Item name="who" label={t('councils.members.who')}>
            <Radio.Group
              options={[
                { value: 'outside', label: t('councils.members.outside') },
                { value: 'staff', label: t('councils.members.staff') },
              ]}
            />
          </Form.Item>
        ) : null}
        {who === 'staff' ? (
          <Form.Item name="staffUserId" label={t('councils.members.staffUser')} rules={[required]}>
            <StaffPicker />
          </Form.Item>
        ) : (
          <Form.Item name="fullName" label={t('councils.members.fullName')} rules={[{ ...required, whitespace: true }, { min: 3, message: t('councils.members.nameShort') }]}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item name="organization" label={`${t('councils.members.organization')} ${t('common.optional')}`}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="role" label={t('councils.members.role')} rules={[required]}>
          <Select options={MEMBER_ROLES.map((role) => ({ value: role, label: t(`councils.roles.${role}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A staff user chosen by searching /api/users, as a form control. */
export function StaffPicker({ id, value, onChange }: { id?: string; value?: string; onChange?: (id: string) => void }) {
  const [label, setLabel] = useState('');
  return (
    <ActorSelect
      id={id}
      value={value ?? ''}
      label={label}
      onChange={(next, name) => {
        setLabel(name);
        onChange?.(next);
      }}
    />
  );
}
