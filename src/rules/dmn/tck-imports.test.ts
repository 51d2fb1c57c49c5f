import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runTck } from './tck.ts';

const NS = 'https://www.omg.org/spec/DMN/20230324/MODEL/';
const definitions = (name: string, body: string, imports: [string, string][] = []) =>
  `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="${NS}" id="${name}" name="${name}" namespace="urn:${name}">${imports
    .map(([as, of]) => `<import name="${as}" namespace="urn:${of}" importType="${NS}"/>`)
    .join('')}${body}</definitions>`;

test("a TCK folder whose models import one another, with models in subfolders and an input given by its model's namespace", async () => {
  const root = mkdtempSync(join(tmpdir(), 'arbiter-tck-'));
  try {
    const dir = join(root, '0001-nested-imports');
    mkdirSync(join(dir, 'shared'), { recursive: true });
    writeFileSync(
      join(dir, 'shared', 'hello.dmn'),
      definitions(
        'hello',
        `<inputData id="n" name="Person name"><variable name="Person name" typeRef="string"/></inputData>
         <decision id="h" name="Say hello"><variable name="Say hello" typeRef="string"/><informationRequirement><requiredInput href="#n"/></informationRequirement>
           <literalExpression><text>"Hello, " + Person name</text></literalExpression></decision>`,
      ),
    );
    for (const b of ['b1', 'b2'])
      writeFileSync(
        join(dir, `${b}.dmn`),
        definitions(
          b,
          `<decision id="d" name="Greeting"><variable name="Greeting" typeRef="string"/>
             <informationRequirement><requiredDecision href="urn:hello#h"/></informationRequirement>
             <literalExpression><text>"${b}: " + A.Say hello</text></literalExpression></decision>`,
          [['A', 'hello']],
        ),
      );
    writeFileSync(
      join(dir, 'top.dmn'),
      definitions(
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
    );
    writeFileSync(
      join(dir, '0001-nested-imports-test-01.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>
<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <modelName>top.dmn</modelName>
  <testCase id="001">
    <inputNode name="Person name" namespace="urn:hello"><value xsi:type="xsd:string">Ann</value></inputNode>
    <resultNode name="Both"><expected><value xsi:type="xsd:string">b1: Hello, Ann; b2: Hello, Ann</value></expected></resultNode>
  </testCase>
</testCases>`,
    );
    const results = await runTck(root, { tolerance: 0 });
    assert.deepEqual(
      results.map((r) => [r.passed, r.actual]),
      [[true, '"b1: Hello, Ann; b2: Hello, Ann"']],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a TCK folder with a model imported without a name (its input given by namespace), and a result node that names a decision service', async () => {
  const root = mkdtempSync(join(tmpdir(), 'arbiter-tck-'));
  try {
    const dir = join(root, '0002-unnamed-imports');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'income.dmn'),
      definitions(
        'income',
        `<inputData id="m" name="Monthly income"><variable name="Monthly income" typeRef="number"/></inputData>
         <decision id="y" name="Yearly income"><variable name="Yearly income" typeRef="number"/><informationRequirement><requiredInput href="#m"/></informationRequirement>
           <literalExpression><text>Monthly income * 12</text></literalExpression></decision>`,
      ),
    );
    writeFileSync(
      join(dir, 'limit.dmn'),
      definitions(
        'limit',
        `<decisionService id="s" name="Limit service"><variable name="Limit service"/><outputDecision href="#l"/><encapsulatedDecision href="#l"/><inputData href="urn:income#m"/></decisionService>
         <decision id="l" name="Limit"><variable name="Limit" typeRef="number"/><informationRequirement><requiredDecision href="urn:income#y"/></informationRequirement>
           <literalExpression><text>Yearly income / 2</text></literalExpression></decision>`,
        [['', 'income']],
      ),
    );
    writeFileSync(
      join(dir, '0002-unnamed-imports-test-01.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>
<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <modelName>limit.dmn</modelName>
  <testCase id="001">
    <inputNode name="Monthly income" namespace="urn:income"><value xsi:type="xsd:decimal">3000</value></inputNode>
    <resultNode name="Limit" type="decision"><expected><value xsi:type="xsd:decimal">18000</value></expected></resultNode>
    <resultNode name="Yearly income" type="decision"><expected><value xsi:type="xsd:decimal">36000</value></expected></resultNode>
  </testCase>
  <testCase id="002">
    <inputNode name="Monthly income" namespace="urn:income"><value xsi:type="xsd:decimal">2000</value></inputNode>
    <resultNode name="Limit service" type="decisionService"><expected><value xsi:type="xsd:decimal">12000</value></expected></resultNode>
  </testCase>
</testCases>`,
    );
    const results = await runTck(root, { tolerance: 0 });
    assert.deepEqual(
      results.filter((r) => r.file.includes('test-01')).map((r) => [r.testCase, r.node, r.passed, r.actual]),
      [
        ['001', 'Limit', true, '18000'],
        ['001', 'Yearly income', true, '36000'],
        ['002', 'Limit service', true, '12000'],
      ],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a TCK input node named by its import path ('m.b.Amount') is the input data of the model imported at that path", async () => {
  const root = mkdtempSync(join(tmpdir(), 'arbiter-tck-'));
  try {
    const dir = join(root, '0003-dotted-inputs');
    mkdirSync(dir, { recursive: true });
    const amount = `<inputData id="a" name="Amount"><variable name="Amount" typeRef="number"/></inputData>`;
    writeFileSync(join(dir, 'base.dmn'), definitions('base', amount));
    writeFileSync(
      join(dir, 'mid.dmn'),
      definitions(
        'mid',
        `${amount}<decision id="s" name="Sum"><variable name="Sum" typeRef="number"/>
           <informationRequirement><requiredInput href="#a"/></informationRequirement>
           <literalExpression><text>Amount + b.Amount</text></literalExpression></decision>`,
        [['b', 'base']],
      ),
    );
    writeFileSync(
      join(dir, 'top.dmn'),
      definitions(
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
    );
    writeFileSync(
      join(dir, '0003-dotted-inputs-test-01.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>
<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <modelName>top.dmn</modelName>
  <testCase id="001">
    <inputNode name="Amount"><value xsi:type="xsd:decimal">1</value></inputNode>
    <inputNode name="m.Amount"><value xsi:type="xsd:decimal">10</value></inputNode>
    <inputNode name="m.b.Amount"><value xsi:type="xsd:decimal">100</value></inputNode>
    <inputNode name="c.Amount"><value xsi:type="xsd:decimal">1000</value></inputNode>
    <resultNode name="Total"><expected><value xsi:type="xsd:decimal">1111</value></expected></resultNode>
  </testCase>
</testCases>`,
    );
    const results = await runTck(root, { tolerance: 0 });
    assert.deepEqual(
      results.filter((r) => r.file.includes('test-01')).map((r) => [r.passed, r.actual]),
      [[true, '1111']],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
