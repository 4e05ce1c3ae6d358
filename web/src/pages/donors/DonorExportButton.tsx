// Excel of the donor list exactly as filtered, made by the server (GET /api/donors/export.xlsx):
// identifiers masked; holders of donors.pii may ask for full ones, which the server audits.
import { useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/ErrorAlert';
import { downloadDonorExport } from './donor-api';
import type { DonorListQuery } from './types';

interface Props {
  query: Omit<DonorListQuery, 'page' | 'pageSize'>;
  canUnmask: boolean;
}

export function DonorExportButton({ query, canUnmask }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function run(unmasked: boolean) {
    const key = 'donor-export';
    setBusy(true);
    void message.open({ key, type: 'loading', content: t('donors.list.exporting'), duration: 0 });
    try {
      await downloadDonorExport(query, unmasked);
      void message.open({ key, type: 'success', content: t('donors.list.exported') });
    } catch (error) {
      void message.open({ key, type: 'error', content: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  }

  if (!canUnmask) {
    return (
      <Button icon={<FileExcelOutlined aria-hidden />} loading={busy} onClick={() => void run(false)} data-testid="donor-export">
        {t('donors.list.export')}
      </Button>
    );
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'masked', label: t('donors.list.exportMasked') },
          { key: 'unmasked', label: t('donors.list.exportUnmasked'), title: t('donors.list.exportUnmaskedHint') },
        ],
        onClick: ({ key }) => void run(key === 'unmasked'),
      }}
    >
      <Button icon={<FileExcelOutlined aria-hidden />} loading={busy} data-testid="donor-export">
        {t('donors.list.export')} <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
