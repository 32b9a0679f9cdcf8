import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { all, get, money } from '../api.js';
import { Field, ProblemBox, Table, useAction } from '../ui.jsx';

const COLORS = ['#0b5cad', '#fca311', '#2e7d32', '#c62828', '#6a1b9a', '#00838f', '#5d4037'];
const DAY = 86_400_000;
const startOfDay = (t) => new Date(Math.floor(t / DAY) * DAY);

/** Daily buckets as uPlot columns: one x per day of the range, one series per group (top six by spend, then "other"). */
export function series(buckets, days, value) {
  const first = startOfDay(Date.now() - (days - 1) * DAY).getTime();
  const xs = Array.from({ length: days }, (_, i) => (first + i * DAY) / 1000);
  const totals = {};
  buckets.forEach((b) => { totals[b.key] = (totals[b.key] || 0) + Number(b.costUsd) + (b.inputTokens + b.outputTokens) / 1e9; });
  const top = Object.keys(totals).sort((a, b) => totals[b] - totals[a]).slice(0, 6);
  const names = top.length < Object.keys(totals).length ? [...top, 'other'] : top;
  const columns = names.map(() => xs.map(() => 0));
  buckets.forEach((b) => {
    const i = Math.round((Date.parse(`${b.day}T00:00:00Z`) - first) / DAY);
    const s = top.includes(b.key) ? top.indexOf(b.key) : names.length - 1;
    if (i >= 0 && i < days && s >= 0) columns[s][i] += value(b);
  });
  return { names, data: [xs, ...columns] };
}

function Chart({ title, names, data, unit, testid }) {
  const box = useRef(null);
  useEffect(() => {
    if (!box.current) return undefined;
    const width = Math.max(320, box.current.clientWidth - 16);
    const plot = new uPlot({
      title, width, height: 260,
      series: [{}, ...names.map((name, i) => ({ label: name || '(none)', stroke: COLORS[i % COLORS.length], width: 2,
        points: { show: true, size: 6 }, value: (u, v) => (v == null ? '—' : unit === '$' ? money(v) : `${v}`) }))],
      axes: [{}, { values: (u, ticks) => ticks.map((t) => (unit === '$' ? `$${t}` : t)), size: 70 }],
      // the range asked for, half a day either side: a single day would otherwise stretch over years
      scales: { x: { time: true, range: () => [data[0][0] - 43_200, data[0][data[0].length - 1] + 43_200] } },
    }, data, box.current);
    return () => plot.destroy();
  }, [names.join('|'), JSON.stringify(data)]);
  return <figure class="chart" data-testid={testid} aria-label={title} ref={box} />;
}

function BudgetUse({ keys, configs, today, month }) {
  const byConfig = Object.fromEntries(configs.map((c) => [c.id, c]));
  const spend = (buckets, id) => buckets.filter((b) => b.key === id).reduce((s, b) => s + Number(b.costUsd), 0);
  const rows = [];
  keys.forEach((k) => {
    const limits = byConfig[k.configurationId]?.limits || {};
    [['daily', limits.dailyBudgetUsd, spend(today, k.id)], ['monthly', limits.monthlyBudgetUsd, spend(month, k.id)]]
      .forEach(([period, budget, used]) => { if (budget != null) rows.push({ key: k, period, budget, used }); });
  });
  return (
    <Table caption="Budget use (per key, this UTC day and month)" testid="budgets" rows={rows}
      empty="No key has a daily or monthly budget." columns={[
        { label: 'Access key', render: (r) => `${r.key.name} (${r.key.id})` },
        { label: 'Budget', render: (r) => `${money(r.budget)} ${r.period}` },
        { label: 'Spent', render: (r) => money(r.used) },
        { label: 'Use', render: (r) => {
          const share = r.budget > 0 ? r.used / r.budget : 1;
          return (<span><span class={`bar${share >= 1 ? ' over' : ''}`} role="img" aria-label={`${Math.round(share * 100)} % used`}>
            <span style={{ width: `${Math.min(100, share * 100)}%` }} /></span> {Math.round(share * 100)} %</span>);
        } },
      ]} />
  );
}

