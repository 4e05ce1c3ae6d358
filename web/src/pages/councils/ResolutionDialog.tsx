// Pass a resolution in a meeting held with quorum, or amend / revoke one by a later such meeting:
// its text, optionally a ceiling of general money for some purposes and a period, and delegations
// to directors (who may then order spending, approved by the participation unit).
import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useAuth } from '../../app/auth';
import { JalaliDatePicker } from '../../components/JalaliDatePicker';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useShowError } from '../../lib/use-show-error';
import { AmountField, amountRules, rialsOfToman, tomanText } from '../spending/AmountField';
import { useCatalogues } from '../spending/catalogues';
import { dateOfDay, dayOf, monthsFromToday, todayDate } from '../spending/jalali-day';
import { StaffPicker } from './MemberDialog';
import type { Resolution, ResolutionBody } from './types';

export type ResolutionMode = { kind: 'pass'; meetingId: string; councilId: string } | { kind: 'amend' | 'revoke'; resolution: Resolution };

interface DelegationValues { delegateUserId: string; purposeCodes: string[]; ceiling: string; expiresOn: Date }
interface Values {
  meetingId?: string;
  text: string;
  withAuthorization: boolean;
  ceiling?: string;
  purposeCodes?: string[];
  validFrom?: Date;
  validTo?: Date;
  delegations?: DelegationValues[];
}

function bodyOf(values: Values): ResolutionBody {
  return {
    text: values.text.trim(),
    ...(values.withAuthorization
      ? { authorization: { ceilingRials: rialsOfToman(values.ceiling)!, purposeCodes: values.purposeCodes ?? [], validFrom: dayOf(values.validFrom!), validTo: dayOf(values.validTo!) } }
      : {}),
    ...(values.delegations?.length
      ? { delegations: values.delegations.map((d) => ({ delegateUserId: d.delegateUserId, purposeCodes: d.purposeCodes, ceilingRials: rialsOfToman(d.ceiling)!, expiresOn: dayOf(d.expiresOn) })) }
      : {}),
  };
}

function initialOf(mode: ResolutionMode): Partial<Values> {
  const base = { withAuthorization: false, validFrom: todayDate(), validTo: monthsFromToday(3), purposeCodes: ['general'] };
  if (mode.kind !== 'amend') return base;
  const r = mode.resolution;
  const a = r.authorization;
  return {
    ...base,
    text: r.text,
    ...(a ? { withAuthorization: true, ceiling: tomanText(a.ceilingRials), purposeCodes: a.purposeCodes, validFrom: dateOfDay(a.validFrom) ?? base.validFrom, validTo: dateOfDay(a.validTo) ?? base.validTo } : {}),
    delegations: r.delegations.map((d) => ({ delegateUserId: d.delegate.id, purposeCodes: d.purposeCodes, ceiling: tomanText(d.ceilingRials), expiresOn: dateOfDay(d.expiresOn) ?? monthsFromToday(3) })),
  };
}

