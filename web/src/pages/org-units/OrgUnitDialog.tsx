// Add / rename / move / retire / split an org unit (org.manage). Server field errors land on the fields.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { NewOrgUnit, OrgUnit, OrgUnitKind } from '../../api/types';
import { UnitPicker } from '../../components/UnitPicker';
import { clearOrgCache } from '../../lib/org-cache';
import { useShowError } from '../../lib/use-show-error';
import { toLatinDigits } from '@mosharekat/fa';
import { useFormat } from '../../lib/format';

export type OrgAction = 'add' | 'rename' | 'move' | 'retire' | 'split';

interface Values {
  kind?: NewOrgUnit['kind'];
  name?: string;
  parentId?: string;
  amarCode?: string;
  reason?: string;
  parts?: { name: string; amarCode?: string }[];
  childrenTo?: number;
}

interface OrgUnitDialogProps {
  action: OrgAction | null;
  /** The unit acted upon (for add: the suggested parent, if any). */
  unit: OrgUnit | null;
  defaultParentId: string;
  onClose: () => void;
  /** Called after the server accepted the change, with the unit to show next. */
  onDone: (text: string, focusId: string | null) => void;
}

// HQ → provinces → counties, departments under any of them (the server enforces the same rule).
const CHILD_KINDS: Record<OrgUnitKind, NewOrgUnit['kind'][]> = {
  hq: ['province', 'department'],
  province: ['county', 'department'],
  county: ['department'],
  department: [],
};

/** Optional text fields: empty means absent; codes typed with Persian digits are sent as 0-9. */
const blank = (text: string | undefined) => (text?.trim() ? toLatinDigits(text.trim()) : undefined);

export function OrgUnitDialog({ action, unit, defaultParentId, onClose, onDone }: OrgUnitDialogProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [parentKind, setParentKind] = useState<OrgUnitKind | undefined>(action === 'add' ? unit?.kind : undefined);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    if (action === 'add') {
      form.setFieldsValue({ parentId: unit?.id ?? defaultParentId });
      setParentKind(unit?.kind);
    }
    if (action === 'rename') form.setFieldsValue({ name: unit?.name });
    if (action === 'split') form.setFieldsValue({ parts: [{ name: '' }, { name: '' }] });
  }, [action, unit, defaultParentId, form]);

  async function submit(values: Values) {
    setBusy(true);
    try {
      const id = unit?.id ?? '';
      const path = { params: { path: { id } } };
      if (action === 'add') {
        const body = { kind: values.kind!, name: values.name!.trim(), parentId: values.parentId!, ...(blank(values.amarCode) ? { amarCode: blank(values.amarCode)! } : {}) };
        const created = await unwrap(api.POST('/api/org-units', { body }));
        onDone(t('org.created', { name: created.name }), created.id);
      } else if (action === 'rename') {
        await unwrap(api.PATCH('/api/org-units/{id}', { ...path, body: { name: values.name!.trim() } }));
        onDone(t('org.saved'), id);
      } else if (action === 'move') {
        await unwrap(api.PATCH('/api/org-units/{id}', { ...path, body: { parentId: values.parentId! } }));
        onDone(t('org.saved'), id);
      } else if (action === 'retire') {
        const retired = await unwrap(api.POST('/api/org-units/{id}/retire', { ...path, body: { reason: values.reason!.trim() } }));
        onDone(t('org.retiredDone', { name: retired.name }), id);
      } else if (action === 'split') {
        const parts = (values.parts ?? []).map((part) => ({ name: part.name.trim(), ...(blank(part.amarCode) ? { amarCode: blank(part.amarCode)! } : {}) }));
        const childrenTo = values.childrenTo === undefined ? {} : { childrenTo: values.childrenTo };
        const result = await unwrap(api.POST('/api/org-units/{id}/split', { ...path, body: { parts, reason: values.reason!.trim(), ...childrenTo } }));
        onDone(t('org.splitDone', { n: f.count(result.created.length), name: result.retired.name }), result.created[0]?.id ?? id);
      }
      clearOrgCache();
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const titles: Record<OrgAction, string> = { add: t('org.add'), rename: t('org.rename'), move: t('org.move'), retire: t('org.retire'), split: t('org.split') };
  const kinds = parentKind ? CHILD_KINDS[parentKind] : (['province', 'county', 'department'] as const);

  return (
    <Modal
      open={action !== null}
      title={action ? `${titles[action]}${unit && action !== 'add' ? ` — ${unit.name}` : ''}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger: action === 'retire', 'data-testid': 'org-dialog-ok' }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)} disabled={busy} name="org-unit">
        {action === 'add' ? (
          <>
            <Form.Item name="parentId" label={t('org.parent')} rules={[{ required: true, message: t('common.required') }]}>
              <UnitPicker activeOnly onChange={(_id, picked) => setParentKind(picked?.kind)} />
            </Form.Item>
            <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={kinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} />
            </Form.Item>
          </>
        ) : null}
        {action === 'add' || action === 'rename' ? (
          <Form.Item name="name" label={action === 'rename' ? t('org.newName') : t('org.name')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
        {action === 'add' ? (
          <Form.Item name="amarCode" label={`${t('org.amarCode')} ${t('common.optional')}`}>
            <Input dir="ltr" maxLength={20} />
          </Form.Item>
        ) : null}
        {action === 'move' ? (
          <Form.Item name="parentId" label={t('org.newParent')} rules={[{ required: true, message: t('common.required') }]}>
            <UnitPicker activeOnly disabledIds={unit ? [unit.id] : []} />
          </Form.Item>
        ) : null}
        {action === 'retire' ? <Alert type="warning" showIcon title={t('org.retireWarning')} style={{ marginBottom: 16 }} /> : null}
        {action === 'split' ? <SplitParts withChildren={(unit?.childCount ?? 0) > 0} /> : null}
        {action === 'retire' || action === 'split' ? (
          <Form.Item name="reason" label={t('common.reason')} rules={required}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function SplitParts({ withChildren }: { withChildren: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = Form.useFormInstance<Values>();
  const count = Form.useWatch('parts', form)?.length ?? 0;
  return (
    <>
    <Form.List
      name="parts"
      rules={[{ validator: async (_, parts?: unknown[]) => { if (!parts || parts.length < 2) throw new Error(t('org.partsMin')); } }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('org.parts')}</legend>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
              <Form.Item name={[field.name, 'name']} label={t('org.partName', { n: f.digits(index + 1) })} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name={[field.name, 'amarCode']} label={t('org.partAmarCode', { n: f.digits(index + 1) })}>
                <Input dir="ltr" maxLength={20} style={{ width: 140 }} />
              </Form.Item>
              {fields.length > 2 ? (
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('org.removePart', { n: f.digits(index + 1) })} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
              ) : null}
            </Space>
          ))}
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
              {t('org.addPart')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </fieldset>
      )}
    </Form.List>
    {withChildren ? (
      <Form.Item name="childrenTo" label={t('org.childrenTo')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={Array.from({ length: count }, (_, i) => ({ value: i, label: t('org.partName', { n: f.digits(i + 1) }) }))} />
      </Form.Item>
    ) : null}
    </>
  );
}
