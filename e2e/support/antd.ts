// Small helpers for driving Ant Design controls the way a person does.
import type { Locator, Page } from 'playwright-core';

/** The open dropdown of a Select / TreeSelect (antd keeps closed ones in the DOM, hidden). */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
}

/** The Select (or TreeSelect) a field belongs to: what it shows once something is chosen. */
function selectOf(field: Locator): Locator {
  return field.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
}

const settled = (wait: Promise<unknown>) => wait.then(() => true, () => false);

async function shows(field: Locator, text: string, timeout: number): Promise<boolean> {
  const until = Date.now() + timeout;
  do {
    const select = selectOf(field);
    const placeholder = (await select.locator('.ant-select-placeholder').allInnerTexts().catch(() => [])).join('');
    if ((await select.innerText().catch(() => '')).replace(placeholder, '').includes(text)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  } while (Date.now() < until);
  return false;
}

/**
 * Opens a Select's list and returns it. On a busy machine the first click can land while the page
 * is still rendering the field, leaving a list that never finishes appearing: the list is then
 * closed and the field clicked again.
 */
async function openList(page: Page, field: Locator): Promise<Locator> {
  const list = openDropdown(page);
  for (let attempt = 1; ; attempt++) {
    await field.click();
    if (await settled(list.waitFor({ timeout: 5_000 }))) return list;
    if (attempt === 3) throw new Error(`the list of a select did not open after ${attempt} clicks`);
    await page.keyboard.press('Escape');
  }
}

/** Closes a list that is still open once the choice shows (a multiple select stays open). */
async function closeList(page: Page, list: Locator): Promise<void> {
  if (!(await settled(list.waitFor({ state: 'hidden', timeout: 3_000 })))) await page.keyboard.press('Escape');
  await list.waitFor({ state: 'hidden' });
}

/**
 * Opens the field's list, lets `pick` choose in it, and checks that the field then shows `text`; a
 * pick that did not take is done again (three times at most).
 */
async function pickUntilShown(page: Page, field: Locator, text: string, pick: (list: Locator, attempt: number) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const list = await openList(page, field);
    await pick(list, attempt);
    if (await shows(field, text, 3_000)) return closeList(page, list);
    if (attempt === 3) throw new Error(`«${text}» was picked ${attempt} times and the field does not show it`);
    await page.keyboard.press('Escape');
  }
}

/**
 * Picks an option of an antd Select the way a person does, and makes sure it took: `option` is text
 * the option contains, or `{ title }` for the option whose whole label is that (a county's places
 * include names containing others). A searchable select is narrowed by typing first: a long list is
 * virtual, and scrolling an option into view replaces its rows, so a click whose press and release
 * land on different rows selects nothing.
 */
export async function chooseOption(page: Page, field: Locator, option: string | { title: string }): Promise<void> {
  const text = typeof option === 'string' ? option : option.title;
  const searchable = (await field.locator('xpath=ancestor-or-self::*[contains(@class, "ant-select-show-search")]').count()) > 0;
  await pickUntilShown(page, field, text, async (list, attempt) => {
    if (searchable) await page.keyboard.type(text);
    const row = typeof option === 'string'
      ? list.locator('.ant-select-item-option', { hasText: option })
      : list.locator(`.ant-select-item-option[title="${option.title}"]`);
    await row.first().click({ timeout: attempt === 1 ? 30_000 : 10_000 });
  });
}

/** Opens a UnitPicker, expands the path of parents and picks the unit. */
export async function chooseUnit(page: Page, field: Locator, path: string[]): Promise<void> {
  await pickUntilShown(page, field, path.at(-1)!, async (dropdown) => {
    for (const [index, step] of path.entries()) {
      const node = dropdown.locator('.ant-select-tree-treenode:not([aria-hidden="true"])', { has: page.locator('.ant-select-tree-title', { hasText: new RegExp(`^${step}$`) }) }).first();
      await node.waitFor();
      if (index < path.length - 1) {
        const switcher = node.locator('.ant-select-tree-switcher_close');
        if (await switcher.count()) await switcher.click();
      } else {
        await node.locator('.ant-select-tree-title').click();
      }
    }
  });
}

/** Waits for an antd message (toast) containing this text. */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).first().waitFor();
}

/** The visible modal dialog. */
export function dialog(page: Page): Locator {
  return page.locator('.ant-modal-wrap:visible .ant-modal').last();
}
