import { useEffect, useState } from 'preact/hooks';
import { all, api } from '../api.js';
import { Field, Notice, ProblemBox, useAction } from '../ui.jsx';
import { RouterSteps, formToRules, rulePointers, rulesToForm } from './RouterSteps.jsx';

const LIMITS = [
  ['requestsPerMinute', 'Requests per minute'],
  ['tokensPerMinute', 'Tokens per minute'],
  ['dailyBudgetUsd', 'Daily budget per key (USD)'],
  ['weeklyBudgetUsd', 'Weekly budget per key (USD)'],
  ['monthlyBudgetUsd', 'Monthly budget per key (USD)'],
];
const EDITABLE = ['name', 'description', 'metadata', 'access', 'router', 'limits', 'firewall'];
const EMPTY = { name: '', access: { providers: null, models: null }, router: { rules: [] }, limits: {} };

const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);
const numberOrNull = (text) => (text === '' || text == null ? null : Number(text));

/** The fields of the form, each with the JSON pointer under which the server reports its errors. */
const FIELDS = ['/name', '/description', '/access/providers', '/access/models', '/router', '/firewall',
  ...LIMITS.map(([k]) => `/limits/${k}`), '/limits/allowUnpricedModels', '/limits'];

/** Each error on the field whose pointer is the longest prefix of the error's pointer; the rest stay general. */
export function placeErrors(errors, fields = FIELDS) {
  const placed = {};
  const general = [];
  for (const error of errors) {
    const pointer = error.pointer || '';
    const field = fields.filter((f) => pointer === f || pointer.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0];
    const text = `${error.detail || error.message}${field && pointer !== field ? ` (at ${pointer})` : ''}`;
    if (field) placed[field] = placed[field] ? `${placed[field]}; ${text}` : text;
    else general.push(error);
  }
  return { placed, general };
}

function toForm(doc) {
  const limits = doc.limits || {};
  return {
    name: doc.name || '', description: doc.description || '',
    restrictProviders: !!doc.access?.providers, providers: (doc.access?.providers?.allow || []).join(', '),
    restrictModels: !!doc.access?.models, models: (doc.access?.models?.allow || []).join(', '),
    rules: rulesToForm(doc.router),
    firewall: (doc.firewall?.policies || []).join(', '),
    allowUnpricedModels: !!limits.allowUnpricedModels,
    ...Object.fromEntries(LIMITS.map(([k]) => [k, limits[k] == null ? '' : String(limits[k])])),
    rest: doc,
  };
}

function fromForm(form) {
  const doc = {
    name: form.name, description: form.description || null,
    access: { providers: form.restrictProviders ? { allow: list(form.providers) } : null,
      models: form.restrictModels ? { allow: list(form.models) } : null },
    router: formToRules(form.rules),
    limits: { ...(form.rest.limits || {}), allowUnpricedModels: form.allowUnpricedModels,
      ...Object.fromEntries(LIMITS.map(([k]) => [k, numberOrNull(form[k])])) },
  };
  if (form.firewall.trim() || form.rest.firewall) doc.firewall = { policies: list(form.firewall) };
  return doc;
}

const editable = (doc) => Object.fromEntries(EDITABLE.filter((k) => doc[k] !== undefined).map((k) => [k, doc[k]]));

