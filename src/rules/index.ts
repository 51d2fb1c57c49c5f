export {
  compileDecisionTable,
  HIT_POLICIES,
  type DecisionTableDefinition,
  type CompiledTable,
  type TableResult,
  type HitPolicy,
  type Aggregation,
} from './decision-table.ts';
export { RuleError } from './rule-error.ts';
export { importDmn } from './dmn/import-dmn.ts';
export { DMN_VERSIONS, tableToDmnXml, type DmnExport, type DmnVersion } from './dmn/export-dmn.ts';
export { DmnRuntime, type DecisionError, type DmnResult } from './dmn/runtime.ts';
export { linkedRuntime } from './dmn/linked-runtime.ts';
export { dmnInputsFromJson, dmnValueFromJson } from './dmn/json-input.ts';
export { runTck, sameValue, ROUNDED_EXPECTATION_DIGITS, type TckResult } from './dmn/tck.ts';
export { jsonToFeel } from '../expr/index.ts';
export type { DmnModel, BoxedExpression, ItemDefinition } from './dmn/model.ts';
export { importLabel } from './dmn/model.ts';
export { analyseTable, type TableAnalysis, type Gap, type Overlap } from './table-analysis.ts';
export { sheetToTable, tableToSheet, type SheetCell } from './table-sheet.ts';
export { MAX_XLSX_BYTES, tableToXlsx, xlsxToTable } from './table-xlsx.ts';
export { COLUMN_TYPES, builtinTypeCheck } from './feel-types.ts';
