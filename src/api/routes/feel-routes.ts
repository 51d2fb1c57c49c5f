import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BUILTINS, compileExpression, compileUnaryTests, FeelSyntaxError } from '../../expr/index.ts';
import { tableSchema } from '../../flow/index.ts';
import { analyseTable, compileDecisionTable, RuleError } from '../../rules/index.ts';
import { errorResponses } from '../schemas.ts';

const EDITORS = ['risk-manager', 'analyst'] as const;

const cellIssue = z.object({
  rule: z.number().int().describe('1-based'),
  column: z.number().int().describe('1-based, inputs then outputs'),
  part: z.enum(['input', 'output']),
  message: z.string(),
});

function syntaxError(text: string, kind: 'expression' | 'unary-tests'): string | null {
  try {
    if (kind === 'expression') compileExpression(text);
    else compileUnaryTests(text);
    return null;
  } catch (err) {
    if (err instanceof FeelSyntaxError) return err.message;
    throw err;
  }
}

const checked = z.object({
  ok: z.boolean(),
  error: z.object({ message: z.string(), line: z.number().int(), column: z.number().int() }).nullable(),
});

/**
 * Compiles FEEL without running it, so an editor (the console's decision-table grid) can show
 * a syntax error in the cell where it was typed, before anything is saved.
 */
export function feelRoutes() {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/v1/feel/functions',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['rules'],
          summary: "FEEL's built-in functions with their parameter names, for an editor's completion",
          response: {
            200: z.object({
              functions: z.array(z.object({ name: z.string(), params: z.array(z.string()), overloads: z.array(z.array(z.string())) })),
            }),
            ...errorResponses,
          },
        },
      },
      async () => ({
        functions: [...BUILTINS.values()]
          .map((f) => ({ name: f.name, params: f.params.map((p) => p.name), overloads: f.overloads }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      }),
    );

    r.post(
      '/v1/feel/check',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['rules'],
          summary: 'Check the syntax of FEEL: an expression, or the unary tests of a decision-table input cell',
          body: z.strictObject({ text: z.string().max(10_000), kind: z.enum(['expression', 'unary-tests']).default('expression') }),
          response: { 200: checked, ...errorResponses },
        },
      },
      async (request) => {
        const { text, kind } = request.body;
        if (!text.trim()) return { ok: false, error: { message: 'empty: write "-" for any value in an input cell, or an expression', line: 1, column: 1 } };
        try {
          if (kind === 'expression') compileExpression(text);
          else compileUnaryTests(text);
          return { ok: true, error: null };
        } catch (err) {
          if (err instanceof FeelSyntaxError) return { ok: false, error: { message: err.message, line: err.line, column: err.column } };
          throw err;
        }
      },
    );

    r.post(
      '/v1/tables/check',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['rules'],
          summary:
            "Check a decision table: each cell's FEEL, then (when every cell compiles) the inputs no rule matches (gaps) and the rules that match the same input (overlaps)",
          body: z.strictObject({ table: tableSchema }),
          response: {
            200: z.object({
              ok: z.boolean(),
              cells: z.array(cellIssue),
              table: z.string().nullable().describe('a problem with the table as a whole'),
              gaps: z.array(z.object({ example: z.array(z.unknown()) })),
              overlaps: z.array(z.object({ rules: z.tuple([z.number(), z.number()]), example: z.array(z.unknown()) })),
              unanalysedColumns: z.array(z.number()),
              truncated: z.boolean(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { table } = request.body;
        const cells: z.infer<typeof cellIssue>[] = [];
        const width = table.inputs.length + table.outputs.length;
        table.rules.forEach((rule, i) => {
          if (rule.inputEntries.length !== table.inputs.length || rule.outputEntries.length !== table.outputs.length) {
            cells.push({
              rule: i + 1,
              column: 1,
              part: 'input',
              message: `rule ${i + 1} has ${rule.inputEntries.length + rule.outputEntries.length} cells; the table has ${width} columns`,
            });
            return;
          }
          rule.inputEntries.forEach((text, j) => {
            const message = text.trim() ? syntaxError(text, 'unary-tests') : 'empty: write "-" for any value';
            if (message) cells.push({ rule: i + 1, column: j + 1, part: 'input', message });
          });
          rule.outputEntries.forEach((text, j) => {
            const message = text.trim() ? syntaxError(text, 'expression') : 'empty: an output cell needs an expression';
            if (message) cells.push({ rule: i + 1, column: table.inputs.length + j + 1, part: 'output', message });
          });
        });
        const empty = { gaps: [], overlaps: [], unanalysedColumns: [], truncated: false };
        if (cells.length) return { ok: false, cells, table: null, ...empty };
        let analysis: ReturnType<typeof analyseTable>;
        try {
          analysis = analyseTable(compileDecisionTable(table), { maxGaps: 20 });
        } catch (err) {
          if (err instanceof RuleError || err instanceof FeelSyntaxError) return { ok: false, cells, table: err.message, ...empty };
          throw err;
        }
        const json = (v: unknown) =>
          JSON.parse(
            JSON.stringify(v ?? null, (_k, x) => (typeof x === 'object' && x !== null && !Array.isArray(x) && x.constructor !== Object ? String(x) : x)),
          ) as unknown;
        const overlapsMatter = !table.hitPolicy || table.hitPolicy === 'UNIQUE';
        return {
          ok: analysis.gaps.length === 0 && (!overlapsMatter || analysis.overlaps.length === 0),
          cells,
          table: null,
          gaps: analysis.gaps.map((g) => ({ example: g.example.map(json) })),
          overlaps: analysis.overlaps.map((o) => ({ rules: o.rules, example: o.example.map(json) })),
          unanalysedColumns: analysis.unanalysedColumns,
          truncated: analysis.truncated,
        };
      },
    );
  };
}
