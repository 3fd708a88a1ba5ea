import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

// The playground's terminal, driven from the keyboard as a learner would, read back through
// xterm's accessibility tree (screenReaderMode): the same text a screen reader gets.

const MANIFEST = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: nginx', '    image: nginx:1.27'];

function screen(page: Page) {
  return page.locator('.xterm-accessibility-tree');
}

/** The accessibility tree's rows as text, one line per terminal row. */
async function rows(page: Page): Promise<string[]> {
  return screen(page)
    .locator(':scope > div')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
}

/** The last non-empty row: where the prompt and the line being typed are. */
async function currentLine(page: Page): Promise<string> {
  const r = (await rows(page)).filter((l) => l.trim());
  return r[r.length - 1] ?? '';
}

async function typeLine(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('a learner writes a manifest, applies it, watches the pod start, completes and recalls commands', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/playground');

  const region = page.getByRole('region', { name: 'Terminal' });
  await expect(region).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  await expect(screen(page)).toContainText('student@workstation:~$');

  const speed = page.getByRole('group', { name: 'Simulation speed' });
  await speed.getByRole('button', { name: '20×' }).click();
  await expect(speed.getByRole('button', { name: '20×' })).toHaveAttribute('aria-pressed', 'true');
  const clock = page.getByTestId('virtual-clock');
  await expect(clock).toContainText('2025-01-15 10:0');

  // Focus the shell (the textarea xterm listens on).
  await region.locator('.xterm').click();
  await expect(page.getByRole('textbox', { name: 'Workstation shell' })).toBeFocused();

  // A here-document: every line after the first gets bash's "> " prompt until EOF.
  await typeLine(page, 'cat <<EOF > pod.yaml');
  for (const l of MANIFEST) await typeLine(page, l);
  await expect.poll(() => currentLine(page)).toBe('>');
  await typeLine(page, 'EOF');
  await expect.poll(() => currentLine(page)).toBe('student@workstation:~$');
  const afterHeredoc = await rows(page);
  expect(afterHeredoc).toContain('>   - name: nginx');
  expect(afterHeredoc).toContain('> EOF');

  // Apply and watch in one line, so the watch starts before the pod does (typing takes real time,
  // and at 20× the pod would be running before a second command was typed).
  await typeLine(page, 'kubectl apply -f pod.yaml && kubectl get pods -w');
  await expect(screen(page)).toContainText('pod/web created');
  // The watch streams the pod's progress as virtual time passes, and keeps running.
  await expect(screen(page)).toContainText('ContainerCreating');
  await expect(screen(page)).toContainText(/web\s+1\/1\s+Running/, { timeout: 10_000 });
  expect(await currentLine(page)).not.toContain('student@workstation');
  await page.keyboard.press('Control+C');
  await expect.poll(() => currentLine(page)).toBe('student@workstation:~$');
  expect((await rows(page)).some((r) => r.trim() === '^C')).toBe(true);

  // Tab completes the pod's name from the cluster.
  await page.keyboard.type('kubectl logs w');
  await page.keyboard.press('Tab');
  await expect.poll(() => currentLine(page)).toBe('student@workstation:~$ kubectl logs web');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('Configuration complete; ready for start up');

  // ↑ recalls the last command, ↑↑ the one before.
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => currentLine(page)).toBe('student@workstation:~$ kubectl logs web');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => currentLine(page)).toBe('student@workstation:~$ kubectl apply -f pod.yaml && kubectl get pods -w');
  await page.keyboard.press('Control+U');
  await typeLine(page, 'clear');
  await typeLine(page, 'kubectl get pods');
  await expect(screen(page)).toContainText(/web\s+1\/1\s+Running\s+0/);

  // The clock followed the simulation: the pod's start took virtual seconds.
  await expect(clock).not.toContainText('10:00:00');

  const dir = join(testInfo.project.outputDir, 'screenshots');
  await page.screenshot({ path: join(dir, 'playground-1440.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await typeLine(page, 'kubectl get pods -o wide');
  await expect(screen(page)).toContainText('NOMINATED');
  await page.screenshot({ path: join(dir, 'playground-390.png') });

  expect(errors).toEqual([]);
});

test('the playground follows the dark colour scheme', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/playground');
  await expect(screen(page)).toContainText('student@workstation:~$');
  // The terminal's text takes the dark theme's foreground.
  const fg = await page.locator('.terminal-host .xterm').evaluate((e) => getComputedStyle(e).color);
  expect(fg).toBe('rgb(230, 233, 239)');
  await page.keyboard.type('kubectl run web --image=nginx');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('pod/web created');
  await page.screenshot({ path: join(testInfo.project.outputDir, 'screenshots', 'playground-dark-1440.png') });
});
