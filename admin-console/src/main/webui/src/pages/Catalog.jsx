import { useEffect, useState } from 'preact/hooks';
import { all, api } from '../api.js';
import { Field, FormCard, Notice, ProblemBox, Table, errorAt, useAction } from '../ui.jsx';

const price = (v) => (v == null ? '—' : `$${v}`);

function ImportOpenRouter({ providers, onImported }) {
  const action = useAction();
  const [result, setResult] = useState(null);
  const submit = (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    action.run(async () => {
      setResult(null);
      const text = await file.text();
      const { data } = await api('POST', `/admin/v1/providers/${encodeURIComponent(form.get('provider'))}/models:import`, { body: text });
      setResult(data);
      onImported();
    });
  };
  return (
    <FormCard label="Import OpenRouter models" title="Import models from OpenRouter" action={action} onSubmit={submit}
      submit="Import" after={result && <Notice><span data-testid="import-result">Imported {result.total} models into
        {' '}{result.providerId}: {result.created} created, {result.updated} updated, {result.unchanged} unchanged.</span></Notice>}>
      <p class="hint">A file with OpenRouter's <code>/api/v1/models</code> document: models and prices are created or updated.</p>
      <Field label="Into provider" id="import-provider">
        <select id="import-provider" name="provider">
          {providers.map((p) => <option value={p.id} selected={p.id === 'openrouter'}>{p.id}</option>)}
        </select>
      </Field>
      <Field label="Models file (JSON)" id="import-file" name="file" type="file" accept="application/json,.json" required />
    </FormCard>
  );
}

const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** Creates a virtual model, or edits one (`editing`): its name stays, its description and targets change. */
function VirtualModelForm({ editing, onSaved, onCancel }) {
  const action = useAction();
  const submit = (event) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const body = { description: form.get('description') || null, targets: list(form.get('targets')) };
    action.run(async () => {
      if (editing) {
        const { etag } = await api('GET', `/admin/v1/virtual-models/${encodeURIComponent(editing.name)}`);
        await api('PATCH', `/admin/v1/virtual-models/${encodeURIComponent(editing.name)}`, { body, ifMatch: etag,
          contentType: 'application/merge-patch+json' });
        onSaved(`Virtual model ${editing.name} saved.`);
      } else {
        await api('POST', '/admin/v1/virtual-models', { body: { name: form.get('name'), ...body } });
        target.reset();
        onSaved(`Virtual model ${form.get('name')} created.`);
      }
    });
  };
  return (
    <FormCard key={editing?.name || 'new'} title={editing ? `Edit virtual model ${editing.name}` : 'Create a virtual model'}
      action={action} onSubmit={submit} submit={editing ? 'Save' : 'Create'} onCancel={editing && onCancel}>
      {!editing && <Field label="Name" id="vm-name" name="name" required error={errorAt(action.error, 'name')} />}
      <Field label="Description" id="vm-description" name="description" defaultValue={editing?.description || ''}
        error={errorAt(action.error, 'description')} />
      <Field label="Targets (provider:model, in order, comma-separated)" id="vm-targets" name="targets" required size={50}
        defaultValue={editing ? editing.targets.join(', ') : ''} error={errorAt(action.error, 'targets')} />
    </FormCard>
  );
}

