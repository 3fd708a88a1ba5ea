import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test.describe('smoke', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`home page loads with heading and landmarks (${colorScheme})`, async ({ page }, testInfo) => {
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });

      await page.emulateMedia({ colorScheme });
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);

      await expect(page).toHaveTitle('Pod Lab');
      await expect(page.getByRole('heading', { level: 1, name: 'Pod Lab' })).toBeVisible();
      await expect(page.getByRole('main')).toBeVisible();
      await expect(page.getByRole('banner')).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Open the playground' })).toHaveAttribute('href', '/playground');
      await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Playground' })).toBeVisible();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      // The colour scheme follows prefers-color-scheme.
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(colorScheme === 'dark' ? 'rgb(18, 21, 26)' : 'rgb(255, 255, 255)');

      // Stable path (test-results/screenshots/) so a person can look at it after a run.
      const shot = join(testInfo.project.outputDir, 'screenshots', `home-${colorScheme}.png`);
      await page.screenshot({ path: shot, fullPage: true });

      // Keyboard users can skip straight to the content.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to content' });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('main')).toBeFocused();

      expect(errors).toEqual([]);
    });
  }
});
