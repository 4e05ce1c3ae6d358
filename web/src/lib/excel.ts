// Builds an .xlsx in the browser. Loaded only when someone presses "export" (exceljs is large).
import ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  width?: number;
}

export async function buildWorkbook(
  sheetName: string,
  columns: SheetColumn[],
  rows: (string | number | null)[][],
  rightToLeft: boolean,
): Promise<Blob> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mosharekat';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ rightToLeft, state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width ?? 20 }));
  sheet.getRow(1).font = { bold: true, name: 'Vazirmatn' };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F3EE' } };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
