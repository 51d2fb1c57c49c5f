import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importDmn } from './import-dmn.ts';
import { DmnRuntime } from './runtime.ts';

const NS = 'https://www.omg.org/spec/DMN/20230324/MODEL/';
const model = (body: string) =>
  importDmn(`<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="${NS}" id="m" name="m" namespace="https://arbiter.example/m">${body}</definitions>`);
const lit = (text: string) => `<literalExpression><text>${text}</text></literalExpression>`;

test('a boxed filter keeps the items its match is true for, sees their entries by name, and is null when a match is not a boolean', async () => {
  const m = await model(`
    <inputData id="loans" name="Loans"/>
    <decision id="a" name="Open"><variable name="Open"/><informationRequirement><requiredInput href="#loans"/></informationRequirement>
      <filter><in>${lit('Loans')}</in><match>${lit('status = "open" and balance &gt; 0')}</match></filter></decision>
    <decision id="b" name="Bad"><variable name="Bad"/><informationRequirement><requiredInput href="#loans"/></informationRequirement>
      <filter><in>${lit('Loans')}</in><match>${lit('if balance &gt; 100 then true else "unknown"')}</match></filter></decision>`);
  const rt = new DmnRuntime(m);
  const loans = [
    { status: 'open', balance: 250 },
    { status: 'closed', balance: 0 },
    { status: 'open', balance: null },
  ];
  assert.deepEqual(rt.evaluateDecision('Open', { Loans: loans }).value, [{ status: 'open', balance: 250 }], 'a null match drops the item, as in FEEL');
  assert.equal(rt.evaluateDecision('Bad', { Loans: loans }).value, null);
  assert.deepEqual(rt.evaluateDecision('Bad', { Loans: [{ balance: 500 }] }).value, [{ balance: 500 }]);
});

test('boxed some and every are null when satisfies gives something that is not a boolean, even after a true', async () => {
  const m = await model(`
    <decision id="s" name="Some"><variable name="Some"/>
      <some iteratorVariable="x"><in>${lit('[1, 2, 3]')}</in><satisfies>${lit('if x = 1 then true else "maybe"')}</satisfies></some></decision>
    <decision id="e" name="Every"><variable name="Every"/>
      <every iteratorVariable="x"><in>${lit('[1, 2, 3]')}</in><satisfies>${lit('x &gt; 0')}</satisfies></every></decision>
    <decision id="n" name="None"><variable name="None"/>
      <some iteratorVariable="x"><in>${lit('[]')}</in><satisfies>${lit('true')}</satisfies></some></decision>`);
  const rt = new DmnRuntime(m);
  assert.equal(rt.evaluateDecision('Some', {}).value, null);
  assert.equal(rt.evaluateDecision('Every', {}).value, true);
  assert.equal(rt.evaluateDecision('None', {}).value, false);
});

test('a decision service typed as a function returns values of its output type, others are null', async () => {
  const m = await model(`
    <itemDefinition name="tScoreFn"><functionItem outputTypeRef="number"/></itemDefinition>
    <itemDefinition name="tLabelFn"><functionItem outputTypeRef="string"/></itemDefinition>
    <decisionService id="ok" name="Score"><variable name="Score" typeRef="tScoreFn"/><outputDecision href="#d"/></decisionService>
    <decisionService id="bad" name="Label"><variable name="Label" typeRef="tLabelFn"/><outputDecision href="#d"/></decisionService>
    <decision id="d" name="Points"><variable name="Points"/>${lit('600 + 20')}</decision>`);
  const rt = new DmnRuntime(m);
  assert.equal(rt.invoke('Score', {}).value, 620);
  const label = rt.invoke('Label', {});
  assert.equal(label.value, null);
  assert.match(label.warnings.map((w) => w.message).join(), /decision service Label: expected string, got number/);
});

