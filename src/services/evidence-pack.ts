import { createHash, type KeyObject } from 'node:crypto';
import { bundleSigner, signBundle, type BundleSignature } from '../privacy/index.ts';
import { verifyAudit, type Queryable } from '../store/index.ts';

/**
 * An evidence pack: for a period, what decided credit and who let it, in one signed file a
 * regulator can check on another machine with the public key alone. It holds the flow versions
 * published by the end of the period and the releases that put them live, the model, connector
 * and DMN model versions with their approvals, the back-tests run in the period, the audit
 * events of the period with the chain's verification, and any signed audit checkpoints given.
 * The manifest lists every file with its SHA-256 and is signed (Ed25519 or SM2); a changed byte in any
 * file, a file added or taken away, or a changed manifest is found and named.
 */
export interface EvidencePack {
  format: 'arbiter-evidence-1';
  manifest: EvidenceManifest;
  /** File name to its content (JSON text). */
  files: Record<string, string>;
  signature: BundleSignature;
}

export interface EvidenceManifest {
  from: string;
  to: string;
  createdAt: string;
  files: { name: string; sha256: string; bytes: number }[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const pretty = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** Builds and signs the pack for [from, to]; `checkpoints` are the signed audit checkpoint files (name to text), if any. */
export async function exportEvidence(
  db: Queryable,
  range: { from: Date; to: Date },
  key: KeyObject,
  checkpoints: Record<string, string> = {},
  now = new Date(),
): Promise<EvidencePack> {
  if (!(range.from < range.to)) throw new Error(`the period must end after it starts: ${range.from.toISOString()} to ${range.to.toISOString()}`);
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const files: Record<string, string> = {};
  const flows = await db.query<Record<string, unknown>>(
    `select flow_id, version, content_hash, definition, created_by, created_at, published_by, published_at
       from flow_versions where status = 'published' and published_at <= $1 order by flow_id, version`,
    [to],
  );
  for (const f of flows.rows) files[`flows/${f.flow_id}@${f.version}.json`] = pretty(f);
  const releases = await db.query(`select * from releases where submitted_at <= $1 order by submitted_at, id`, [to]);
  files['releases.json'] = pretty(releases.rows.map(({ impact, ...r }) => ({ ...r, impact: impact ? '(the impact report, in the release)' : null })));
  const models = await db.query(
    `select model_id, version, content_hash, kind, summary, created_by, created_at, approved_by, approved_at from model_versions where created_at <= $1 order by model_id, version`,
    [to],
  );
  files['models.json'] = pretty(models.rows);
  const connectors = await db.query(`select * from connector_versions where created_at <= $1 order by connector_id, version`, [to]);
  files['connectors.json'] = pretty(connectors.rows);
  const dmn = await db.query(
    `select model_id, version, content_hash, summary, created_by, created_at, approved_by, approved_at from dmn_model_versions where created_at <= $1 order by model_id, version`,
    [to],
  );
  files['dmn-models.json'] = pretty(dmn.rows);
  const backtests = await db.query(
    `select id, status, candidate_flow, candidate_version, baseline_flow, baseline_version, spec, report, created_by, created_at, finished_at
       from backtests where created_at >= $1 and created_at <= $2 order by created_at, id`,
    [from, to],
  );
  files['backtests.json'] = pretty(backtests.rows);
  const events = await db.query(`select * from audit_events where at >= $1 and at <= $2 order by seq`, [from, to]);
  files['audit-events.json'] = pretty(events.rows);
  files['audit-verification.json'] = pretty(await verifyAudit(db));
  for (const [name, text] of Object.entries(checkpoints)) files[`checkpoints/${name}`] = text;
  const manifest: EvidenceManifest = {
    from,
    to,
    createdAt: now.toISOString(),
    files: Object.entries(files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, text]) => ({ name, sha256: sha256(text), bytes: Buffer.byteLength(text) })),
  };
  return { format: 'arbiter-evidence-1', manifest, files, signature: signBundle(key, manifest) };
}

/** Every problem found in a pack, each naming the file; empty when the pack is intact and signed by a trusted key. */
export function verifyEvidence(pack: unknown, trusted: readonly KeyObject[]): { signedBy: string | null; problems: string[] } {
  const p = pack as Partial<EvidencePack> | null;
  if (p?.format !== 'arbiter-evidence-1' || !p.manifest || !p.files || !p.signature) {
    return { signedBy: null, problems: ['not an Arbiter evidence pack (format arbiter-evidence-1 with a manifest, files and a signature)'] };
  }
  const problems: string[] = [];
  const signedBy = bundleSigner(p.manifest, p.signature, trusted);
  if (!signedBy) problems.push('manifest: the signature does not match it, or the key that made it is not trusted here');
  const listed = new Set<string>();
  for (const f of p.manifest.files ?? []) {
    listed.add(f.name);
    const text = p.files[f.name];
    if (text === undefined) problems.push(`${f.name}: listed in the manifest but missing`);
    else if (sha256(text) !== f.sha256) problems.push(`${f.name}: changed since it was signed (its SHA-256 differs from the manifest's)`);
  }
  for (const name of Object.keys(p.files)) if (!listed.has(name)) problems.push(`${name}: not in the signed manifest (added after signing)`);
  return { signedBy, problems };
}
