// Identity and relationships of a natural person (شخص حقیقی) in the donor form.
import { Button, Form, Input, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DonorPicker } from '../../components/DonorPicker';
import { JalaliDatePicker } from '../../components/JalaliDatePicker';
import { useFormat } from '../../lib/format';
import { GENDERS, RELATION_KINDS, type RelationKind } from './types';

interface Props {
  /** Identifiers masked and not revealed: shown, not editable. */
  locked: boolean;
  selfId?: string;
}

export function NaturalIdentityFields({ locked }: Props) {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <>
      <Form.Item name="firstName" label={t('donors.fields.firstName')} rules={[required]}>
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Form.Item name="lastName" label={t('donors.fields.lastName')} rules={[required]}>
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Form.Item name="nationalCode" label={t('donors.fields.nationalCode')}>
        <Input dir="ltr" inputMode="numeric" maxLength={40} autoComplete="off" disabled={locked} data-testid="donor-national-code" />
      </Form.Item>
      <Form.Item name="fatherName" label={t('donors.fields.fatherName')}>
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Form.Item name="birthDate" label={t('donors.fields.birthDate')}>
        <JalaliDatePicker
          style={{ width: '100%' }}
          placeholder={t('donors.form.birthDatePlaceholder')}
          // Enter confirms the typed date; it must not also submit the whole form
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
      </Form.Item>
      <Form.Item name="gender" label={t('donors.fields.gender')}>
        <Select allowClear options={GENDERS.map((g) => ({ value: g, label: t(`donors.gender.${g}`) }))} />
      </Form.Item>
    </>
  );
}

/** employee_of and representative_of point at a legal person; family_of at a natural one. */
const otherType = (kind: RelationKind | undefined) => (kind === 'family_of' ? 'natural' : kind ? 'legal' : undefined);

export function RelationsFields({ selfId }: Pick<Props, 'selfId'>) {
  const { t } = useTranslation();
  const f = useFormat();
  const required = { required: true, message: t('common.required') };
  return (
    <Form.List name="relations">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => {
            const n = f.digits(index + 1);
            return (
              <div key={field.key} className="list-row">
                <Form.Item name={[field.name, 'kind']} label={t('donors.form.relationKind', { n })} rules={[required]}>
                  <Select options={RELATION_KINDS.map((k) => ({ value: k, label: t(`donors.relationKind.${k}`) }))} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a, b) => a.relations?.[field.name]?.kind !== b.relations?.[field.name]?.kind}>
                  {({ getFieldValue }) => (
                    <Form.Item name={[field.name, 'donorId']} label={t('donors.form.relationDonor', { n })} rules={[required]}>
                      <DonorPicker type={otherType(getFieldValue(['relations', field.name, 'kind']) as RelationKind | undefined)} excludeIds={selfId ? [selfId] : []} />
                    </Form.Item>
                  )}
                </Form.Item>
                <Form.Item name={[field.name, 'role']} label={t('donors.form.relationRole', { n })}>
                  <Input maxLength={60} />
                </Form.Item>
                <Button type="text" danger icon={<MinusCircleOutlined aria-hidden />} aria-label={t('donors.form.removeRelation', { n })} onClick={() => remove(field.name)} className="list-remove" />
              </div>
            );
          })}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ kind: 'employee_of' })}>
            {t('donors.form.addRelation')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
