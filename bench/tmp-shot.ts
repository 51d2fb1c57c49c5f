import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const keys = JSON.parse(readFileSync('/tmp/demo1/demo/keys.json', 'utf8'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto('http://localhost:3111/');
await page.fill('#api-key', keys[process.argv[2] ?? 'analyst']);
await page.click('button[type=submit]');
for (const hash of (process.argv[3] ?? 'overview').split(',')) {
  await page.goto(`http://localhost:3111/console/#/${hash}`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shot-${hash.replace(/\//g, '_')}.png`, fullPage: false });
}
await browser.close();
