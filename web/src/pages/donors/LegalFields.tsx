// Identity, representatives and contact people of a legal person (شخص حقوقی) in the donor form.
import { Button, Form, Input, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DonorPicker } from '../../components/DonorPicker';
import { useFormat } from '../../lib/format';
import { LEGAL_TYPES } from './types';

export function LegalIdentityFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('common.required') };
  return (
    <>
      <Form.Item name="legalName" label={t('donors.fields.legalName')} rules={[{ ...required, whitespace: true }]} className="span-2">
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="legalType" label={t('donors.fields.legalType')} rules={[required]}>
        <Select options={LEGAL_TYPES.map((type) => ({ value: type, label: t(`donors.legalType.${type}`) }))} />
      </Form.Item>
      <Form.Item name="legalId" label={t('donors.fields.legalId')}>
        <Input dir="ltr" inputMode="numeric" maxLength={40} autoComplete="off" data-testid="donor-legal-id" />
      </Form.Item>
      <Form.Item name="registrationNo" label={t('donors.fields.registrationNo')}>
        <Input dir="ltr" maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item name="economicCode" label={t('donors.fields.economicCode')}>
        <Input dir="ltr" maxLength={30} autoComplete="off" />
      </Form.Item>
    </>
  );
}

export function RepresentativesFields() {
  const { t } = useTranslation();
  const f = useFormat();
  const required = { required: true, message: t('common.required') };
  return (
    <Form.List name="representatives">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => {
            const n = f.digits(index + 1);
            return (
              <div key={field.key} className="list-row">
                <Form.Item name={[field.name, 'donorId']} label={t('donors.form.representative', { n })} rules={[required]}>
                  <DonorPicker type="natural" />
                </Form.Item>
                <Form.Item name={[field.name, 'role']} label={t('donors.form.representativeRole', { n })} rules={[{ ...required, whitespace: true }]}>
                  <Input maxLength={60} />
                </Form.Item>
                <Button type="text" danger icon={<MinusCircleOutlined aria-hidden />} aria-label={t('donors.form.removeRepresentative', { n })} onClick={() => remove(field.name)} className="list-remove" />
              </div>
            );
          })}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
            {t('donors.form.addRepresentative')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function ContactsFields({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => {
            const n = f.digits(index + 1);
            return (
              <fieldset key={field.key} className="list-group" disabled={locked}>
                <legend>{t('donors.form.contactN', { n })}</legend>
                <div className="form-grid">
                  <Form.Item name={[field.name, 'fullName']} label={t('donors.fields.fullName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                    <Input maxLength={120} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} label={t('donors.fields.title')}>
                    <Input maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'mobile']} label={t('donors.fields.mobile')}>
                    <Input dir="ltr" inputMode="tel" maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'phone']} label={t('donors.fields.phone')}>
                    <Input dir="ltr" inputMode="tel" maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'email']} label={t('donors.fields.email')}>
                    <Input dir="ltr" inputMode="email" maxLength={200} />
                  </Form.Item>
                </div>
                <Button danger icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(field.name)} disabled={locked}>
                  {t('donors.form.removeContact', { n })}
                </Button>
              </fieldset>
            );
          })}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})} disabled={locked}>
            {t('donors.form.addContact')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
