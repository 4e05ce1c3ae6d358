// One Idempotency-Key per submission of a money-moving form. A retry of the same submission (a double
// click, a timeout, a network error after the server committed) sends the same key, so the server
// answers with what it did the first time instead of doing it twice. A changed form is a new submission.

export interface SubmissionKeys {
  /** The key for this body: the pending one when the body is unchanged, else a fresh one. */
  keyFor: (body: unknown) => string;
  /** The submission succeeded: the next one gets a new key. */
  done: () => void;
}

/** A random UUID; crypto.randomUUID exists only in secure contexts (https, localhost), getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function submissionKeys(newKey: () => string = newIdempotencyKey): SubmissionKeys {
  let pending: { key: string; body: string } | null = null;
  return {
    keyFor(body) {
      const text = JSON.stringify(body);
      if (pending?.body !== text) pending = { key: newKey(), body: text };
      return pending.key;
    },
    done() {
      pending = null;
    },
  };
}
