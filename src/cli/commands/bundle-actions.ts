import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { newSigningKeyPair, type SignatureAlgorithm } from '../../privacy/index.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { withServices } from '../services-access.ts';
import type { BundleExportFlags, BundleImportFlags } from './bundle-command.ts';

const publicPath = (privatePath: string) => privatePath.replace(/(\.pem)?$/, '.pub.pem');

export function keygen(flags: { out: string; algorithm: string }): void {
  if (existsSync(flags.out)) throw new Error(`${flags.out} exists; a signing key is never overwritten`);
  const algorithm = ({ ed25519: 'ed25519', sm2: 'sm2-sm3' } as Record<string, SignatureAlgorithm>)[flags.algorithm];
  if (!algorithm) throw new Error(`--algorithm must be ed25519 or sm2, got "${flags.algorithm}"`);
  const { privateKey, publicKey } = newSigningKeyPair(algorithm);
  writeFileSync(flags.out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicPath(flags.out), publicKey.export({ type: 'spki', format: 'pem' }));
  console.log(`signing key in ${flags.out}; give ${publicPath(flags.out)} to the installations that import (--trust)`);
}

export function readKey(path: string, kind: 'private' | 'public'): KeyObject {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`cannot read ${path}`);
  }
  try {
    return kind === 'private' ? createPrivateKey(text) : createPublicKey(text);
  } catch (err) {
    throw new Error(`${path} is not a PEM ${kind} key: ${(err as Error).message}`);
  }
}

export async function exportBundle(flags: BundleExportFlags): Promise<void> {
  const [flow, versionText] = flags.flow.split('@') as [string, string | undefined];
  const version = versionText === undefined ? undefined : Number(versionText);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) throw new Error(`--flow: "${versionText}" is not a version number`);
  const key = readKey(flags.signingKey, 'private');
  const bundle = await withServices(flags, (s) => s.bundles.export(flow, version, key));
  writeFileSync(flags.out, `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(
    `${flags.out}: ${bundle.flow.id} v${bundle.flow.version} with ${bundle.flows.length - 1} subflows, ${bundle.models.length} models, ${bundle.connectors.length} connectors, ${bundle.dmnModels.length} DMN models; signed by key ${bundle.signature.keyId}`,
  );
}

export async function importBundle(flags: BundleImportFlags): Promise<void> {
  let bundle: unknown;
  try {
    bundle = JSON.parse(readFileSync(flags.file, 'utf8'));
  } catch (err) {
    throw new Error(`${flags.file} is not a bundle: ${(err as Error).message}`);
  }
  const trusted = flags.trust.map((p) => readKey(p, 'public'));
  const done = await withServices(flags, (s) => s.bundles.import(bundle, trusted, { actor: flags.as }));
  console.log(`signed by key ${done.signedBy}; drafts made, to be submitted and approved here:`);
  for (const d of done.drafts) console.log(`  ${d.flowId} v${d.version} (was ${d.from})`);
  for (const [what, list] of [
    ['models', done.models],
    ['connectors', done.connectors],
    ['DMN models', done.dmnModels],
  ] as const)
    if (list.length) console.log(`  ${what}: ${list.map((x) => `${x.from} -> ${x.to}`).join(', ')}`);
}