test('boxed expressions are read whatever prefix the document gives DMN (dmn: as Kogito writes), with ids on their parts, nested', async () => {
  const m = await importDmn(`<?xml version="1.0" encoding="UTF-8"?>
<dmn:definitions xmlns:dmn="${NS}" id="k" name="k" namespace="https://arbiter.example/k">
  <dmn:inputData id="income" name="Income"><dmn:variable name="Income" typeRef="number"/></dmn:inputData>
  <dmn:decision id="band" name="Band">
    <dmn:variable name="Band" typeRef="string"/>
    <dmn:informationRequirement><dmn:requiredInput href="#income"/></dmn:informationRequirement>
    <dmn:conditional id="c1">
      <dmn:if id="i1"><dmn:literalExpression id="l1"><dmn:text>Income &gt;= 3000</dmn:text></dmn:literalExpression></dmn:if>
      <dmn:then id="t1">
        <dmn:conditional id="c2">
          <dmn:if id="i2"><dmn:literalExpression id="l2"><dmn:text>Income &gt;= 6000</dmn:text></dmn:literalExpression></dmn:if>
          <dmn:then id="t2"><dmn:literalExpression id="l3"><dmn:text>"high"</dmn:text></dmn:literalExpression></dmn:then>
          <dmn:else id="e2"><dmn:literalExpression id="l4"><dmn:text>"middle"</dmn:text></dmn:literalExpression></dmn:else>
        </dmn:conditional>
      </dmn:then>
      <dmn:else id="e1"><dmn:literalExpression id="l5"><dmn:text>"low"</dmn:text></dmn:literalExpression></dmn:else>
    </dmn:conditional>
  </dmn:decision>
  <dmn:decision id="evens" name="Evens">
    <dmn:variable name="Evens"/>
    <dmn:for id="f1" iteratorVariable="n">
      <dmn:in id="in1"><dmn:literalExpression><dmn:text>[1, 2, 3, 4]</dmn:text></dmn:literalExpression></dmn:in>
      <dmn:return id="r1"><dmn:literalExpression><dmn:text>n * 2</dmn:text></dmn:literalExpression></dmn:return>
    </dmn:for>
  </dmn:decision>
</dmn:definitions>`);
  const rt = new DmnRuntime(m);
  assert.equal(rt.evaluateDecision('Band', { Income: 7000 }).value, 'high');
  assert.equal(rt.evaluateDecision('Band', { Income: 4000 }).value, 'middle');
  assert.equal(rt.evaluateDecision('Band', { Income: 1000 }).value, 'low');
  assert.deepEqual(rt.evaluateDecision('Evens', {}).value, [2, 4, 6, 8]);
});

test('a decision whose logic is missing or cannot be read fails, and so do the decisions that require it: its null is not an answer', async () => {
  const m = await model(`
    <decision id="nologic" name="Limit"><variable name="Limit" typeRef="number"/></decision>
    <decision id="offer" name="Offer"><variable name="Offer" typeRef="string"/>
      <informationRequirement><requiredDecision href="#nologic"/></informationRequirement>
      ${lit('if Limit &gt; 1000 then "offer" else "decline"')}</decision>`);
  const rt = new DmnRuntime(m);
  const r = rt.evaluateDecision('Offer', {});
  assert.equal(r.value, null, 'never "decline" from a missing limit');
  assert.deepEqual(r.errors, [
    { decision: 'Limit', message: 'the decision has no decision logic that can be evaluated (none in the model, or of a kind Arbiter does not read)' },
    { decision: 'Offer', message: 'it requires decision Limit, which failed' },
  ]);
});

test('a decision service given an argument that does not conform fails the decisions that require it, and says so', async () => {
  const m = await model(`
    <inputData id="score" name="Score"><variable name="Score" typeRef="number"/></inputData>
    <decisionService id="svc" name="Assess"><variable name="Assess"/><outputDecision href="#d"/><inputData href="#score"/></decisionService>
    <decision id="d" name="Verdict"><variable name="Verdict" typeRef="string"/>
      <informationRequirement><requiredInput href="#score"/></informationRequirement>
      ${lit('if Score &gt;= 600 then "accept" else "reject"')}</decision>`);
  const rt = new DmnRuntime(m);
  assert.equal(rt.invoke('Assess', { Score: 640 }).value, 'accept');
  const bad = rt.invoke('Assess', { Score: '640' });
  assert.equal(bad.value, null, 'never "reject" from a score that is not a number');
  assert.deepEqual(bad.errors, [{ decision: 'Verdict', message: 'Assess(Score): expected number, got string' }]);
});

