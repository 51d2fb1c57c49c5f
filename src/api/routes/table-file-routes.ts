import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tableSchema } from '../../flow/index.ts';
import { MAX_XLSX_BYTES, tableToXlsx, xlsxToTable } from '../../rules/index.ts';
import { ServiceError } from '../../services/index.ts';
import { errorResponses } from '../schemas.ts';

const EDITORS = ['risk-manager', 'analyst'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Decision tables to and from XLSX, since analysts keep policy in spreadsheets: one sheet, the
 * hit policy and column headings on top, a rule per row (see `rules/table-sheet.ts`).
 */
export function tableFileRoutes() {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/v1/tables/xlsx',
      {
        config: { access: EDITORS },
        schema: {
          tags: ['rules'],
          summary: 'A decision table as an XLSX workbook',
          body: z.strictObject({ table: tableSchema }),
          response: { 200: z.unknown().describe(XLSX), ...errorResponses },
        },
      },
      async (request, reply) => {
        const file = await tableToXlsx(request.body.table);
        return reply.type(XLSX).header('content-disposition', 'attachment; filename="decision-table.xlsx"').send(file);
      },
    );

    r.post(
      '/v1/tables/from-xlsx',
      {
        config: { access: EDITORS },
        bodyLimit: Math.ceil((MAX_XLSX_BYTES * 4) / 3) + 4096,
        schema: {
          tags: ['rules'],
          summary: "The decision table in a workbook's first sheet, laid out as /v1/tables/xlsx writes it",
          body: z.strictObject({ file: z.string().min(1).describe('the XLSX file, base64') }),
          response: { 200: z.object({ table: tableSchema }), ...errorResponses },
        },
      },
      async (request) => {
        try {
          return { table: tableSchema.parse(await xlsxToTable(Buffer.from(request.body.file, 'base64'))) };
        } catch (err) {
          if (err instanceof z.ZodError)
            throw new ServiceError(
              'invalid',
              'bad_sheet',
              `the sheet's table is not complete: ${err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
            );
          throw err;
        }
      },
    );
  };
}
