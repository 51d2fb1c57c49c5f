import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importDmn } from './import-dmn.ts';
import { linkedRuntime } from './linked-runtime.ts';

const NS = 'https://www.omg.org/spec/DMN/20230324/MODEL/';
const DMN_IMPORT = 'https://www.omg.org/spec/DMN/20230324/MODEL/';
const model = (name: string, body: string, imports: [string, string][] = []) =>
  importDmn(
    `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="${NS}" id="${name}" name="${name}" namespace="https://arbiter.example/${name}">${imports
      .map(([as, of]) => `<import name="${as}" namespace="https://arbiter.example/${of}" importType="${DMN_IMPORT}"/>`)
      .join('')}${body}</definitions>`,
  );

test('imports are linked at every depth: input data of a model imported by an imported model is given under both import names', async () => {
  const people = await model(
    'people',
    `<inputData id="n" name="Person name"><variable name="Person name" typeRef="string"/></inputData>
     <decision id="g" name="Greeting"><variable name="Greeting" typeRef="string"/><informationRequirement><requiredInput href="#n"/></informationRequirement>
       <literalExpression><text>"Hello " + Person name</text></literalExpression></decision>`,
  );
  const middle = await model(
    'middle',
    `<decision id="m" name="Loud greeting"><variable name="Loud greeting" typeRef="string"/>
       <informationRequirement><requiredDecision href="https://arbiter.example/people#g"/></informationRequirement>
       <literalExpression><text>people.Greeting + "!"</text></literalExpression></decision>`,
    [['people', 'people']],
  );
  const top = await model(
    'top',
    `<decision id="t" name="Top"><variable name="Top" typeRef="string"/>
       <informationRequirement><requiredDecision href="https://arbiter.example/middle#m"/></informationRequirement>
       <literalExpression><text>middle.Loud greeting</text></literalExpression></decision>`,
    [['middle', 'middle']],
  );
  const runtime = linkedRuntime(top, [people, middle, top]);
  const result = runtime.evaluateDecision('Top', runtime.inputsFromJson({ middle: { people: { 'Person name': 'Ann' } } }));
  assert.equal(result.value, 'Hello Ann!');
});

test("JSON inputs of a model imported two deep are read by that model's types", async () => {
  const dated = await model(
    'dated',
    `<inputData id="d" name="Since"><variable name="Since" typeRef="date"/></inputData>
     <decision id="y" name="Year"><variable name="Year" typeRef="number"/><informationRequirement><requiredInput href="#d"/></informationRequirement>
       <literalExpression><text>Since.year</text></literalExpression></decision>`,
  );
  const middle = await model('middle2', '', [['dated', 'dated']]);
  const top = await model(
    'top2',
    `<decision id="t" name="Top"><variable name="Top" typeRef="number"/>
       <informationRequirement><requiredDecision href="https://arbiter.example/dated#y"/></informationRequirement>
       <literalExpression><text>inner.dated.Year</text></literalExpression></decision>`,
    [['inner', 'middle2']],
  );
  const runtime = linkedRuntime(top, [dated, middle, top]);
  const result = runtime.evaluateDecision('Top', runtime.inputsFromJson({ inner: { dated: { Since: '2019-03-01' } } }));
  assert.deepEqual([result.value, result.errors], [2019, []]);
});

test('an import no model answers is named, and models importing each other are refused', async () => {
  const lonely = await model('lonely', '', [['gone', 'nowhere']]);
  assert.throws(() => linkedRuntime(lonely, [lonely]), /imports "gone" from namespace https:\/\/arbiter.example\/nowhere/);
  assert.doesNotThrow(() => linkedRuntime(lonely, [lonely], { skipMissing: true }));
  const a = await model('a', '', [['b', 'b']]);
  const b = await model('b', '', [['a', 'a']]);
  assert.throws(() => linkedRuntime(a, [a, b]), /cycle/);
});

test('a type an imported model defines is named through the import: JSON inputs are read by it, checked against it, and instance of knows it', async () => {
  const shared = await model(
    'shared',
    `<itemDefinition name="tApplicant">
       <itemComponent name="name"><typeRef>string</typeRef></itemComponent>
       <itemComponent name="since"><typeRef>date</typeRef></itemComponent>
     </itemDefinition>`,
  );
  const main = await model(
    'main',
    `<inputData id="a" name="Applicant"><variable name="Applicant" typeRef="Shared.tApplicant"/></inputData>
     <decision id="y" name="Year"><variable name="Year" typeRef="number"/><informationRequirement><requiredInput href="#a"/></informationRequirement>
       <literalExpression><text>Applicant.since.year</text></literalExpression></decision>
     <decision id="t" name="Typed"><variable name="Typed" typeRef="boolean"/><informationRequirement><requiredInput href="#a"/></informationRequirement>
       <literalExpression><text>Applicant instance of Shared.tApplicant</text></literalExpression></decision>`,
    [['Shared', 'shared']],
  );
  const runtime = linkedRuntime(main, [shared, main]);
  const good = runtime.inputsFromJson({ Applicant: { name: 'Ann', since: '2019-03-01' } });
  assert.deepEqual([runtime.evaluateDecision('Year', good).value, runtime.evaluateDecision('Typed', good).value], [2019, true]);
  const bad = runtime.evaluateDecision('Year', runtime.inputsFromJson({ Applicant: { name: 'Ann', since: 'March 2019' } }));
  assert.equal(bad.value, null);
  assert.match(bad.errors.map((e) => e.message).join('; '), /Applicant\.since: expected date/);
});