export function Usage() {
  const [days, setDays] = useState(7);
  const [groupBy, setGroupBy] = useState('model');
  const [overview, setOverview] = useState(null);
  const [byKey, setByKey] = useState(null);
  const [budget, setBudget] = useState({ keys: [], configs: [], today: [], month: [] });
  const load = useAction();
  const latest = useRef(0);
  useEffect(() => {
    const ask = ++latest.current;
    setOverview(null);
    load.run(async () => {
      const from = startOfDay(Date.now() - (days - 1) * DAY).toISOString();
      const [o, k] = await Promise.all([get(`/admin/v1/usage/overview?from=${from}&groupBy=${groupBy}`),
        get(`/admin/v1/usage/overview?from=${from}&groupBy=accessKey`)]);
      if (ask !== latest.current) return; // a newer range or grouping was asked for meanwhile
      setOverview(o);
      setByKey(k);
      // budget use: today's spend comes from the per-key buckets above; the month's is asked only when a budget needs it
      // (the overview is a scan of the usage ledger)
      const [keys, configs] = await Promise.all([all('/admin/v1/access-keys?status=active'), all('/admin/v1/configurations')]);
      const today = startOfDay(Date.now()).toISOString().slice(0, 10);
      const monthly = configs.some((c) => c.limits?.monthlyBudgetUsd != null);
      const monthStart = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)).toISOString();
      const month = monthly ? (await get(`/admin/v1/usage/overview?from=${monthStart}&groupBy=accessKey`)).data : [];
      if (ask !== latest.current) return;
      setBudget({ keys, configs, today: k.data.filter((b) => b.day === today), month });
    });
  }, [days, groupBy]);

  const spend = overview && series(overview.data, days, (b) => Number(b.costUsd));
  const tokens = overview && series(overview.data, days, (b) => b.inputTokens + b.outputTokens);
  const topKeys = byKey ? Object.values(byKey.data.reduce((acc, b) => {
    const row = acc[b.key] || (acc[b.key] = { key: b.key, requests: 0, tokens: 0, cost: 0 });
    row.requests += b.requests; row.tokens += b.inputTokens + b.outputTokens; row.cost += Number(b.costUsd);
    return acc;
  }, {})).sort((a, b) => b.cost - a.cost).slice(0, 10) : [];

  return (
    <div>
      <div class="row">
        <Field label="Range" id="usage-days">
          <select id="usage-days" value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            <option value="1">today</option><option value="7">last 7 days</option><option value="30">last 30 days</option>
            <option value="90">last 90 days</option>
          </select>
        </Field>
        <Field label="Group by" id="usage-group">
          <select id="usage-group" value={groupBy} onChange={(e) => setGroupBy(e.currentTarget.value)}>
            <option value="model">model</option><option value="provider">provider</option>
            <option value="accessKey">access key</option><option value="configuration">configuration</option>
          </select>
        </Field>
      </div>
      <ProblemBox error={load.error} />
      {!overview && !load.error && <p role="status" data-testid="usage-loading">Loading usage…</p>}
      {overview && (
        <>
          <p data-testid="usage-totals">
            Total: <strong data-testid="usage-total-cost">{money(overview.totals.costUsd)}</strong> over
            {' '}{overview.totals.requests} requests ({overview.totals.attempts} attempts),
            {' '}{overview.totals.inputTokens} input and {overview.totals.outputTokens} output tokens.
          </p>
          <Chart title={`Spend per day by ${groupBy} (USD)`} names={spend.names} data={spend.data} unit="$" testid="spend-chart" />
          <Chart title={`Tokens per day by ${groupBy}`} names={tokens.names} data={tokens.data} unit="" testid="tokens-chart" />
        </>
      )}
      <Table caption="Top access keys by spend" testid="top-keys" rows={topKeys} columns={[
        { label: 'Access key', key: 'key' },
        { label: 'Requests', key: 'requests' },
        { label: 'Tokens', key: 'tokens' },
        { label: 'Spend', render: (r) => money(r.cost) },
      ]} />
      <BudgetUse {...budget} />
    </div>
  );
}
