import { z } from 'zod';
import { offerStrategySchema } from '../optimize/index.ts';
import { COLUMN_TYPES } from '../rules/index.ts';
import { LOCALES } from '../support/locales.ts';

/** Personal-data classes: C3 authentication data (never stored), C2 identity and account data (encrypted), C1 the rest. */
export const DATA_CLASSES = ['C1', 'C2', 'C3'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** A text in other languages, by locale: readers in that language (the console, notices) see it instead. */
const textsSchema = z
  .partialRecord(z.enum(LOCALES), z.string().min(1))
  .optional()
  .describe('the same text in other languages, by locale (en, zh-CN): shown to readers in that language');

const fieldSchema = z.strictObject({
  type: z.enum(['number', 'string', 'boolean', 'date', 'dateTime', 'time', 'dayTimeDuration', 'yearMonthDuration', 'object', 'array']),
  class: z.enum(DATA_CLASSES).optional().describe('personal-data class; required before publishing'),
  required: z.boolean().optional(),
  enum: z.array(z.string()).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  description: z.string().optional(),
  label: z.string().min(1).optional().describe("the field's name for people (the console shows it beside the key)"),
  labels: textsSchema.describe('the label in other languages, by locale (en, zh-CN)'),
  mask: z
    .enum(['phone', 'nationalId', 'name', 'email', 'account', 'full'])
    .optional()
    .describe('how a C2 value is shown masked; guessed from the field name when absent'),
  search: z.boolean().optional().describe('C2 only: keep a keyed-hash blind index so applications can be found by this value'),
});

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'ids start with a letter and hold letters, digits, _ and - (at most 64)');
const feel = z.string().min(1, 'a FEEL expression may not be empty');
/** The type a table column's values must have; a value of another type is an evaluation error. */
const columnType = z.enum(COLUMN_TYPES).optional().describe('the type every value of the column must have (DMN typeRef)');

export const tableSchema = z.strictObject({
  hitPolicy: z.enum(['UNIQUE', 'ANY', 'PRIORITY', 'FIRST', 'RULE ORDER', 'OUTPUT ORDER', 'COLLECT']).optional(),
  aggregation: z.enum(['SUM', 'MIN', 'MAX', 'COUNT']).optional(),
  inputs: z.array(z.strictObject({ expression: feel, label: z.string().optional(), inputValues: z.string().optional(), typeRef: columnType })).min(1),
  outputs: z.array(z.strictObject({ name: z.string(), outputValues: z.string().optional(), defaultOutput: z.string().optional(), typeRef: columnType })).min(1),
  rules: z.array(
    z.strictObject({ id: z.string().optional(), inputEntries: z.array(z.string()), outputEntries: z.array(z.string()), annotation: z.string().optional() }),
  ),
});

const base = { id, label: z.string().optional(), description: z.string().optional() };

