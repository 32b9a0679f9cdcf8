import { useEffect, useState } from 'preact/hooks';
import { all, api } from '../api.js';
import { Field, Notice, ProblemBox, Table, useAction } from '../ui.jsx';

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
    <form class="card" onSubmit={submit} aria-label="Import OpenRouter models">
      <h2>Import models from OpenRouter</h2>
      <p class="hint">A file with OpenRouter's <code>/api/v1/models</code> document: models and prices are created or updated.</p>
      <div class="row">
        <Field label="Into provider" id="import-provider">
          <select id="import-provider" name="provider">
            {providers.map((p) => <option value={p.id} selected={p.id === 'openrouter'}>{p.id}</option>)}
          </select>
        </Field>
        <Field label="Models file (JSON)" id="import-file" name="file" type="file" accept="application/json,.json" required />
        <button type="submit" disabled={action.busy}>Import</button>
      </div>
      <ProblemBox error={action.error} />
      {result && <Notice><span data-testid="import-result">Imported {result.total} models into {result.providerId}: {result.created} created,
        {' '}{result.updated} updated, {result.unchanged} unchanged.</span></Notice>}
    </form>
  );
}

export function Catalog() {
  const [providers, setProviders] = useState([]);
  const [models, setModels] = useState([]);
  const [virtual, setVirtual] = useState([]);
  const [filter, setFilter] = useState({ provider: '', text: '', priced: false });
  const load = useAction();
  const refresh = () => load.run(async () => {
    const [p, m, v] = await Promise.all([all('/admin/v1/providers'), all('/admin/v1/models', 2000),
      all('/admin/v1/virtual-models')]);
    setProviders(p);
    setModels(m);
    setVirtual(v);
  });
  useEffect(() => { refresh(); }, []);
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
      <Table caption={`Virtual models (${virtual.length})`} testid="virtual-models" rows={virtual} columns={[
        { label: 'Name', render: (v) => <code>{v.name}</code> },
        { label: 'Definition', render: (v) => <code>{JSON.stringify(Object.fromEntries(Object.entries(v)
          .filter(([k]) => !['name', 'version', 'createdAt', 'updatedAt'].includes(k))))}</code> },
      ]} />
    </div>
  );
}
