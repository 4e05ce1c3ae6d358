import type { FastifyInstance } from 'fastify';
import type { JsonTransport } from './gateway.ts';

/** JSON over HTTPS to a real PSP, with a timeout: a hung gateway must not hold a donor's request. */
export function fetchTransport(timeoutMs = 15_000): JsonTransport {
  return async (url, body) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // a proxy's HTML error page: no body to read
    }
    return { status: res.status, body: parsed };
  };
}

/**
 * The same requests delivered to this app's own routes without a socket (the sandbox gateway): the
 * full HTTP request/response cycle through Fastify, so it works behind any proxy, port or host name,
 * and in tests.
 */
export function injectTransport(app: FastifyInstance): JsonTransport {
  return async (url, body) => {
    const res = await app.inject({ method: 'POST', url, payload: body as object, headers: { 'content-type': 'application/json', accept: 'application/json' } });
    let parsed: unknown = null;
    try {
      parsed = res.json();
    } catch {
      // not JSON
    }
    return { status: res.statusCode, body: parsed };
  };
}
