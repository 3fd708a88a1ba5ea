/** Shared e2e steps for the Monaco manifest editor. */
import type { Page } from '@playwright/test';

/** Type into Monaco as a person does; Monaco keeps the previous line's indentation after Enter,
 * so each new line's automatic indentation is removed before typing it. */
export async function typeIntoEditor(page: Page, lines: string[]) {
  const editor = page.getByTestId('manifest-editor');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  for (const [i, line] of lines.entries()) {
    if (i > 0) {
      await page.keyboard.press('Enter');
      // Select the automatic indentation (Home on a blank line goes to column 1); typing replaces it.
      await page.keyboard.press('Shift+Home');
    }
    await page.keyboard.type(line);
    // Completion pops up shortly after typing; close it so Enter starts a new line.
    await page.waitForTimeout(200);
    await page.keyboard.press('Escape');
  }
}
