import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import QRCode from 'qrcode';
import { formatJalaliDate, formatToman, rialsInWords, toPersianDigits } from '@mosharekat/fa';
import type { ReceiptView } from './get-receipt.ts';

const channelFa: Record<string, string> = {
  counter_cash: 'نقدی (باجه)', pos: 'کارت‌خوان', card_to_card: 'کارت به کارت', bank_transfer: 'واریز بانکی', cheque: 'چک',
  gateway: 'درگاه اینترنتی', ussd: 'کد دستوری', payroll: 'کسر از حقوق', other: 'سایر',
};

let fontCss: string | null = null;
/** Vazirmatn embedded as data URIs: the page and its PDF need no network and no CDN. */
function vazirmatnCss(): string {
  if (fontCss) return fontCss;
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('@fontsource/vazirmatn/package.json')), 'files');
  const faces: string[] = [];
  for (const weight of [400, 700]) {
    for (const [subset, range] of [['arabic', 'U+0600-06FF, U+0750-077F, U+200C-200E, U+FB50-FDFF, U+FE70-FEFF'], ['latin', 'U+0000-00FF']] as const) {
      const data = fs.readFileSync(path.join(dir, `vazirmatn-${subset}-${weight}-normal.woff2`)).toString('base64');
      faces.push(`@font-face{font-family:Vazirmatn;font-weight:${weight};font-style:normal;font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range}}`);
    }
  }
  fontCss = faces.join('\n');
  return fontCss;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const baseCss = `
*{box-sizing:border-box} body{font-family:Vazirmatn,Tahoma,sans-serif;margin:0;background:#f4f6f8;color:#1f2933;direction:rtl}
main{max-width:720px;margin:24px auto;background:#fff;border:1px solid #d9e2ec;border-radius:8px;padding:28px}
h1{font-size:20px;margin:0 0 4px} .muted{color:#52606d;font-size:13px} table{width:100%;border-collapse:collapse;margin:16px 0}
th,td{text-align:right;padding:8px;border-bottom:1px solid #e4e7eb;vertical-align:top;font-size:15px} th{width:34%;color:#52606d;font-weight:400}
.amount{font-size:20px;font-weight:700} .words{font-size:14px} .qr{display:flex;gap:16px;align-items:center;margin-top:12px}
.qr svg{width:128px;height:128px} .status{display:inline-block;padding:4px 12px;border-radius:16px;font-weight:700}
.ok{background:#e3f9e5;color:#05400a} .void{background:#ffe3e3;color:#610404} .unknown{background:#fff3c4;color:#513c06}
.stamp{position:absolute;top:40%;left:10%;right:10%;text-align:center;font-size:64px;color:rgba(180,0,0,.25);transform:rotate(-18deg);font-weight:700}
@media print{body{background:#fff} main{border:none;margin:0;max-width:none}} @page{size:A5;margin:12mm}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html dir="rtl" lang="fa"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${vazirmatnCss()}${baseCss}</style></head><body><main style="position:relative">${body}</main></body></html>`;
}

/** The receipt itself (print view and PDF): amounts in digits and in words, QR to the public check. */
export async function receiptHtml(r: ReceiptView, opts: { verifyUrl: string; donorName: string | null }): Promise<string> {
  const qr = await QRCode.toString(opts.verifyUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const rows: [string, string][] = [
    ['شماره رسید', toPersianDigits(r.receiptNo)],
    ['تاریخ و ساعت', formatJalaliDate(r.receivedAt, { withTime: true, monthName: true })],
    ['مبلغ', `<span class="amount">${formatToman(r.amountRials)}</span> <span class="muted">(${toPersianDigits(r.amountRials.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '٬'))} ریال)</span>`],
    ['مبلغ به حروف', `<span class="words">${esc(rialsInWords(r.amountRials))}</span>`],
    ['نیکوکار', esc(opts.donorName ?? 'ناشناس')],
    ['نیت', esc(r.intentFa)],
    ['واحد دریافت‌کننده', `${esc(r.unitName)} — ${esc(r.provinceName)}`],
    ['روش پرداخت', esc(channelFa[r.channel] ?? r.channel)],
  ];
  return page(`رسید ${r.receiptNo}`, `
<h1>رسید مشارکت مردمی</h1><div class="muted">سامانه مشارکت‌های مردمی — این رسید با کد زیر در سامانه قابل استعلام است.</div>
${r.status === 'void' ? '<div class="stamp">باطل شد</div>' : ''}
<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
<div class="qr">${qr}<div><div>کد استعلام: <strong dir="ltr">${esc(r.code)}</strong></div><div class="muted" dir="ltr">${esc(opts.verifyUrl)}</div></div></div>`);
}

/** The public verification page: confirms amount, date and unit; says plainly when void or unknown. */
export function verificationHtml(r: ReceiptView | null, code: string): string {
  if (!r) {
    return page('رسید یافت نشد', `<h1>استعلام رسید</h1><p><span class="status unknown">رسیدی با این کد یافت نشد</span></p>
<p>کد <strong dir="ltr">${esc(code)}</strong> در سامانه ثبت نشده است. کد را دوباره بررسی کنید؛ اگر رسید کاغذی دارید و کد آن پیدا نمی‌شود، موضوع را به واحد بهزیستی اطلاع دهید.</p>`);
  }
  const status = r.status === 'valid'
    ? '<span class="status ok">این رسید معتبر است</span>'
    : `<span class="status void">این رسید باطل شده است</span><p>این مشارکت برگشت خورده و رسید آن اعتبار ندارد.</p>`;
  return page(`استعلام رسید ${r.receiptNo}`, `<h1>استعلام رسید</h1><p>${status}</p><table>
<tr><th>شماره رسید</th><td>${toPersianDigits(r.receiptNo)}</td></tr>
<tr><th>مبلغ</th><td>${formatToman(r.amountRials)}</td></tr>
<tr><th>تاریخ</th><td>${formatJalaliDate(r.receivedAt, { monthName: true })}</td></tr>
<tr><th>واحد دریافت‌کننده</th><td>${esc(r.unitName)} — ${esc(r.provinceName)}</td></tr></table>
<p class="muted">برای حفظ حریم خصوصی، نام و مشخصات نیکوکار در این صفحه نمایش داده نمی‌شود.</p>`);
}