test('boxed expressions whose parts are other boxed expressions (a context, a decision table, a list) decide as their parts say', async () => {
  const m = await model(`
    <inputData id="applicant" name="Applicant"/>
    <decision id="limit" name="Limit">
      <variable name="Limit"/>
      <informationRequirement><requiredInput href="#applicant"/></informationRequirement>
      <conditional>
        <if>${lit('Applicant.income &gt; 0')}</if>
        <then>
          <context>
            <contextEntry><variable name="base"/>${lit('Applicant.income * 3')}</contextEntry>
            <contextEntry>
              <decisionTable hitPolicy="UNIQUE">
                <input><inputExpression typeRef="number"><text>base</text></inputExpression></input>
                <output name="limit"/>
                <rule><inputEntry><text>&lt; 10000</text></inputEntry><outputEntry><text>base</text></outputEntry></rule>
                <rule><inputEntry><text>&gt;= 10000</text></inputEntry><outputEntry><text>10000</text></outputEntry></rule>
              </decisionTable>
            </contextEntry>
          </context>
        </then>
        <else>${lit('0')}</else>
      </conditional>
    </decision>
    <decision id="big" name="Big Loans">
      <variable name="Big Loans"/>
      <filter>
        <in><list>${lit('{amount: 500}')}${lit('{amount: 5000}')}${lit('{amount: 9000}')}</list></in>
        <match>${lit('item.amount &gt; 1000')}</match>
      </filter>
    </decision>
    <decision id="doubled" name="Doubled">
      <variable name="Doubled"/>
      <for iteratorVariable="x">
        <in>${lit('[1, 2]')}</in>
        <return><context><contextEntry><variable name="twice"/>${lit('x * 2')}</contextEntry></context></return>
      </for>
    </decision>
    <decision id="any" name="Any Big">
      <variable name="Any Big"/>
      <some iteratorVariable="loan">
        <in><list>${lit('100')}${lit('20000')}</list></in>
        <satisfies>${lit('loan &gt; 10000')}</satisfies>
      </some>
    </decision>`);
  const rt = new DmnRuntime(m);
  assert.equal(rt.evaluateDecision('Limit', { Applicant: { income: 2000 } }).value, 6000);
  assert.equal(rt.evaluateDecision('Limit', { Applicant: { income: 5000 } }).value, 10000);
  assert.equal(rt.evaluateDecision('Limit', { Applicant: { income: 0 } }).value, 0);
  assert.deepEqual(rt.evaluateDecision('Big Loans', {}).value, [{ amount: 5000 }, { amount: 9000 }]);
  assert.deepEqual(rt.evaluateDecision('Doubled', {}).value, [{ twice: 2 }, { twice: 4 }]);
  assert.equal(rt.evaluateDecision('Any Big', {}).value, true);
});

test("instance of names the model's item definitions as types: components as a context, collections as lists, allowed values not part of the type (10.3.2.9)", async () => {
  const cases: [string, unknown][] = [
    ['256 instance of tByte', true],
    ['"x" instance of tByte', false],
    ['"XYZ" instance of tCode', true],
    ['{name: "Ann", age: 40} instance of tPerson', true],
    ['{name: "Ann", age: 40, city: "Oslo"} instance of tPerson', true],
    ['{name: "Ann"} instance of tPerson', false],
    ['{name: "Ann", age: "forty"} instance of tPerson', false],
    ['[1, 2] instance of tNumbers', true],
    ['[1, "a"] instance of tNumbers', false],
    ['[{name: "Ann", age: 1}] instance of tPeople', true],
    ['[{name: "Ann", age: 1}] instance of list<tPerson>', true],
    ['1 instance of tUnknown', null],
  ];
  const m = await model(`
    <itemDefinition name="tByte"><typeRef>number</typeRef><allowedValues><text>[0..255]</text></allowedValues></itemDefinition>
    <itemDefinition name="tCode"><typeRef>string</typeRef><allowedValues><text>"A", "B"</text></allowedValues></itemDefinition>
    <itemDefinition name="tPerson">
      <itemComponent name="name"><typeRef>string</typeRef></itemComponent>
      <itemComponent name="age"><typeRef>number</typeRef></itemComponent>
    </itemDefinition>
    <itemDefinition name="tNumbers" isCollection="true"><typeRef>number</typeRef></itemDefinition>
    <itemDefinition name="tPeople" isCollection="true"><typeRef>tPerson</typeRef></itemDefinition>
    ${cases.map(([text], i) => `<decision id="d${i}" name="d${i}"><variable name="d${i}"/>${lit(text.replace(/</g, '&lt;').replace(/>/g, '&gt;'))}</decision>`).join('')}`);
  const rt = new DmnRuntime(m);
  cases.forEach(([text, expected], i) => assert.equal(rt.evaluateDecision(`d${i}`, {}).value, expected, text));
});

