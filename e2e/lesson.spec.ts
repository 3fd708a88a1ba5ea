import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { typeIntoEditor } from './editor';

// Lesson 1 completed as a learner would: Apply from the editor, "Run in terminal" buttons and
// typing in the terminal, a prediction answered while the clock waits, an exercise typed into the
// editor from scratch. Then a reload: the progress is still there.

const SLUG = '01-shared-volumes';

const NOTES = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: notes',
  'spec:',
  '  volumes:',
  '  - name: shared',
  '    emptyDir: {}',
  '  containers:',
  '  - name: writer',
  '    image: busybox:1.36',
  '    command: ["sh", "-c", "echo ready > /out/status; sleep 3600"]',
  '    volumeMounts:',
  '    - name: shared',
  '      mountPath: /out',
  '  - name: reader',
  '    image: busybox:1.36',
  '    command: ["sh", "-c", "while true; do cat /in/status; sleep 5; done"]',
  '    volumeMounts:',
  '    - name: shared',
  '      mountPath: /in',
];

function lesson(page: Page) {
  return page.getByRole('region', { name: 'Lesson' });
}

async function expectStep(page: Page, n: number, title: string) {
  await expect(lesson(page).getByRole('heading', { level: 2 })).toContainText(`Step ${n} of 6`, { timeout: 30_000 });
  await expect(lesson(page).getByRole('heading', { level: 2 })).toContainText(title);
}

async function apply(page: Page) {
  await page.getByRole('region', { name: 'Manifest editor' }).getByRole('button', { name: 'Apply' }).click();
}

async function runButton(page: Page, command: string) {
  await lesson(page).getByRole('button', { name: `Run in terminal: ${command}` }).click();
}

function terminalText(page: Page) {
  return page.locator('.xterm-accessibility-tree');
}

