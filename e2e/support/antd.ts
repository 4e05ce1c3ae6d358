// Small helpers for driving Ant Design controls the way a person does.
import type { Locator, Page } from 'playwright-core';

/** The open dropdown of a Select / TreeSelect (antd keeps closed ones in the DOM, hidden). */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
}

/** Opens a Select by its label and picks the option with this text. */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  const dropdown = openDropdown(page);
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** Opens a UnitPicker, expands the path of parents and picks the unit. */
export async function chooseUnit(page: Page, field: Locator, path: string[]): Promise<void> {
  await field.click();
  const dropdown = openDropdown(page);
  for (const [index, name] of path.entries()) {
    const node = dropdown.locator('.ant-select-tree-treenode:not([aria-hidden="true"])', { has: page.locator('.ant-select-tree-title', { hasText: new RegExp(`^${name}$`) }) }).first();
    await node.waitFor();
    if (index < path.length - 1) {
      const switcher = node.locator('.ant-select-tree-switcher_close');
      if (await switcher.count()) await switcher.click();
    } else {
      await node.locator('.ant-select-tree-title').click();
    }
  }
  // A single-choice picker closes on selection; make sure it did before the next click lands under it.
  await dropdown.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => field.press('Escape'));
  await dropdown.waitFor({ state: 'hidden' });
}

/** Waits for an antd message (toast) containing this text. */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).first().waitFor();
}

/** The visible modal dialog. */
export function dialog(page: Page): Locator {
  return page.locator('.ant-modal-wrap:visible .ant-modal').last();
}