export const inputNodeSchema = z.strictObject({ ...base, kind: z.literal('input') });
export const expressionNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('expression'),
  assign: z.record(z.string(), feel).describe('variable name to FEEL expression, evaluated in order; later ones see earlier ones'),
});
export const tableNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('table'),
  table: tableSchema.optional(),
  dmn: z
    .strictObject({
      file: z.string().optional().describe('for flow files run by the CLI: a DMN file, relative to the flow file'),
      model: z.string().optional().describe('for flows stored in Arbiter: a stored DMN model pinned as "id@version" (POST /v1/dmn)'),
      decision: z.string().describe("the decision, whose logic must be a decision table; the table's input expressions read the flow's variables"),
    })
    .refine((d) => (d.file === undefined) !== (d.model === undefined), 'give exactly one of "file" and "model"')
    .optional()
    .describe('a decision table of a DMN model instead of an inline table'),
  output: z.string().describe('variable that receives the result'),
});
export const rulesetNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('ruleset'),
  rules: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'reason codes are upper case, like KO_AGE'),
        when: feel,
        severity: z.enum(['knockout', 'refer', 'warning']),
        text: z.string().min(1),
        texts: textsSchema,
      }),
    )
    .min(1),
});
export const switchNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('switch'),
  mode: z.enum(['first', 'all']).optional().describe('first: the first edge whose condition holds; all: every such edge, in order, each until the join node'),
  join: id.optional().describe('for mode "all": where the branches meet again'),
});
export const subflowNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('subflow'),
  flow: z.string().describe('id of the flow to run; resolved when the flow is compiled'),
  version: z.number().int().positive().optional(),
  inputs: z.record(z.string(), feel).describe('subflow input field to FEEL expression'),
  output: z.string().describe('variable that receives the subflow decision {outcome, reasons, offer}'),
});
export const reviewNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('review'),
  queue: z.string().optional(),
  reason: z.string().min(1),
});
export const outputNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('output'),
  outcome: z.enum(['approve', 'decline', 'refer']),
  reasons: z.array(z.strictObject({ code: z.string(), text: z.string(), texts: textsSchema })).optional(),
  modelReasons: z
    .string()
    .optional()
    .describe(
      "a score node's id: when it scored on the decision's path, the features that raised the application's risk most (TreeSHAP for trees, points lost for scorecards) come before this node's own reasons, up to four, in the model's reason codes and texts",
    ),
  offer: z.record(z.string(), feel).optional().describe('offer field to FEEL expression'),
});

export const scoreNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('score'),
  model: z
    .string()
    .min(1)
    .describe(
      'the model: for flows stored in Arbiter, a stored model pinned as "id@version" (POST /v1/models/:id); for flow files run by the CLI, a model file from `arbiter train` or `arbiter import`, relative to the flow file',
    ),
  features: z.record(z.string(), feel).optional().describe('model feature to FEEL expression; a feature not listed is read from the variable of its name'),
  output: z.string().describe('variable that receives the probability of default'),
  points: z
    .string()
    .optional()
    .describe("variable that receives the score in points (the scorecard's own scale; other models on 600 at 50:1 odds, 20 points to double them)"),
  reasons: z.string().optional().describe('variable that receives the reason codes (the features that raised the risk most); trained models only'),
  reasonCount: z.number().int().min(1).max(10).optional().describe('how many reason codes (default 4)'),
});

export const bureauNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('bureau'),
  connector: z
    .string()
    .min(1)
    .describe(
      'the connector: for flows stored in Arbiter, a stored connector pinned as "id@version" (POST /v1/connectors); for flow files run by the CLI, a connector file relative to the flow file',
    ),
  inputs: z.record(z.string(), feel).describe('connector input to FEEL expression'),
  output: z.string().describe('variable that receives the mapped features as a context; null when the pull failed'),
});

export const optimizeNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('optimize'),
  strategy: offerStrategySchema.describe(
    'the offers (limits as multiples of the amount asked, rates), their economics, take-up and affordability: see docs/optimize.md',
  ),
  inputs: z
    .strictObject({
      pd: feel.describe('probability of default'),
      amount: feel.describe('the amount asked for'),
      term: feel.describe('term in months'),
      income: feel.describe('monthly income'),
      debt: feel.describe('existing monthly debt payments'),
      lgd: feel.optional().describe("loss given default; else the strategy's"),
      ead: feel.optional().describe("exposure at default for the amount asked; else the strategy's share of the limit"),
      maxPd: feel.optional().describe("a PD cutoff, e.g. the segment's from arbiter optimize: above it, decline"),
    })
    .describe('FEEL for what the valuation needs'),
  output: z.string().describe('variable that receives {approve, limit, rate, expectedProfit, expectedLoss, takeUp, instalment}'),
});

export const nodeSchema = z.discriminatedUnion('kind', [
  inputNodeSchema,
  expressionNodeSchema,
  tableNodeSchema,
  rulesetNodeSchema,
  switchNodeSchema,
  subflowNodeSchema,
  reviewNodeSchema,
  outputNodeSchema,
  scoreNodeSchema,
  bureauNodeSchema,
  optimizeNodeSchema,
]);

