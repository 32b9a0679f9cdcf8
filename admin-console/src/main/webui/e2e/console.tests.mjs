// The console's end-to-end tests, in order: each may use what an earlier one made (ctx).
import { resolve } from 'node:path';

const assert = (condition, message) => { if (!condition) throw new Error(message); };

/** Polls `check` until it returns a truthy value (returned), or fails with `what` after `ms`. */
async function eventually(check, what, ms = 45_000) {
  const until = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) { last = e; }
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function admin(ctx, method, path, body) {
  const response = await fetch(ctx.console + path, { method, headers: { Authorization: `Bearer ${ctx.adminToken}`,
    'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

function chat(ctx, key, model = 'simulator:sim-chat') {
  return fetch(`${ctx.gateway}/v1/chat/completions`, { method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hello from the console tests' }] }) });
}

async function section(page, ctx, name) {
  if (await page.locator('#token').count() === 0 && await page.getByRole('navigation').count() === 0) {
    await page.goto(`${ctx.console}/`);
  }
  if (await page.locator('#token').count() > 0) {
    await page.locator('#token').fill(ctx.adminToken);
    await page.getByRole('button', { name: 'Log in' }).click();
  }
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Waits until an input shows `value` (Preact sets the value property, not the attribute). */
const hasValue = (page, selector, value) => eventually(async () => (await page.locator(selector).inputValue()) === value,
  `${selector} shows "${value}"`, 10_000);

const todaysSpend = async (ctx) => {
  const from = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000).toISOString();
  return Number((await admin(ctx, 'GET', `/admin/v1/usage/overview?from=${from}`)).totals.costUsd);
};

const snapshotKeys = async (ctx) => (await admin(ctx, 'GET', '/console/v1/health')).gateways
  .map((g) => Number(/\.k(\d+)/.exec(g.snapshotVersion || '')?.[1] || -1));

export const tests = [
  ['login-keeps-the-token-in-memory-only', async (page, ctx) => {
    await page.goto(`${ctx.console}/`);
    await page.getByLabel('Admin token').fill('not-the-admin-token');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('problem').getByText('Unauthorized').waitFor();
    await page.getByLabel('Admin token').fill(ctx.adminToken);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Access keys' }).waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })
      + document.cookie);
    assert(!stored.includes(ctx.adminToken), 'the admin token was stored in the browser');
  }],

  ['create-an-access-key-and-see-its-token-once', async (page, ctx) => {
    await section(page, ctx, 'Access keys');
    ctx.keyName = `e2e-key-${ctx.run}`;
    await page.locator('#new-key-name').fill(ctx.keyName);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const token = await page.getByTestId('token-value').inputValue();
    assert(/^ag-/.test(token), `not an access key token: ${token.slice(0, 6)}…`);
    ctx.keyToken = token;
    await page.getByRole('button', { name: 'Copy token' }).waitFor();
    await eventually(async () => (await chat(ctx, token)).status === 200, 'the gateway accepts the new key');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByTestId('created-token').waitFor({ state: 'detached' });
    await page.getByTestId('access-keys').getByText(ctx.keyName).waitFor();
    assert(!(await page.content()).includes(token), 'the token is still on the page after it was dismissed');
  }],

  ['revoke-the-key-and-the-gateway-refuses-it', async (page, ctx) => {
    await section(page, ctx, 'Access keys');
    await page.getByRole('button', { name: `Revoke ${ctx.keyName}` }).click();
    await page.getByText(`Access key ${ctx.keyName} revoked.`).waitFor();
    await eventually(async () => (await chat(ctx, ctx.keyToken)).status === 401, 'the gateway refuses the revoked key');
  }],

  ['an-invalid-configuration-edit-shows-the-error-at-its-field', async (page, ctx) => {
    ctx.cfg = await admin(ctx, 'POST', '/admin/v1/configurations', { name: `e2e-cfg-${ctx.run}` });
    ctx.cfgKey = (await admin(ctx, 'POST', '/admin/v1/access-keys', { name: `e2e-cfg-key-${ctx.run}`,
      configurationId: ctx.cfg.id })).token;
    await section(page, ctx, 'Configurations');
    await page.locator('#cfg-select').selectOption(ctx.cfg.id);
    await hasValue(page, '#cfg-name', ctx.cfg.name);
    await page.locator('#cfg-requestsPerMinute').fill('-5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const error = page.getByTestId('error-cfg-requestsPerMinute');
    await error.waitFor();
    assert((await error.textContent()).length > 0, 'empty field error');
    assert(await page.locator('#cfg-requestsPerMinute').getAttribute('aria-invalid') === 'true', 'field not marked invalid');
  }],

  ['a-configuration-edit-by-someone-else-is-not-overwritten', async (page, ctx) => {
    await section(page, ctx, 'Configurations');
    await page.locator('#cfg-select').selectOption(ctx.cfg.id);
    await hasValue(page, '#cfg-name', ctx.cfg.name);
    await page.locator('#cfg-requestsPerMinute').fill('');
    await admin(ctx, 'PATCH', `/admin/v1/configurations/${ctx.cfg.id}`, { description: 'changed elsewhere' });
    await page.locator('#cfg-tokensPerMinute').fill('100000');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('stale').getByText('changed by someone else').waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();
    await hasValue(page, '#cfg-description', 'changed elsewhere');
    await hasValue(page, '#cfg-tokensPerMinute', '');
  }],

  ['a-valid-configuration-edit-takes-effect-at-the-gateway', async (page, ctx) => {
    await eventually(async () => (await chat(ctx, ctx.cfgKey)).status === 200, 'the configuration\'s key works');
    await section(page, ctx, 'Configurations');
    await page.locator('#cfg-select').selectOption(ctx.cfg.id);
    await hasValue(page, '#cfg-name', ctx.cfg.name);
    await page.getByLabel('Restrict providers').check();
    await page.locator('#cfg-providers').fill('simulator-anthropic');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/Configuration e2e-cfg-\S+ saved/).waitFor();
    await eventually(async () => (await chat(ctx, ctx.cfgKey)).status === 403,
      'the gateway refuses a provider the configuration no longer allows');
  }],

  ['import-the-openrouter-sample', async (page, ctx) => {
    await section(page, ctx, 'Catalog');
    await page.locator('#import-provider').selectOption('openrouter');
    await page.locator('#import-file').setInputFiles(resolve(ctx.repo,
      'model-catalog-service/src/test/resources/openrouter/models.json'));
    await page.getByRole('button', { name: 'Import' }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 60_000 });
    assert(/Imported [1-9]\d* models into openrouter/.test(await result.textContent()), await result.textContent());
    await page.locator('#model-provider').selectOption('openrouter');
    await page.locator('#model-text').fill('gpt-5');
    await page.getByTestId('models').getByText('openrouter:openai/gpt-5', { exact: true }).waitFor();
  }],

  ['the-usage-chart-shows-the-spend-of-requests-just-made', async (page, ctx) => {
    const before = await todaysSpend(ctx);
    for (let i = 0; i < 3; i++) {
      const response = await chat(ctx, ctx.demoKey);
      assert(response.status === 200, `chat answered ${response.status}`);
    }
    const after = await eventually(async () => { const s = await todaysSpend(ctx); return s > before && s; },
      'the usage of the requests reaches the ledger', 60_000);
    await section(page, ctx, 'Usage');
    await page.locator('#usage-days').selectOption('1');
    // the overview scans the usage ledger, which the benchmarks make large: give it time
    await page.getByTestId('spend-chart').locator('canvas').waitFor({ timeout: 120_000 });
    const shown = await eventually(async () => {
      const text = await page.getByTestId('usage-total-cost').textContent();
      return Number(text.replace(/[^0-9.]/g, '')) >= after - 1e-6 && text;
    }, 'the page shows today\'s spend', 10_000);
    await page.getByTestId('spend-chart').getByText('simulator:sim-chat').first().waitFor();
    await page.screenshot({ path: resolve(ctx.out, 'console-usage.png') });
    console.log(`  spend today before ${before}, after ${after}, shown ${shown}`);
  }],

  ['look-up-a-failed-over-requests-attempts', async (page, ctx) => {
    const before = Math.min(...await snapshotKeys(ctx));
    await section(page, ctx, 'Provider keys');
    await page.locator('#pk-provider').selectOption('simulator');
    await page.locator('#pk-name').fill(`e2e-second-${ctx.run}`);
    await page.locator('#pk-value').fill('sim-key-2');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText(`Provider key e2e-second-${ctx.run} added.`).waitFor();
    await eventually(async () => Math.min(...await snapshotKeys(ctx)) > before, 'every gateway has the new key');
    const response = await chat(ctx, ctx.demoKey, 'simulator:sim-chat@fail-key=sim-key-1:401');
    assert(response.status === 200, `the failed-over request answered ${response.status}: ${await response.text()}`);
    const requestId = response.headers.get('x-aigw-request-id');
    await eventually(async () => (await admin(ctx, 'GET', `/admin/v1/usage/requests/${requestId}`)).attempts.length >= 2,
      'both attempts reach the ledger', 60_000);
    await section(page, ctx, 'Requests');
    await page.locator('#request-id').fill(requestId);
    await page.getByRole('button', { name: 'Look up' }).click();
    const rows = page.getByTestId('attempts').locator('tbody tr');
    await rows.nth(1).waitFor();
    assert(await rows.count() >= 2, 'fewer than two attempts shown');
    assert((await rows.nth(0).textContent()).includes('401'), `first attempt: ${await rows.nth(0).textContent()}`);
  }],

  ['health-shows-every-service-and-each-gateways-snapshot', async (page, ctx) => {
    await section(page, ctx, 'Health');
    const services = page.getByTestId('services').locator('tbody tr');
    await services.nth(2).waitFor();
    for (const name of ['key', 'config', 'catalog']) {
      await page.getByTestId('services').locator('tr', { hasText: name }).getByText('UP').first().waitFor();
    }
    await page.getByTestId('gateways').getByText(/^c\d+\.g\d+\.k\d+$/).first().waitFor();
  }],
];