function Editor({ selected, onSaved, providerKeys }) {
  const [etag, setEtag] = useState(null);
  const [id, setId] = useState(selected);
  const [tab, setTab] = useState('form');
  const [form, setForm] = useState(toForm(EMPTY));
  const [json, setJson] = useState(JSON.stringify(EMPTY, null, 2));
  const [local, setLocal] = useState({});
  const [stale, setStale] = useState(false);
  const [notice, setNotice] = useState(null);
  const action = useAction();

  const load = (configId) => action.run(async () => {
    setStale(false);
    setLocal({});
    if (!configId) {
      setEtag(null);
      setForm(toForm(EMPTY));
      setJson(JSON.stringify(EMPTY, null, 2));
      return;
    }
    const { data, etag: tag } = await api('GET', `/admin/v1/configurations/${configId}`);
    setEtag(tag);
    setForm(toForm(data));
    setJson(JSON.stringify(editable(data), null, 2));
  });
  useEffect(() => { setId(selected); load(selected); }, [selected]);

  // Functional updates: a field typed and a button clicked before the next render must not undo each other (a rule
  // added right after the name was typed used to clear the name).
  const set = (key) => (e) => {
    const value = e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value;
    setForm((current) => ({ ...current, [key]: value }));
  };
  const switchTab = (next) => {
    try {
      if (next === 'json' && tab === 'form') setJson(JSON.stringify(fromForm(form), null, 2));
      if (next === 'form' && tab === 'json') setForm(toForm({ ...form.rest, ...JSON.parse(json) }));
      setLocal({});
      setTab(next);
    } catch (e) {
      setLocal(e.local || { json: `Not valid JSON: ${e.message}` });
    }
  };

  const save = (event) => {
    event.preventDefault();
    setNotice(null);
    setLocal({});
    let body;
    try {
      body = tab === 'form' ? fromForm(form) : JSON.parse(json);
    } catch (e) {
      setLocal(e.local || { json: `Not valid JSON: ${e.message}` });
      return;
    }
    action.run(async () => {
      try {
        const answer = id
          ? await api('PATCH', `/admin/v1/configurations/${id}`, { body, ifMatch: etag, contentType: 'application/merge-patch+json' })
          : await api('POST', '/admin/v1/configurations', { body });
        setEtag(answer.etag);
        setId(answer.data.id);
        setForm(toForm(answer.data));
        setJson(JSON.stringify(editable(answer.data), null, 2));
        setNotice(`Configuration ${answer.data.name} saved (version ${answer.data.version}).`);
        onSaved(answer.data.id);
      } catch (e) {
        if (e.status === 412) setStale(true);
        throw e;
      }
    });
  };

  const { placed, general } = placeErrors(action.error?.errors || [], tab === 'form' ? [...FIELDS, ...rulePointers(form.rules)] : FIELDS);
  const at = (pointer) => local[pointer] || placed[pointer];
  const error = action.error && !stale ? { ...action.error, errors: tab === 'form' ? general : action.error.errors } : null;

  return (
    <form class="card" onSubmit={save} aria-label="Configuration editor" noValidate>
      <h2>{id ? `Edit ${form.name || id}` : 'New configuration'}</h2>
      {stale && (
        <div class="problem" role="alert" data-testid="stale">
          <strong>This configuration was changed by someone else</strong> since you opened it, so your edit was not saved.
          Reload to see their version, then make your change again. <button type="button" onClick={() => load(id)}>Reload</button>
        </div>
      )}
      <div class="tabs" role="tablist" aria-label="Editor mode">
        <button type="button" role="tab" aria-selected={tab === 'form'} onClick={() => switchTab('form')}>Form</button>
        <button type="button" role="tab" aria-selected={tab === 'json'} onClick={() => switchTab('json')}>JSON</button>
      </div>
      {tab === 'form' ? (
        <div role="tabpanel">
          <div class="row">
            <Field label="Name" id="cfg-name" value={form.name} onInput={set('name')} error={at('/name')} />
            <Field label="Description" id="cfg-description" value={form.description} onInput={set('description')} error={at('/description')} />
          </div>
          <h3>Access</h3>
          <div class="row">
            <label><input type="checkbox" checked={form.restrictProviders} onChange={set('restrictProviders')} /> Restrict providers</label>
            <Field label="Allowed providers (comma-separated)" id="cfg-providers" value={form.providers} disabled={!form.restrictProviders}
              onInput={set('providers')} error={at('/access/providers')} />
            <label><input type="checkbox" checked={form.restrictModels} onChange={set('restrictModels')} /> Restrict models</label>
            <Field label="Allowed models (provider:model, comma-separated)" id="cfg-models" value={form.models} disabled={!form.restrictModels}
              onInput={set('models')} error={at('/access/models')} />
          </div>
          <h3>Limits</h3>
          <div class="row">
            {LIMITS.map(([key, label]) => (
              <Field label={label} id={`cfg-${key}`} type="number" step="any" value={form[key]} onInput={set(key)} error={at(`/limits/${key}`)} />
            ))}
            <label><input type="checkbox" checked={form.allowUnpricedModels} onChange={set('allowUnpricedModels')} /> Allow unpriced models</label>
          </div>
          {at('/limits') && <p class="field-error" data-testid="error-cfg-limits">{at('/limits')}</p>}
          <h3>Firewall</h3>
          <Field label="Firewall policies (fwp_… ids, comma-separated)" id="cfg-firewall" value={form.firewall} onInput={set('firewall')} error={at('/firewall')} />
          <h3>Routing</h3>
          {at('/router') && <p class="field-error" data-testid="error-cfg-router">{at('/router')}</p>}
          <RouterSteps rules={form.rules} onChange={(update) => setForm((current) => ({ ...current, rules: update(current.rules) }))} at={at} providerKeys={providerKeys} />
        </div>
      ) : (
        <div role="tabpanel">
          <Field label="Configuration JSON" id="cfg-json" error={local.json}>
            <textarea id="cfg-json" rows={24} value={json} onInput={(e) => setJson(e.currentTarget.value)} />
          </Field>
        </div>
      )}
      <ProblemBox error={error} />
      <Notice>{notice}</Notice>
      <button type="submit" disabled={action.busy}>{id ? 'Save changes' : 'Create configuration'}</button>
    </form>
  );
}

export function Configurations() {
  const [configs, setConfigs] = useState([]);
  const [selected, setSelected] = useState(null);
  const [providerKeys, setProviderKeys] = useState([]);
  const load = useAction();
  const refresh = () => load.run(async () => setConfigs(await all('/admin/v1/configurations')));
  useEffect(() => {
    refresh();
    all('/admin/v1/provider-keys').then(setProviderKeys).catch(() => {});
  }, []);
  return (
    <div>
      <div class="row">
        <Field label="Configuration" id="cfg-select">
          <select id="cfg-select" value={selected || ''} onChange={(e) => setSelected(e.currentTarget.value || null)}>
            <option value="">(new configuration)</option>
            {configs.map((c) => <option value={c.id}>{c.name} ({c.id}, {c.accessKeyCount ?? 0} keys)</option>)}
          </select>
        </Field>
      </div>
      <ProblemBox error={load.error} />
      <Editor selected={selected} providerKeys={providerKeys} onSaved={(id) => { refresh(); setSelected(id); }} />
    </div>
  );
}
