import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { tableToXlsx, xlsxToTable } from '../../src/rules/index.ts';
import { useConsole } from '../support/console-browser.ts';

const sheetToTableOf = (file: string) => xlsxToTable(readFileSync(file));

/** Waits for what the page does after an answer from the server. */
async function until(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  assert.fail(`${what} did not appear within ${ms} ms`);
}

/**
 * The flow editor as an analyst uses it, in Chromium at 1440 x 900: a new flow built with the
 * mouse and the keyboard, a FEEL error seen and fixed, a trial and a test case, a saved draft;
 * then the demo flow changed, with the path count and the checks following the edit.
 */
const ui = useConsole();
const VIEW = { width: 1440, height: 900 };

const side = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const status = (page: Page) => page.getByTestId('check-status');
/** The status line once the last edit is checked. */
const settled = (page: Page, text: RegExp) => status(page).filter({ hasText: text }).filter({ hasNotText: 'checking' }).waitFor();
const palette = (page: Page, kind: string) => page.getByRole('navigation', { name: 'Add a node' }).getByRole('button', { name: kind, exact: true });

/** Types into a CodeMirror FEEL field as a person would: focus, select all, type. */
async function typeFeel(editor: Locator, text: string): Promise<void> {
  const content = editor.locator('.cm-content');
  await content.click();
  await content.press('Control+A');
  await content.pressSequentially(text, { delay: 5 });
}

/** Opens an edge's form from its source node's "Leads to" list: the keyboard's way, and steady while the canvas animates. */
async function openEdge(page: Page, from: string, to: string): Promise<void> {
  await page.getByLabel('Go to node').selectOption(from);
  await side(page).getByRole('group', { name: 'Leads to' }).getByRole('button', { name: to, exact: true }).click();
  await side(page)
    .getByRole('heading', { name: `Edge ${from} → ${to}` })
    .waitFor();
}

const feel = (page: Page, label: string) => side(page).locator(`[data-feel-editor="${label}"]`);

