import openapiTS, { astToString } from 'openapi-typescript';

/** The console's API types, generated from the server's OpenAPI document: never copied by hand. */
export async function apiTypesSource(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return `// Generated from /openapi.json by \`npm run api-types\` (openapi-typescript); do not edit.\n// test/api/api-types.test.ts fails when it no longer matches the server.\n\n${astToString(ast)}`;
}
