import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Every route, scanned by axe in light and dark: no serious or critical violations. Plus the
// workspace's named regions, the Apply button, and keyboard operation (tabs, dividers, shortcuts).

const LESSON = '01-shared-volumes';

async function ready(page: Page, path: string) {
  await page.goto(path);
  if (path === '/' || path.startsWith('/nowhere')) {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    return;
  }
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toBeVisible();
  await expect(page.getByTestId('manifest-editor').locator('.monaco-editor')).toBeVisible();
  await expect(page.locator('.xterm-accessibility-tree')).toContainText('$');
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const path of ['/', '/playground', `/lessons/${LESSON}`, `/lessons/${LESSON}/2`, `/embed/${LESSON}`, '/nowhere']) {
    test(`axe: ${path} (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 1440, height: 900 });
      await ready(page, path);
      expect(await seriousViolations(page)).toEqual([]);
      if (path !== '/' && !path.startsWith('/nowhere')) {
        // Every bottom tab's panel, scanned while shown.
        for (const tab of ['Timeline', 'Logs', 'Diagram', 'Files']) {
          await page.getByRole('tab', { name: tab }).click();
          await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
          expect(await seriousViolations(page), tab).toEqual([]);
        }
      }
    });
  }
}

test('axe: phone layout (390×844) of a lesson', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/lessons/${LESSON}`);
  await expect(page.getByRole('region', { name: 'Lesson' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Editor' }).click();
  await expect(page.getByTestId('manifest-editor').locator('.monaco-editor')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('workspace regions and controls have their names', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await ready(page, `/lessons/${LESSON}`);
  for (const name of ['Lesson', 'Manifest editor', 'Terminal']) await expect(page.getByRole('region', { name })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeVisible();
  const regions: Record<string, string> = { Timeline: 'Timeline', Logs: 'Logs', Diagram: 'Pod diagram', Files: 'Files' };
  for (const [tab, region] of Object.entries(regions)) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('region', { name: region })).toBeVisible();
  }
});

test('keyboard: tabs with arrow keys, dividers resize, ? lists the shortcuts, Ctrl+` reaches the terminal', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await ready(page, `/lessons/${LESSON}`);

  // Tabs: roving focus with the arrow keys.
  await page.getByRole('tab', { name: 'Terminal' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Timeline' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Files' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');

  // The divider between lesson and editor moves with the arrow keys.
  const divider = page.getByRole('separator', { name: 'Resize lesson and editor' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  const before = (await lesson.boundingBox())!.width;
  await divider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await lesson.boundingBox())!.width).toBeGreaterThan(before + 20);

  // `?` (outside a text field) opens the shortcuts; Escape closes it and focus returns.
  await page.getByRole('tab', { name: 'Terminal' }).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Apply the manifest');
  await page.screenshot({ path: join(testInfo.project.outputDir, 'screenshots', 'shortcuts-dialog.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Terminal' })).toBeFocused();

  // From the editor, Ctrl+` goes to the terminal.
  await page.getByTestId('manifest-editor').locator('.view-lines').click();
  await page.keyboard.press('Control+Backquote');
  await expect(page.getByRole('textbox', { name: 'Workstation shell' })).toBeFocused();

  // The clock controls work from the keyboard.
  const pause = page.getByRole('button', { name: 'Pause' });
  await pause.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const clock = await page.getByTestId('virtual-clock').textContent();
  await page.getByRole('button', { name: 'Step', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('virtual-clock').textContent()).not.toBe(clock);
});
