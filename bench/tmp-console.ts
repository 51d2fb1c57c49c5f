import { buildServer } from '../src/api/index.ts';
import { openDatabase } from '../src/store/index.ts';
import { testKeyProvider } from '../src/privacy/index.ts';
import { pino } from 'pino';
const db = await openDatabase({ dataDir: null } as never);
const s = await buildServer({ db, keys: testKeyProvider(), logger: pino({ level: 'silent' }) });
for (const url of ['/', '/console/', '/console/assets/../../../package.json', '/console/assets/..%2F..%2F..%2Fpackage.json', '/console/assets/nope.js', '/console/decisions']) {
  const r = await s.app.inject({ method: 'GET', url });
  console.log(url, r.statusCode, r.headers['content-security-policy']?.toString().slice(0, 40), r.headers['content-type'], r.body.slice(0, 60).replace(/\n/g, ' '));
}
const js = (await s.app.inject({ method: 'GET', url: '/console/' })).body.match(/assets\/[^"]+\.js/)![0];
const r = await s.app.inject({ method: 'GET', url: `/console/${js}` });
console.log(js, r.statusCode, r.headers['content-type'], r.headers['cache-control'], r.body.length);
await s.app.close();
