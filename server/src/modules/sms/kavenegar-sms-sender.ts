import { maskMobile, type SmsMessage, type SmsSender } from './sms-sender.ts';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<{ status: number; json(): Promise<unknown> }>;

/**
 * Kavenegar's REST API: POST https://api.kavenegar.com/v1/{API-KEY}/sms/send.json with a form body
 * (receptor, message, sender); the answer's `return.status` is 200 on success. The API key is part
 * of the URL by Kavenegar's design, so the URL is never logged and errors name only the status.
 */
export class KavenegarSmsSender implements SmsSender {
  readonly name = 'kavenegar';
  private readonly apiKey: string;
  private readonly sender: string | null;
  private readonly fetch: FetchLike;
  private readonly baseUrl: string;

  constructor(opts: { apiKey: string; sender?: string | null; fetch?: FetchLike; baseUrl?: string }) {
    if (!opts.apiKey) throw new Error('KAVENEGAR_API_KEY is required with SMS=kavenegar');
    this.apiKey = opts.apiKey;
    this.sender = opts.sender ?? null;
    this.fetch = opts.fetch ?? (globalThis.fetch as unknown as FetchLike);
    this.baseUrl = opts.baseUrl ?? 'https://api.kavenegar.com/v1';
  }

  async send(message: SmsMessage): Promise<void> {
    const form = new URLSearchParams({ receptor: message.to, message: message.text });
    if (this.sender) form.set('sender', this.sender);
    let status = 0;
    let returned: unknown = null;
    try {
      const res = await this.fetch(`${this.baseUrl}/${encodeURIComponent(this.apiKey)}/sms/send.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      returned = ((await res.json().catch(() => null)) as { return?: { status?: unknown } } | null)?.return?.status ?? null;
    } catch (err) {
      // the cause may carry the URL (and so the key): name only what happened
      throw new Error(`kavenegar: request failed for ${maskMobile(message.to)} (${(err as Error).name})`);
    }
    if (status !== 200 || returned !== 200) throw new Error(`kavenegar: HTTP ${status}, return.status ${String(returned)} for ${maskMobile(message.to)}`);
  }
}
