// What every donor has: mobiles (a list, the first is the primary), phone, email, how to reach
// them, Sheba, consent to be named, and, under "more", categories, tags and notes.
import { Button, Checkbox, Form, Input, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useDonorCategories } from './donor-api';
import { CONTACT_CHANNELS } from './types';

const MAX_MOBILES = 5;

export function ContactFields({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <div className="span-2">
        <Form.List name="mobiles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const n = f.digits(index + 1);
                return (
                  <div key={field.key} className="list-row list-row-short">
                    <Form.Item name={field.name} label={t('donors.fields.mobileN', { n })} extra={index === 0 ? t('donors.form.mobileHint') : undefined}>
                      <Input dir="ltr" inputMode="tel" maxLength={40} autoComplete="off" disabled={locked} placeholder="09…" />
                    </Form.Item>
                    <Button type="text" danger icon={<MinusCircleOutlined aria-hidden />} aria-label={t('donors.form.removeMobile', { n })} onClick={() => remove(field.name)} disabled={locked} className="list-remove" />
                  </div>
                );
              })}
              {fields.length < MAX_MOBILES ? (
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add('')} disabled={locked} style={{ marginBottom: 16 }}>
                  {t('donors.form.addMobile')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </div>
      <Form.Item name="phone" label={t('donors.fields.phone')}>
        <Input dir="ltr" inputMode="tel" maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item name="email" label={t('donors.fields.email')}>
        <Input dir="ltr" inputMode="email" maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="preferredChannel" label={t('donors.fields.preferredChannel')}>
        <Select allowClear options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`donors.channel.${c}`) }))} />
      </Form.Item>
      <Form.Item name="sheba" label={t('donors.fields.sheba')}>
        <Input dir="ltr" maxLength={40} autoComplete="off" disabled={locked} placeholder={t('donors.form.shebaPlaceholder')} />
      </Form.Item>
      <Form.Item name="publicConsent" valuePropName="checked" className="span-2">
        <Checkbox>{t('donors.fields.publicConsentText')}</Checkbox>
      </Form.Item>
    </>
  );
}

export function MoreFields() {
  const { t } = useTranslation();
  const categories = useDonorCategories();
  return (
    <>
      <Form.Item name="categories" label={t('donors.fields.categories')}>
        <Select mode="multiple" allowClear options={categories.options} />
      </Form.Item>
      <Form.Item name="tags" label={t('donors.fields.tags')}>
        <Select mode="tags" placeholder={t('donors.form.tagsPlaceholder')} tokenSeparators={[',', '،']} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="notes" label={t('donors.fields.notes')} className="span-2">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </>
  );
}
