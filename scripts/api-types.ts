import { createHash } from 'node:crypto';
import openapiTS, { astToString } from 'openapi-typescript';

/** The OpenAPI document's fingerprint, written into the generated file: a changed route changes it. */
export function openApiDigest(document: unknown): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('hex');
}

/** The digest a generated file was made from, read from its header. */
export function digestOfGenerated(source: string): string | null {
  return /^\/\/ OpenAPI document sha256: ([0-9a-f]{64})$/m.exec(source)?.[1] ?? null;
}

/** The console's API types, generated from the server's OpenAPI document: never copied by hand. */
export async function apiTypesSource(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return [
    '// Generated from /openapi.json by `npm run api-types` (openapi-typescript); do not edit.',
    `// OpenAPI document sha256: ${openApiDigest(document)}`,
    '// test/api/api-roles.test.ts fails when the server no longer serves this document.',
    '',
    astToString(ast),
  ].join('\n');
}