test('a decision sees only what it requires: reading an input data, decision or knowledge model it does not require fails the decision and says what to add', async () => {
  const m = await model(`
    <inputData id="i" name="Amount"><variable name="Amount" typeRef="number"/></inputData>
    <decision id="y" name="Band"><variable name="Band"/>${lit('"A"')}</decision>
    <businessKnowledgeModel id="k" name="Double"><variable name="Double"/>
      <encapsulatedLogic><formalParameter name="x" typeRef="number"/>${lit('x * 2')}</encapsulatedLogic></businessKnowledgeModel>
    <decision id="ok" name="Scoped"><variable name="Scoped"/>
      <informationRequirement><requiredInput href="#i"/></informationRequirement>
      <informationRequirement><requiredDecision href="#y"/></informationRequirement>
      <knowledgeRequirement><requiredKnowledge href="#k"/></knowledgeRequirement>
      ${lit('Band + string(Double(Amount))')}</decision>
    <decision id="a" name="Reads input"><variable name="Reads input"/>${lit('if Amount &gt; 1000 then "refer" else "approve"')}</decision>
    <decision id="b" name="Reads decision"><variable name="Reads decision"/>${lit('Band')}</decision>
    <decision id="c" name="Calls knowledge"><variable name="Calls knowledge"/>
      <informationRequirement><requiredInput href="#i"/></informationRequirement>${lit('Double(Amount)')}</decision>`);
  const rt = new DmnRuntime(m);
  assert.deepEqual(rt.evaluateDecision('Scoped', { Amount: 5 }).value, 'A10');
  const input = rt.evaluateDecision('Reads input', { Amount: 5000 });
  assert.equal(input.value, null, 'not "approve" from a null Amount');
  assert.match(input.error ?? '', /reads input data "Amount" without requiring it/);
  assert.match(rt.evaluateDecision('Reads decision', {}).error ?? '', /reads decision "Band" without requiring it/);
  assert.match(rt.evaluateDecision('Calls knowledge', { Amount: 5 }).error ?? '', /reads business knowledge model "Double" without requiring it/);
});

