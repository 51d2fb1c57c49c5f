import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { compileExpression, compileUnaryTests, FeelSyntaxError } from '../../expr/index.ts';
import { errorResponses } from '../schemas.ts';

const EDITORS = ['risk-manager', 'analyst'] as const;

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
  };
}
