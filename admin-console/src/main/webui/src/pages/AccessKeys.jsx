import { useEffect, useState } from 'preact/hooks';
import { all, api, get, when } from '../api.js';
import { CopyButton, Field, FormCard, Notice, ProblemBox, Table, errorAt, useAction } from '../ui.jsx';

// the expiry inputs are in UTC (as labelled), whatever the browser's time zone
const toIso = (local) => (local ? new Date(`${local}Z`).toISOString() : null);
const toLocal = (iso) => (iso ? new Date(iso).toISOString().slice(0, 16) : '');

function ConfigSelect({ id, value, configs, onChange, label = 'Configuration', none = '(none: allow all)' }) {
  return (
    <Field label={label} id={id}>
      <select id={id} value={value || ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{none}</option>
        {configs.map((c) => <option value={c.id}>{c.name} ({c.id})</option>)}
      </select>
    </Field>
  );
}

function CreatedToken({ created, onDone }) {
  return (
    <section aria-labelledby="token-title" data-testid="created-token">
      <h2 id="token-title">Access key {created.name} created</h2>
      <p><strong>Copy the token now: it is shown only once.</strong></p>
      <label for="new-token">Token</label>{' '}
      <input id="new-token" class="token" readOnly value={created.token} data-testid="token-value" />{' '}
      <CopyButton text={created.token} label="Copy token" />{' '}
      <button type="button" onClick={onDone}>I have stored it</button>
    </section>
  );
}

function EditKey({ accessKey, configs, onSaved, onCancel }) {
  const [configurationId, setConfigurationId] = useState(accessKey.configurationId);
  const [expiresAt, setExpiresAt] = useState(toLocal(accessKey.expiresAt));
  const action = useAction();
  const save = (event) => {
    event.preventDefault();
    action.run(async () => {
      const { etag } = await api('GET', `/admin/v1/access-keys/${accessKey.id}`);
      await api('PATCH', `/admin/v1/access-keys/${accessKey.id}`, { ifMatch: etag,
        body: { configurationId: configurationId || null, expiresAt: toIso(expiresAt) } });
      onSaved(`Access key ${accessKey.name} saved.`);
    });
  };
  return (
    <FormCard title={`Edit ${accessKey.name}`} action={action} onSubmit={save} submit="Save" onCancel={onCancel}>
      <ConfigSelect id="edit-configuration" value={configurationId} configs={configs} onChange={setConfigurationId} />
      <Field label="Expires at (UTC)" id="edit-expiry" type="datetime-local" value={expiresAt}
        error={errorAt(action.error, 'expiresAt')} onInput={(e) => setExpiresAt(e.currentTarget.value)} />
    </FormCard>
  );
}

export function AccessKeys() {
  const [keys, setKeys] = useState([]);
  const [configs, setConfigs] = useState([]);
  const [filters, setFilters] = useState({ status: 'active', configurationId: '', name: '' });
  const [created, setCreated] = useState(null);
  const [editing, setEditing] = useState(null);
  const [notice, setNotice] = useState(null);
  const load = useAction();
  const create = useAction();
  const revoke = useAction();

  const refresh = () => load.run(async () => {
    const q = new URLSearchParams();
    if (filters.status) q.set('status', filters.status);
    if (filters.configurationId) q.set('configurationId', filters.configurationId);
    setKeys(await all(`/admin/v1/access-keys?${q}`));
  });
  useEffect(() => { all('/admin/v1/configurations').then(setConfigs).catch(() => {}); }, []);
  useEffect(() => { refresh(); }, [filters.status, filters.configurationId]);

  const submit = (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    create.run(async () => {
      const body = { name: form.get('name'), configurationId: form.get('configurationId') || null,
        expiresAt: toIso(form.get('expiresAt')) };
      const { data } = await api('POST', '/admin/v1/access-keys', { body });
      setCreated(data);
      target.reset();
      refresh();
    });
  };
  const doRevoke = (key) => {
    if (!confirm(`Revoke ${key.name}? Clients using it are refused at once.`)) return;
    revoke.run(async () => {
      const { etag } = await api('GET', `/admin/v1/access-keys/${key.id}`);
      await api('POST', `/admin/v1/access-keys/${key.id}/revoke`, { ifMatch: etag });
      setNotice(`Access key ${key.name} revoked.`);
      refresh();
    });
  };
  const shown = keys.filter((k) => !filters.name || k.name.toLowerCase().includes(filters.name.toLowerCase()));

  return (
    <div>
      {created && <CreatedToken created={created} onDone={() => setCreated(null)} />}
      <FormCard title="Create an access key" action={create} onSubmit={submit} submit="Create">
        <Field label="Name" id="new-key-name" name="name" required maxLength={100} error={errorAt(create.error, 'name')} />
        <Field label="Configuration" id="new-key-configuration">
          <select id="new-key-configuration" name="configurationId">
            <option value="">(none: allow all)</option>
            {configs.map((c) => <option value={c.id}>{c.name} ({c.id})</option>)}
          </select>
        </Field>
        <Field label="Expires at (UTC, optional)" id="new-key-expiry" name="expiresAt" type="datetime-local"
          error={errorAt(create.error, 'expiresAt')} />
      </FormCard>
      {editing && <EditKey accessKey={editing} configs={configs} onCancel={() => setEditing(null)}
        onSaved={(message) => { setEditing(null); setNotice(message); refresh(); }} />}
      <Notice>{notice}</Notice>
      <ProblemBox error={revoke.error || load.error} />
      <div class="row" role="search" aria-label="Filter access keys">
        <Field label="Status" id="filter-status">
          <select id="filter-status" value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.currentTarget.value })}>
            <option value="">all</option><option>active</option><option>revoked</option><option>expired</option>
          </select>
        </Field>
        <ConfigSelect id="filter-configuration" label="Configuration" none="(any)" value={filters.configurationId} configs={configs}
          onChange={(v) => setFilters({ ...filters, configurationId: v || '' })} />
        <Field label="Name contains" id="filter-name" value={filters.name}
          onInput={(e) => setFilters({ ...filters, name: e.currentTarget.value })} />
      </div>
      <Table caption={`Access keys (${shown.length})`} testid="access-keys" rows={shown} columns={[
        { label: 'Name', key: 'name' },
        { label: 'Id', render: (k) => <code>{k.id}</code> },
        { label: 'Key', render: (k) => <code>{k.redacted}</code> },
        { label: 'Status', render: (k) => <span class={`badge ${k.status}`}>{k.status}</span> },
        { label: 'Configuration', render: (k) => k.configurationId || '(none)' },
        { label: 'Expires', render: (k) => when(k.expiresAt) },
        { label: 'Last used', render: (k) => when(k.lastUsedAt) },
        { label: 'Actions', render: (k) => k.status === 'active' && (
          <span class="row">
            <button type="button" onClick={() => setEditing(k)} aria-label={`Edit ${k.name}`}>Edit</button>
            <button type="button" class="danger" onClick={() => doRevoke(k)} aria-label={`Revoke ${k.name}`}>Revoke</button>
          </span>) },
      ]} />
    </div>
  );
}
