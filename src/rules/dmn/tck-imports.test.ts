import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { runTck } from './tck.ts';

const NS = 'https://www.omg.org/spec/DMN/20230324/MODEL/';

/** A test file of `<testCase>`s for `model`. */
const testCases = (model: string, cases: string) => `<?xml version="1.0" encoding="UTF-8"?>
<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <modelName>${model}</modelName>
${cases}
</testCases>`;

/** Runs the TCK runner on one test folder written from `files` (paths inside it), removed afterwards. */
async function runFolder(folder: string, files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'arbiter-tck-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, folder, path)), { recursive: true });
      writeFileSync(join(root, folder, path), text);
    }
    return await runTck(root, { tolerance: 0 });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
const definitions = (name: string, body: string, imports: [string, string][] = []) =>
  `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="${NS}" id="${name}" name="${name}" namespace="urn:${name}">${imports
    .map(([as, of]) => `<import name="${as}" namespace="urn:${of}" importType="${NS}"/>`)
    .join('')}${body}</definitions>`;

test("a TCK folder whose models import one another, with models in subfolders and an input given by its model's namespace", async () => {
  const greeting = (b: string) =>
    definitions(
      b,
      `<decision id="d" name="Greeting"><variable name="Greeting" typeRef="string"/>
         <informationRequirement><requiredDecision href="urn:hello#h"/></informationRequirement>
         <literalExpression><text>"${b}: " + A.Say hello</text></literalExpression></decision>`,
      [['A', 'hello']],
    );
  const results = await runFolder('0001-nested-imports', {
    'shared/hello.dmn': definitions(
      'hello',
      `<inputData id="n" name="Person name"><variable name="Person name" typeRef="string"/></inputData>
       <decision id="h" name="Say hello"><variable name="Say hello" typeRef="string"/><informationRequirement><requiredInput href="#n"/></informationRequirement>
         <literalExpression><text>"Hello, " + Person name</text></literalExpression></decision>`,
    ),
    'b1.dmn': greeting('b1'),
    'b2.dmn': greeting('b2'),
    'top.dmn': definitions(
      'top',
      `<decision id="t" name="Both"><variable name="Both" typeRef="string"/>
         <informationRequirement><requiredDecision href="urn:b1#d"/></informationRequirement>
         <informationRequirement><requiredDecision href="urn:b2#d"/></informationRequirement>
         <literalExpression><text>B1.Greeting + "; " + B2.Greeting</text></literalExpression></decision>`,
      [
        ['B1', 'b1'],
        ['B2', 'b2'],
      ],
    ),
    '0001-nested-imports-test-01.xml': testCases(
      'top.dmn',
      `  <testCase id="001">
    <inputNode name="Person name" namespace="urn:hello"><value xsi:type="xsd:string">Ann</value></inputNode>
    <resultNode name="Both"><expected><value xsi:type="xsd:string">b1: Hello, Ann; b2: Hello, Ann</value></expected></resultNode>
  </testCase>`,
    ),
  });
  assert.deepEqual(
    results.map((r) => [r.passed, r.actual]),
    [[true, '"b1: Hello, Ann; b2: Hello, Ann"']],
  );
});

test('a TCK folder with a model imported without a name (its input given by namespace), and a result node that names a decision service', async () => {
  const results = await runFolder('0002-unnamed-imports', {
    'income.dmn': definitions(
      'income',
      `<inputData id="m" name="Monthly income"><variable name="Monthly income" typeRef="number"/></inputData>
       <decision id="y" name="Yearly income"><variable name="Yearly income" typeRef="number"/><informationRequirement><requiredInput href="#m"/></informationRequirement>
         <literalExpression><text>Monthly income * 12</text></literalExpression></decision>`,
    ),
    'limit.dmn': definitions(
      'limit',
      `<decisionService id="s" name="Limit service"><variable name="Limit service"/><outputDecision href="#l"/><encapsulatedDecision href="#l"/><inputData href="urn:income#m"/></decisionService>
       <decision id="l" name="Limit"><variable name="Limit" typeRef="number"/><informationRequirement><requiredDecision href="urn:income#y"/></informationRequirement>
         <literalExpression><text>Yearly income / 2</text></literalExpression></decision>`,
      [['', 'income']],
    ),
    '0002-unnamed-imports-test-01.xml': testCases(
      'limit.dmn',
      `  <testCase id="001">
    <inputNode name="Monthly income" namespace="urn:income"><value xsi:type="xsd:decimal">3000</value></inputNode>
    <resultNode name="Limit" type="decision"><expected><value xsi:type="xsd:decimal">18000</value></expected></resultNode>
    <resultNode name="Yearly income" type="decision"><expected><value xsi:type="xsd:decimal">36000</value></expected></resultNode>
  </testCase>
  <testCase id="002">
    <inputNode name="Monthly income" namespace="urn:income"><value xsi:type="xsd:decimal">2000</value></inputNode>
    <resultNode name="Limit service" type="decisionService"><expected><value xsi:type="xsd:decimal">12000</value></expected></resultNode>
  </testCase>`,
    ),
  });
  assert.deepEqual(
    results.filter((r) => r.file.includes('test-01')).map((r) => [r.testCase, r.node, r.passed, r.actual]),
    [
      ['001', 'Limit', true, '18000'],
      ['001', 'Yearly income', true, '36000'],
      ['002', 'Limit service', true, '12000'],
    ],
  );
});

test("a TCK input node named by its import path ('m.b.Amount') is the input data of the model imported at that path", async () => {
  const amount = `<inputData id="a" name="Amount"><variable name="Amount" typeRef="number"/></inputData>`;
  const results = await runFolder('0003-dotted-inputs', {
    'base.dmn': definitions('base', amount),
    'mid.dmn': definitions(
      'mid',
      `${amount}<decision id="s" name="Sum"><variable name="Sum" typeRef="number"/>
         <informationRequirement><requiredInput href="#a"/></informationRequirement>
         <literalExpression><text>Amount + b.Amount</text></literalExpression></decision>`,
      [['b', 'base']],
    ),
    'top.dmn': definitions(
      'top',
      `${amount}<decision id="t" name="Total"><variable name="Total" typeRef="number"/>
         <informationRequirement><requiredInput href="#a"/></informationRequirement>
         <informationRequirement><requiredDecision href="urn:mid#s"/></informationRequirement>
         <literalExpression><text>Amount + m.Sum + c.Amount</text></literalExpression></decision>`,
      [
        ['m', 'mid'],
        ['c', 'base'],
      ],
    ),
    '0003-dotted-inputs-test-01.xml': testCases(
      'top.dmn',
      `  <testCase id="001">
    <inputNode name="Amount"><value xsi:type="xsd:decimal">1</value></inputNode>
    <inputNode name="m.Amount"><value xsi:type="xsd:decimal">10</value></inputNode>
    <inputNode name="m.b.Amount"><value xsi:type="xsd:decimal">100</value></inputNode>
    <inputNode name="c.Amount"><value xsi:type="xsd:decimal">1000</value></inputNode>
    <resultNode name="Total"><expected><value xsi:type="xsd:decimal">1111</value></expected></resultNode>
  </testCase>`,
    ),
  });
  assert.deepEqual(
    results.filter((r) => r.file.includes('test-01')).map((r) => [r.passed, r.actual]),
    [[true, '1111']],
  );
});