export function Catalog() {
  const [providers, setProviders] = useState([]);
  const [models, setModels] = useState([]);
  const [virtual, setVirtual] = useState([]);
  const [filter, setFilter] = useState({ provider: '', text: '', priced: false });
  const [editing, setEditing] = useState(null);
  const [notice, setNotice] = useState(null);
  const load = useAction();
  const remove = useAction();
  const refresh = () => load.run(async () => {
    const [p, m, v] = await Promise.all([all('/admin/v1/providers'), all('/admin/v1/models', 2000),
      all('/admin/v1/virtual-models')]);
    setProviders(p);
    setModels(m);
    setVirtual(v);
  });
  useEffect(() => { refresh(); }, []);
  const saved = (message) => { setEditing(null); setNotice(message); refresh(); };
  const doDelete = (v) => {
    if (!confirm(`Delete virtual model ${v.name}? Clients calling it are refused.`)) return;
    remove.run(async () => {
      const { etag } = await api('GET', `/admin/v1/virtual-models/${encodeURIComponent(v.name)}`);
      await api('DELETE', `/admin/v1/virtual-models/${encodeURIComponent(v.name)}`, { ifMatch: etag });
      saved(`Virtual model ${v.name} deleted.`);
    });
  };
  const text = filter.text.toLowerCase();
  const shown = models.filter((m) => (!filter.provider || m.providerId === filter.provider)
    && (!text || `${m.modelId} ${m.displayName || ''}`.toLowerCase().includes(text))
    && (!filter.priced || m.pricing?.inputPerMTok != null));

  return (
    <div>
      <ProblemBox error={load.error} />
      <ImportOpenRouter providers={providers} onImported={refresh} />
      <Table caption={`Providers (${providers.length})`} testid="providers" rows={providers} columns={[
        { label: 'Id', render: (p) => <code>{p.id}</code> },
        { label: 'Name', key: 'displayName' },
        { label: 'Base URL', key: 'baseUrl' },
        { label: 'Auth', key: 'authScheme' },
        { label: 'Status', render: (p) => <span class={`badge ${p.status}`}>{p.status}</span> },
        { label: 'Surfaces', render: (p) => (p.surfaces || []).join(', ') },
      ]} />
      <h2>Models</h2>
      <div class="row" role="search" aria-label="Filter models">
        <Field label="Provider" id="model-provider">
          <select id="model-provider" value={filter.provider} onChange={(e) => setFilter({ ...filter, provider: e.currentTarget.value })}>
            <option value="">all</option>
            {providers.map((p) => <option value={p.id}>{p.id}</option>)}
          </select>
        </Field>
        <Field label="Model contains" id="model-text" value={filter.text} onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })} />
        <label><input type="checkbox" checked={filter.priced} onChange={(e) => setFilter({ ...filter, priced: e.currentTarget.checked })} /> Priced only</label>
      </div>
      <Table caption={`Models (${shown.length} of ${models.length}); prices in USD per million tokens`} testid="models"
        rows={shown.slice(0, 300)} columns={[
          { label: 'Model', render: (m) => <code>{m.providerId}:{m.modelId}</code> },
          { label: 'Name', key: 'displayName' },
          { label: 'Context', key: 'contextLength' },
          { label: 'Input', render: (m) => price(m.pricing?.inputPerMTok) },
          { label: 'Output', render: (m) => price(m.pricing?.outputPerMTok) },
          { label: 'Cached input', render: (m) => price(m.pricing?.cachedInputPerMTok) },
          { label: 'Per request', render: (m) => price(m.pricing?.perRequest) },
          { label: 'Status', key: 'status' },
        ]} />
      <h2>Virtual models</h2>
      <VirtualModelForm editing={editing} onSaved={saved} onCancel={() => setEditing(null)} />
      <Notice>{notice}</Notice>
      <ProblemBox error={remove.error} />
      <Table caption={`Virtual models (${virtual.length})`} testid="virtual-models" rows={virtual} columns={[
        { label: 'Name', render: (v) => <code>{v.name}</code> },
        { label: 'Description', key: 'description' },
        { label: 'Targets, in order', render: (v) => <code>{(v.targets || []).join(' → ')}</code> },
        { label: 'Actions', render: (v) => (
          <span class="row">
            <button type="button" onClick={() => setEditing(v)} aria-label={`Edit ${v.name}`}>Edit</button>
            <button type="button" class="danger" onClick={() => doDelete(v)} aria-label={`Delete ${v.name}`}>Delete</button>
          </span>) },
      ]} />
    </div>
  );
}
