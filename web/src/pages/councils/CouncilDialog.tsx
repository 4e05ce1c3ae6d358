// Form a council (unit, name, quorum rule) or change an existing one's name and quorum rule.
import { useEffect, useState } from 'react';
import { Checkbox, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { UnitPicker } from '../../components/UnitPicker';
import { useShowError } from '../../lib/use-show-error';
import type { Council, QuorumRule } from './types';

interface Values {
  unitId?: string;
  name?: string;
  kind: QuorumRule['kind'];
  minMembers?: number;
  requiresChair: boolean;
}

interface CouncilDialogProps {
  /** 'new' to form one; a council to edit; null: closed */
  target: Council | 'new' | null;
  defaultUnitId: string;
  onClose: () => void;
  onDone: (council: Council) => void;
}

export function CouncilDialog({ target, defaultUnitId, onClose, onDone }: CouncilDialogProps) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target === 'new') form.setFieldsValue({ unitId: defaultUnitId, kind: 'majority', requiresChair: false });
    else form.setFieldsValue({ name: target.name, kind: target.quorum.kind, minMembers: target.quorum.minMembers ?? undefined, requiresChair: target.quorum.requiresChair });
  }, [target, defaultUnitId, form]);

  async function submit(values: Values) {
    setBusy(true);
    const quorum = { kind: values.kind, minMembers: values.kind === 'min_members' ? (values.minMembers ?? 1) : null, requiresChair: values.requiresChair };
    const name = values.name?.trim() || undefined;
    try {
      const council =
        target === 'new'
          ? await unwrap(api.POST('/api/councils', { body: { unitId: values.unitId!, name, quorum } }))
          : await unwrap(api.PATCH('/api/councils/{id}', { params: { path: { id: (target as Council).id } }, body: { name, quorum } }));
      onDone(council);
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={target !== null}
      title={target === 'new' ? t('councils.create') : t('councils.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'council-dialog-ok' }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" name="council" onFinish={(values) => void submit(values)} disabled={busy}>
        {target === 'new' ? (
          <Form.Item name="unitId" label={t('councils.unit')} rules={[{ required: true, message: t('common.required') }]} extra={t('councils.unitHint')}>
            <UnitPicker activeOnly />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={`${t('councils.name')} ${t('common.optional')}`} extra={target === 'new' ? t('councils.nameHint') : undefined}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('councils.quorum.title')}>
          <Radio.Group
            options={[
              { value: 'majority', label: t('councils.quorum.majority') },
              { value: 'min_members', label: t('councils.quorum.minMembers') },
            ]}
          />
        </Form.Item>
        {kind === 'min_members' ? (
          <Form.Item name="minMembers" label={t('councils.quorum.minCount')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
        ) : null}
        <Form.Item name="requiresChair" valuePropName="checked">
          <Checkbox>{t('councils.quorum.requiresChair')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
