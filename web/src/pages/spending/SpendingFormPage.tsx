// A new spending request (a draft), or the requester's correction of one (/spending/:id/edit):
// unit, fund with its free balance, purpose and target group, amount in toman read back in words,
// payee with Sheba (checked here for early feedback; the server decides), supporting documents.
import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useWorkingUnit } from '../../app/working-unit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { UnitPicker } from '../../components/UnitPicker';
import { useAsync } from '../../lib/use-async';
import { useShowError } from '../../lib/use-show-error';
import { AmountField, amountRules, rialsOfToman, tomanText } from './AmountField';
import { useCatalogues } from './catalogues';
import { ACCEPTED_FILES, attachmentOf, MAX_UPLOAD_BYTES } from './files';
import { FundSelect, ShebaField, shebaRules } from './spending-fields';
import type { NewSpending, SpendingDetail } from './types';
import { GovPage } from './GovPage';

interface Values {
  unitId: string;
  fundId: string;
  title: string;
  purposeCode: string;
  targetGroupCode?: string;
  amount: string;
  project?: string;
  placeUnitId?: string;
  beneficiaries?: string;
  beneficiaryCount?: number;
  payeeName: string;
  payeeSheba: string;
  description?: string;
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

function bodyOf(values: Values): NewSpending {
  return {
    unitId: values.unitId,
    fundId: values.fundId,
    amountRials: rialsOfToman(values.amount)!,
    title: values.title.trim(),
    purposeCode: values.purposeCode,
    targetGroupCode: values.targetGroupCode || undefined,
    placeUnitId: values.placeUnitId || undefined,
    project: blank(values.project),
    description: blank(values.description),
    beneficiaries: blank(values.beneficiaries),
    beneficiaryCount: values.beneficiaryCount ?? undefined,
    payeeName: values.payeeName.trim(),
    payeeSheba: values.payeeSheba.trim(),
  };
}

function valuesOf(detail: SpendingDetail): Values {
  const r = detail.request;
  return {
    unitId: r.unit.id, fundId: r.fund.id, title: r.title, purposeCode: r.purposeCode, targetGroupCode: r.targetGroupCode ?? undefined, amount: tomanText(r.amountRials),
    project: r.project ?? undefined, placeUnitId: r.placeUnitId ?? undefined, beneficiaries: r.beneficiaries ?? undefined, beneficiaryCount: r.beneficiaryCount ?? undefined,
    payeeName: r.payee.name, payeeSheba: r.payee.sheba, description: r.description ?? undefined,
  };
}

export default function SpendingFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const { unit: workingUnit } = useWorkingUnit();
  const catalogues = useCatalogues();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const existing = useAsync(async (signal) => (id ? unwrap(api.GET('/api/spending-requests/{id}', { params: { path: { id } }, signal })) : undefined), [id]);
  const unitId = Form.useWatch('unitId', form) ?? (id ? existing.data?.request.unit.id : workingUnit.id);
  const balances = useAsync(async (signal) => (unitId ? unwrap(api.GET('/api/balances', { params: { query: { unitId } }, signal })) : undefined), [unitId]);
  const funds = (balances.data?.funds ?? []).filter((fund) => fund.unitId === unitId);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(valuesOf(existing.data));
  }, [existing.data, form]);

  function pickFund(fundId: string) {
    const fund = funds.find((candidate) => candidate.fundId === fundId);
    // a specific fund pays only its donors' intent: start from it
    if (fund?.kind === 'specific') form.setFieldsValue({ purposeCode: fund.purposeCode, targetGroupCode: fund.targetGroupCode ?? undefined });
  }

  async function submit(values: Values) {
    setBusy(true);
    try {
      const body = bodyOf(values);
      const { unitId: _unit, ...patch } = body;
      const saved = id
        ? await unwrap(api.PATCH('/api/spending-requests/{id}', { params: { path: { id } }, body: patch }))
        : await unwrap(api.POST('/api/spending-requests', { body }));
      const requestId = saved.request.id;
      let failed = 0;
      for (const file of files) {
        try {
          await unwrap(api.POST('/api/spending-requests/{id}/documents', { params: { path: { id: requestId } }, body: await attachmentOf(file) }));
        } catch (error) {
          failed += 1;
          showError(error);
        }
      }
      void message.success(id ? t('spending.form.saved') : t('spending.form.created'));
      if (failed) void message.warning(t('spending.form.someFilesFailed'));
      void navigate(`/spending/${requestId}`);
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  if (id && !existing.data) return existing.error ? <ErrorAlert error={existing.error} onRetry={existing.reload} /> : <PageSpinner />;
  const required = { required: true, message: t('common.required') };
  const purposes = catalogues.purposeOptions.filter((option) => option.value !== 'general');

  return (
    <GovPage>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {id ? t('spending.form.editTitle') : t('spending.form.title')}
      </Typography.Title>
      <Card>
        <Form<Values> form={form} layout="vertical" name="spending" initialValues={{ unitId: workingUnit.id }} onFinish={(values) => void submit(values)} disabled={busy} scrollToFirstError>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="unitId" label={t('spending.fields.unit')} rules={[required]}>
                <UnitPicker activeOnly disabled={Boolean(id)} onChange={() => form.setFieldValue('fundId', undefined)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="fundId" label={t('spending.fields.fund')} rules={[required]} extra={t('spending.form.fundHint')}>
                <FundSelect funds={funds} loading={balances.loading} purposeLabel={catalogues.purposeLabel} onChange={pickFund} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="title" label={t('spending.fields.title')} rules={[{ ...required, whitespace: true }, { min: 3, message: t('spending.form.titleShort') }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="purposeCode" label={t('spending.fields.purpose')} rules={[required]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={purposes} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="targetGroupCode" label={`${t('spending.fields.targetGroup')} ${t('common.optional')}`}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={catalogues.targetGroupOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="amount" label={t('spending.form.amountToman')} rules={amountRules(t)}>
                <AmountField />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="placeUnitId" label={`${t('spending.fields.place')} ${t('common.optional')}`} extra={t('spending.form.placeHint')}>
                <UnitPicker allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="project" label={`${t('spending.fields.project')} ${t('common.optional')}`}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="beneficiaryCount" label={`${t('spending.fields.beneficiaryCount')} ${t('common.optional')}`}>
                <InputNumber min={1} max={10_000_000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="beneficiaries" label={`${t('spending.fields.beneficiaries')} ${t('common.optional')}`}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="payeeName" label={t('spending.fields.payeeName')} rules={[{ ...required, whitespace: true }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="payeeSheba" label={t('spending.fields.payeeSheba')} rules={shebaRules(t)} validateDebounce={300}>
                <ShebaField />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="description" label={`${t('spending.fields.description')} ${t('common.optional')}`}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={t('spending.documents.title')} extra={t('spending.documents.hint')}>
                <Upload
                  multiple
                  accept={ACCEPTED_FILES}
                  fileList={files.map((file, index) => ({ uid: String(index), name: file.name, status: 'done' as const }))}
                  beforeUpload={(file) => {
                    if (file.size > MAX_UPLOAD_BYTES) void message.error(t('spending.documents.tooLarge', { name: file.name }));
                    else setFiles((current) => [...current, file]);
                    return false;
                  }}
                  onRemove={(removed) => setFiles((current) => current.filter((_, index) => String(index) !== removed.uid))}
                >
                  <Button icon={<UploadOutlined aria-hidden />}>{t('spending.documents.choose')}</Button>
                </Upload>
              </Form.Item>
            </Col>
          </Row>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="spending-save">
              {id ? t('common.save') : t('spending.form.create')}
            </Button>
            <Link to={id ? `/spending/${id}` : '/spending'}>{t('common.cancel')}</Link>
          </Space>
        </Form>
      </Card>
    </GovPage>
  );
}