export const edgeSchema = z.strictObject({
  from: id,
  to: id,
  /** switch edges: the condition; other nodes: none. */
  when: feel.optional(),
  /** switch: the edge taken when no condition holds. */
  default: z.boolean().optional(),
  /** ruleset: pass | knockout | refer; review and optimize: approve | decline; bureau: ok | failure | a failure code. */
  on: z.string().optional(),
  label: z.string().optional(),
});

/** What one decision may spend on FEEL (see docs/ARCHITECTURE.md, "Failing closed"). */
export const limitsSchema = z
  .strictObject({
    steps: z
      .number()
      .int()
      .min(1000)
      .max(10_000_000)
      .optional()
      .describe('loop iterations, filtered items, function calls and regex characters (x2) one decision may take; default 10000'),
    memory: z.number().int().min(10_000).max(100_000_000).optional().describe('characters and list items one decision may build; default 10000000'),
  })
  .describe('the evaluation budget of one decision');

/** Where a decision goes when a node cannot be evaluated: never to an approval. */
export const onErrorSchema = z
  .strictObject({
    outcome: z.enum(['refer', 'decline']).describe('refer (the default) sends the application to a person; decline refuses it'),
    reason: z
      .strictObject({ code: z.string().min(1), text: z.string().min(1), texts: textsSchema })
      .optional()
      .describe('the reason given; default EVALUATION_ERROR'),
  })
  .describe('the outcome of a decision whose evaluation errors or passes its budget');

/**
 * One made-up application with the outcome the flow must give it: stored with the flow, run by
 * the console's test panel, `arbiter test` and the API, so a change that breaks a case is seen
 * before it is published. Applicants here are invented; real ones never belong in a definition.
 */
export const testCaseSchema = z.strictObject({
  name: z.string().min(1).max(200),
  application: z.record(z.string(), z.unknown()),
  consents: z.array(z.string().min(1)).optional().describe('consent scopes the applicant gave, e.g. credit-bureau'),
  reports: z
    .record(z.string(), z.record(z.string(), z.unknown()).nullable())
    .optional()
    .describe('by bureau node id: the mapped features the pull returns (null: the pull fails); a trial never calls a bureau'),
  reviews: z
    .record(z.string(), z.enum(['approve', 'decline']))
    .optional()
    .describe('by review node id: the verdict a person gives'),
  expect: z.strictObject({
    outcome: z.enum(['approve', 'decline', 'refer', 'pending_review']),
    reasons: z.array(z.string()).optional().describe('reason codes the decision must give (others may come too)'),
    offer: z.record(z.string(), z.unknown()).optional().describe('offer fields and the values they must have (numbers to 1e-9)'),
  }),
});

export const flowSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  name: z.string().min(1),
  description: z.string().optional(),
  input: z.strictObject({ fields: z.record(z.string(), fieldSchema) }),
  nodes: z.array(nodeSchema).min(2),
  edges: z.array(edgeSchema),
  limits: limitsSchema.optional(),
  onError: onErrorSchema.optional(),
  declassify: z
    .record(z.string(), z.string().min(10).max(500))
    .optional()
    .describe(
      'variables and offer fields computed from personal data that are nevertheless not personal, each with the reason (e.g. a risk band); they are shown and stored in clear, and the statement is audited when the version is published',
    ),
  tests: z.array(testCaseSchema).max(500).optional().describe('test cases: made-up applications and the outcomes they must get'),
});

export type FlowDefinition = z.infer<typeof flowSchema>;
export type NodeDefinition = z.infer<typeof nodeSchema>;
export type EdgeDefinition = z.infer<typeof edgeSchema>;
export type FieldDefinition = z.infer<typeof fieldSchema>;
export type FlowTestCase = z.infer<typeof testCaseSchema>;
export type NodeKind = NodeDefinition['kind'];

/** The published JSON Schema of flow definitions (served at /v1/flows/schema, written to docs). */
export function flowJsonSchema(): unknown {
  return z.toJSONSchema(flowSchema, { target: 'draft-2020-12' });
}
