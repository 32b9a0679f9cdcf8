import { useEffect, useState } from 'preact/hooks';
import { get, when } from '../api.js';
import { ProblemBox, Table, useAction } from '../ui.jsx';

const SERVICES = ['key', 'config', 'catalog'];

export function Health() {
  const [health, setHealth] = useState(null);
  const [dead, setDead] = useState({});
  const load = useAction();
  const refresh = () => load.run(async () => {
    setHealth(await get('/console/v1/health'));
    const entries = await Promise.all(SERVICES.map((s) => get(`/admin/v1/services/${s}/outbox/dead-letters?limit=100`)
      .then((page) => [s, page.data || []]).catch(() => [s, null])));
    setDead(Object.fromEntries(entries));
  });
  useEffect(() => { refresh(); }, []);
  // each check with its data (snapshot age, projection positions and lag, outbox backlog) when it reports some
  const checks = (part) => ((part.checks || []).length === 0 ? '—' : (
    <ul class="checks">{part.checks.map((c) => (
      <li><span class={`badge ${c.status}`}>{c.status}</span> {c.name}
        {c.data && Object.keys(c.data).length > 0 && <small> {Object.entries(c.data).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ')}</small>}
      </li>))}
    </ul>));
  // the replica's change consumer: records not yet read, in total and per topic (from its aigw_sync_consumer_lag gauge)
  const lag = (p) => (p.consumerLag == null ? '—' : (
    <span data-testid={`lag-${p.name}`}><strong>{p.consumerLag.total}</strong>
      <small> {Object.entries(p.consumerLag.topics).map(([t, n]) => `${t}: ${n}`).join(', ')}</small></span>));
  const letters = SERVICES.flatMap((s) => (dead[s] || []).map((d) => ({ service: s, ...d })));
  return (
    <div>
      <button type="button" onClick={refresh} disabled={load.busy}>Refresh</button>
      <ProblemBox error={load.error} />
      {health && (
        <>
          <Table caption="Services" testid="services" rows={health.services} columns={[
            { label: 'Service', key: 'name' },
            { label: 'Readiness', render: (p) => <span class={`badge ${p.status}`}>{p.status}</span> },
            { label: 'Checks', render: checks },
            { label: 'Dead letters', render: (p) => (dead[p.name] == null ? '—' : dead[p.name].length) },
          ]} />
          <Table caption="Gateway replicas" testid="gateways" rows={health.gateways} columns={[
            { label: 'Replica', key: 'name' },
            { label: 'Readiness', render: (p) => <span class={`badge ${p.status}`}>{p.status}</span> },
            { label: 'Snapshot version', render: (p) => <code>{p.snapshotVersion || '—'}</code> },
            { label: 'Consumer lag (records)', render: lag },
            { label: 'Checks', render: checks },
          ]} />
        </>
      )}
      <Table caption={`Outbox dead letters (${letters.length})`} testid="dead-letters" rows={letters}
        empty="No dead letters." columns={[
          { label: 'Service', key: 'service' },
          { label: 'Seq', key: 'seq' },
          { label: 'Topic', key: 'topic' },
          { label: 'Key', render: (d) => <code>{d.key || '—'}</code> },
          { label: 'Attempts', key: 'attempts' },
          { label: 'Failed at', render: (d) => when(d.deadAt) },
          { label: 'Last error', key: 'lastError' },
        ]} />
    </div>
  );
}
