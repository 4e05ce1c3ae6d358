// Shared steps of the contributions journeys: money put on the server through the API (so each file
// stands on its own whatever order files run in), and a few keyboard / form helpers.
import { randomUUID } from 'node:crypto';
import { request, type APIRequestContext, type Locator, type Page } from 'playwright-core';
import { todayJalali } from '@mosharekat/fa';
import { baseUrl, DEMO_PASSWORD } from '../support/browser';

export interface ApiSession {
  api: APIRequestContext;
  csrf: string;
  unitId: string;
  unitCode: string;
}

export async function apiSignIn(username: string): Promise<ApiSession> {
  const api = await request.newContext({ baseURL: baseUrl() });
  const answer = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  if (!answer.ok()) throw new Error(`sign-in of ${username} failed: ${answer.status()} ${await answer.text()}`);
  const me = (await answer.json()) as { csrfToken: string; unit: { id: string; code: string } };
  return { api, csrf: me.csrfToken, unitId: me.unit.id, unitCode: me.unit.code };
}

const pad = (n: number) => String(n).padStart(2, '0');
export function todayApiDay(): string {
  const { jy, jm, jd } = todayJalali();
  return `${jy}/${pad(jm)}/${pad(jd)}`;
}

/** Records a gift as the signed-in officer; returns the contribution the server made. */
export async function recordGiftByApi(s: ApiSession, body: Record<string, unknown>): Promise<{ id: string; receiptNo: string; amountRials: string }> {
  const answer = await s.api.post('/api/contributions', {
    headers: { 'x-csrf-token': s.csrf, 'idempotency-key': randomUUID() },
    data: { unitId: s.unitId, channel: 'counter_cash', receivedOn: todayApiDay(), fundKind: 'general', ...body },
  });
  if (answer.status() !== 201) throw new Error(`recording a gift failed: ${answer.status()} ${await answer.text()}`);
  return (await answer.json()) as { id: string; receiptNo: string; amountRials: string };
}

/** The antd form item that holds the control with this id. */
export function formItem(page: Page, controlId: string): Locator {
  return page.locator('.ant-form-item', { has: page.locator(`[id="${controlId}"]`) }).last();
}

/** The id of the element that has the keyboard focus. */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** The name/value of the focused radio, for steps that land on a radio group. */
export function focusedRadio(page: Page): Promise<{ name: string; value: string; checked: boolean } | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el instanceof HTMLInputElement && el.type === 'radio' ? { name: el.name, value: el.value, checked: el.checked } : null;
  });
}

/** Registers a natural-person donor at the officer's unit; returns its id. */
export async function createDonorByApi(s: ApiSession, firstName: string, lastName: string): Promise<string> {
  const answer = await s.api.post('/api/donors', { headers: { 'x-csrf-token': s.csrf }, data: { type: 'natural', firstName, lastName } });
  if (answer.status() !== 201) throw new Error(`creating a donor failed: ${answer.status()} ${await answer.text()}`);
  return ((await answer.json()) as { id: string }).id;
}
