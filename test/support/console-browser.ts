import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Running, serve } from './process.ts';

const CHROMIUM = '/usr/bin/chromium';
export const RESULTS = join(import.meta.dirname, '..', '..', 'test-results');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ConsoleFixture {
  server: Running;
  dataDir: string;
  keys: Record<string, string>;
  /** A new tab, not signed in. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** A new tab signed in with the demo key of a role; page errors are collected for the test to check. */
  signedIn(role: string, viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  /** A screenshot in test-results/console-<name>.png. */
  shot(page: Page, name: string, fullPage?: boolean): Promise<unknown>;
}

let shared: ConsoleFixture | undefined;

/**
 * Waits for the sign-in form; when it does not come, says what the page shows and whether the
 * server answers, so that a failure on a loaded machine tells the browser from the server.
 */
async function signInForm(page: Page, url: string): Promise<void> {
  try {
    await page.getByLabel('API key').waitFor({ timeout: 30_000 });
  } catch (err) {
    const t0 = Date.now();
    const ready = await fetch(`${url}/readyz`).then(
      (r) => String(r.status),
      (e: Error) => e.message,
    );
    const answered = Date.now() - t0;
    const shown = await page
      .locator('body')
      .textContent({ timeout: 5_000 })
      .then(
        (t) => t ?? '',
        (e: Error) => `(unreadable: ${e.message.split('\n')[0]})`,
      );
    await page.screenshot({ path: join(RESULTS, `console-sign-in-missing-${Date.now()}.png`) }).catch(() => undefined);
    throw new Error(
      `the sign-in form did not appear within 30 s at ${page.url()}; the page shows "${shown.slice(0, 300)}"; /readyz answered ${ready} in ${answered} ms`,
      { cause: err },
    );
  }
}

/**
 * The console in Debian's Chromium (headless, through playwright-core) against a real server
 * started as `npm start` starts it: `arbiter serve --demo` on a fresh embedded database, with
 * four-eyes release. One per test process: seeding the demo takes 13 s on a quiet machine and
 * twice that in the system lane, so the suites of one entry file share the server and the browser.
 */
export function useConsole(): ConsoleFixture {
  shared ??= startConsole();
  return shared;
}

function startConsole(): ConsoleFixture {
  let browser: Browser;
  // Every tab a test opens is closed after it: left open, the tabs of two suites add up in one browser.
  const open = new Set<Page>();
  const tab = async (viewport: { width: number; height: number }) => {
    const page = await browser.newPage({ viewport });
    // Waits are for what the page shows, not timings: on a loaded 2-core machine (the api and system
    // lanes side by side) a page has taken longer than Playwright's 30 s default to draw.
    page.setDefaultTimeout(60_000);
    open.add(page);
    return page;
  };
  const f = {
    newPage: (viewport = { width: 1280, height: 800 }) => tab(viewport),
    async signedIn(role: string, viewport = { width: 1280, height: 800 }) {
      const page = await tab(viewport);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${f.server.url}/`);
      await signInForm(page, f.server.url);
      await page.getByLabel('API key').fill(f.keys[role]!);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Pages' }).waitFor();
      return { page, errors };
    },
    shot: (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(RESULTS, `console-${name}.png`), fullPage }),
  } as ConsoleFixture;
  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`);
    mkdirSync(RESULTS, { recursive: true });
    f.dataDir = mkdtempSync(join(tmpdir(), 'arbiter-console-'));
    // Four-eyes release, as an installation has it by default.
    f.server = await serve(['--demo', '--data-dir', f.dataDir, '--bureau-port', String(await freePort())], {
      startTimeoutMs: 240_000,
      env: { ARBITER_SINGLE_PERSON_RELEASE: 'false' },
    });
    f.keys = JSON.parse(readFileSync(join(f.dataDir, 'demo', 'keys.json'), 'utf8'));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterEach(async () => {
    await Promise.all([...open].map((p) => p.close().catch(() => undefined)));
    open.clear();
  });
  after(async () => {
    await browser?.close();
    await f.server?.stop();
    if (f.dataDir) rmSync(f.dataDir, { recursive: true, force: true });
  });
  return f;
}
