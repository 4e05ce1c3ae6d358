// Create a user, or edit one's name, roles and password (users.manage).
import { useEffect, useState } from 'react';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ROLES, type Role, type User } from '../../api/types';
import { UnitPicker } from '../../components/UnitPicker';
import { useFormat } from '../../lib/format';
import { useShowError } from '../../lib/use-show-error';

interface Values {
  username?: string;
  fullName: string;
  password?: string;
  unitId?: string;
  roles: { role: Role; unitId: string }[];
}

interface UserDialogProps {
  /** null: closed; 'new': create; a user: edit. */
  target: User | 'new' | null;
  defaultUnitId: string;
  onClose: () => void;
  onDone: (text: string) => void;
}

export function UserDialog({ target, defaultUnitId, onClose, onDone }: UserDialogProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const creating = target === 'new';

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target === 'new') form.setFieldsValue({ unitId: defaultUnitId, roles: [{ role: 'participation_officer', unitId: defaultUnitId }] });
    else form.setFieldsValue({ fullName: target.fullName, roles: target.roles.map(({ role, unitId }) => ({ role, unitId })) });
  }, [target, defaultUnitId, form]);

  async function submit(values: Values) {
    setBusy(true);
    try {
      const roles = values.roles.map(({ role, unitId }) => ({ role, unitId }));
      if (target === 'new') {
        const body = { username: values.username!.trim(), fullName: values.fullName.trim(), password: values.password!, unitId: values.unitId!, roles };
        const user = await unwrap(api.POST('/api/users', { body }));
        onDone(t('users.created', { name: user.fullName }));
      } else if (target) {
        const body = { fullName: values.fullName.trim(), roles, ...(values.password ? { password: values.password } : {}) };
        await unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: target.id } }, body }));
        onDone(t('users.saved'));
      }
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      open={target !== null}
      title={creating ? t('users.create') : `${t('users.edit')}${target && typeof target === 'object' ? ` — ${target.username}` : ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'user-dialog-ok' }}
      width={640}
    >
      <Form<Values> form={form} layout="vertical" name="user" onFinish={(values) => void submit(values)} disabled={busy}>
        {creating ? (
          <Form.Item name="username" label={t('users.username')} rules={[{ ...required, whitespace: true }]}>
            <Input dir="ltr" autoComplete="off" maxLength={64} />
          </Form.Item>
        ) : null}
        <Form.Item name="fullName" label={t('users.fullName')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="password"
          label={creating ? t('users.password') : t('users.newPassword')}
          extra={creating ? undefined : t('users.newPasswordHint')}
          rules={creating ? [required] : []}
        >
          <Input.Password dir="ltr" autoComplete="new-password" />
        </Form.Item>
        {creating ? (
          <Form.Item name="unitId" label={t('users.unit')} rules={[required]}>
            <UnitPicker activeOnly />
          </Form.Item>
        ) : null}
        <Form.List name="roles" rules={[{ validator: async (_, roles?: unknown[]) => { if (!roles?.length) throw new Error(t('users.rolesMin')); } }]}>
          {(fields, { add, remove }, { errors }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('users.roles')}</legend>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'role']} label={`${t('users.role')} ${f.digits(index + 1)}`} rules={[required]}>
                    <Select style={{ width: 200 }} options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unitId']} label={t('users.roleUnit')} rules={[required]}>
                    <UnitPicker activeOnly style={{ width: 240 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('users.removeRole', { n: f.digits(index + 1) })} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                </Space>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'participation_officer', unitId: form.getFieldValue('unitId') ?? defaultUnitId })}>
                  {t('users.addRole')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
