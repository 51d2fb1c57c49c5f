import type { DecisionTableDefinition } from '../decision-table.ts';

/**
 * The model and FEEL namespaces by DMN version. 1.5 is the standard's latest; 1.3 is the newest
 * Camunda Modeler opens (dmn-js 17 refuses a 1.5 document, and its migration reaches only from
 * 1.1 and 1.2). A decision table uses nothing 1.4 or 1.5 added, so only the namespaces differ.
 */
const NAMESPACES = {
  '1.5': { model: 'https://www.omg.org/spec/DMN/20230324/MODEL/', feel: 'https://www.omg.org/spec/DMN/20230324/FEEL/' },
  '1.3': { model: 'https://www.omg.org/spec/DMN/20191111/MODEL/', feel: 'https://www.omg.org/spec/DMN/20191111/FEEL/' },
} as const;
export type DmnVersion = keyof typeof NAMESPACES;
export const DMN_VERSIONS = Object.keys(NAMESPACES) as DmnVersion[];
const DMNDI = 'https://www.omg.org/spec/DMN/20191111/DMNDI/';
const DC = 'http://www.omg.org/spec/DMN/20180521/DC/';
const DI = 'http://www.omg.org/spec/DMN/20180521/DI/';

export interface DmnExport {
  /** The decision's name: how other models and the flow name it. */
  decision: string;
  /** The names the table's input expressions read, each declared as input data. */
  inputs: readonly string[];
  /** The model's name and namespace. */
  modelName?: string;
  namespace?: string;
  /** The DMN version written: 1.5 unless asked (1.3 for Camunda Modeler). */
  dmnVersion?: DmnVersion;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Ids are NCNames: letters, digits, `_`, `-` and `.`, not starting with a digit. */
const ncName = (s: string) => {
  const id = s.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
};
const textElement = (tag: string, text: string | undefined, indent: string) =>
  text === undefined ? '' : `${indent}<${tag}>\n${indent}  <text>${escapeXml(text)}</text>\n${indent}</${tag}>\n`;

/**
 * A decision table as a DMN 1.5 (or 1.3) model of one decision: the table (hit policy,
 * aggregation, input and output columns with their allowed values and defaults, rules with
 * annotations), an input data element for each name it reads, and a diagram, so that a modeler
 * opens it drawn (Camunda Modeler the 1.3 form), and `importDmn` reads it back to the same table.
 */
export function tableToDmnXml(table: DecisionTableDefinition, spec: DmnExport): string {
  const decisionId = ncName(`decision_${spec.decision}`);
  const namespace = spec.namespace ?? `https://arbiter.dev/dmn/${encodeURIComponent(spec.decision)}`;
  const hitPolicy = table.hitPolicy ?? 'UNIQUE';
  const ns = NAMESPACES[spec.dmnVersion ?? '1.5'];
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push(
    `<definitions xmlns="${ns.model}" xmlns:dmndi="${DMNDI}" xmlns:dc="${DC}" xmlns:di="${DI}" xmlns:feel="${ns.feel}"` +
      ` id="${ncName(`definitions_${spec.decision}`)}" name="${escapeXml(spec.modelName ?? spec.decision)}" namespace="${escapeXml(namespace)}"` +
      ` expressionLanguage="${ns.feel}" typeLanguage="${ns.feel}" exporter="Arbiter" exporterVersion="0.1.0">\n`,
  );
  out.push(`  <decision id="${decisionId}" name="${escapeXml(spec.decision)}">\n`);
  for (const name of spec.inputs) {
    out.push(`    <informationRequirement id="${ncName(`requirement_${spec.decision}_${name}`)}">\n`);
    out.push(`      <requiredInput href="#${ncName(`input_${name}`)}" />\n`);
    out.push('    </informationRequirement>\n');
  }
  const aggregation = hitPolicy === 'COLLECT' && table.aggregation ? ` aggregation="${table.aggregation}"` : '';
  out.push(`    <decisionTable id="${ncName(`table_${spec.decision}`)}" hitPolicy="${hitPolicy}"${aggregation} outputLabel="${escapeXml(spec.decision)}">\n`);
  table.inputs.forEach((input, i) => {
    const label = input.label ? ` label="${escapeXml(input.label)}"` : '';
    out.push(`      <input id="${ncName(`input_${spec.decision}_${i + 1}`)}"${label}>\n`);
    const inputType = input.typeRef ? ` typeRef="${escapeXml(input.typeRef)}"` : '';
    out.push(`        <inputExpression id="${ncName(`inputExpression_${spec.decision}_${i + 1}`)}"${inputType}>\n`);
    out.push(`          <text>${escapeXml(input.expression)}</text>\n`);
    out.push('        </inputExpression>\n');
    out.push(textElement('inputValues', input.inputValues, '        '));
    out.push('      </input>\n');
  });
  // One output is the decision's value; several are the components of a context, named.
  const named = table.outputs.length > 1;
  table.outputs.forEach((output, i) => {
    out.push(
      `      <output id="${ncName(`output_${spec.decision}_${i + 1}`)}"${named ? ` name="${escapeXml(output.name)}"` : ''} label="${escapeXml(output.name)}"${output.typeRef ? ` typeRef="${escapeXml(output.typeRef)}"` : ''}>\n`,
    );
    out.push(textElement('outputValues', output.outputValues, '        '));
    out.push(textElement('defaultOutputEntry', output.defaultOutput, '        '));
    out.push('      </output>\n');
  });
  if (table.rules.some((r) => r.annotation !== undefined)) out.push('      <annotation name="Annotation" />\n');
  table.rules.forEach((rule, r) => {
    out.push(`      <rule id="${ncName(rule.id ?? `rule_${spec.decision}_${r + 1}`)}">\n`);
    rule.inputEntries.forEach((text, i) => {
      out.push(
        `        <inputEntry id="${ncName(`entry_${spec.decision}_${r + 1}_in${i + 1}`)}">\n          <text>${escapeXml(text)}</text>\n        </inputEntry>\n`,
      );
    });
    rule.outputEntries.forEach((text, i) => {
      out.push(
        `        <outputEntry id="${ncName(`entry_${spec.decision}_${r + 1}_out${i + 1}`)}">\n          <text>${escapeXml(text)}</text>\n        </outputEntry>\n`,
      );
    });
    if (rule.annotation !== undefined)
      out.push(`        <annotationEntry>\n          <text>${escapeXml(rule.annotation)}</text>\n        </annotationEntry>\n`);
    out.push('      </rule>\n');
  });
  out.push('    </decisionTable>\n');
  out.push('  </decision>\n');
  for (const name of spec.inputs) {
    out.push(`  <inputData id="${ncName(`input_${name}`)}" name="${escapeXml(name)}">\n`);
    out.push(`    <variable id="${ncName(`variable_${name}`)}" name="${escapeXml(name)}" />\n`);
    out.push('  </inputData>\n');
  }
  // The diagram: the decision on top, its inputs in a row below, an edge from each.
  const width = 180;
  const gap = 40;
  const row = Math.max(1, spec.inputs.length) * (width + gap) - gap;
  const decisionX = 40 + (row - width) / 2;
  out.push('  <dmndi:DMNDI>\n    <dmndi:DMNDiagram id="diagram">\n');
  out.push(
    `      <dmndi:DMNShape id="shape_${decisionId}" dmnElementRef="${decisionId}">\n        <dc:Bounds height="80" width="${width}" x="${decisionX}" y="60" />\n      </dmndi:DMNShape>\n`,
  );
  spec.inputs.forEach((name, i) => {
    const x = 40 + i * (width + gap);
    const id = ncName(`input_${name}`);
    out.push(
      `      <dmndi:DMNShape id="shape_${id}" dmnElementRef="${id}">\n        <dc:Bounds height="45" width="${width}" x="${x}" y="240" />\n      </dmndi:DMNShape>\n`,
    );
    out.push(`      <dmndi:DMNEdge id="edge_${id}" dmnElementRef="${ncName(`requirement_${spec.decision}_${name}`)}">\n`);
    out.push(`        <di:waypoint x="${x + width / 2}" y="240" />\n        <di:waypoint x="${decisionX + width / 2}" y="140" />\n      </dmndi:DMNEdge>\n`);
  });
  out.push('    </dmndi:DMNDiagram>\n  </dmndi:DMNDI>\n</definitions>\n');
  return out.join('');
}
