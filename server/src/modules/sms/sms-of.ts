import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { KavenegarSmsSender } from './kavenegar-sms-sender.ts';
import { SinkSmsSender } from './sink-sms-sender.ts';
import type { SmsSender } from './sms-sender.ts';

export function createSmsSender(config: Config): SmsSender {
  if (config.sms === 'kavenegar') return new KavenegarSmsSender({ apiKey: config.kavenegarApiKey ?? '', sender: config.kavenegarSender });
  return new SinkSmsSender(config.dataDir);
}

const senders = new WeakMap<object, SmsSender>();

/** The app's SMS sender, made from its configuration on first use. */
export function smsOf(app: FastifyInstance): SmsSender {
  let s = senders.get(app);
  if (!s) {
    s = createSmsSender(app.config);
    senders.set(app, s);
  }
  return s;
}

/** Replaces the app's sender (tests use a MemorySmsSender). */
export function setSmsSender(app: FastifyInstance, sender: SmsSender): void {
  senders.set(app, sender);
}

/** Sends without failing the caller: a gift is recorded whether or not its SMS goes out. */
export async function sendQuietly(app: FastifyInstance, message: Parameters<SmsSender['send']>[0]): Promise<boolean> {
  try {
    await smsOf(app).send(message);
    return true;
  } catch (err) {
    app.log.warn({ err: (err as Error).message, kind: message.kind }, 'sms not sent');
    return false;
  }
}
