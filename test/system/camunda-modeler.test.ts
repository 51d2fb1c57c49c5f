import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { parseFlow, tableNodeAsDmn } from '../../src/flow/index.ts';
import { DMN_VERSIONS, type DmnVersion } from '../../src/rules/index.ts';

const CHROMIUM = '/usr/bin/chromium';
/** The modeler Camunda Modeler is built on (bpmn.io's dmn-js), as its own bundle: no build step here. */
const DMN_JS = createRequire(import.meta.url).resolve('dmn-js/dist/dmn-modeler.development.js');

interface Opened {
  error?: string;
  warnings: string[];
  views: string[];
  rows?: number;
}

/**
 * The tables Arbiter exports, opened as Camunda Modeler opens a file: dmn-js's modeler imports
 * the XML in Chromium, and its decision-table editor draws the rules. DMN 1.3 is the version
 * Camunda Modeler reads; the 1.5 export's result is printed, not asserted, since whether dmn-js
 * reads 1.5 is up to its makers.
 */
describe('DMN exported from flows, opened in the modeler of Camunda Modeler (dmn-js)', () => {
  let browser: Browser;
  let page: Page;
  const flow = parseFlow(JSON.parse(readFileSync('examples/flows/consumer-lending.json', 'utf8')));
  const tables = flow.nodes.filter((n) => n.kind === 'table' && n.table);

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent('<div id="canvas" style="width: 1200px; height: 700px"></div>');
    await page.addScriptTag({ path: DMN_JS });
  });
  after(async () => browser?.close());

  /** Imports the XML into a new modeler and, when it opens, shows the decision's table and counts its rules. */
  const open = async (xml: string): Promise<Opened> =>
    (await page.evaluate(
      // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
      `(async () => {
        document.querySelector('#canvas').innerHTML = '';
        const modeler = new DmnJS({ container: '#canvas' });
        try {
          const { warnings } = await modeler.importXML(${JSON.stringify(xml)});
          const views = modeler.getViews();
          const table = views.find((v) => v.type === 'decisionTable');
          let rows;
          if (table) {
            await modeler.open(table);
            rows = document.querySelectorAll('#canvas .tjs-table tbody tr').length;
          }
          return { warnings: warnings.map((w) => w.message), views: views.map((v) => v.type + ':' + v.name), rows };
        } catch (err) {
          return { error: err.message, warnings: (err.warnings || []).map((w) => w.message), views: [] };
        }
      })()`,
    )) as Opened;

  const exported = (version: DmnVersion) =>
    tables.map((node) => ({ node, xml: tableNodeAsDmn(flow, node as Extract<typeof node, { kind: 'table' }>, version) }));

  test('every table of the demo flow, as DMN 1.3, opens without a warning, drawn, with all its rules', async () => {
    assert.ok(tables.length >= 3);
    for (const { node, xml } of exported('1.3')) {
      const opened = await open(xml);
      const table = node as Extract<typeof node, { kind: 'table' }>;
      assert.equal(opened.error, undefined, `${node.id}: ${opened.error} ${opened.warnings.join('; ')}`);
      assert.deepEqual(opened.warnings, [], node.id);
      assert.ok(opened.views.includes('drd:'.concat(`${flow.name}: ${table.label ?? table.id}`)), `${node.id}: ${opened.views}`);
      assert.ok(opened.views.includes(`decisionTable:${table.output}`), `${node.id}: ${opened.views}`);
      assert.equal(opened.rows, table.table!.rules.length, `${node.id}: rules drawn`);
    }
  });

  test('the DMN 1.5 export, as dmn-js takes it (printed)', async () => {
    assert.deepEqual(DMN_VERSIONS, ['1.5', '1.3']);
    const [first] = exported('1.5');
    const opened = await open(first!.xml);
    console.log(`# dmn-js ${opened.error ? `refuses DMN 1.5: ${opened.error}` : `opens DMN 1.5 (${opened.views.join(', ')})`}`);
  });
});
