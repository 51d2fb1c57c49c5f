/**
 * Sealing benchmark: what a decision seals (a data key wrapped under the master key, the C2
 * fields, the trace) with AES-256-GCM and with the national algorithms (SM4-CTR with HMAC-SM3),
 * in one run, sealed and opened.
 *
 *   npm run bench:sealing [-- --decisions 50000]
 */
import { newDataKey, open, seal, useSealingAlgorithm, type SealingAlgorithm } from '../src/privacy/index.ts';
import { benchArg } from './bench-args.ts';

const DECISIONS = benchArg('decisions', 50_000);
const master = newDataKey();
const c2 = Buffer.from(JSON.stringify({ fullName: 'Zhang San', nationalId: '110101199003771204', phone: '13812045678', monthlyIncome: 7321.09 }));
const trace = Buffer.from(
  JSON.stringify(Array.from({ length: 12 }, (_, i) => ({ node: `n${i}`, read: { score: 640 + i, dti: 0.31 }, wrote: { band: 'B' }, ms: 0.004 }))),
);

function run(algorithm: SealingAlgorithm): { seal: number; open: number } {
  useSealingAlgorithm(algorithm);
  const sealed: Buffer[][] = [];
  const t0 = performance.now();
  for (let i = 0; i < DECISIONS; i++) {
    const key = newDataKey();
    sealed.push([seal(master, key, `data_key:${i}`), seal(key, c2, `c2:${i}`), seal(key, trace, `trace:${i}`)]);
  }
  const t1 = performance.now();
  for (let i = 0; i < DECISIONS; i++) {
    const key = open(master, sealed[i]![0]!, `data_key:${i}`);
    open(key, sealed[i]![1]!, `c2:${i}`);
    open(key, sealed[i]![2]!, `trace:${i}`);
  }
  const t2 = performance.now();
  return { seal: DECISIONS / ((t1 - t0) / 1000), open: DECISIONS / ((t2 - t1) / 1000) };
}

console.log(
  `sealing benchmark: ${DECISIONS.toLocaleString('en-US')} decisions, each a wrapped data key, ${c2.length} bytes of C2 and a ${trace.length}-byte trace`,
);
run('aes-256-gcm');
run('sm4');
const aes = run('aes-256-gcm');
const sm4 = run('sm4');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);
console.log(`  AES-256-GCM              sealed ${fmt(aes.seal)} decisions/s, opened ${fmt(aes.open)}/s`);
console.log(`  SM4-CTR with HMAC-SM3    sealed ${fmt(sm4.seal)} decisions/s, opened ${fmt(sm4.open)}/s`);
console.log(`  => SM4 seals at ${((sm4.seal / aes.seal) * 100).toFixed(0)}% of AES-256-GCM's rate, opens at ${((sm4.open / aes.open) * 100).toFixed(0)}%`);
