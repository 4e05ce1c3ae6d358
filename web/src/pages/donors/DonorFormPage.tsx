// Register a donor (/donors/new) or edit one (/donors/:id/edit): natural or legal person, with the
// server's field errors (in Persian) placed on their fields, the address from Iran's divisions, a
// Jalali birth date, mobiles as a list and related donors picked by search. A duplicate national
// code or legal id is answered with a link to the existing record. In an edit, identifiers stay
// masked (and are never sent back) until the user reveals them, which the server audits.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Form, Segmented, Skeleton, Space, Typography } from 'antd';
import { EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useWorkingUnit } from '../../app/working-unit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { useAsync } from '../../lib/use-async';
import { useShowError } from '../../lib/use-show-error';
import { AddressFields } from './AddressFields';
import { ContactFields, MoreFields } from './CommonFields';
import { createDonor, DonorApiError, updateDonor } from './donor-api';
import { createBody, MASKED_FIELDS, patchBody, valuesFromDonor, type DonorFormValues } from './donor-form-values';
import { ContactsFields, LegalIdentityFields, RepresentativesFields } from './LegalFields';
import { NaturalIdentityFields, RelationsFields } from './NaturalFields';
import type { Donor, DonorType, Revealed } from './types';
import './donors.css';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" title={<h2 className="card-heading">{title}</h2>} data-testid={testId}>
      <div className="form-grid">{children}</div>
    </Card>
  );
}

export default function DonorFormPage() {
  const { id } = useParams();
  const donor = useAsync((signal) => (id ? unwrap(api.GET('/api/donors/{id}', { params: { path: { id } }, signal })) : Promise.resolve(null)), [id]);
  if (id && !donor.data) {
    return donor.error ? <ErrorAlert error={donor.error} onRetry={donor.reload} /> : <Skeleton active />;
  }
  return <DonorForm key={donor.data?.id ?? 'new'} donor={donor.data ?? null} />;
}

function DonorForm({ donor }: { donor: Donor | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const { unit } = useWorkingUnit();
  const [form] = Form.useForm<DonorFormValues>();
  const [busy, setBusy] = useState(false);
  const [duplicate, setDuplicate] = useState<{ existingId?: string } | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const editing = donor !== null;
  const locked = editing && !revealed;
  const initial = useMemo<DonorFormValues>(
    () => (donor ? valuesFromDonor(donor, revealed) : { type: 'natural', unitId: unit.id, mobiles: [''], publicConsent: false }),
    [donor, revealed, unit.id],
  );
  const type = (Form.useWatch('type', form) as DonorType | undefined) ?? initial.type;

  useEffect(() => {
    if (revealed) form.setFieldsValue({ nationalCode: initial.nationalCode, mobiles: initial.mobiles, sheba: initial.sheba, contacts: initial.contacts });
  }, [revealed, initial, form]);

  async function reveal() {
    if (!donor) return;
    try {
      setRevealed(await unwrap(api.POST('/api/donors/{id}/reveal', { params: { path: { id: donor.id } } })));
    } catch (error) {
      showError(error);
    }
  }

  async function submit(values: DonorFormValues) {
    setBusy(true);
    setDuplicate(null);
    try {
      if (donor) {
        const body = patchBody(initial, { ...values, type: donor.type }, locked ? MASKED_FIELDS : []);
        if (Object.keys(body).length === 0) {
          void message.info(t('donors.form.nothingChanged'));
          return;
        }
        await updateDonor(donor.id, body);
        void message.success(t('donors.form.saved'));
        void navigate(`/donors/${donor.id}`);
      } else {
        const created = await createDonor(createBody(values));
        void message.success(t('donors.form.created', { name: created.displayName }));
        void navigate(`/donors/${created.id}`);
      }
    } catch (error) {
      if (error instanceof DonorApiError && error.code === 'DONOR_DUPLICATE') {
        setDuplicate({ existingId: error.existingId });
        window.scrollTo({ top: 0, behavior: 'smooth' });
      }
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  const title = donor ? t('donors.form.editTitle', { name: donor.displayName }) : t('donors.form.newTitle');
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        {title}
      </Typography.Title>
      <Form<DonorFormValues>
        form={form}
        name="donor"
        layout="vertical"
        className="record-form donor-form"
        initialValues={initial}
        onFinish={(values) => void submit(values)}
        onFinishFailed={() => void message.error(t('donors.form.fixErrors'))}
        scrollToFirstError={{ block: 'center' }}
        disabled={busy}
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {duplicate ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              data-testid="donor-duplicate"
              title={t('donors.form.duplicate')}
              description={duplicate.existingId ? <Link to={`/donors/${duplicate.existingId}`}>{t('donors.form.duplicateOpen')}</Link> : t('donors.form.duplicateHidden')}
            />
          ) : null}
          {donor?.status === 'merged' ? <Alert type="warning" showIcon title={t('donors.detail.merged', { name: donor.displayName })} /> : null}
          {editing ? (
            locked && donor?.can.reveal ? (
              <Alert
                type="info"
                showIcon
                title={t('donors.form.locked')}
                action={
                  <Button size="small" icon={<EyeOutlined aria-hidden />} onClick={() => void reveal()}>
                    {t('donors.form.unlock')}
                  </Button>
                }
              />
            ) : null
          ) : (
            <Card size="small">
              <div className="form-grid">
                <Form.Item name="type" label={t('donors.form.typeLabel')}>
                  <Segmented block options={(['natural', 'legal'] as const).map((value) => ({ value, label: t(`donors.typeLong.${value}`) }))} />
                </Form.Item>
                <Form.Item name="unitId" label={t('donors.form.unit')} rules={[{ required: true, message: t('common.required') }]}>
                  <UnitPicker activeOnly />
                </Form.Item>
              </div>
            </Card>
          )}
          <Section title={t('donors.form.identity')} testId="donor-identity">
            {type === 'natural' ? <NaturalIdentityFields locked={locked} /> : <LegalIdentityFields />}
          </Section>
          <Section title={t('donors.form.contact')}>
            <ContactFields locked={locked} />
          </Section>
          <Section title={t('donors.form.address')}>
            <AddressFields form={form} savedPlace={donor?.address.place} />
          </Section>
          <Card size="small" title={<h2 className="card-heading">{type === 'natural' ? t('donors.form.relations') : t('donors.fields.representatives')}</h2>}>
            {type === 'natural' ? <RelationsFields selfId={donor?.id} /> : <RepresentativesFields />}
          </Card>
          {type === 'legal' ? (
            <Card size="small" title={<h2 className="card-heading">{t('donors.fields.contacts')}</h2>}>
              <ContactsFields locked={locked} />
            </Card>
          ) : null}
          <Section title={t('donors.form.more')}>
            <MoreFields />
          </Section>
          <div className="form-actions">
            <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={busy} data-testid="donor-submit">
              {donor ? t('donors.form.save') : t('donors.form.create')}
            </Button>
            <Button onClick={() => void navigate(donor ? `/donors/${donor.id}` : '/donors')} disabled={false}>
              {t('common.cancel')}
            </Button>
          </div>
        </Space>
      </Form>
    </>
  );
}
