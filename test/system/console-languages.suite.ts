import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { useConsole } from '../support/console-browser.ts';

const ui = useConsole();

/** Names and notations a Chinese console shows as they are (metrics, formats, standards, keys on a keyboard). */
const SAME_IN_CHINESE = new Set(
  'Arbiter API JSON CSV XLSX DMN FEEL PD AUC KS PSI IV WoE SHAP ROC Gini Brier ID ISO SHA sha CLI Camunda Modeler npm POST GET PUT Ctrl Delete Esc SAR docs optimize md arbiter train card start arb lines'.split(
    ' ',
  ),
);

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto(`${ui.server.url}/`);
  // A browser that has never seen the console: no language remembered, nobody signed in.
  await page.evaluate('localStorage.clear(); sessionStorage.clear()');
  await page.reload();
  await page.locator('#api-key').fill(key);
  await page.locator('form button[type=submit]').click();
  await page.locator('header nav').waitFor();
}

async function newKey(role: string, name: string): Promise<string> {
  const res = await fetch(`${ui.server.url}/v1/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ui.keys.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, role }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { secret: string }).secret;
}

const setLocale = (key: string, locale: string | null) =>
  fetch(`${ui.server.url}/v1/me/preferences`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'x-arbiter-console': '1' },
    body: JSON.stringify({ locale }),
  });

/**
 * What the API sent this page: its string values, and its field names, which the console shows
 * only as whole cells (a decision's application, what a flow computed). What the console shows of
 * these is data, not its own text.
 */
function collectApiStrings(page: Page): { values: Set<string>; keys: Set<string>; settled(): Promise<void> } {
  const data = { values: new Set<string>(), keys: new Set<string>() };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') data.values.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        data.keys.add(k);
        walk(x);
      }
  };
  // The page renders an answer before this side has read its body: what the page shows is judged only once every answer is read.
  let pending = 0;
  page.on('request', (req) => {
    if (req.url().includes('/v1/')) pending++;
  });
  const done = () => pending--;
  page.on('requestfailed', (req) => {
    if (req.url().includes('/v1/')) done();
  });
  page.on('response', async (res) => {
    if (!res.url().includes('/v1/')) return;
    try {
      if ((res.headers()['content-type'] ?? '').includes('json')) walk(await res.json().catch(() => null));
    } finally {
      done();
    }
  });
  const settled = async () => {
    // Quiet for a quarter of a second: no request of the console's in flight, every body read.
    for (let quiet = 0; quiet < 5; ) {
      await new Promise((r) => setTimeout(r, 50));
      quiet = pending <= 0 ? quiet + 1 : 0;
    }
  };
  return { ...data, settled };
}

/** Every text node and accessible label outside code, server messages (lang="en") and the code editor. */
const SHOWN_TEXTS = `(() => {
  const hidden = 'code, pre, kbd, samp, script, style, textarea, [translate="no"], [lang="en"], .cm-editor, .react-flow__attribution';
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent || '').trim();
    if (text && !(n.parentElement && n.parentElement.closest(hidden))) texts.push(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (el.closest(hidden)) continue;
    for (const attr of ['aria-label', 'title', 'placeholder']) {
      const v = (el.getAttribute(attr) || '').trim();
      if (v) texts.push(v);
    }
  }
  return texts;
})()`;

/**
 * The console's own English left on the page: every text node and accessible label outside code,
 * server messages (lang="en") and data the API sent, with its Latin words that are not names or
 * notations the Chinese console keeps.
 */
async function untranslated(page: Page, data: { values: Set<string>; keys: Set<string>; settled(): Promise<void> }): Promise<string[]> {
  await data.settled();
  // A string, not a function: tsx names functions with a helper the page does not have.
  const shown = (await page.evaluate(SHOWN_TEXTS)) as string[];
  const values = [...data.values].filter((s) => s.length >= 2).sort((a, b) => b.length - a.length);
  const asPattern = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const left: string[] = [];
  for (const text of shown) {
    if (data.keys.has(text)) continue;
    let rest = text;
    // Data is taken out only where it stands as a whole: "on" from the API must not hide "Action".
    for (const v of values) if (rest.includes(v)) rest = rest.replace(new RegExp(`(?<![A-Za-z])${asPattern(v)}(?![A-Za-z])`, 'g'), ' ');
    const words = rest.split(/[^A-Za-z0-9_'-]+/).filter((w) => /^[A-Za-z][A-Za-z'-]*[A-Za-z]$/.test(w) && !SAME_IN_CHINESE.has(w));
    if (words.length) left.push(`${text}  [${words.join(' ')}]`);
  }
  return [...new Set(left)];
}

describe('the console in Simplified Chinese', () => {
  test('the language chosen in the menu is kept for the person: another browser of theirs opens in it, and its dates and numbers are Chinese', async () => {
    const key = await newKey('analyst', 'language test');
    const page = await ui.newPage();
    await signIn(page, key);
    assert.equal(await page.locator('header nav a').first().textContent(), 'Overview', 'a browser in English starts in English');
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('navigation', { name: '页面' }).getByRole('link', { name: '概览' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    const me = await fetch(`${ui.server.url}/v1/me`, { headers: { authorization: `Bearer ${key}` } });
    assert.equal(((await me.json()) as { locale: string }).locale, 'zh-CN', 'kept on the server');

    const other = await ui.newPage();
    await signIn(other, key);
    await other.getByRole('navigation', { name: '页面' }).getByRole('link', { name: '决策流' }).waitFor();
    await other.goto(`${ui.server.url}/console/#/decisions`);
    const when = other
      .getByRole('table', { name: '决策' })
      .locator('tbody tr td')
      .filter({ hasText: /\d{4}年\d{1,2}月\d{1,2}日/ });
    await when.first().waitFor();
    await ui.shot(other, 'zh-decisions');
  });

  test('the main pages in zh-CN show no text of the console in English', async () => {
    const analyst = await newKey('analyst', 'zh analyst');
    const reviewer = await newKey('reviewer', 'zh reviewer');
    const auditor = await newKey('auditor', 'zh auditor');
    for (const k of [analyst, reviewer, auditor]) assert.equal((await setLocale(k, 'zh-CN')).status, 200);
    const headers = { authorization: `Bearer ${analyst}` };
    const firstDecision = async (query: string) =>
      ((await (await fetch(`${ui.server.url}/v1/decisions?${query}&limit=1`, { headers })).json()) as { decisions: { id: string }[] }).decisions[0]!.id;
    const decision = await firstDecision('flow=scored-lending&outcome=decline');
    const consumer = await firstDecision('flow=consumer-lending');
    const pages: [string, string, string][] = [
      [analyst, '#/overview', '.tile-label'],
      [analyst, '#/flows', 'h1'],
      [analyst, '#/flows/consumer-lending/1', '.react-flow__node'],
      [analyst, '#/flows/scored-lending/1/edit', '.react-flow__node'],
      [analyst, '#/releases', 'h1'],
      [analyst, '#/tables', 'h1'],
      [analyst, '#/dmn', 'h1'],
      [analyst, '#/models/demo-trees', '[data-chart] svg'],
      [analyst, '#/decisions', 'tbody tr'],
      [analyst, `#/decisions/${decision}`, '.react-flow__node'],
      [analyst, `#/decisions/${consumer}`, '.react-flow__node'],
      [analyst, '#/sandbox', 'h1'],
      [reviewer, '#/reviews', 'h1'],
      [auditor, '#/audit', 'tbody tr'],
    ];
    const findings: string[] = [];
    let signedInAs = '';
    const page = await ui.newPage({ width: 1400, height: 900 });
    const data = collectApiStrings(page);
    for (const [key, route, ready] of pages) {
      if (key !== signedInAs) {
        await signIn(page, key);
        signedInAs = key;
      }
      await page.goto(`${ui.server.url}/console/${route}`);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN', route);
      for (const left of await untranslated(page, data)) findings.push(`${route}: ${left}`);
      await ui.shot(page, `zh-${route.slice(2).replace(/\W+/g, '-')}`);
    }
    assert.deepEqual(findings, [], `${findings.length} texts left in English`);

    // Money in the installation's currency, as Chinese writes it: the bureau's cost on the overview.
    await page.goto(`${ui.server.url}/console/#/overview`);
    await page
      .locator('table td')
      .filter({ hasText: /^¥[\d,]+\.\d\d$/ })
      .first()
      .waitFor();

    // The flow's own texts for people, where it gives them in Chinese: reasons and field labels.
    await page.goto(`${ui.server.url}/console/#/decisions/${decision}`);
    await page.getByRole('listitem').filter({ hasText: '预计违约风险过高' }).first().waitFor();
    await page.goto(`${ui.server.url}/console/#/decisions/${consumer}`);
    const application = page.getByRole('table', { name: '申请' });
    await application.getByRole('rowheader', { name: /申请人姓名/ }).waitFor();
    await application.getByRole('rowheader', { name: /月收入/ }).waitFor();
  });
});
