import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FeelValue } from '../expr/index.ts';
import { jsonToFeel } from '../expr/index.ts';
import { ConnectorFailure } from './failures.ts';

/** Elements that repeat in credit reports: always lists, even when a report holds one. */
const REPEATED = /\.(Account|Inquiry|Record|Month)$/;

// Entities are not expanded: a bureau response is data, not a document to trust. The text of an
// element with attributes is `value`, a name FEEL can reach.
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: 'value',
  parseTagValue: true,
  processEntities: false,
  trimValues: true,
  isArray: (_name, jpath) => REPEATED.test(String(jpath)),
});

/** The response body as a FEEL value; a body that does not parse is a `malformed` failure. */
export function parseResponse(format: 'json' | 'xml', body: string): FeelValue {
  if (format === 'json') {
    try {
      return jsonToFeel(JSON.parse(body));
    } catch (err) {
      throw new ConnectorFailure('malformed', `the bureau's JSON does not parse: ${(err as Error).message}`);
    }
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new ConnectorFailure('malformed', "the bureau's XML carries a DOCTYPE or entity declaration; refused");
  const valid = XMLValidator.validate(body);
  if (valid !== true)
    throw new ConnectorFailure('malformed', `the bureau's XML is not well formed: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  return jsonToFeel(xml.parse(body));
}
