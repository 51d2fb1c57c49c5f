import type { DecisionTableDefinition } from '../decision-table.ts';

/** DMN boxed expressions, as read from XML; FEEL stays text until compiled. */
export type BoxedExpression =
  | { kind: 'literal'; text: string; typeRef?: string }
  | { kind: 'context'; entries: { name: string | null; typeRef?: string; value: BoxedExpression }[]; typeRef?: string }
  | { kind: 'list'; items: BoxedExpression[]; typeRef?: string }
  | { kind: 'relation'; columns: string[]; rows: BoxedExpression[][]; typeRef?: string }
  | { kind: 'invocation'; function: string; bindings: { name: string; value: BoxedExpression | null }[]; typeRef?: string }
  | { kind: 'function'; params: { name: string; typeRef?: string }[]; body: BoxedExpression | null; functionKind: string; typeRef?: string }
  | { kind: 'table'; table: DecisionTableDefinition; typeRef?: string };

export interface ItemDefinition {
  name: string;
  typeRef?: string;
  isCollection: boolean;
  allowedValues?: string;
  components: ItemDefinition[];
  /** A function type (DMN 1.3 functionItem): its parameters and the type of what it returns. */
  functionItem?: { parameters: { name: string; typeRef?: string }[]; outputTypeRef?: string };
}

export interface DmnDecision {
  id: string;
  name: string;
  typeRef?: string;
  logic: BoxedExpression | null;
  requiredDecisions: string[];
  requiredInputs: string[];
  requiredKnowledge: string[];
}

export interface DmnInputData {
  id: string;
  name: string;
  typeRef?: string;
}

export interface DmnBkm {
  id: string;
  name: string;
  typeRef?: string;
  logic: BoxedExpression | null;
  requiredKnowledge: string[];
}

export interface DmnDecisionService {
  id: string;
  name: string;
  typeRef?: string;
  outputDecisions: string[];
  encapsulatedDecisions: string[];
  inputDecisions: string[];
  inputData: string[];
}

export interface DmnImport {
  name: string;
  namespace: string;
}

/** An import as a message names it: by its name, or as imported without one (DMN 1.5). */
export function importLabel(name: string): string {
  return name ? `"${name}"` : 'a model without a name';
}

/** One DMN model: its elements by name, with requirements resolved to names. */
export interface DmnModel {
  name: string;
  namespace: string;
  decisions: Map<string, DmnDecision>;
  inputData: Map<string, DmnInputData>;
  bkms: Map<string, DmnBkm>;
  services: Map<string, DmnDecisionService>;
  itemDefinitions: Map<string, ItemDefinition>;
  imports: DmnImport[];
  /** Namespaces of models imported without a name, whose elements this model holds as its own (unnamed-imports.ts). */
  mergedNamespaces?: string[];
  /** Every name declared anywhere in the model, for the FEEL parser. */
  names: string[];
}

/** A typeRef without its namespace prefix (`feel:date`, `xsd:string`, `ns1:tPerson`), as types are looked up. */
export function localTypeRef(typeRef: string): string {
  return typeRef.replace(/^(feel|FEEL|xsd|ns\d*):/, '');
}
