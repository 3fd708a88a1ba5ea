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
  // The narrow layout shows one panel at a time: open the Terminal tab and focus the shell.
  const tab = page.getByRole('tab', { name: 'Terminal' });
  if (await tab.isVisible()) await tab.click();
  await page.getByRole('region', { name: 'Terminal' }).locator('.xterm').click();
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
  await page.getByRole('region', { name: 'Terminal' }).locator('.xterm').click();
  await page.keyboard.type('kubectl run web --image=nginx');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('pod/web created');
  await page.screenshot({ path: join(testInfo.project.outputDir, 'screenshots', 'playground-dark-1440.png') });
});

/** Wait for a pod to be Running by asking kubectl, as a learner would. */
async function waitRunning(page: Page, pod: string) {
  await expect
    .poll(
      async () => {
        await typeLine(page, `kubectl get pod ${pod} --no-headers`);
        await page.waitForTimeout(300);
        return (await rows(page)).some((r) => new RegExp(`^${pod}\\s+1/1\\s+Running`).test(r));
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

test('kubectl exec -it opens the container shell: its prompt, ps, cd, Ctrl+C, ↑ and exit', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/playground');
  await expect(screen(page)).toContainText('student@workstation:~$');
  await page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: '20×' }).click();
  await page.getByRole('region', { name: 'Terminal' }).locator('.xterm').click();

  await typeLine(page, 'kubectl run box --image=busybox:1.36 -- sleep 3600');
  await expect(screen(page)).toContainText('pod/box created');
  await waitRunning(page, 'box');

  await typeLine(page, 'clear');
  await typeLine(page, 'kubectl exec -it box -- sh');
  // busybox ash's prompt on a tty.
  await expect.poll(() => currentLine(page)).toBe('/ #');
  await typeLine(page, 'ps');
  await expect(screen(page)).toContainText(/1 root\s+0:00 sleep 3600/);
  await expect(screen(page)).toContainText(/root\s+0:00 ps/);
  await expect.poll(() => currentLine(page)).toBe('/ #');
  await typeLine(page, 'cd /tmp');
  await expect.poll(() => currentLine(page)).toBe('/tmp #');

  // Ctrl+C reaches the foreground process inside the container, not kubectl.
  await typeLine(page, 'sleep 100');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+C');
  await expect.poll(() => currentLine(page)).toBe('/tmp #');
  await expect.poll(async () => (await rows(page)).some((r) => r.trim() === '^C')).toBe(true);

  // ↑ recalls the session's own commands.
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => currentLine(page)).toBe('/tmp # sleep 100');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => currentLine(page)).toBe('/tmp # cd /tmp');
  await page.keyboard.press('Control+U');
  await typeLine(page, 'exit 3');
  await expect(screen(page)).toContainText('command terminated with exit code 3');
  await expect.poll(() => currentLine(page)).toBe('student@workstation:~$');

  // Back on the workstation: its history, Ctrl+R finds the exec line.
  await page.keyboard.press('Control+R');
  await page.keyboard.type('exec');
  await expect.poll(() => currentLine(page)).toBe("(reverse-i-search)`exec': kubectl exec -it box -- sh");
  await page.keyboard.press('Control+G');
  await expect.poll(() => currentLine(page)).toBe('student@workstation:~$');
  await page.screenshot({ path: join(testInfo.project.outputDir, 'screenshots', 'terminal-exec-it-1440.png') });
  expect(errors).toEqual([]);
});

test('terminal keys: find box (Ctrl+Shift+F), Escape then Tab leaves the terminal, the keys are described', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/playground');
  await expect(screen(page)).toContainText('student@workstation:~$');
  const shell = page.getByRole('textbox', { name: 'Workstation shell' });
  await page.getByRole('region', { name: 'Terminal' }).locator('.xterm').click();
  await expect(shell).toBeFocused();
  await expect(shell).toHaveAttribute('aria-description', /Escape then Tab/);

  await typeLine(page, 'echo needle in the haystack');
  await expect(screen(page)).toContainText('needle in the haystack');
  await page.keyboard.press('Control+Shift+F');
  const find = page.getByRole('search', { name: 'Find in terminal' });
  await expect(find).toBeVisible();
  const field = find.getByRole('searchbox', { name: 'Find' });
  await expect(field).toBeFocused();
  await field.fill('haystack');
  await field.press('Enter');
  await expect(find.getByRole('status')).toHaveText('');
  await field.fill('no such text');
  await field.press('Enter');
  await expect(find.getByRole('status')).toHaveText('No matches for “no such text”');
  await field.press('Escape');
  await expect(find).toBeHidden();
  await expect(shell).toBeFocused();

  // Tab completes inside the terminal; Escape then Tab moves focus out of it.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(shell).not.toBeFocused();
});
