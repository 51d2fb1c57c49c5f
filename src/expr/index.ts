export { compileExpression, compileUnaryTests, type CompileOptions, type CompiledExpression, type CompiledUnaryTests, type Evaluation } from './feel.ts';
export { compileNode, compileTests, compare, invoke, rangeIncludes, type Compiled, type CompiledTest } from './compiler.ts';
export { convertTo, instanceOf, isInstanceOf } from './type-conformance.ts';
export { parseExpression, parseUnaryTests, parseTypeRef } from './parser.ts';
export type { Node, TypeRef } from './ast.ts';
export { Env, WarningSink, LIMIT_CODES, DEFAULT_LIMITS, type EvaluationLimits, type TypeResolver } from './env.ts';
export { FeelSyntaxError } from './feel-error.ts';
export { BUILTINS, BUILTIN_NAMES } from './builtins/index.ts';
export {
  FeelFunction,
  FeelRange,
  feelEquals,
  compareValues,
  isContext,
  typeName,
  valueToString,
  toJson,
  exactJsonText,
  type FeelValue,
  type FeelContext,
  type Warning,
  type CallSite,
} from './values.ts';
export {
  FeelDate,
  FeelTime,
  FeelDateTime,
  YearsMonthsDuration,
  DaysTimeDuration,
  parseTemporalLiteral,
  parseDate,
  parseTime,
  parseDateTime,
  parseDuration,
} from './temporal.ts';
export { jsonToFeel } from './json-values.ts';
export {
  FeelDecimal,
  addNumbers,
  digitsOf,
  isFeelNumber,
  numbersEqual,
  parseNumber,
  roundNumber,
  toDouble,
  type FeelNumber,
} from './decimal.ts';
