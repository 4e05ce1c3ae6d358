// Small helpers for driving Ant Design controls the way a person does.
import type { Locator, Page } from 'playwright-core';

/** The open dropdown of a Select / TreeSelect (antd keeps closed ones in the DOM, hidden). */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
}

/**
 * Picks an option of an antd Select the way a person does, and makes sure it took: `option` is text
 * the option contains, or `{ title }` for the option whose whole label is that (a county's places
 * include names containing others). A searchable select is narrowed by typing first: a long list is
 * virtual, and scrolling an option into view replaces its rows, so a click whose press and release
 * land on different rows selects nothing. Should the list stay open after a click, the click did not
 * take (a row was replaced under the pointer): the option is clicked again.
 */
export async function chooseOption(page: Page, field: Locator, option: string | { title: string }): Promise<void> {
  const text = typeof option === 'string' ? option : option.title;
  await field.click();
  const list = openDropdown(page);
  await list.waitFor();
  if (await field.locator('xpath=ancestor-or-self::*[contains(@class, "ant-select-show-search")]').count()) await page.keyboard.type(text);
  const row = typeof option === 'string'
    ? list.locator('.ant-select-item-option', { hasText: option })
    : list.locator(`.ant-select-item-option[title="${option.title}"]`);
  for (let attempt = 1; ; attempt++) {
    await row.first().click({ timeout: attempt === 1 ? undefined : 5_000 });
    if (await list.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false)) return;
    if (attempt === 3) throw new Error(`the option «${text}» was clicked ${attempt} times and its list is still open`);
  }
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