test("an import without a name puts the imported elements in the model's own scope, through imports of imports, and named imports come along", async () => {
  const rates = await model(
    'rates',
    `<itemDefinition name="tRate"><typeRef>number</typeRef><allowedValues><text>[0..1]</text></allowedValues></itemDefinition>
     <decision id="base" name="Base rate"><variable name="Base rate" typeRef="tRate"/><literalExpression><text>0.05</text></literalExpression></decision>`,
  );
  const bureau = await model('bureau', `<inputData id="score" name="Bureau score"><variable name="Bureau score" typeRef="number"/></inputData>`);
  const pricing = await model(
    'pricing',
    `<inputData id="amt" name="Amount"><variable name="Amount" typeRef="number"/></inputData>
     <businessKnowledgeModel id="margin" name="margin"><variable name="margin"/>
       <encapsulatedLogic><formalParameter name="score" typeRef="number"/><literalExpression><text>if score &gt;= 700 then 0.02 else 0.06</text></literalExpression></encapsulatedLogic>
     </businessKnowledgeModel>`,
    [
      ['', 'rates'],
      ['bureau', 'bureau'],
    ],
  );
  const offer = await model(
    'offer',
    `<decision id="rate" name="Rate"><variable name="Rate" typeRef="tRate"/>
       <informationRequirement><requiredDecision href="https://arbiter.example/rates#base"/></informationRequirement>
       <knowledgeRequirement><requiredKnowledge href="https://arbiter.example/pricing#margin"/></knowledgeRequirement>
       <literalExpression><text>Base rate + margin(bureau.Bureau score)</text></literalExpression></decision>
     <decision id="interest" name="Interest"><variable name="Interest" typeRef="number"/>
       <informationRequirement><requiredDecision href="#rate"/></informationRequirement>
       <informationRequirement><requiredInput href="https://arbiter.example/pricing#amt"/></informationRequirement>
       <literalExpression><text>Amount * Rate</text></literalExpression></decision>`,
    [['', 'pricing']],
  );
  const runtime = linkedRuntime(offer, [rates, bureau, pricing, offer]);
  const inputs = runtime.inputsFromJson({ Amount: 10000, bureau: { 'Bureau score': 720 } });
  assert.equal(
    runtime.evaluateDecision('Rate', inputs).value,
    0.07,
    "a decision and a type of an import's unnamed import, a knowledge model of an unnamed import",
  );
  assert.equal(runtime.evaluateDecision('Interest', inputs).value, 700, "an unnamed import's input data is given as the model's own");
  assert.deepEqual(runtime.importPaths('https://arbiter.example/pricing'), [[]]);
  assert.deepEqual(runtime.importPaths('https://arbiter.example/rates'), [[]]);
  assert.deepEqual(runtime.importPaths('https://arbiter.example/bureau'), [['bureau']]);
  const risky = runtime.evaluateDecision('Rate', runtime.inputsFromJson({ bureau: { 'Bureau score': 500 } }));
  assert.equal(risky.value, 0.11);
});

test('unnamed imports: the first of two imports that define a name wins, and two models that import each other are read once each', async () => {
  const lit = (name: string, id: string, text: string) =>
    `<decision id="${id}" name="${name}"><variable name="${name}"/><literalExpression><text>${text}</text></literalExpression></decision>`;
  const first = await model('first', lit('Tier', 'tier1', '"gold"'));
  const second = await model('second', `${lit('Tier', 'tier2', '"silver"')}${lit('Fee', 'fee2', '25')}`);
  const product = await model(
    'product',
    `<decision id="p" name="Product"><variable name="Product"/>
       <informationRequirement><requiredDecision href="#tier1"/></informationRequirement>
       <informationRequirement><requiredDecision href="#fee2"/></informationRequirement>
       <literalExpression><text>Tier + " at " + string(Fee)</text></literalExpression></decision>`,
    [
      ['', 'first'],
      ['', 'second'],
    ],
  );
  assert.equal(linkedRuntime(product, [first, second, product]).evaluateDecision('Product', {}).value, 'gold at 25');

  const a = await model('a', lit('Own', 'own', '"a"'), [['', 'b']]);
  const b = await model('b', lit('Other', 'other', '"b"'), [['', 'a']]);
  const runtime = linkedRuntime(a, [a, b]);
  assert.deepEqual([runtime.evaluateDecision('Own', {}).value, runtime.evaluateDecision('Other', {}).value], ['a', 'b']);
});