describe('flow editor in Chromium', () => {
  test('an analyst builds an 8-node flow from nothing, fixes a FEEL error, tries it, saves a test case and a draft', async () => {
    const { page, errors } = await ui.signedIn('analyst', VIEW);
    await page.goto(`${ui.server.url}/console/#/flows`);
    await page.getByRole('link', { name: 'New flow' }).click();
    await status(page).filter({ hasText: 'paths' }).waitFor();

    // The flow's name and id, with nothing selected.
    await side(page).getByLabel('Flow id').fill('starter-loans');
    await side(page).getByLabel('Name').fill('Starter loans');

    // Input: three fields, typed and classified.
    await node(page, 'start').click();
    for (let i = 0; i < 3; i++) await side(page).getByRole('button', { name: 'Add field' }).click();
    const fields = ['age', 'income', 'debt'];
    for (const [i, name] of fields.entries()) {
      await side(page)
        .getByLabel(`Field ${i + 1} name`)
        .fill(name);
      await side(page).getByLabel(`${name} required`).check();
    }

    // Expression, inserted after the input: a syntax error is underlined, then fixed.
    await palette(page, 'Expression').click();
    await side(page).getByRole('button', { name: 'Add variable' }).click();
    await side(page).getByLabel('variable 1').fill('dti');
    await typeFeel(feel(page, 'Assignments (in order; later ones see earlier ones): dti'), 'debt / income +');
    await side(page).locator('.cm-lintRange-error').first().waitFor();
    await ui.shot(page, 'studio-feel-error', false);
    // A completion list open under the cursor would take the keys (CI once ended with an error on "e"): close it first.
    await feel(page, 'Assignments (in order; later ones see earlier ones): dti').locator('.cm-content').press('Escape');
    await feel(page, 'Assignments (in order; later ones see earlier ones): dti').locator('.cm-content').press('Backspace');
    await feel(page, 'Assignments (in order; later ones see earlier ones): dti').locator('.cm-content').press('Backspace');
    assert.equal(await feel(page, 'Assignments (in order; later ones see earlier ones): dti').locator('.cm-content').textContent(), 'debt / income');
    await side(page).locator('.cm-lintRange-error').waitFor({ state: 'detached' });

    // Decision table: three input columns, five rules, first hit.
    await palette(page, 'Decision table').click();
    await side(page).getByLabel('Output variable').fill('band');
    await side(page).getByLabel('Hit policy').selectOption('FIRST');
    await side(page).getByRole('button', { name: 'Add input column' }).click();
    await side(page).getByRole('button', { name: 'Add input column' }).click();
    for (const [i, text] of ['age', 'income', 'dti'].entries()) await typeFeel(side(page).locator(`[data-feel-editor="Input column ${i + 1}"]`), text);
    await side(page).getByLabel('Output column 1 name').fill('band');
    // Typed columns: an age that arrives as text is an error, not a value compared with the rules.
    await side(page).getByLabel('Input column 1 type').selectOption('number');
    await side(page).getByLabel('Output column 1 type').selectOption('string');
    for (let i = 0; i < 4; i++) await side(page).getByRole('button', { name: 'Add rule' }).click();
    const rules = [
      ['< 21', '-', '-', '"C"'],
      ['-', '< 1000', '-', '"C"'],
      ['-', '-', '> 0.5', '"C"'],
      ['>= 30', '>= 3000', '<= 0.3', '"A"'],
      ['-', '-', '-', '"B"'],
    ];
    for (const [r, cells] of rules.entries()) {
      for (const [c, text] of cells.entries()) {
        const cell = c < 3 ? `Rule ${r + 1} input ${c + 1}` : 'output 1';
        await side(page)
          .getByLabel(c < 3 ? cell : `Rule ${r + 1} ${cell}`)
          .fill(text);
      }
    }

    // The table leaves as a spreadsheet and comes back from one an analyst annotated.
    const download = page.waitForEvent('download');
    await side(page).getByRole('button', { name: 'Download spreadsheet' }).click();
    const sheet = await sheetToTableOf((await (await download).path())!);
    assert.deepEqual(
      sheet.rules.map((r) => [...r.inputEntries, ...r.outputEntries]),
      rules,
    );
    sheet.rules[4]!.annotation = 'everyone else';
    const edited = join(ui.dataDir, 'bands.xlsx');
    writeFileSync(edited, await tableToXlsx(sheet));
    await side(page).getByLabel('Import spreadsheet').setInputFiles(edited);
    await until(async () => (await side(page).getByLabel('Rule 5 annotation').inputValue()) === 'everyone else', 'the imported annotation');

    // Ruleset after the table; its knock-out port gets a new decline output.
    await palette(page, 'Ruleset').click();
    await side(page).getByLabel('Rule 1 code').fill('KO_AGE');
    await typeFeel(feel(page, 'Rule 1 when'), 'age < 18');
    await side(page).getByLabel('Rule 1 text').fill('Applicant is under 18');
    await palette(page, 'Output').click();
    await side(page).getByLabel('Outcome').selectOption('decline');
    await side(page).getByRole('button', { name: 'Add reason' }).click();
    await side(page).getByLabel('Reason 1 code').fill('DC_BAND');
    await side(page).getByLabel('Reason 1 text').fill('Outside the lending policy for this risk band');

    // A switch into the ruleset's pass edge, its condition written on the edge; the other way drawn with the mouse.
    await page.getByRole('button', { name: 'Edge ruleset1 to approve: pass' }).waitFor();
    await openEdge(page, 'ruleset1', 'approve');
    await palette(page, 'Switch').click();
    await openEdge(page, 'switch1', 'approve');
    await side(page).getByLabel('Otherwise (taken when no condition holds)').uncheck();
    await typeFeel(feel(page, 'Condition'), 'band != "C"');
    const from = node(page, 'switch1').locator('.react-flow__handle.source');
    await from.hover();
    await page.mouse.down();
    const to = (await node(page, 'output1').locator('.react-flow__handle.target').boundingBox())!;
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await page.getByRole('button', { name: /^Edge switch1 to output1/ }).waitFor();
    await openEdge(page, 'switch1', 'output1');
    await side(page).getByLabel('Otherwise (taken when no condition holds)').check();

    // A score node into the switch's condition edge.
    await openEdge(page, 'switch1', 'approve');
    await palette(page, 'Score').click();
    await side(page).getByLabel('Model').selectOption('demo-scorecard@1');

    await settled(page, /No problems/);
    assert.equal(await page.locator('.react-flow__node').count(), 8);
    const text = (await status(page).textContent()) ?? '';
    assert.match(text, /\b3 paths/, text);

    // The test panel: one application, its path lit, kept as a test case that passes.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.getByLabel('Application (JSON)').fill(JSON.stringify({ age: 35, income: 5000, debt: 500 }));
    await page.getByRole('region', { name: 'Test panel' }).getByRole('button', { name: 'Run', exact: true }).click();
    const result = page.getByTestId('trial-result');
    await result.getByText('approve').first().waitFor();
    assert.equal(await page.locator('.studio-node.on-path').count(), 7);
    await page.getByLabel('Test case name').fill('a 35-year-old with a low debt ratio is approved');
    await page.getByRole('button', { name: /Save as test case/ }).click();
    await page.getByRole('button', { name: 'Run all test cases' }).click();
    await page.getByText('1 passed, 0 failed.').waitFor();
    await ui.shot(page, 'studio-new-flow', false);

    // Saved as the flow's first draft, with everything the editor made.
    await page.getByRole('button', { name: 'Save as new draft' }).click();
    await page.waitForURL(/#\/flows\/starter-loans\/1\/edit$/);
    type Saved = {
      definition: {
        nodes: { kind: string; table?: { rules: unknown[]; inputs: { typeRef?: string }[]; outputs: { typeRef?: string }[] } }[];
        tests: unknown[];
      };
    };
    const saved = (await fetch(`${ui.server.url}/v1/flows/starter-loans/versions/1`, { headers: { authorization: `Bearer ${ui.keys.analyst}` } }).then((r) =>
      r.json(),
    )) as Saved;
    const kinds = saved.definition.nodes.map((n) => n.kind).sort();
    assert.deepEqual(kinds, ['expression', 'input', 'output', 'output', 'ruleset', 'score', 'switch', 'table']);
    const table = saved.definition.nodes.find((n) => n.kind === 'table')!.table!;
    assert.deepEqual([table.inputs.length, table.rules.length], [3, 5]);
    assert.deepEqual([table.inputs[0]!.typeRef, table.inputs[1]!.typeRef, table.outputs[0]!.typeRef], ['number', undefined, 'string']);
    assert.equal(saved.definition.tests.length, 1);
    assert.deepEqual(errors, []);
  });

  test("an optimise node's strategy is written in a form, not JSON; the JSON view shows the same strategy", async () => {
    const { page, errors } = await ui.signedIn('analyst', VIEW);
    await page.goto(`${ui.server.url}/console/#/flows/new`);
    await status(page).filter({ hasText: 'paths' }).waitFor();
    await node(page, 'start').click();
    await palette(page, 'Optimise').click();
    const form = side(page).getByRole('group', { name: 'Strategy' });
    await form.getByLabel('Limits offered, as multiples of the amount asked (1 = what was asked)').fill('0.5, 0.75, 1');
    await form.getByLabel('Yearly rates offered, in %').fill('9, 12.5, 15');
    await form.getByLabel('Cost of funds, % a year').fill('4');
    await form.getByLabel('Loss given default, %').fill('45');
    await form.getByLabel('Highest debt-to-income with the new instalment, %').fill('40');
    await side(page).getByRole('button', { name: 'Edit the strategy as JSON' }).click();
    const json = JSON.parse(await side(page).getByLabel('Strategy (see docs/optimize.md)').inputValue());
    assert.deepEqual(json, {
      actions: { limitFactors: [0.5, 0.75, 1], rates: [0.09, 0.125, 0.15] },
      economics: { fundingRate: 0.04, lgd: 0.45 },
      affordability: { maxDti: 0.4 },
    });
    assert.deepEqual(errors, []);
  });

  test('an analyst changes a switch condition of the demo flow: the path count and the checks follow, and undo restores them', async () => {
    const { page, errors } = await ui.signedIn('analyst', VIEW);
    await page.goto(`${ui.server.url}/console/#/flows/consumer-lending/1`);
    await page.getByRole('link', { name: /^Edit/ }).click();
    await status(page).filter({ hasText: '416 paths' }).waitFor();
    await ui.shot(page, 'studio-demo-flow', false);
    await page.getByLabel('Go to node').selectOption('tierSwitch');
    await side(page).getByRole('group', { name: 'Leads to' }).getByRole('button').first().click();
    await side(page)
      .getByRole('heading', { name: /^Edge tierSwitch → / })
      .waitFor();
    await typeFeel(feel(page, 'Condition'), 'false');
    await settled(page, /\d+ problem/);
    const changed = (await status(page).textContent()) ?? '';
    assert.doesNotMatch(changed, /416 paths/);
    await page
      .getByRole('region', { name: 'Problems' })
      .getByText(/can never be taken/)
      .waitFor();
    await ui.shot(page, 'studio-demo-edit', false);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.getByRole('button', { name: 'Undo' }).click();
    await settled(page, /416 paths/);

    // Completion offers what is set before the place being edited: the tier switch's condition sees risk, derive does not.
    await openEdge(page, 'tierSwitch', 'affordability');
    await typeFeel(feel(page, 'Condition'), 'ris');
    await page.locator('.cm-tooltip-autocomplete li').filter({ hasText: /^risk/ }).first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByLabel('Go to node').selectOption('derive');
    await typeFeel(side(page).locator('[data-feel-editor^="Assignments"]').first(), 'r');
    await page
      .locator('.cm-tooltip-autocomplete li')
      .filter({ hasText: /^requestedAmount$/ })
      .waitFor();
    assert.equal(
      await page
        .locator('.cm-tooltip-autocomplete li')
        .filter({ hasText: /^risk$/ })
        .count(),
      0,
    );
    assert.deepEqual(errors, []);
  });

  test('the test panel starts from a recent decision of the flow, as the role may see it', async () => {
    const { page, errors } = await ui.signedIn('analyst', VIEW);
    await page.goto(`${ui.server.url}/console/#/flows/scored-lending/1/edit`);
    await settled(page, /paths/);
    const before = await page.getByLabel('Application (JSON)').inputValue();
    const pick = page.getByLabel('Start from a recent decision');
    await pick.locator('option').nth(1).waitFor({ state: 'attached' });
    await pick.selectOption({ index: 1 });
    await until(async () => (await page.getByLabel('Application (JSON)').inputValue()) !== before, "the decision's application");
    await page.getByRole('region', { name: 'Test panel' }).getByRole('button', { name: 'Run', exact: true }).click();
    await page
      .getByTestId('trial-result')
      .getByText(/^Outcome/)
      .waitFor();
    assert.ok((await page.locator('.studio-node.on-path').count()) >= 3);
    assert.deepEqual(errors, []);
  });

  test('a subflow node opens on the canvas to show the flow it runs, read-only, and closes again', async () => {
    const definition = {
      id: 'with-subflow',
      name: 'Credit check as a subflow',
      input: { fields: { nationalId: { type: 'string', class: 'C2', required: true }, amount: { type: 'number', class: 'C1', required: true } } },
      nodes: [
        { id: 'start', kind: 'input' },
        { id: 'check', kind: 'subflow', flow: 'bureau-check', inputs: { nationalId: 'nationalId', amount: 'amount' }, output: 'checked' },
        { id: 'done', kind: 'output', outcome: 'refer', reasons: [{ code: 'CHECKED', text: 'checked by the bureau subflow' }] },
      ],
      edges: [
        { from: 'start', to: 'check' },
        { from: 'check', to: 'done' },
      ],
    };
    const created = await fetch(`${ui.server.url}/v1/flows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ui.keys.analyst}`, 'content-type': 'application/json' },
      body: JSON.stringify({ definition }),
    });
    assert.equal(created.status, 201, await created.text());
    const { page, errors } = await ui.signedIn('analyst', VIEW);
    await page.goto(`${ui.server.url}/console/#/flows/with-subflow/1/edit`);
    await settled(page, /No problems/);
    await node(page, 'check').getByRole('button', { name: 'open' }).click();
    await node(page, 'inset:check:pull').waitFor();
    assert.ok((await page.locator('.react-flow__node[data-id^="inset:check:"]').count()) >= 5);
    await ui.shot(page, 'studio-subflow-open', false);
    await node(page, 'check').getByRole('button', { name: 'close' }).click();
    await node(page, 'inset:check:pull').waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  });

  test('an analyst uploads a DMN model, tries a decision with JSON, and downloads it as uploaded', async () => {
    const { page, errors } = await ui.signedIn('analyst', VIEW);
    await page.goto(`${ui.server.url}/console/#/dmn`);
    await page.getByLabel('DMN file').setInputFiles('examples/dmn/credit-policy.dmn');
    assert.equal(await page.getByLabel('Id').inputValue(), 'credit-policy');
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'v1' }).waitFor();
    for (const decision of ['Risk Band', 'Decision', 'Credit Limit']) await page.getByRole('listitem').filter({ hasText: decision }).first().waitFor();
    await page.getByLabel('Decision', { exact: true }).selectOption('Risk Band');
    await page.getByLabel(/^Input data/).fill(readFileSync('examples/dmn/applicant.json', 'utf8'));
    await page.getByRole('button', { name: 'Evaluate' }).click();
    await page.locator('pre.json').filter({ hasText: '"value": "B"' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('table', { name: 'Versions' }).getByRole('button', { name: 'Download' }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'credit-policy-v1.dmn');
    assert.equal(readFileSync((await file.path())!, 'utf8'), readFileSync('examples/dmn/credit-policy.dmn', 'utf8'));
    await ui.shot(page, 'dmn-model', false);
    assert.deepEqual(errors, []);
  });

  test("a DMN model's next version is approved with its changes read line by line against the approved one", async () => {
    const api = async (role: string, path: string, body: unknown) => {
      const res = await fetch(`${ui.server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ui.keys[role]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { id: string };
      assert.ok(res.ok, JSON.stringify(json));
      return json;
    };
    const first = await api('analyst', '/v1/releases', { kind: 'dmn_model', id: 'credit-policy', version: 1, note: 'The credit policy as DMN' });
    await api('risk-manager', `/v1/releases/${first.id}/approve`, { comment: 'Read' });
    const xml = readFileSync('examples/dmn/credit-policy.dmn', 'utf8');
    const stricter = xml.replace('<inputEntry><text>&lt; 580</text></inputEntry>', '<inputEntry><text>&lt; 600</text></inputEntry>');
    assert.notEqual(stricter, xml);
    await api('analyst', '/v1/dmn', { id: 'credit-policy', xml: stricter });
    const second = await api('analyst', '/v1/releases', { kind: 'dmn_model', id: 'credit-policy', version: 2, note: 'Band D below 600' });

    const { page, errors } = await ui.signedIn('risk-manager', VIEW);
    await page.goto(`${ui.server.url}/console/#/releases/${second.id}`);
    const diff = page.getByRole('table', { name: 'Line-by-line changes from v1 to v2' });
    await diff.locator('tr.line-removed').filter({ hasText: '&lt; 580' }).waitFor();
    await diff.locator('tr.line-added').filter({ hasText: '&lt; 600' }).waitFor();
    assert.equal(await diff.locator('tr.line-added, tr.line-removed').count(), 2, 'one line changed');
    assert.ok((await diff.locator('tr.line-skip').count()) > 0, 'unchanged lines are folded');
    await ui.shot(page, 'dmn-release-diff', false);
    assert.deepEqual(errors, []);
  });
});
