/** What a text message is for: one-time codes are secrets, receipts are not (logs treat them apart). */
export type SmsKind = 'otp' | 'receipt';

export interface SmsMessage {
  /** 09xxxxxxxxx (parseMobile's form) */
  to: string;
  text: string;
  kind: SmsKind;
}

/**
 * Sends a text message. Adapters: Kavenegar's HTTP API (kavenegar-sms-sender.ts) and, by default,
 * a sink that appends to `<dataDir>/sms-outbox.log` and prints (sink-sms-sender.ts), so one-time
 * codes and receipt links work without a provider. Another provider is one more class.
 */
export interface SmsSender {
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
}

/** Keeps messages in memory (tests). */
export class MemorySmsSender implements SmsSender {
  readonly name = 'memory';
  readonly sent: (SmsMessage & { at: Date })[] = [];
  async send(message: SmsMessage): Promise<void> {
    this.sent.push({ ...message, at: new Date() });
  }
  /** The messages sent to one mobile, oldest first. */
  to(mobile: string): (SmsMessage & { at: Date })[] {
    return this.sent.filter((m) => m.to === mobile);
  }
}

/** 0912***4567: enough to tell messages apart in a console, not enough to be personal data. */
export function maskMobile(mobile: string): string {
  return mobile.length >= 8 ? `${mobile.slice(0, 4)}***${mobile.slice(-4)}` : '***';
}
