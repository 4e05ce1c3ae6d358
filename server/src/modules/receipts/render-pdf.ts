import { chromium, type Browser } from 'playwright-core';
import { AppError } from '../../lib/errors.ts';

let browser: Promise<Browser> | null = null;

/** Headless Chromium, started on first use and shared: it is the one renderer that shapes Persian right. */
function getBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  }).catch((err: unknown) => {
    browser = null;
    throw new AppError('SERVICE_UNAVAILABLE', { cause: err });
  });
  return browser;
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  const b = await getBrowser();
  const page = await b.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    return await page.pdf({ format: 'A5', printBackground: true, margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
  } finally {
    await page.close();
  }
}

export async function closePdfRenderer(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b).close().catch(() => {});
}
