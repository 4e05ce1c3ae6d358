import fs from 'node:fs/promises';
import path from 'node:path';
import { maskMobile, type SmsMessage, type SmsSender } from './sms-sender.ts';

/**
 * The default "provider": appends each message as one JSON line to `<dataDir>/sms-outbox.log`
 * (where a developer, or a browser test, reads the one-time code) and prints it to the console
 * with the mobile masked.
 */
export class SinkSmsSender implements SmsSender {
  readonly name = 'sink';
  readonly file: string;
  private readonly print: (line: string) => void;

  constructor(dataDir: string, print: (line: string) => void = (line) => console.log(line)) {
    this.file = path.join(dataDir, 'sms-outbox.log');
    this.print = print;
  }

  async send(message: SmsMessage): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const line = JSON.stringify({ at: new Date().toISOString(), to: message.to, kind: message.kind, text: message.text });
    // one write call per line with O_APPEND: concurrent senders never interleave within a line
    await fs.appendFile(this.file, line + '\n', { mode: 0o600 });
    this.print(`[sms → ${maskMobile(message.to)}] ${message.text}`);
  }
}
