// Browser tests of the console over the running suite (deploy/local/stack up): Debian's chromium, driven by
// playwright-core; nothing is downloaded. Run by e2e's ConsoleBrowserIT in `deploy/local/stack test`, or by hand:
//   AIGW_ADMIN_TOKEN=… AIGW_E2E_ACCESS_KEY=… npm run e2e
// Screenshots go to $CONSOLE_E2E_OUT (default admin-console/target/console-e2e).
import { chromium } from 'playwright-core';
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tests } from './console.tests.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const env = (name, fallback) => process.env[name] || fallback;
const ctx = {
  console: env('AIGW_CONSOLE_URL', 'http://127.0.0.1:8084'),
  gateway: env('AIGW_E2E_GATEWAY_URL', 'http://127.0.0.1:8080'),
  adminToken: env('AIGW_ADMIN_TOKEN'),
  demoKey: env('AIGW_E2E_ACCESS_KEY'),
  repo: resolve(here, '../../../../..'),
  out: resolve(env('CONSOLE_E2E_OUT', resolve(here, '../../../../target/console-e2e'))),
  run: Date.now().toString(36),
};
for (const [name, value] of [['AIGW_ADMIN_TOKEN', ctx.adminToken], ['AIGW_E2E_ACCESS_KEY', ctx.demoKey]]) {
  if (!value) { console.error(`${name} is not set: run through 'deploy/local/stack test' or set it`); process.exit(2); }
}
const executablePath = env('CHROMIUM', '/usr/bin/chromium');
if (!existsSync(executablePath)) {
  console.error(`${executablePath} is missing: apt-get install -y chromium`);
  process.exit(2);
}
mkdirSync(ctx.out, { recursive: true });
const only = process.argv[2] ? new RegExp(process.argv[2]) : null;

const userDataDir = resolve(ctx.out, `profile-${ctx.run}`);
const browser = await chromium.launchPersistentContext(userDataDir, {
  executablePath, headless: true, viewport: { width: 1366, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = browser.pages()[0] || await browser.newPage();
page.setDefaultTimeout(15_000);
page.on('dialog', (dialog) => dialog.accept());
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));

let failed = 0;
let passed = 0;
for (const [name, test] of tests) {
  if (only && !only.test(name)) continue;
  const started = Date.now();
  try {
    await test(page, ctx);
    passed++;
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.stack || e}`);
  }
  await page.screenshot({ path: resolve(ctx.out, `${name}.png`), fullPage: true }).catch(() => {});
}
if (consoleErrors.length) {
  failed++;
  console.log(`FAIL no page errors: ${consoleErrors.join('\n')}`);
}
await browser.close();
console.log(`${passed} passed, ${failed} failed; screenshots in ${ctx.out}`);
process.exit(failed ? 1 : 0);
