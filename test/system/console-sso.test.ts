import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { freePort, RESULTS } from '../support/console-browser.ts';
import { startIdentityProvider } from '../support/oidc-idp.ts';
import { type Running, serve } from '../support/process.ts';

/**
 * Single sign-on as a person meets it: the console's button, the identity provider's own log-in
 * and consent pages (oidc-provider, run here), back to the console signed in by name, and out again.
 */
describe('console sign-in through OpenID Connect, in Chromium', () => {
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let server: Running;
  let browser: Browser;
  let dir: string;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arbiter-sso-'));
    // The provider must know the console's callback before the server starts, so the port is chosen
    // first; another process may take it meanwhile (the lanes run tests side by side): then another.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      idp = await startIdentityProvider(`${base}/v1/auth/oidc/callback`);
      try {
        server = await serve(['--data-dir', dir, '--port', String(port)], { env: idp.env, startTimeoutMs: 120_000 });
        break;
      } catch (err) {
        await idp.stop();
        if (attempt === 5 || !/already in use/.test(String(err))) throw err;
      }
    }
    assert.ok(existsSync('/usr/bin/chromium'));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await idp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a risk manager signs in at the provider, is shown by name with their role, and signs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/console/`);
    await page.getByRole('link', { name: "Sign in with your organisation's account" }).click();
    // The provider's own pages.
    await page.locator('input[name="login"]').fill('rita');
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.locator('input[name="prompt"][value="consent"]').waitFor({ state: 'attached' });
    await page.locator('button[type="submit"]').click();
    // Back in the console, signed in, with no key typed.
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await nav.waitFor();
    await page.locator('.who').getByText('Rita Risk').waitFor();
    await page.locator('.who').getByText('risk-manager').waitFor();
    assert.ok((await nav.getByRole('link').allTextContents()).includes('Releases'));
    type Window = { sessionStorage: { getItem(k: string): string | null }; document: { cookie: string } };
    assert.equal(
      await page.evaluate(() => (globalThis as unknown as Window).sessionStorage.getItem('arbiter.apiKey')),
      null,
      'no key in the page: the session is an HttpOnly cookie',
    );
    assert.equal(await page.evaluate(() => (globalThis as unknown as Window).document.cookie), '', 'the session cookie cannot be read by scripts');
    await page.screenshot({ path: join(RESULTS, 'console-sso-signed-in.png') });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: "Sign in with your organisation's account" }).waitFor();
    const after = await page.evaluate(async () => (await fetch('/v1/me')).status);
    assert.equal(after, 401, 'the session ended at the server');

    assert.deepEqual(errors, []);
    await page.close();

    // Someone whose groups give no role is told so (another browser: the provider remembers Rita).
    const other = await (await browser.newContext()).newPage();
    await other.goto(`${base}/console/`);
    await other.getByRole('link', { name: "Sign in with your organisation's account" }).click();
    await other.locator('input[name="login"]').fill('nora');
    await other.locator('input[name="password"]').fill('any password');
    await other.locator('button[type="submit"]').click();
    await other.locator('input[name="prompt"][value="consent"]').waitFor({ state: 'attached' });
    await other.locator('button[type="submit"]').click();
    await other.getByRole('alert').filter({ hasText: 'none of your groups gives you a role' }).waitFor();
    await other.close();
  });
});