export function ResolutionDialog({ mode, onClose, onDone }: { mode: ResolutionMode | null; onClose: () => void; onDone: (resolution: Resolution) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useAuth();
  const showError = useShowError();
  const { purposeOptions } = useCatalogues();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const withAuthorization = Form.useWatch('withAuthorization', form);
  const councilId = mode ? (mode.kind === 'pass' ? mode.councilId : mode.resolution.councilId) : '';
  const meetings = useAsync(
    async (signal) => (mode && mode.kind !== 'pass' ? unwrap(api.GET('/api/councils/{id}/meetings', { params: { path: { id: councilId }, query: { status: 'held', pageSize: 50 } }, signal })) : undefined),
    [councilId, mode?.kind],
  );
  const meetingOptions = (meetings.data?.items ?? []).filter((m) => m.quorumMet).map((m) => ({ value: m.id, label: `${f.digits(m.heldOn ?? m.scheduledOn)} — ${m.agenda.slice(0, 60)}` }));

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    form.setFieldsValue(initialOf(mode));
  }, [mode, form]);

  async function submit(values: Values) {
    if (!mode) return;
    setBusy(true);
    try {
      let result: Resolution;
      if (mode.kind === 'pass') result = await unwrap(api.POST('/api/meetings/{id}/resolutions', { params: { path: { id: mode.meetingId } }, body: bodyOf(values) }));
      else if (mode.kind === 'amend') result = await unwrap(api.POST('/api/resolutions/{id}/amend', { params: { path: { id: mode.resolution.id } }, body: { meetingId: values.meetingId!, ...bodyOf(values) } }));
      else result = await unwrap(api.POST('/api/resolutions/{id}/revoke', { params: { path: { id: mode.resolution.id } }, body: { meetingId: values.meetingId!, text: values.text.trim() } }));
      onDone(result);
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  const required = { required: true, message: t('common.required') };
  const title = mode ? t(`resolutions.dialog.${mode.kind}`) : '';
  const purposes = [{ value: 'general', label: t('resolutions.anyPurpose') }, ...purposeOptions.filter((p) => p.value !== 'general')];
  return (
    <Modal open={mode !== null} title={title} onCancel={onClose} onOk={() => form.submit()} okText={title} cancelText={t('common.cancel')} okButtonProps={{ loading: busy, danger: mode?.kind === 'revoke', 'data-testid': 'resolution-dialog-ok' }} width={720} forceRender>
      <Form<Values> form={form} layout="vertical" name="resolution" onFinish={(values) => void submit(values)} disabled={busy}>
        {mode && mode.kind !== 'pass' ? (
          <Form.Item name="meetingId" label={t('resolutions.dialog.meeting')} rules={[required]} extra={t('resolutions.dialog.meetingHint')}>
            <Select loading={meetings.loading} options={meetingOptions} notFoundContent={t('resolutions.dialog.noMeetings')} />
          </Form.Item>
        ) : null}
        <Form.Item name="text" label={t('resolutions.text')} rules={[{ ...required, whitespace: true }, { min: 5, message: t('resolutions.dialog.textShort') }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        {mode?.kind !== 'revoke' ? (
          <>
            <Form.Item name="withAuthorization" valuePropName="checked" label={t('resolutions.dialog.withAuthorization')}>
              <Switch data-testid="resolution-authorization" />
            </Form.Item>
            {withAuthorization ? (
              <Card size="small" style={{ marginBottom: 16 }}>
                <Form.Item name="ceiling" label={t('resolutions.dialog.ceilingToman')} rules={amountRules(t)}>
                  <AmountField />
                </Form.Item>
                <Form.Item name="purposeCodes" label={t('resolutions.purposes')} rules={[{ ...required, type: 'array', min: 1 }]}>
                  <Select mode="multiple" options={purposes} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
                <Space wrap>
                  <Form.Item name="validFrom" label={t('resolutions.validFrom')} rules={[required]}>
                    <JalaliDatePicker allowClear={false} />
                  </Form.Item>
                  <Form.Item name="validTo" label={t('resolutions.validTo')} rules={[required]}>
                    <JalaliDatePicker allowClear={false} />
                  </Form.Item>
                </Space>
              </Card>
            ) : null}
            <Form.List name="delegations">
              {(fields, { add, remove }) => (
                <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('delegations.title')}</legend>
                  {fields.map((field, index) => (
                    <Card key={field.key} size="small" style={{ marginBottom: 8 }} title={t('resolutions.dialog.delegationN', { n: f.digits(index + 1) })} extra={<Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('resolutions.dialog.removeDelegation', { n: f.digits(index + 1) })} onClick={() => remove(field.name)} />}>
                      <Form.Item name={[field.name, 'delegateUserId']} label={t('delegations.delegate')} rules={[required]} extra={t('resolutions.dialog.delegateHint')}>
                        {can('users.read') ? <StaffPicker /> : <Input dir="ltr" placeholder={t('resolutions.dialog.delegateIdPlaceholder')} />}
                      </Form.Item>
                      <Form.Item name={[field.name, 'purposeCodes']} label={t('delegations.purposes')} rules={[{ ...required, type: 'array', min: 1 }]}>
                        <Select mode="multiple" options={purposes} showSearch={{ optionFilterProp: 'label' }} />
                      </Form.Item>
                      <Space wrap align="start">
                        <Form.Item name={[field.name, 'ceiling']} label={t('resolutions.dialog.ceilingToman')} rules={amountRules(t)}>
                          <AmountField maxWidth={220} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'expiresOn']} label={t('delegations.expiresOn')} rules={[required]}>
                          <JalaliDatePicker allowClear={false} />
                        </Form.Item>
                      </Space>
                    </Card>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ purposeCodes: ['general'], expiresOn: monthsFromToday(3) })}>
                    {t('resolutions.dialog.addDelegation')}
                  </Button>
                </fieldset>
              )}
            </Form.List>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
