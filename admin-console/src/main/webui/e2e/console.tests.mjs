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

  ['routing-rules-through-the-step-form', async (page, ctx) => {
    ctx.routedKey = await admin(ctx, 'POST', '/admin/v1/provider-keys', { providerId: 'simulator',
      name: `e2e-routed-${ctx.run}`, value: 'sim-key-2' });
    const pk = ctx.routedKey.id;
    const rules = [
      { provider: 'simulator', steps: [{ type: 'keys', keys: [pk], strategy: 'weighted', weights: { [pk]: 3 } },
        { type: 'fallback', models: ['simulator-anthropic:sim-claude'] }] },
      { model: 'simulator:sim-chat', steps: [{ type: 'balance', models: ['simulator:sim-chat', 'simulator-anthropic:sim-claude'],
        weights: { 'simulator:sim-chat': 3, 'simulator-anthropic:sim-claude': 1 } }] },
    ];
    // config-service learns of the new key through Kafka: wait until it accepts a rule naming it
    await eventually(async () => {
      const probe = await admin(ctx, 'POST', '/admin/v1/configurations', { name: `e2e-probe-${ctx.run}`, router: { rules } });
      await admin(ctx, 'DELETE', `/admin/v1/configurations/${probe.id}`);
      return true;
    }, 'config-service knows the new provider key');

    await section(page, ctx, 'Configurations');
    await page.locator('#cfg-select').selectOption('');
    await page.locator('#cfg-name').fill(`e2e-routes-${ctx.run}`);
    await page.getByRole('button', { name: 'Add routing rule' }).click();
    await page.locator('#rule-0-name').fill('simulator');
    await page.locator('#rule-0-step-0-keys').fill(pk);
    await page.locator('#rule-0-step-0-strategy').selectOption('weighted');
    await page.locator('#rule-0-step-0-weights').fill(`${pk}=0`);
    await page.getByRole('button', { name: 'Add a step to rule 1' }).click();
    await page.locator('#rule-0-step-1-type').selectOption('fallback');
    await page.locator('#rule-0-step-1-models').fill('simulator-anthropic:sim-claude');
    await page.getByRole('button', { name: 'Add routing rule' }).click();
    // two fields of one rule changed in one task, before the form renders again: both stay (each setter updates the
    // rules as they are then, not as last rendered)
    await page.evaluate(() => {
      const target = document.getElementById('rule-1-target');
      target.value = 'model';
      target.dispatchEvent(new Event('change', { bubbles: true }));
      const name = document.getElementById('rule-1-name');
      name.value = 'simulator:sim-chat';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await hasValue(page, '#rule-1-name', 'simulator:sim-chat');
    await hasValue(page, '#rule-1-target', 'model');
    await page.locator('#rule-1-step-0-type').selectOption('balance');
    await page.locator('#rule-1-step-0-models').fill('simulator:sim-chat, simulator-anthropic:sim-claude');
    await page.locator('#rule-1-step-0-weights').fill('simulator:sim-chat=3, simulator-anthropic:sim-claude=1');
    await page.getByRole('button', { name: 'Create configuration' }).click();
    const error = page.getByTestId('error-rule-0-step-0-weights');
    await error.waitFor();
    assert((await error.textContent()).includes(`/router/rules/0/steps/0/weights/${pk}`), await error.textContent());
    await page.screenshot({ path: resolve(ctx.out, 'console-routing-steps-error.png'), fullPage: true });

    await page.locator('#rule-0-step-0-weights').fill(`${pk}=3`);
    await page.getByRole('button', { name: 'Create configuration' }).click();
    await page.getByText(/Configuration e2e-routes-\S+ saved/).waitFor();
    const saved = (await admin(ctx, 'GET', '/admin/v1/configurations?limit=100')).data
      .find((c) => c.name === `e2e-routes-${ctx.run}`);
    ctx.routes = await admin(ctx, 'GET', `/admin/v1/configurations/${saved.id}`);
    assert(JSON.stringify(ctx.routes.router.rules) === JSON.stringify(rules), `stored: ${JSON.stringify(ctx.routes.router.rules)}`);
    // and the form shows what is stored
    await page.locator('#cfg-select').selectOption('');
    await page.locator('#cfg-select').selectOption(ctx.routes.id);
    await hasValue(page, '#rule-1-step-0-weights', 'simulator:sim-chat=3, simulator-anthropic:sim-claude=1');
    await hasValue(page, '#rule-0-step-0-strategy', 'weighted');
  }],

  ['edit-an-access-keys-configuration-and-expiry', async (page, ctx) => {
    const key = await admin(ctx, 'POST', '/admin/v1/access-keys', { name: `e2e-edit-${ctx.run}` });
    await section(page, ctx, 'Access keys');
    await page.getByRole('button', { name: `Edit ${key.name}` }).click();
    await page.locator('#edit-configuration').selectOption(ctx.routes.id);
    await page.locator('#edit-expiry').fill('2031-01-02T03:04');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(`Access key ${key.name} saved.`).waitFor();
    const stored = await admin(ctx, 'GET', `/admin/v1/access-keys/${key.id}`);
    assert(stored.configurationId === ctx.routes.id, `configuration: ${stored.configurationId}`);
    assert(stored.expiresAt.startsWith('2031-01-02T03:04'), `expiry: ${stored.expiresAt}`);
    await page.getByTestId('access-keys').locator('tr', { hasText: key.name }).getByText(ctx.routes.id).waitFor();
  }],

  ['rotate-a-provider-key', async (page, ctx) => {
    const before = await admin(ctx, 'GET', `/admin/v1/provider-keys/${ctx.routedKey.id}`);
    await section(page, ctx, 'Provider keys');
    await page.getByRole('button', { name: `Rotate ${ctx.routedKey.name}` }).click();
    await page.locator('#rotate-value').fill('sim-key-2');
    await page.getByRole('button', { name: 'Rotate', exact: true }).click();
    await page.getByText(`Provider key ${ctx.routedKey.name} rotated.`).waitFor();
    const after = await admin(ctx, 'GET', `/admin/v1/provider-keys/${ctx.routedKey.id}`);
    assert(after.version > before.version, `version ${before.version} → ${after.version}`);
    assert(!(await page.content()).includes('sim-key-2'), 'the secret is still on the page');
  }],

  ['deleting-a-referenced-provider-key-shows-the-409', async (page, ctx) => {
    await section(page, ctx, 'Provider keys');
    await page.getByRole('button', { name: `Delete ${ctx.routedKey.name}` }).click();
    const problem = page.getByTestId('problem');
    await problem.getByText('(409)').waitFor();
    await page.screenshot({ path: resolve(ctx.out, 'console-provider-key-409.png'), fullPage: true });
    await page.getByTestId('provider-keys').getByText(ctx.routedKey.name).waitFor();
    // once no configuration names it, it goes
    await admin(ctx, 'PATCH', `/admin/v1/configurations/${ctx.routes.id}`, { router: { rules: [] } });
    await eventually(async () => {
      await page.getByRole('button', { name: `Delete ${ctx.routedKey.name}` }).click();
      await page.getByText(`Provider key ${ctx.routedKey.name} deleted.`).waitFor({ timeout: 5_000 });
      return true;
    }, 'the unreferenced key is deleted');
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

  ['virtual-models-create-edit-delete', async (page, ctx) => {
    const name = `e2e-vm-${ctx.run}`;
    await section(page, ctx, 'Catalog');
    await page.locator('#vm-name').fill(name);
    await page.locator('#vm-description').fill('made by the console tests');
    await page.locator('#vm-targets').fill('simulator:sim-chat');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByText(`Virtual model ${name} created.`).waitFor();
    await eventually(async () => (await chat(ctx, ctx.demoKey, name)).status === 200, 'the gateway serves the virtual model');
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    await hasValue(page, '#vm-targets', 'simulator:sim-chat');
    await page.locator('#vm-targets').fill('simulator-anthropic:sim-claude, simulator:sim-chat');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(`Virtual model ${name} saved.`).waitFor();
    await page.getByTestId('virtual-models').getByText('simulator-anthropic:sim-claude → simulator:sim-chat').waitFor();
    const stored = await admin(ctx, 'GET', `/admin/v1/virtual-models/${name}`);
    assert(JSON.stringify(stored.targets) === '["simulator-anthropic:sim-claude","simulator:sim-chat"]', JSON.stringify(stored));
    await page.screenshot({ path: resolve(ctx.out, 'console-virtual-models.png'), fullPage: true });
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await page.getByText(`Virtual model ${name} deleted.`).waitFor();
    await page.getByTestId('virtual-models').getByText(name).waitFor({ state: 'detached' });
    await eventually(async () => (await chat(ctx, ctx.demoKey, name)).status !== 200, 'the gateway no longer serves it');
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

  ['a-requests-left-out-candidates-and-its-aigw-auto-choice', async (page, ctx) => {
    // a key whose scope allows a virtual model and only its second target: the first is left out (outside_scope);
    // aigw/auto with that key can choose only simulator:sim-chat, and says why
    const vm = `e2e-scope-vm-${ctx.run}`;
    await admin(ctx, 'POST', '/admin/v1/virtual-models', { name: vm,
      targets: ['simulator-anthropic:sim-claude', 'simulator:sim-chat'] });
    const cfg = await admin(ctx, 'POST', '/admin/v1/configurations', { name: `e2e-scoped-${ctx.run}`,
      access: { models: { allow: [vm, 'simulator:sim-chat'] } } });
    const key = (await admin(ctx, 'POST', '/admin/v1/access-keys', { name: `e2e-scoped-key-${ctx.run}`,
      configurationId: cfg.id })).token;
    const viaVm = await eventually(async () => { const r = await chat(ctx, key, vm); return r.status === 200 && r; },
      'the gateway serves the virtual model to the scoped key', 60_000);
    assert((viaVm.headers.get('x-aigw-skipped') || '').includes('simulator-anthropic:sim-claude'),
      `X-AIGW-Skipped: ${viaVm.headers.get('x-aigw-skipped')}`);
    const auto = await chat(ctx, key, 'aigw/auto');
    assert(auto.status === 200, `aigw/auto answered ${auto.status}: ${await auto.text()}`);
    const ids = [viaVm, auto].map((r) => r.headers.get('x-aigw-request-id'));
    for (const id of ids) {
      await eventually(async () => (await admin(ctx, 'GET', `/admin/v1/usage/requests/${id}`)).attempts.length >= 1,
        `request ${id} reaches the ledger`, 60_000);
    }
    await section(page, ctx, 'Requests');
    await page.locator('#request-id').fill(ids[0]);
    await page.getByRole('button', { name: 'Look up' }).click();
    const skipped = page.getByTestId('skipped').locator('tbody tr', { hasText: 'simulator-anthropic:sim-claude' });
    await skipped.getByText('outside_scope').waitFor();
    assert(await page.getByTestId('auto-choice').count() === 0, 'a virtual-model request shows an aigw/auto choice');
    await page.screenshot({ path: resolve(ctx.out, 'console-request-left-out.png'), fullPage: true });
    await page.locator('#request-id').fill(ids[1]);
    await page.getByRole('button', { name: 'Look up' }).click();
    const why = page.getByTestId('auto-choice');
    await why.waitFor();
    assert(/score \d+ \((economy|standard|premium)\)/.test(await why.textContent()), `auto: ${await why.textContent()}`);
    await page.getByTestId('attempts').getByText('simulator:sim-chat').first().waitFor();
    // the virtual model's delete asks config-service, which names the configuration; once that is gone, it goes
    const refused = await fetch(`${ctx.console}/admin/v1/virtual-models/${vm}`, { method: 'DELETE',
      headers: { Authorization: `Bearer ${ctx.adminToken}` } });
    assert(refused.status === 409, `deleting the named virtual model answered ${refused.status}`);
  }],

  ['health-shows-every-service-and-each-gateways-snapshot', async (page, ctx) => {
    await section(page, ctx, 'Health');
    const services = page.getByTestId('services').locator('tbody tr');
    await services.nth(2).waitFor();
    for (const name of ['key', 'config', 'catalog']) {
      await page.getByTestId('services').locator('tr', { hasText: name }).getByText('UP').first().waitFor();
    }
    await page.getByTestId('gateways').getByText(/^c\d+\.g\d+\.k\d+$/).first().waitFor();
    // each replica's change-consumer lag, in records (0 when it has read everything)
    const lag = page.getByTestId('lag-gateway-1');
    await lag.waitFor();
    assert(/^\d+/.test(await lag.textContent()), `lag: ${await lag.textContent()}`);
  }],
];
