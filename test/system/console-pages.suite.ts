import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { useConsole } from '../support/console-browser.ts';

/** Every test leaves a screenshot in test-results/. */
const ui = useConsole();
const signedIn = (role: string) => ui.signedIn(role);
const shot = ui.shot;

describe('console in Chromium', () => {
  test("sign in: a wrong key is refused with a readable error; a key of a role shows only that role's pages", async () => {
    const page = await ui.newPage();
    await page.goto(`${ui.server.url}/`);
    await page.getByLabel('API key').fill('arb_not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /key/i }).waitFor();
    await page.getByLabel('API key').fill(ui.keys.analyst!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await nav.waitFor();
    const pages = await nav.getByRole('link').allTextContents();
    assert.ok(pages.includes('Overview') && pages.includes('Sandbox'), pages.join());
    assert.ok(!pages.includes('Keys and roles') && !pages.includes('Review queue'), `an analyst is offered ${pages.join(', ')}`);
    // The tile: the overview's chart has the same title when decisions span more than a minute.
    await page.locator('.tile-label', { hasText: 'Decisions per minute' }).waitFor();
    assert.equal(
      await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('arbiter.apiKey')),
      ui.keys.analyst,
    );
    await shot(page, 'sign-in');
    await page.close();
  });

  test('run a decision and open its trace, drawn along its path', async () => {
    const service = await signedIn('service');
    await service.page.goto(`${ui.server.url}/console/#/decisions`);
    // The service role may list flows, so it is offered them to pick from.
    await service.page
      .getByRole('form', { name: 'Run a decision' })
      .getByRole('combobox')
      .locator('option[value="scored-lending"]')
      .waitFor({ state: 'attached' });
    await service.page.getByRole('button', { name: 'Decide' }).click();
    await service.page.waitForURL(/#\/decisions\/dec_/);
    const id = decodeURIComponent(service.page.url().split('/').pop()!);
    const steps = service.page.getByRole('list', { name: 'Trace' }).getByRole('listitem');
    await steps.first().waitFor();
    assert.ok((await steps.count()) >= 3, 'the trace has the steps of the path');
    await steps.first().getByRole('button').click();
    await service.page.getByRole('heading', { name: 'Wrote' }).first().waitFor();
    await shot(service.page, 'decision-service');
    await service.page.close();

    const analyst = await signedIn('analyst');
    await analyst.page.goto(`${ui.server.url}/console/#/decisions/${id}`);
    await analyst.page.locator('.react-flow__node.on-path').first().waitFor();
    assert.ok((await analyst.page.locator('.react-flow__node.on-path').count()) >= 3);
    assert.ok(
      (await analyst.page.getByRole('table', { name: 'Application' }).getByText('****').count()) > 0 ||
        (await analyst.page.getByRole('table', { name: 'Application' }).textContent())!.includes('*'),
      'personal data is masked',
    );
    await shot(analyst.page, 'decision-trace');

    // The demo applicant is found by national ID: the field is searchable in consumer-lending.
    await analyst.page.goto(`${ui.server.url}/console/#/decisions`);
    await analyst.page.getByLabel('Value to find').fill('110101199003074512');
    await analyst.page.getByRole('button', { name: 'Find', exact: true }).click();
    await analyst.page.getByRole('heading', { name: /Search results/ }).waitFor();
    assert.ok((await analyst.page.getByRole('table', { name: 'Decisions' }).getByRole('link').count()) >= 1, 'the decision just made is found');

    // A decline of the scored demo flow shows the features that raised the risk, as a waterfall.
    const list = await fetch(`${ui.server.url}/v1/decisions?flow=scored-lending&outcome=decline&limit=1`, {
      headers: { authorization: `Bearer ${ui.keys.analyst}` },
    });
    const declined = ((await list.json()) as { decisions: { id: string }[] }).decisions[0];
    assert.ok(declined, 'the demo has a declined scored-lending decision');
    await analyst.page.goto(`${ui.server.url}/console/#/decisions/${declined.id}`);
    await analyst.page.getByRole('heading', { name: 'What raised the risk' }).waitFor();
    await analyst.page.locator('[data-chart="Model reasons"] svg').waitFor();
    assert.ok((await analyst.page.locator('[data-chart="Model reasons"] svg path').count()) >= 2, 'the waterfall has bars');
    await shot(analyst.page, 'decision-model-reasons');
    assert.deepEqual(analyst.errors, []);
    await analyst.page.close();
  });

  test('take a pending case and complete the review', async () => {
    const { page, errors } = await signedIn('reviewer');
    await page.goto(`${ui.server.url}/console/#/reviews`);
    await page.getByRole('button', { name: 'Take case' }).first().click();
    await page.getByRole('heading', { name: 'Evidence' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'You took this case' }).waitFor();
    // The evidence reads as numbers a person reads: no PD to seventeen places.
    const computed = (await page.getByRole('table', { name: 'What the flow computed' }).first().textContent()) ?? '';
    assert.ok(computed.length > 0);
    assert.doesNotMatch(computed, /\d\.\d{5,}/);
    await page.getByLabel(/^Note/).fill('Income verified against payslips; affordable.');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').filter({ hasText: 'Approved by' }).waitFor();
    await shot(page, 'review');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('edit a decision-table cell with a FEEL error and see it in the cell; a fixed table saves as a new draft', async () => {
    const { page, errors } = await signedIn('analyst');
    await page.goto(`${ui.server.url}/console/#/tables`);
    await page.getByRole('link', { name: /Personal loan risk tier/ }).click();
    const cell = page
      .getByRole('table', { name: /Decision table/ })
      .locator('tbody input')
      .first();
    await cell.waitFor();
    const before = await cell.inputValue();
    await cell.fill('> 18 and');
    const message = page.locator('td.cell-error .cell-message');
    await message.waitFor();
    assert.match((await message.textContent())!, /line 1, column \d+/);
    assert.equal(await cell.getAttribute('aria-invalid'), 'true');
    assert.ok(await page.getByRole('button', { name: 'Save as a new draft' }).isDisabled(), 'a table with an error cannot be saved');
    await shot(page, 'table-feel-error');
    await cell.fill(before);
    await message.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save as a new draft' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Saved as draft v2/ })
      .waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a flow version is submitted by an analyst and approved by a risk manager', async () => {
    const analyst = await signedIn('analyst');
    await analyst.page.goto(`${ui.server.url}/console/#/flows/synth-candidate/1`);
    await analyst.page.getByRole('button', { name: 'Validate' }).click();
    await analyst.page
      .getByRole('status')
      .filter({ hasText: /Valid: \d+ paths/ })
      .waitFor();
    assert.equal(await analyst.page.getByRole('button', { name: 'Publish v1' }).count(), 0, 'four-eyes: nobody publishes alone');
    await analyst.page.getByRole('button', { name: 'Submit v1 for approval' }).click();
    await analyst.page.getByLabel('Change note: what changes, and why').fill('The candidate policy, for the back-test comparison');
    // Nothing is live yet: the impact report runs the demo's history file through the draft.
    await analyst.page.getByLabel(/Applications for the impact report/).setInputFiles(join(ui.dataDir, 'demo', 'history.csv'));
    await analyst.page.getByRole('button', { name: 'Submit', exact: true }).click();
    await analyst.page.getByRole('status').filter({ hasText: 'v1: waiting for approval' }).waitFor();
    assert.deepEqual(analyst.errors, []);
    await analyst.page.close();

    const { page, errors } = await signedIn('risk-manager');
    await page.goto(`${ui.server.url}/console/#/releases`);
    await page
      .getByRole('navigation', { name: 'Release requests' })
      .getByRole('link', { name: /synth-candidate: publish v1/ })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: /Checks passed: \d+ paths/ })
      .waitFor();
    await page.getByText(/uploaded applications run through v1 \(nothing is live to compare with\)/).waitFor({ timeout: 60_000 });
    await page.getByLabel('Comment').fill('Checked the paths');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'published' }).waitFor();
    await page.goto(`${ui.server.url}/console/#/flows/synth-candidate/1`);
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'published' }).waitFor();
    // The version is marked live, and the list of flows says so.
    await page.getByRole('table', { name: 'Versions' }).getByText('live').waitFor();
    await page
      .getByRole('navigation', { name: 'Flows' })
      .getByText(/synth-candidate · v1 · v1 live/)
      .waitFor();
    await shot(page, 'flow-published');
    // A new draft opens as v2 with its own state: the v1 "Valid" message does not follow it.
    await page.getByRole('button', { name: 'New draft from v1' }).click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'v2' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Flows' })
      .getByText(/synth-candidate · v2 · v1 live/)
      .waitFor();
    assert.equal(
      await page
        .getByRole('status')
        .filter({ hasText: /Valid: \d+ paths/ })
        .count(),
      0,
    );
    // People are shown by name, not by key id: v2 was drafted by the signed-in risk manager.
    const me = (await (await fetch(`${ui.server.url}/v1/me`, { headers: { authorization: `Bearer ${ui.keys['risk-manager']}` } })).json()) as { name: string };
    await page.getByRole('table', { name: 'Versions' }).getByRole('row', { name: /v2/ }).getByText(me.name).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the model charts are drawn, champion beside challenger', async () => {
    const { page, errors } = await signedIn('analyst');
    await page.goto(`${ui.server.url}/console/#/models/demo-trees`);
    for (const chart of ['ROC curve', 'KS curve', 'Score distribution by outcome', 'Calibration', 'Feature importance', 'PSI over time']) {
      const svg = page.locator(`[data-chart="${chart}"] svg`);
      await svg.waitFor();
      assert.ok((await svg.locator('path').count()) > 5, `${chart} has drawn nothing`);
    }
    await page.getByText('v1 (champion) AUC').first().waitFor();
    // The champion was approved for use by the risk manager; the challenger can be submitted.
    const versions = page.getByRole('table').filter({ hasText: 'For use' });
    await versions.getByText('approved by demo risk-manager').waitFor();
    await versions.getByRole('button', { name: 'Submit v2 for approval' }).click();
    await versions.getByLabel('Why v2 should be used').fill('Deeper trees, better holdout AUC');
    await versions.getByRole('button', { name: 'Submit', exact: true }).click();
    await versions.getByRole('link', { name: 'submitted for approval' }).click();
    // The release shows what the version changes against the one approved before it.
    const metrics = page.getByRole('table', { name: 'Model metrics' });
    await metrics.getByText('v1 (approved before)').waitFor();
    await metrics.getByRole('row', { name: /AUC on the holdout/ }).waitFor();
    await page.goBack();
    await page.getByText('v1 (champion) AUC').first().waitFor();
    // The importance chart says which bars are which version, and the PSI threshold's label is drawn whole.
    await page.locator('[data-chart="Feature importance"] svg text').filter({ hasText: 'v1 (champion)' }).first().waitFor();
    const psi = page.locator('[data-chart="PSI over time"] svg');
    const width = (await psi.boundingBox())!;
    const label = (await psi.locator('text').filter({ hasText: 'shift 0.25' }).first().boundingBox())!;
    assert.ok(
      label.x >= width.x && label.x + label.width <= width.x + width.width + 0.5,
      `the PSI label (${JSON.stringify(label)}) is inside the chart (${JSON.stringify(width)})`,
    );
    await page
      .getByText(/^v2 AUC/)
      .first()
      .waitFor();
    await shot(page, 'models');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a retraining program that promotes on its own is confirmed on the model page by a second risk manager', async () => {
    const call = async (key: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${ui.server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const model = await call(ui.keys['risk-manager']!, 'GET', '/v1/models/demo-trees/versions/1');
    const features = (model.summary as { features: { name: string }[] }).features.map((f) => f.name);
    await call(ui.keys['risk-manager']!, 'PUT', '/v1/lifecycle/programs/demo-trees', {
      flow: 'scored-lending',
      scoreNode: 'score',
      sample: { features },
      policy: { approval: 'auto' },
    });
    ui.keys['second risk manager'] = String((await call(ui.keys.admin!, 'POST', '/v1/keys', { name: 'second risk manager', role: 'risk-manager' })).secret);

    // The one who set it is not offered the confirmation; a second risk manager is.
    const first = await signedIn('risk-manager');
    await first.page.goto(`${ui.server.url}/console/#/models/demo-trees`);
    const mine = first.page.getByRole('region', { name: 'Retraining program' });
    await mine.getByText('not in force until a second risk manager confirms the program').waitFor();
    assert.equal(await mine.getByRole('button', { name: 'Confirm the program' }).count(), 0);
    await first.page.close();

    const { page, errors } = await signedIn('second risk manager');
    await page.goto(`${ui.server.url}/console/#/models/demo-trees`);
    const program = page.getByRole('region', { name: 'Retraining program' });
    await program.getByRole('link', { name: 'scored-lending' }).waitFor();
    await program.getByRole('button', { name: 'Confirm the program' }).click();
    await program
      .getByRole('row', { name: /Confirmed/ })
      .getByText('second risk manager')
      .waitFor();
    assert.equal(await program.getByText('not in force until').count(), 0);
    await shot(page, 'retraining-program');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("an analyst adjusts a scorecard's bins on uploaded data and refits it as the next version", async () => {
    const { page, errors } = await signedIn('analyst');
    await page.goto(`${ui.server.url}/console/#/models/demo-scorecard`);
    const panel = page.getByRole('region', { name: 'Scorecard bins' });
    await panel.getByLabel(/^Labelled applications/).setInputFiles(join(import.meta.dirname, '..', 'fixtures', 'credit-data', 'german_credit.csv'));
    await panel.getByRole('button', { name: 'Find the bins' }).click();
    const duration = panel.getByRole('table', { name: 'Bins of Duration' });
    await duration.waitFor();
    await panel.getByLabel('Cuts of Duration').fill('12, 24, 36');
    await panel.getByRole('button', { name: 'Show the bins with my cuts' }).click();
    await duration.getByRole('cell', { name: '(-inf, 12]' }).waitFor();
    assert.equal(await duration.locator('tbody tr').count(), 4, 'four bins from three cuts');
    await panel.getByLabel('Cuts of Duration').fill('24, 12');
    await panel.getByText('The cuts must rise from left to right.').waitFor();
    await panel.getByLabel('Cuts of Duration').fill('12, 24, 36');
    await panel.getByRole('button', { name: 'Refit the scorecard on these bins as the next version' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /Stored as v2; submit it for approval/ })
      .waitFor();
    await shot(page, 'scorecard-bins');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('run a back-test to completion and see its swap set', async () => {
    const { page, errors } = await signedIn('analyst');
    await page.goto(`${ui.server.url}/console/#/sandbox`);
    await page.getByLabel(/^History/).setInputFiles(join(ui.dataDir, 'demo', 'history.csv'));
    await page.getByRole('button', { name: 'Run back-test' }).click();
    await page.getByRole('table', { name: 'Swap set' }).waitFor({ timeout: 120_000 });
    const swapIns = await page.getByRole('table', { name: 'Swap set' }).getByRole('row').nth(1).textContent();
    assert.match(swapIns!, /Swap-ins.*\d/);
    await shot(page, 'backtest');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('run an optimisation and see its efficient frontier', async () => {
    const { page, errors } = await signedIn('analyst');
    await page.goto(`${ui.server.url}/console/#/sandbox`);
    await page.getByLabel(/^Scored applications/).setInputFiles(join(ui.dataDir, 'demo', 'portfolio.csv'));
    // Held back for a few seconds, the answer is awaited with what is being done and for how long, not a bare "Working…".
    await page.route('**/v1/optimizations', async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Optimise' }).click();
    const progress = page.getByTestId('optimisation-progress');
    await progress
      .filter({ hasText: /3,000 applications/ })
      .filter({ hasText: /[1-9]\d* s so far/ })
      .waitFor();
    await page.getByRole('table', { name: 'Constraints' }).waitFor({ timeout: 120_000 });
    await progress.waitFor({ state: 'detached' });
    const frontier = page.locator('[data-chart="Efficient frontier"] svg');
    await frontier.waitFor();
    assert.ok((await frontier.locator('path').count()) > 5, 'the frontier is drawn');
    await shot(page, 'optimisation');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an admin, answering an applicant, finds the application by national ID on the Decisions page', async () => {
    const { page, errors } = await signedIn('admin');
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Decisions' }).click();
    await page.getByLabel('Value to find').fill('110101199003074512');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('heading', { name: /Search results/ }).waitFor();
    await page.getByRole('table', { name: 'Decisions' }).getByRole('link').first().click();
    await page.getByRole('table', { name: 'Application' }).waitFor();
    assert.ok(((await page.getByRole('table', { name: 'Application' }).textContent()) ?? '').includes('*'), 'masked until revealed with a purpose');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('verify the audit chain', async () => {
    const { page, errors } = await signedIn('auditor');
    await page.goto(`${ui.server.url}/console/#/audit`);
    await page.getByRole('table', { name: 'Audit events' }).waitFor();
    // Actions are offered by name, with their counts, not typed from memory.
    const action = page.getByRole('combobox', { name: /Action/ });
    await action.locator('option[value="flow.published"]').waitFor({ state: 'attached' });
    await action.selectOption('flow.published');
    await page.getByRole('button', { name: 'Filter' }).click();
    // The filtered page replaces the first one when its answer arrives: wait for it, not for any flow.published on screen.
    const actions = page.getByRole('table', { name: 'Audit events' }).locator('code:not(.small)');
    let shown: string[] = [];
    for (const end = Date.now() + 15_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      shown = await actions.allTextContents();
      if (shown.length > 0 && shown.every((a) => a === 'flow.published')) break;
    }
    assert.ok(shown.length > 0 && shown.every((a) => a === 'flow.published'), shown.join());
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByTestId('chain-verification').filter({ hasText: 'The chain is intact' }).waitFor();
    await shot(page, 'audit');
    assert.deepEqual(errors, []);
    await page.close();
  });
  test('the release path: submitted, impact read, approved for a time, live then; rolled back in an emergency, confirmed by another; all audited by name', async () => {
    const api = async (key: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${ui.server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
    };
    // The analyst's draft: tier C declined outright instead of going to an underwriter.
    const def = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'flows', 'consumer-lending.json'), 'utf8'));
    delete def.$schema;
    const gone = new Set(['riskReview', 'declineRiskReview']);
    def.nodes = def.nodes.filter((n: { id: string }) => !gone.has(n.id));
    def.edges = def.edges
      .filter((e: { from: string }) => !gone.has(e.from))
      .map((e: { to: string }) => (e.to === 'riskReview' ? { ...e, to: 'declineRisk' } : e));
    const draft = await api(ui.keys.analyst!, 'POST', '/v1/flows/consumer-lending/versions', { definition: def });
    assert.equal(draft.status, 201, JSON.stringify(draft.json));
    const v = draft.json.version as number;

    const analyst = await signedIn('analyst');
    await analyst.page.goto(`${ui.server.url}/console/#/flows/consumer-lending/${v}`);
    await analyst.page.getByRole('button', { name: `Submit v${v} for approval` }).click();
    await analyst.page.getByLabel('Change note: what changes, and why').fill('Decline tier C instead of sending it to an underwriter');
    await analyst.page.getByRole('button', { name: 'Submit', exact: true }).click();
    await analyst.page.getByRole('link', { name: 'Open the release' }).click();
    await analyst.page.getByText('A risk manager who did not write or submit this change approves or rejects it.').waitFor();
    assert.equal(await analyst.page.getByRole('button', { name: 'Approve' }).count(), 0);
    const releaseId = decodeURIComponent(analyst.page.url().split('/').pop()!);
    const refused = await api(ui.keys.analyst!, 'POST', `/v1/releases/${releaseId}/approve`, {});
    assert.equal(refused.status, 403);
    assert.match(refused.json.error!.message, /"analyst" may not POST .*approve; by default it needs one of: risk-manager/);
    await analyst.page.close();

    const { page, errors } = await ui.signedIn('risk-manager', { width: 1440, height: 900 });
    await page.goto(`${ui.server.url}/console/#/releases/${releaseId}`);
    // The approver reads the impact on the live version's recent decisions, and the changes.
    await page.locator('.tile-label', { hasText: 'Outcomes that change' }).waitFor({ timeout: 60_000 });
    const table = page.getByRole('table', { name: 'Outcomes, live against draft' });
    await table.waitFor();
    // Columns: live approve, decline, refer, review; the underwriter's cases of tier C become declines.
    const declinedNow = await table
      .getByRole('row', { name: /^decline/ })
      .locator('td')
      .nth(3)
      .textContent();
    assert.ok(Number((declinedNow ?? '0').replace(/,/g, '')) > 0, `reviews that the draft declines: ${declinedNow}`);
    await page
      .getByRole('table', { name: 'Paths the draft no longer takes' })
      .getByText(/riskReview/)
      .first()
      .waitFor();
    await page
      .getByRole('region', { name: /Changes from v1 to v/ })
      .getByText('riskReview')
      .first()
      .waitFor();
    await shot(page, 'release-impact');
    // Effective a few seconds from now, in the browser's local time; the field holds whole seconds.
    const at = new Date(Math.ceil((Date.now() + 4_000) / 1000) * 1000);
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    await page.getByLabel('Effective from (empty: at once)').fill(local);
    await page.getByLabel('Comment').fill('Accepted: tier C losses outweigh review costs');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('heading', { level: 2 }).filter({ hasText: 'approved' }).waitFor();
    const flows = async () => (await api(ui.keys['risk-manager']!, 'GET', '/v1/flows')).json.flows as { id: string; liveVersion: number }[];
    assert.equal((await flows()).find((f) => f.id === 'consumer-lending')!.liveVersion, 1, 'not live before its time');
    let live = 1;
    for (const end = Date.now() + 45_000; live !== v && Date.now() < end; await new Promise((r) => setTimeout(r, 500)))
      live = (await flows()).find((f) => f.id === 'consumer-lending')!.liveVersion;
    assert.equal(live, v, 'live at its effective time');
    assert.ok(Date.now() >= at.getTime(), 'and not before');
    const decide = async () =>
      (
        await api(ui.keys.service!, 'POST', '/v1/decisions', {
          flow: 'consumer-lending',
          application: {
            ...JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'flows', 'application.json'), 'utf8')),
            bureauScore: 600,
          },
          idempotencyKey: `release-${Date.now()}-${Math.random()}`,
        })
      ).json as { flow: { version: number }; outcome: string | null; status: string };
    const after = await decide();
    assert.deepEqual([after.flow.version, after.outcome], [v, 'decline']);

    // Something goes wrong: the risk manager rolls back at once.
    await page.goto(`${ui.server.url}/console/#/flows/consumer-lending/1`);
    await page.getByRole('table', { name: 'Versions' }).getByRole('row', { name: /^v1/ }).getByRole('button', { name: 'Roll back to v1' }).click();
    await page.getByLabel('Why the flow goes back to v1').fill('Approvals fell more than the impact report showed');
    await page.getByRole('checkbox', { name: /Emergency/ }).check();
    await page.getByRole('button', { name: 'Roll back to v1 now' }).click();
    await page.getByRole('status').filter({ hasText: 'Rollback to v1: applied; a second person confirms it' }).waitFor();
    const rolled = await decide();
    assert.deepEqual([rolled.flow.version, rolled.status], [1, 'pending_review'], 'decisions after the rollback use v1');
    assert.deepEqual(errors, []);
    await page.close();

    // A second risk manager confirms it.
    const second = await api(ui.keys.admin!, 'POST', '/v1/keys', { name: 'Second Risk Manager', role: 'risk-manager' });
    ui.keys['second risk-manager'] = second.json.secret as string;
    const other = await signedIn('second risk-manager');
    await other.page.goto(`${ui.server.url}/console/#/releases`);
    await other.page.getByRole('tab', { name: 'Emergency rollbacks to confirm' }).click();
    await other.page
      .getByRole('navigation', { name: 'Release requests' })
      .getByRole('link', { name: /consumer-lending: roll back to v1/ })
      .click();
    await other.page.getByRole('button', { name: 'Confirm the emergency rollback' }).click();
    await other.page.getByRole('table', { name: 'Release' }).getByText('Second Risk Manager').waitFor();
    assert.deepEqual(other.errors, []);
    await other.page.close();

    // Every step in the audit log, by the people who took it.
    const audit = await signedIn('auditor');
    await audit.page.goto(`${ui.server.url}/console/#/audit`);
    const action = audit.page.getByRole('combobox', { name: /Action/ });
    for (const [name, who] of [
      ['release.submitted', 'demo analyst'],
      ['release.approved', 'demo risk-manager'],
      ['release.emergency_confirmed', 'Second Risk Manager'],
    ]) {
      await action.locator(`option[value="${name}"]`).waitFor({ state: 'attached' });
      await action.selectOption(name!);
      await audit.page.getByRole('button', { name: 'Filter' }).click();
      await audit.page.getByRole('table', { name: 'Audit events' }).getByRole('row').filter({ hasText: name! }).filter({ hasText: who! }).first().waitFor();
    }
    assert.deepEqual(audit.errors, []);
    await audit.page.close();
  });
  test("an admin changes a role's permissions, and a second admin approves a third admin's key", async () => {
    const { page, errors } = await ui.signedIn('admin', { width: 1440, height: 900 });
    await page.goto(`${ui.server.url}/console/#/keys`);
    const roles = page.getByRole('region', { name: 'Role permissions' });
    await roles.locator('select').first().selectOption('auditor');
    await roles.getByRole('checkbox', { name: /List API keys/ }).check();
    await roles.getByRole('button', { name: 'Save auditor' }).click();
    await roles.getByRole('status').filter({ hasText: 'The auditor role is changed.' }).waitFor();
    const keysAsAuditor = await fetch(`${ui.server.url}/v1/keys`, { headers: { authorization: `Bearer ${ui.keys.auditor}` } });
    assert.equal(keysAsAuditor.status, 200, 'the auditor may now list keys');
    await shot(page, 'roles');

    // A second admin needs nobody's approval (there was one); a third needs the second's.
    const create = page.getByRole('form', { name: 'Create a key' });
    await create.getByPlaceholder('e.g. loan origination system').fill('Second Admin');
    await create.getByRole('combobox').selectOption('admin');
    await create.getByRole('button', { name: 'Create key' }).click();
    const secret = (await create.locator('code.secret').textContent())!;
    await create.getByPlaceholder('e.g. loan origination system').fill('Third Admin');
    await create.getByRole('button', { name: 'Create key' }).click();
    await create.getByRole('status').filter({ hasText: 'Third Admin' }).filter({ hasText: 'works once another admin approves it' }).waitFor();
    await page.getByRole('region', { name: 'Waiting for a second admin' }).getByText('You asked for this').waitFor();
    assert.deepEqual(errors, []);
    await page.close();

    ui.keys['second admin'] = secret;
    const second = await signedIn('second admin');
    await second.page.goto(`${ui.server.url}/console/#/keys`);
    const waiting = second.page.getByRole('region', { name: 'Waiting for a second admin' });
    await waiting.getByText('a new admin key "Third Admin"').waitFor();
    await waiting.getByRole('button', { name: 'Approve' }).click();
    await second.page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row', { name: /Third Admin/ })
      .getByText('active')
      .waitFor();
    assert.deepEqual(second.errors, []);
    await second.page.close();
  });
});
