// Print / PDF / public verification of one receipt. Printing loads the receipt's print view in a
// hidden frame and prints that, so the officer stays on the page they were working on.
import { Button, Space } from 'antd';
import { FilePdfOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export const receiptHtmlUrl = (id: string) => `/api/contributions/${id}/receipt.html`;
export const receiptPdfUrl = (id: string) => `/api/contributions/${id}/receipt.pdf`;
export const verifyUrl = (code: string) => `/r/${encodeURIComponent(code)}`;

export function printReceipt(id: string): void {
  const frame = document.createElement('iframe');
  frame.title = 'receipt';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;inset-inline-start:-9999px';
  frame.src = receiptHtmlUrl(id);
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.append(frame);
}

export function ReceiptActions({ id, code, size }: { id: string; code: string; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={8}>
      <Button size={size} icon={<PrinterOutlined aria-hidden />} onClick={() => printReceipt(id)} data-testid="receipt-print">
        {t('contributions.printReceipt')}
      </Button>
      <Button size={size} icon={<FilePdfOutlined aria-hidden />} href={receiptPdfUrl(id)} target="_blank" rel="noopener" data-testid="receipt-pdf">
        {t('contributions.receiptPdf')}
      </Button>
      <Button size={size} type="link" icon={<SafetyCertificateOutlined aria-hidden />} href={verifyUrl(code)} target="_blank" rel="noopener" data-testid="receipt-verify">
        {t('contributions.verifyPage')}
      </Button>
    </Space>
  );
}
