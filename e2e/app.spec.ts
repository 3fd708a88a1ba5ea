import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { typeIntoEditor } from './editor';

// The workspace as a learner meets it: type a manifest into the editor, apply with Ctrl+Enter,
// see the pod from the terminal; a validation error lands in the Problems strip on its line.

const MANIFEST = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: nginx', '    image: nginx:1.27'];

function terminalScreen(page: Page) {
  return page.locator('.xterm-accessibility-tree');
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return errors;
}

async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => localStorage.getItem('podlab:editor:playground') ?? '');
}

async function shot(page: Page, testInfo: { project: { outputDir: string } }, name: string) {
  await page.screenshot({ path: join(testInfo.project.outputDir, 'screenshots', `${name}.png`) });
}

test('playground: type a manifest, Ctrl+Enter applies it, kubectl get pods in the terminal shows it', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/playground');
  await page.evaluate(() => localStorage.removeItem('podlab:editor:playground'));
  await page.reload();

  const editorRegion = page.getByRole('region', { name: 'Manifest editor' });
  await expect(editorRegion).toBeVisible();
  await expect(page.getByTestId('manifest-editor').locator('.monaco-editor')).toBeVisible();
  await expect(terminalScreen(page)).toContainText('student@workstation:~$');

  await typeIntoEditor(page, MANIFEST);
  await expect.poll(() => editorText(page)).toBe(MANIFEST.join('\n'));
  await expect(page.getByTestId('problems')).toContainText('No problems');

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('apply-output')).toHaveText('pod/web created');

  // The terminal sees what Apply did.
  await page.keyboard.press('Control+Backquote');
  await expect(page.getByRole('textbox', { name: 'Workstation shell' })).toBeFocused();
  await page.keyboard.type('kubectl get pods');
  await page.keyboard.press('Enter');
  await expect(terminalScreen(page)).toContainText(/web\s+\d\/1\s+(Pending|ContainerCreating|Running)/);

  // Applying again changes nothing: kubectl says so.
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('apply-output')).toHaveText('pod/web unchanged');

  // The timeline tab shows the pod's history.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await page.getByRole('tab', { name: 'Terminal' }).click();

  await shot(page, testInfo, 'playground-1440');
  expect(errors).toEqual([]);
});

test('Problems strip: a validation error on its line; clicking it puts the cursor there', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/playground');
  const bad = [...MANIFEST, '    ports:', '    - containerPort: 70000'];
  await page.evaluate((t) => localStorage.setItem('podlab:editor:playground', t), bad.join('\n'));
  await page.reload();
  await expect(page.getByTestId('manifest-editor').locator('.monaco-editor')).toBeVisible();

  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('1 error');
  const row = problems.getByRole('button', { name: /Line 10, column 7/ });
  await expect(row).toContainText('The Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive');
  // The marker sits on line 10 in the editor.
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);

  await row.click();
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="manifest-editor"]'))).toBe(true);
  // The current-line highlight sits where line 10's text is drawn.
  const top = (sel: string) => page.evaluate((q) => document.querySelector(q)?.getBoundingClientRect().top ?? -1, sel);
  const lineTop = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('[data-testid="manifest-editor"] .view-line')];
    return rows.find((r) => /containerPort:\s70000/.test((r.textContent ?? '').replace(/[\u00a0\u00b7]/g, ' ')))?.getBoundingClientRect().top ?? -2;
  });
  await expect.poll(() => top('[data-testid="manifest-editor"] .current-line')).toBe(lineTop);

  // Apply refuses it with kubectl's own words.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('apply-output')).toContainText('The Pod "web" is invalid');

  // A lint warning: an image Pod Lab does not have.
  await page.evaluate(() => localStorage.setItem('podlab:editor:playground', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  containers:\n  - name: db\n    image: mysql:8\n'));
  await page.reload();
  await expect(page.getByTestId('problems')).toContainText('1 warning');
  await expect(page.getByTestId('problems').getByRole('button', { name: /Line 8, column 5/ })).toContainText(`image "mysql:8" is not in Pod Lab's image catalogue`);
  expect(errors).toEqual([]);
});

test('screenshots: playground and lesson at 1440×900 and 390×844', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  for (const [w, h] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/playground');
    await page.evaluate(() => localStorage.setItem('podlab:editor:playground', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n'));
    await page.reload();
    if (w < 700) await page.getByRole('tab', { name: 'Editor' }).click();
    await expect(page.getByTestId('manifest-editor').locator('.monaco-editor')).toBeVisible();
    await shot(page, testInfo, `playground-editor-${w}x${h}`);
    if (w < 700) {
      await page.getByRole('tab', { name: 'Terminal' }).click();
      await expect(terminalScreen(page)).toContainText('student@workstation:~$');
      await shot(page, testInfo, `playground-terminal-${w}x${h}`);
    }
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Pod Lab' })).toBeVisible();
    await shot(page, testInfo, `home-${w}x${h}`);
    const first = page.getByRole('link', { name: /^1\. / });
    if (await first.count()) {
      await first.click();
      if (w < 700) await expect(page.getByRole('tab', { name: 'Lesson' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('region', { name: 'Lesson' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Lesson' }).getByRole('heading', { level: 1 })).toBeVisible();
      await shot(page, testInfo, `lesson-${w}x${h}`);
    }
  }
  expect(errors).toEqual([]);
});

test('vi FILE in the terminal opens the file in the editor panel; Save writes it back', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/playground');
  await expect(terminalScreen(page)).toContainText('student@workstation:~$');
  await page.locator('.xterm').click();
  await page.keyboard.type('vi notes.txt');
  await page.keyboard.press('Enter');
  const banner = page.getByRole('group', { name: 'Editing notes.txt' });
  await expect(banner).toBeVisible();
  await page.keyboard.type('hello from the editor');
  await banner.getByRole('button', { name: 'Save' }).click();
  await expect(banner).toBeHidden();
  // The manifest comes back, and the terminal has the file.
  await expect(page.getByTestId('manifest-editor')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Workstation shell' })).toBeFocused();
  await page.keyboard.type('cat notes.txt');
  await page.keyboard.press('Enter');
  await expect(terminalScreen(page)).toContainText('hello from the editor');
  expect(errors).toEqual([]);
});

test('schema help: completion of fields and enum values, hover docs', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/playground');
  await page.evaluate(() => localStorage.setItem('podlab:editor:playground', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  \n'));
  await page.reload();
  await expect(page.getByTestId('manifest-editor').locator('.monaco-editor')).toBeVisible();
  // Cursor to line 6 (inside spec), ask for completions.
  await page.getByTestId('manifest-editor').locator('.view-line').nth(5).click();
  await page.keyboard.press('End');
  await page.keyboard.type('restartPol');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toContainText('restartPolicy');
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toContain('restartPolicy:');
  // Its values come from the API docs (generated into the schema): Always, OnFailure, Never.
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Space');
  await expect(suggest).toContainText('OnFailure');
  await page.keyboard.press('Escape');
  // kind's value completes from the schema's enum.
  await page.getByTestId('manifest-editor').locator('.view-line').nth(1).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('kind: ');
  await page.keyboard.press('Control+Space');
  await expect(suggest).toContainText('Pod');
  await page.keyboard.press('Escape');
  // Hover over a field: its description from the Kubernetes API.
  await page.getByTestId('manifest-editor').locator('.view-line').nth(2).locator('span', { hasText: 'metadata' }).first().hover();
  await expect(page.locator('.monaco-hover-content').filter({ hasText: /Standard object's metadata/ })).toBeVisible();
  expect(errors).toEqual([]);
});
