import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { formatToman, tomanInWords } from '@mosharekat/fa';
import type { SandboxSession } from './sandbox-gateway.ts';

let fontCss: string | null = null;
/** Vazirmatn (Arabic and Latin subsets, regular and bold) inlined: the page needs no other request. */
function fontFaces(): string {
  if (fontCss !== null) return fontCss;
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('@fontsource/vazirmatn/package.json')), 'files');
  const faces: string[] = [];
  for (const weight of [400, 700]) {
    for (const [subset, range] of [['arabic', 'U+0600-06FF, U+200C-200E, U+FB50-FDFF, U+FE70-FEFF'], ['latin', 'U+0000-00FF']] as const) {
      const file = path.join(dir, `vazirmatn-${subset}-${weight}-normal.woff2`);
      if (!fs.existsSync(file)) continue;
      faces.push(`@font-face{font-family:Vazirmatn;font-weight:${weight};src:url(data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}) format('woff2');unicode-range:${range}}`);
    }
  }
  fontCss = faces.join('');
  return fontCss;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const css = `*{box-sizing:border-box}body{margin:0;font-family:Vazirmatn,Tahoma,sans-serif;background:#eef1f4;color:#1f2933}
main{max-width:440px;margin:24px auto;padding:0 16px}.card{background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.badge{display:inline-block;background:#fff3c4;color:#513c06;border-radius:12px;padding:2px 10px;font-size:13px}
h1{font-size:20px;margin:12px 0}dl{margin:16px 0}dt{color:#52606d;font-size:14px}dd{margin:0 0 12px;font-size:16px}
.amount{font-size:24px;font-weight:700}.words{color:#334e68;font-size:14px}
.actions{display:flex;gap:12px;margin-top:20px}button{flex:1;font:inherit;font-size:17px;padding:14px;border-radius:8px;border:0;cursor:pointer}
.pay{background:#0a6b4d;color:#fff}.cancel{background:#e4e7eb;color:#1f2933}p.note{font-size:13px;color:#52606d;line-height:1.8}`;

/** The sandbox's payment page: what is being paid, and the two outcomes a real PSP page can have. */
export function sandboxPageHtml(session: SandboxSession | null): string {
  const body = !session
    ? `<div class="card"><h1>جلسه پرداخت یافت نشد</h1><p class="note">این شناسه پرداخت (Authority) در درگاه آزمایشی وجود ندارد.</p></div>`
    : `<div class="card">
  <span class="badge">درگاه آزمایشی — پولی جابه‌جا نمی‌شود</span>
  <h1>پرداخت اینترنتی</h1>
  <dl>
    <dt>مبلغ</dt><dd><span class="amount" data-testid="sandbox-amount">${esc(formatToman(session.amountRials))}</span><br><span class="words">${esc(tomanInWords(session.amountRials))}</span></dd>
    <dt>بابت</dt><dd>${esc(session.description)}</dd>
  </dl>
  ${session.status === 'new'
    ? `<form method="post" action="/sandbox-gateway/pg/StartPay/${esc(session.authority)}" class="actions">
    <button class="pay" type="submit" name="action" value="pay">پرداخت موفق</button>
    <button class="cancel" type="submit" name="action" value="cancel">انصراف</button>
  </form>`
    : `<p class="note">این پرداخت قبلاً ${session.status === 'cancelled' ? 'لغو' : 'انجام'} شده است.</p>
  <form method="post" action="/sandbox-gateway/pg/StartPay/${esc(session.authority)}" class="actions"><button class="cancel" type="submit" name="action" value="cancel">بازگشت به سایت</button></form>`}
  <p class="note">در نسخه عملیاتی، این صفحه درگاه بانکی (زرین‌پال) است و شماره کارت و رمز دوم در آن وارد می‌شود.</p>
</div>`;
  return `<!doctype html><html dir="rtl" lang="fa"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>درگاه پرداخت آزمایشی</title><style>${fontFaces()}${css}</style></head><body><main>${body}</main></body></html>`;
}
