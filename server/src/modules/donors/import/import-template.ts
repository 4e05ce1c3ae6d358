import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { importColumns } from './import-columns.ts';

/**
 * An empty import file with every column title and two example rows (a person and a charity),
 * right-to-left, for officers to fill in. Identifier cells are text, so Excel keeps leading zeros.
 */
export async function writeImportTemplate(out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('نیکوکاران', { views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }] });
  ws.columns = Object.entries(importColumns).map(([key, c]) => ({ header: c.title, key, width: Math.max(12, c.title.length + 4), style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  ws.addRow({
    type: 'حقیقی', firstName: 'علی', lastName: 'رضایی', fatherName: 'محمد', nationalCode: '0084575948', birthDate: '1365/04/21', gender: 'مرد',
    mobiles: '09121234567', province: 'تهران', county: 'ری', addressLine: 'خیابان فدائیان اسلام', postalCode: '1813613711',
    publicConsent: 'خیر', preferredChannel: 'پیامک', tags: 'خیر مدرسه‌ساز', categories: 'نیکوکار',
  }).commit();
  ws.addRow({
    type: 'حقوقی', legalName: 'مؤسسه خیریه نمونه', legalType: 'خیریه', legalId: '66823760646', registrationNo: '1234',
    phone: '021-55123456', province: 'اصفهان', county: 'کاشان', publicConsent: 'بله',
  }).commit();
  ws.commit();
  await wb.commit();
}
