// "Export to Excel" of the list exactly as filtered on screen: fetches the filter's pages one after
// another (up to EXPORT_LIMIT rows) and writes a right-to-left sheet with headers in the user's language.
import { useState } from 'react';
import { App, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../api/types';
import { useFormat } from '../lib/format';
import { collectRows } from '../lib/collect-rows';
import { errorText } from './ErrorAlert';

export const EXPORT_LIMIT = 10_000;
const EXPORT_PAGE_SIZE = 200; // the API's largest page

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

interface ExportButtonProps<T> {
  fileName: string;
  sheetName: string;
  columns: ExportColumn<T>[];
  fetchPage: (page: number, pageSize: number) => Promise<Paged<T>>;
}

export function ExportButton<T>({ fileName, sheetName, columns, fetchPage }: ExportButtonProps<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const f = useFormat();
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    const key = 'export';
    try {
      const excel = import('../lib/excel');
      const { rows, total } = await collectRows(fetchPage, EXPORT_LIMIT, EXPORT_PAGE_SIZE, (n) =>
        void message.open({ key, type: 'loading', content: t('export.working', { n: f.count(n) }), duration: 0 }),
      );
      if (rows.length === 0) {
        void message.open({ key, type: 'info', content: t('export.empty') });
        return;
      }
      const { buildWorkbook, download } = await excel;
      const blob = await buildWorkbook(
        sheetName,
        columns.map(({ header, width }) => ({ header, width })),
        rows.map((row) => columns.map((column) => column.value(row) ?? null)),
        f.lang === 'fa',
      );
      download(blob, `${fileName}.xlsx`);
      const done = t('export.done', { n: f.count(rows.length) });
      void message.open({ key, type: 'success', content: total > rows.length ? `${done} ${t('export.truncated', { n: f.count(rows.length) })}` : done });
    } catch (error) {
      void message.open({ key, type: 'error', content: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button icon={<FileExcelOutlined aria-hidden />} loading={busy} onClick={() => void run()}>
      {t('export.button')}
    </Button>
  );
}
