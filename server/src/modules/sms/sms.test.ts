import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KavenegarSmsSender, type FetchLike } from './kavenegar-sms-sender.ts';
import { receiptSmsText } from './receipt-sms.ts';
import { SinkSmsSender } from './sink-sms-sender.ts';

describe('SMS sink', () => {
  it('should append one JSON line per message and print it with the mobile masked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msk-sms-'));
    const printed: string[] = [];
    const sink = new SinkSmsSender(dir, (l) => printed.push(l));
    await Promise.all([
      sink.send({ to: '09121234567', kind: 'otp', text: 'کد ورود شما: 123456' }),
      sink.send({ to: '09350000000', kind: 'receipt', text: receiptSmsText(5_000_000n, 'ABCDEFGHJK', 'https://mosharekat.example') }),
    ]);
    const lines = fs.readFileSync(path.join(dir, 'sms-outbox.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(expect.objectContaining({ to: '09121234567', kind: 'otp', text: 'کد ورود شما: 123456' }));
    expect(lines.find((l) => l.kind === 'receipt').text).toContain('https://mosharekat.example/r/ABCDEFGHJK');
    expect(lines.find((l) => l.kind === 'receipt').text).toContain('۵۰۰٬۰۰۰ تومان');
    expect(printed.join('\n')).not.toContain('09121234567');
    expect(printed.join('\n')).toContain('0912***4567');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('Kavenegar adapter', () => {
  it('should post the message as a form and never put the key in an error', async () => {
    const calls: { url: string; body: string }[] = [];
    const ok: FetchLike = async (url, init) => {
      calls.push({ url, body: init.body });
      return { status: 200, json: async () => ({ return: { status: 200, message: 'تایید شد' }, entries: [] }) };
    };
    const sender = new KavenegarSmsSender({ apiKey: 'SECRET-KEY-123', sender: '10004346', fetch: ok });
    await sender.send({ to: '09121234567', kind: 'otp', text: 'کد: 123456' });
    expect(calls[0]!.url).toBe('https://api.kavenegar.com/v1/SECRET-KEY-123/sms/send.json');
    expect(Object.fromEntries(new URLSearchParams(calls[0]!.body))).toEqual({ receptor: '09121234567', message: 'کد: 123456', sender: '10004346' });

    const refused = new KavenegarSmsSender({ apiKey: 'SECRET-KEY-123', fetch: async () => ({ status: 401, json: async () => ({ return: { status: 401 } }) }) });
    const err1 = await refused.send({ to: '09121234567', kind: 'otp', text: 'x' }).catch((e: Error) => e);
    const broken = new KavenegarSmsSender({ apiKey: 'SECRET-KEY-123', fetch: async (url) => { throw new Error(`connect ECONNREFUSED ${url}`); } });
    const err2 = await broken.send({ to: '09121234567', kind: 'otp', text: 'x' }).catch((e: Error) => e);
    for (const e of [err1, err2]) {
      expect(e).toBeInstanceOf(Error);
      expect(String((e as Error).message)).not.toContain('SECRET-KEY-123');
      expect(String((e as Error).message)).not.toContain('09121234567');
      expect((e as Error).cause).toBeUndefined();
    }
  });
});
