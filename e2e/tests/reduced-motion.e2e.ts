// Someone whose system asks for less motion gets dialogs without their zoom: the app turns Ant
// Design's animations off for them, and keeps them for everyone else. (The other journeys browse
// with less motion asked for, so no click lands on something still moving.)
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialog } from '../support/antd';
import { DESKTOP, launch, openSession, screenshotOnFailure, settle, signIn, type Session } from '../support/browser';

/** Opens the new-user dialog and returns the running entrance animations (antd's …-active classes) seen meanwhile. */
async function motionClassesWhileOpeningADialog(session: Session): Promise<string[]> {
  const { page } = session;
  await page.goto('/login');
  await signIn(page, 'admin');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto('/users');
  await settle(page);
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { motionSeen: Set<string> }).motionSeen = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        for (const name of Array.from(target.classList ?? [])) if (/^ant-(zoom|fade)-(appear|enter)-active$/.test(name)) seen.add(name);
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true });
  });
  await page.getByRole('button', { name: 'کاربر جدید' }).click();
  await dialog(page).waitFor();
  await page.waitForTimeout(600); // longer than antd's longest entrance (0.3 s)
  return page.evaluate(() => [...(window as unknown as { motionSeen: Set<string> }).motionSeen].sort());
}

describe('motion follows the system setting', () => {
  let browser: Browser;
  let current: Session | undefined;
  screenshotOnFailure(() => current, 'reduced-motion');

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should zoom a dialog in for a user who did not ask for less motion', async () => {
    current = await openSession(browser, DESKTOP, 'full');
    expect(await motionClassesWhileOpeningADialog(current)).toContain('ant-zoom-appear-active');
    await current.context.close();
  });

  it('should show a dialog at once for a user who asked for less motion', async () => {
    current = await openSession(browser, DESKTOP, 'reduce');
    expect(await motionClassesWhileOpeningADialog(current)).toEqual([]);
    await current.context.close();
  });
});
