// Steps several journeys share: walk every page the menu offers, switch language, sign out.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible, expectNoHorizontalOverflow, htmlDirLang, screenshot, settle, type Viewport } from './browser';

export interface VisitedPage {
  path: string;
  label: string;
  text: string;
}

const PAGE_NAMES: Record<string, string> = { '/': 'dashboard', '/org-units': 'org-units', '/users': 'users', '/audit': 'audit' };
export const pageName = (path: string) => PAGE_NAMES[path] ?? path.replace(/\W+/g, '-');

async function openMenu(page: Page, viewport: Viewport): Promise<void> {
  if (viewport.name === 'phone') {
    await page.getByRole('button', { name: /باز کردن منو|Open menu/ }).click();
    await page.locator('.ant-drawer-open nav').waitFor();
  }
}

/** The menu's links, in order, as the user sees them. */
export async function menuLinks(page: Page, viewport: Viewport): Promise<{ path: string; label: string }[]> {
  await openMenu(page, viewport);
  const nav = viewport.name === 'phone' ? page.locator('.ant-drawer-open nav') : page.locator('aside nav');
  const links = await nav.getByRole('link').evaluateAll((anchors) =>
    anchors.map((a) => ({ path: new URL((a as HTMLAnchorElement).href).pathname, label: a.textContent?.trim() ?? '' })),
  );
  if (viewport.name === 'phone') await page.keyboard.press('Escape');
  return links;
}

/** Clicks through every menu entry: screenshot, accessibility scan and (on phones) no sideways scrolling on each. */
export async function visitEveryPage(page: Page, journey: string, viewport: Viewport): Promise<VisitedPage[]> {
  const links = await menuLinks(page, viewport);
  const visited: VisitedPage[] = [];
  for (const link of links) {
    await openMenu(page, viewport);
    const nav = viewport.name === 'phone' ? page.locator('.ant-drawer-open nav') : page.locator('aside nav');
    await nav.getByRole('link', { name: link.label, exact: true }).click();
    await page.waitForURL((url) => url.pathname === link.path);
    // The drawer is destroyed once its closing animation ends; wait for that so screenshots are clean.
    if (viewport.name === 'phone') await page.locator('.ant-drawer').waitFor({ state: 'detached' }).catch(() => undefined);
    await page.locator('main h1').waitFor();
    await settle(page);
    expect(await htmlDirLang(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    await screenshot(page, journey, pageName(link.path), viewport);
    await expectAccessible(page, `${journey} ${link.path} (${viewport.name})`);
    if (viewport.name === 'phone') await expectNoHorizontalOverflow(page, `${journey} ${link.path}`);
    visited.push({ ...link, text: await page.locator('main').innerText() });
  }
  return visited;
}

export async function switchLanguage(page: Page): Promise<void> {
  await page.getByTestId('language-switch').first().click();
}

export async function signOut(page: Page): Promise<void> {
  await page.locator('header').getByRole('button', { name: /^(خروج|Sign out)$/ }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}