test('lesson 1 from start to finish, and its progress survives a reload', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  await page.goto(`/lessons/${SLUG}`);
  await expect(lesson(page).getByRole('heading', { level: 1, name: 'Shared volumes' })).toBeVisible({ timeout: 20_000 });
  await expectStep(page, 1, 'Two containers, one directory');
  // Each check renders its own sentence; none has passed yet.
  const checks = lesson(page).getByRole('region', { name: 'Checks' });
  await expect(checks.getByRole('listitem')).toHaveCount(2);
  await expect(checks.getByRole('listitem').first()).toContainText('kubectl get pod mc1 shows STATUS Running and READY 2/2');
  await expect(checks.locator('[data-state="pending"]')).toHaveCount(2);
  // Time runs faster for the test; the learner would wait a few seconds.
  await page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: '20×' }).click();

  // Hints come one at a time.
  await lesson(page).getByRole('button', { name: /Show a hint \(1 of 2\)/ }).click();
  await expect(lesson(page).getByRole('region', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);

  // Step 1 (editor): the start manifest is in the editor; Apply it.
  await expect(page.getByTestId('manifest-editor')).toContainText('name: mc1');
  await apply(page);
  await expect(checks.locator('[data-state="passed"]')).toHaveCount(2, { timeout: 30_000 });
  await shot(page, testInfo, 'lesson-step1-passed');

  // Step 2 (terminal): the "Run in terminal" buttons type the commands.
  await expectStep(page, 2, 'Look inside both containers');
  await expect(page).toHaveURL(new RegExp(`/lessons/${SLUG}/2$`));
  await runButton(page, 'kubectl exec mc1 -c 2nd -- cat /html/index.html');
  await expect(terminalText(page)).toContainText('UTC 2025', { timeout: 15_000 });
  // The second one typed by hand, as a learner would.
  await page.keyboard.press('Control+Backquote');
  await page.keyboard.type('kubectl exec mc1 -c 1st -- cat /usr/share/nginx/html/index.html');
  await page.keyboard.press('Enter');

  // Step 3 (editor): a prediction, asked once the pod exists, with the clock paused until answered.
  await expectStep(page, 3, 'A volume with no source');
  await expect(page.getByTestId('manifest-editor')).toContainText('log-writer-reader');
  await apply(page);
  const predict = lesson(page).getByRole('region', { name: 'Predict' });
  await expect(predict.getByText('The clock is paused until you answer.')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('toolbar', { name: 'Cluster clock' }).getByRole('button', { name: 'Play' })).toBeVisible();
  await predict.getByRole('radio', { name: 'hello from log-writer container' }).check();
  await predict.getByRole('button', { name: 'Lock in my answer' }).click();
  await expect(predict).toContainText('You predicted hello from log-writer container.');
  await expect(predict).toContainText('The simulator shows hello from log-writer container', { timeout: 30_000 });
  await runButton(page, "kubectl get pod log-writer-reader -o jsonpath='{.spec.volumes[0]}'");
  await expect(terminalText(page)).toContainText('"emptyDir":{}', { timeout: 15_000 });

  // Step 4 (terminal, after applying scratch from the editor).
  await expectStep(page, 4, 'An emptyDir survives a container restart');
  await expect(page.getByTestId('manifest-editor')).toContainText('name: scratch');
  await apply(page);
  await expect(lesson(page).getByRole('region', { name: 'Checks' }).locator('[data-state="pending"]').first()).toBeVisible();
  await page.waitForTimeout(1500);
  await runButton(page, "kubectl exec scratch -- sh -c 'echo kept > /data/note; echo lost > /tmp/note'");
  await page.waitForTimeout(1000);
  await runButton(page, "kubectl exec scratch -- sh -c 'kill 1'");

  // Step 5 (terminal): delete the pod, apply it again, the volume is new and empty.
  await expectStep(page, 5, 'is gone with the Pod');
  await runButton(page, 'kubectl delete pod scratch');
  await expect(terminalText(page)).toContainText('pod "scratch" deleted', { timeout: 30_000 });
  await expect(page.getByTestId('manifest-editor')).toContainText('name: scratch');
  await apply(page);

  // Step 6 (editor, from an empty editor): write the Pod by hand.
  await expectStep(page, 6, 'Exercise: write it yourself');
  await typeIntoEditor(page, NOTES);
  await apply(page);
  await expect(lesson(page).getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible({ timeout: 30_000 });
  await expect(lesson(page)).toContainText('6 of 6 steps passed');
  await shot(page, testInfo, 'lesson-complete');

  // Reload: progress is kept (localStorage, versioned).
  await page.reload();
  await expect(lesson(page).getByRole('heading', { level: 1, name: 'Shared volumes' })).toBeVisible({ timeout: 20_000 });
  await expect(lesson(page)).toContainText('6 of 6 steps passed');
  await expect(lesson(page).getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('podlab-progress') ?? 'null'));
  expect(stored.version).toBe(2);
  expect(Object.keys(stored.state.lessons[SLUG].steps)).toEqual(expect.arrayContaining(['mc1', 'inside', 'log-writer-reader', 'restart', 'delete', 'exercise']));
  expect(stored.state.lessons[SLUG].steps.mc1.hintsShown).toBe(1);
  expect(stored.state.lessons[SLUG].steps['log-writer-reader'].prediction).toEqual({ choice: 'hello from log-writer container', correct: true });
  // A passed step shows as passed when revisited.
  await lesson(page).getByRole('button', { name: /Step 1: Two containers, one directory \(passed\)/ }).click();
  await expect(lesson(page).getByRole('region', { name: 'Checks' }).locator('[data-state="passed"]')).toHaveCount(2);

  expect(errors).toEqual([]);
});

test('Show solution asks first, then opens the diff against the learner manifest', async ({ page }) => {
  await page.goto(`/lessons/${SLUG}/6`);
  await expectStep(page, 6, 'Exercise: write it yourself');
  await lesson(page).getByRole('button', { name: 'Show solution' }).click();
  const confirm = lesson(page).getByRole('alertdialog');
  await expect(confirm).toContainText('Show the solution next to your manifest?');
  await confirm.getByRole('button', { name: 'Not yet' }).click();
  await expect(confirm).toHaveCount(0);
  await lesson(page).getByRole('button', { name: 'Show solution' }).click();
  await lesson(page).getByRole('alertdialog').getByRole('button', { name: 'Yes, show it' }).click();
  await expect(page.getByText('Solution: Exercise: write it yourself')).toBeVisible();
});

async function shot(page: Page, testInfo: { project: { outputDir: string } }, name: string) {
  await page.screenshot({ path: join(testInfo.project.outputDir, 'screenshots', `${name}.png`) });
}
