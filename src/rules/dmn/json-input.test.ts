import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { toJson } from '../../expr/index.ts';
import { importDmn } from './import-dmn.ts';
import { dmnInputsFromJson } from './json-input.ts';
import type { DmnModel } from './model.ts';
import { DmnRuntime } from './runtime.ts';

const FILE = join(import.meta.dirname, '..', '..', '..', 'examples', 'dmn', 'repayment-history.dmn');

/** As a JSON client writes it: dates, times and durations are ISO 8601 strings, at every depth. */
const APPLICATION = {
  Applicant: { Name: 'A. Borrower', 'Birth Date': '1990-04-02', 'Monthly Income': 4000, Employment: { Since: '2019-03-01', Probation: 'P6M' } },
  'Late Payments': [
    { Due: '2024-01-05', Paid: '2024-01-20T10:00:00', Grace: 'P3D' },
    { Due: '2024-06-05', Paid: '2024-06-09T08:30:00Z', Grace: 'P3D' },
  ],
  'As Of': '2024-11-01',
  'Cut Off Time': '16:30:00',
};

let model: DmnModel;
let runtime: DmnRuntime;
before(async () => {
  model = await importDmn(readFileSync(FILE, 'utf8'));
  runtime = new DmnRuntime(model);
});

const decide = (decision: string, json: Record<string, unknown>) => runtime.evaluateDecision(decision, dmnInputsFromJson(json, model));
const clone = (): typeof APPLICATION => structuredClone(APPLICATION);

describe('DMN inputs from JSON', () => {
  test('ISO strings become dates, date and times, times and both kinds of duration wherever the model types them', () => {
    const days = decide('Worst Days Late', APPLICATION);
    assert.deepEqual(days.errors, []);
    // 2024-01-20 - 2024-01-05 - 3 days = 12 days; the second is 1 day late
    assert.equal(days.value, 12);
    const band = decide('History Band', APPLICATION);
    assert.equal(band.value, 'minor');
    assert.equal(decide('Offer', APPLICATION).value, 'Offer');
    assert.equal(decide('After Cut Off', APPLICATION).value, true);
    const inputs = dmnInputsFromJson(APPLICATION, model);
    // and back to JSON, the same strings
    assert.deepEqual(toJson(inputs.Applicant), APPLICATION.Applicant);
    const applicant = inputs.Applicant as Record<string, unknown>;
    assert.equal((applicant['Birth Date'] as object).constructor.name, 'FeelDate');
    assert.equal(((applicant.Employment as Record<string, object>).Probation as object).constructor.name, 'YearsMonthsDuration');
    const late = inputs['Late Payments'] as Record<string, object>[];
    assert.equal(late[0]!.Paid!.constructor.name, 'FeelDateTime');
    assert.equal(late[1]!.Grace!.constructor.name, 'DaysTimeDuration');
  });

  test('a value that does not conform fails its decision and every decision that requires it, with the path and what was expected', () => {
    const json = clone();
    (json.Applicant.Employment as Record<string, unknown>).Since = '2019-02-30';
    const band = decide('History Band', json);
    assert.equal(band.value, null);
    assert.match(band.error ?? '', /input Applicant\.Employment\.Since: expected date, got a string that is not one \(write it as 2020-10-01\)/);
    const offer = decide('Offer', json);
    assert.equal(offer.value, null, 'never "Refer" or "Offer" from a null band');
    assert.match(offer.error ?? '', /input Applicant\.Employment\.Since/, 'the dependent decision names the input too: it requires Applicant');
    // A decision that neither requires the input nor a failed decision is still decided.
    const days = decide('Worst Days Late', json);
    assert.equal(days.value, 12);
    assert.equal(days.error, undefined);
  });

  test('a number written as a string is not guessed: the input does not conform', () => {
    const json = clone();
    (json.Applicant as Record<string, unknown>)['Monthly Income'] = '4000';
    const offer = decide('Offer', json);
    assert.equal(offer.value, null);
    assert.match(offer.error ?? '', /input Applicant\.Monthly Income: expected number, got string/);
  });

  test('a failed decision fails the decisions that require it, and says which', () => {
    const json = clone();
    json['Late Payments'][1]!.Grace = 'P1M';
    const days = decide('Worst Days Late', json);
    assert.match(days.error ?? '', /input Late Payments\[2\]\.Grace: expected dayTimeDuration, got/);
    const offer = decide('Offer', json);
    assert.equal(offer.value, null);
    assert.deepEqual(
      offer.errors.map((e) => e.decision),
      ['Worst Days Late', 'History Band', 'Offer'],
    );
    assert.match(offer.error ?? '', /requires decision History Band, which failed/);
  });

  test('a component left out is null, a member the type does not declare is kept, one item where a list is declared is a list', () => {
    const json = clone();
    delete (json.Applicant as Record<string, unknown>)['Birth Date'];
    (json.Applicant as Record<string, unknown>).Nickname = 'Ab';
    const single = { ...json, 'Late Payments': json['Late Payments'][0] };
    const offer = decide('Offer', single);
    assert.deepEqual(offer.errors, []);
    assert.equal(offer.value, 'Offer');
    assert.equal(decide('Worst Days Late', single).value, 12);
    const inputs = dmnInputsFromJson(single, model);
    assert.equal((inputs.Applicant as Record<string, unknown>)['Birth Date'], null);
    assert.equal((inputs.Applicant as Record<string, unknown>).Nickname, 'Ab');
  });

  test('an input left out altogether is null, which is not an error', () => {
    const { 'Cut Off Time': _, ...json } = clone();
    const r = decide('After Cut Off', json);
    assert.equal(r.value, null);
    assert.deepEqual(r.errors, []);
  });

  test('no late payments at all is a clean history', () => {
    const json = clone();
    json['Late Payments'] = [];
    assert.equal(decide('History Band', json).value, 'clean');
  });
});

describe('DMN inputs from JSON for imported models', () => {
  const IMPORTED = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="employment" name="Employment" namespace="https://arbiter.example/dmn/employment">
  <inputData id="since" name="Since"><variable name="Since" typeRef="date"/></inputData>
</definitions>`;
  const IMPORTING = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="tenure" name="Tenure" namespace="https://arbiter.example/dmn/tenure">
  <import name="Job" namespace="https://arbiter.example/dmn/employment" importType="https://www.omg.org/spec/DMN/20191111/MODEL/"/>
  <inputData id="as_of" name="As Of"><variable name="As Of" typeRef="date"/></inputData>
  <decision id="years" name="Years Employed">
    <variable name="Years Employed" typeRef="number"/>
    <informationRequirement><requiredInput href="#as_of"/></informationRequirement>
    <literalExpression><text>years and months duration(Job.Since, As Of).years</text></literalExpression>
  </decision>
</definitions>`;

  test("an imported model's input data, given under the import's name, are typed by that model", async () => {
    const runtime = new DmnRuntime(await importDmn(IMPORTING), new Map([['Job', new DmnRuntime(await importDmn(IMPORTED))]]));
    const r = runtime.evaluateDecision('Years Employed', runtime.inputsFromJson({ 'As Of': '2024-11-01', Job: { Since: '2019-03-01' } }));
    assert.deepEqual(r.errors, []);
    assert.equal(r.value, 5);
  });
});