test('a value bound to a typed variable takes the implicit conversions of 10.3.2.9.4: to and from a singleton list, a date to UTC midnight', async () => {
  const m = await model(`
    <itemDefinition name="tReasons" isCollection="true"><typeRef>string</typeRef></itemDefinition>
    <itemDefinition name="tReasonsFn"><functionItem outputTypeRef="tReasons"/></itemDefinition>
    <itemDefinition name="tLimitFn"><functionItem outputTypeRef="number"/></itemDefinition>
    <itemDefinition name="tCutoffFn"><functionItem outputTypeRef="date and time"/></itemDefinition>
    <decision id="r" name="Reasons"><variable name="Reasons" typeRef="tReasons"/>${lit('"DTI_HIGH"')}</decision>
    <decision id="l" name="Limit"><variable name="Limit" typeRef="number"/>${lit('[5000]')}</decision>
    <decision id="t" name="Two limits"><variable name="Two limits" typeRef="number"/>${lit('[5000, 6000]')}</decision>
    <decision id="c" name="Cutoff"><variable name="Cutoff" typeRef="date and time"/>${lit('date(2026, 3, 31)')}</decision>
    <businessKnowledgeModel id="rb" name="reasons of"><variable name="reasons of" typeRef="tReasonsFn"/>
      <encapsulatedLogic><formalParameter name="code" typeRef="string"/>${lit('code')}</encapsulatedLogic></businessKnowledgeModel>
    <businessKnowledgeModel id="lb" name="limit of"><variable name="limit of" typeRef="tLimitFn"/>
      <encapsulatedLogic><formalParameter name="income" typeRef="number"/>${lit('[income * 3]')}</encapsulatedLogic></businessKnowledgeModel>
    <businessKnowledgeModel id="cb" name="cutoff of"><variable name="cutoff of" typeRef="tCutoffFn"/>
      <encapsulatedLogic><formalParameter name="day" typeRef="date"/>${lit('day')}</encapsulatedLogic></businessKnowledgeModel>
    <decision id="k" name="Calls"><variable name="Calls"/>
      <knowledgeRequirement><requiredKnowledge href="#rb"/></knowledgeRequirement>
      <knowledgeRequirement><requiredKnowledge href="#lb"/></knowledgeRequirement>
      <knowledgeRequirement><requiredKnowledge href="#cb"/></knowledgeRequirement>
      ${lit('[reasons of("AGE"), limit of(1000), cutoff of(date("2026-01-02")), limit of([2000])]')}</decision>`);
  const rt = new DmnRuntime(m);
  assert.deepEqual(rt.evaluateDecision('Reasons', {}).value, ['DTI_HIGH'], 'to a singleton list');
  assert.equal(rt.evaluateDecision('Limit', {}).value, 5000, 'from a singleton list');
  assert.equal(rt.evaluateDecision('Two limits', {}).value, null, 'a list of two is not a number');
  assert.equal(String(rt.evaluateDecision('Cutoff', {}).value), '2026-03-31T00:00:00Z', 'a date is UTC midnight of its day');
  const calls = rt.evaluateDecision('Calls', {}).value as unknown[];
  assert.deepEqual(calls.map(String), ['AGE', '3000', '2026-01-02T00:00:00Z', '6000'], 'a knowledge model typed as a function returns its output type');
});

test("allowed values: a copy of a constrained type keeps its constraint, a type with its own replaces the base type's, and typed FEEL parameters check them", async () => {
  const m = await model(`
    <itemDefinition name="tGrade"><typeRef>string</typeRef><allowedValues><text>"A", "B"</text></allowedValues></itemDefinition>
    <itemDefinition name="tGradeCopy"><typeRef>tGrade</typeRef></itemDefinition>
    <itemDefinition name="tSide"><typeRef>tGrade</typeRef><allowedValues><text>"L", "R"</text></allowedValues></itemDefinition>
    <inputData id="raw" name="Raw"><variable name="Raw"/></inputData>
    <decision id="c1" name="Copy A"><variable name="Copy A" typeRef="tGradeCopy"/>${lit('"A"')}</decision>
    <decision id="c2" name="Copy C"><variable name="Copy C" typeRef="tGradeCopy"/>${lit('"C"')}</decision>
    <decision id="s1" name="Side L"><variable name="Side L" typeRef="tSide"/>${lit('"L"')}</decision>
    <decision id="s2" name="Side A"><variable name="Side A" typeRef="tSide"/>${lit('"A"')}</decision>
    <decision id="f" name="Typed"><variable name="Typed"/><informationRequirement><requiredInput href="#raw"/></informationRequirement>
      ${lit('(function(g: tGrade) g + "!")(Raw)')}</decision>`);
  const rt = new DmnRuntime(m);
  assert.equal(rt.evaluateDecision('Copy A', {}).value, 'A');
  assert.equal(rt.evaluateDecision('Copy C', {}).value, null);
  assert.equal(rt.evaluateDecision('Side L', {}).value, 'L', "the base type's values no longer apply");
  assert.equal(rt.evaluateDecision('Side A', {}).value, null);
  assert.equal(rt.evaluateDecision('Typed', { Raw: 'B' }).value, 'B!');
  const refused = rt.evaluateDecision('Typed', { Raw: 'Z' });
  assert.equal(refused.value, null);
  assert.match(refused.warnings.map((w) => w.message).join(), /argument g of a function: the value is not one of the allowed values of tGrade/);
});
