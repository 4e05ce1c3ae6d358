// The fields of one gift, shared by the record form and the receipt-book stubs: amount in toman with
// words, general / specific with the intent, channel and its reference, Jalali day, donor, notes.
import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { searchKey } from '@mosharekat/fa';
import { CHANNELS } from '../../api/types';
import { JalaliDatePicker } from '../../components/JalaliDatePicker';
import { TomanInput } from '../../components/TomanInput';
import { useAuth } from '../../app/auth';
import { useCatalogues } from '../../lib/catalogues';
import { CHANNELS_NEEDING_REF, type GiftValues } from './gift-body';
import { DonorSelect } from './DonorSelect';

const endOfToday = () => {
  const end = new Date();
  end.setHours(23, 59, 59, 999);
  return end;
};

const bySearchKey = (input: string, option?: { label?: unknown }) => searchKey(String(option?.label ?? '')).includes(searchKey(input));

export function GiftFields({ autoFocus }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const catalogues = useCatalogues();
  const required = { required: true, message: t('common.required') };

  return (
    <>
      <Form.Item<GiftValues> name="amountToman" label={t('contributions.amountToman')} rules={[{ required: true, message: t('contributions.amountRequired') }, { pattern: /[1-9]/, message: t('contributions.amountRequired') }]}>
        <TomanInput words autoFocus={autoFocus} placeholder={t('contributions.amountPlaceholder')} />
      </Form.Item>
      <Form.Item<GiftValues> name="fundKind" label={t('contributions.fundKind')} rules={[required]}>
        <Radio.Group name="fundKind" optionType="button" buttonStyle="solid" options={[{ value: 'general', label: t('contributions.general') }, { value: 'specific', label: t('contributions.specific') }]} />
      </Form.Item>
      <Form.Item noStyle dependencies={['fundKind']}>
        {({ getFieldValue }) =>
          getFieldValue('fundKind') === 'specific' ? (
            <>
              <Form.Item<GiftValues> name="purposeCode" label={t('contributions.purpose')} rules={[{ required: true, message: t('contributions.purposeRequired') }]}>
                <Select
                  showSearch={{ filterOption: bySearchKey }}
                  loading={catalogues.loading}
                  options={catalogues.purposes.filter((p) => p.code !== 'general').map((p) => ({ value: p.code, label: catalogues.purpose(p.code) }))}
                />
              </Form.Item>
              <Form.Item<GiftValues> name="targetGroupCode" label={`${t('contributions.targetGroup')} ${t('common.optional')}`}>
                <Select allowClear showSearch={{ filterOption: bySearchKey }} options={catalogues.targetGroups.map((g) => ({ value: g.code, label: catalogues.targetGroup(g.code) }))} />
              </Form.Item>
            </>
          ) : null
        }
      </Form.Item>
      <Form.Item<GiftValues> name="channel" label={t('contributions.channel')} rules={[required]}>
        <Select options={CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['channel']}>
        {({ getFieldValue }) => {
          const needed = CHANNELS_NEEDING_REF.includes(getFieldValue('channel'));
          return (
            <Form.Item<GiftValues>
              name="channelRef"
              label={needed ? t('contributions.channelRef') : `${t('contributions.channelRef')} ${t('common.optional')}`}
              rules={needed ? [{ required: true, whitespace: true, message: t('contributions.channelRefRequired') }] : []}
            >
              <Input dir="ltr" autoComplete="off" maxLength={100} />
            </Form.Item>
          );
        }}
      </Form.Item>
      <Form.Item<GiftValues> name="receivedOn" label={t('contributions.receivedOn')} rules={[required]}>
        <JalaliDatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(day) => day > endOfToday()} />
      </Form.Item>
      <Form.Item<GiftValues> name="donorId" label={`${t('contributions.donor')} ${t('common.optional')}`} extra={can('donors.read') ? t('contributions.donorHint') : t('contributions.donorUnavailable')}>
        <DonorSelect />
      </Form.Item>
      <Form.Item<GiftValues> name="notes" label={`${t('contributions.notes')} ${t('common.optional')}`} className="span-2">
        <Input maxLength={1000} />
      </Form.Item>
    </>
  );
}
