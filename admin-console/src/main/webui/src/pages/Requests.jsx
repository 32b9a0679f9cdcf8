import { useState } from 'preact/hooks';
import { get, money, when } from '../api.js';
import { Field, FormCard, Table, useAction } from '../ui.jsx';

/**
 * The candidates the request left out, each once: the gateway lists them on the attempts they preceded (the last
 * attempt also those after it), so the same one can appear on several.
 */
function leftOut(attempts) {
  const seen = new Map();
  for (const s of attempts.flatMap((a) => a.skipped || [])) {
    const key = `${s.model}|${s.providerKeyId || ''}|${s.reason}`;
    if (!seen.has(key)) seen.set(key, s);
  }
  return [...seen.values()];
}

export function Requests() {
  const [trace, setTrace] = useState(null);
  const action = useAction();
  const submit = (event) => {
    event.preventDefault();
    const id = new FormData(event.currentTarget).get('requestId').trim();
    action.run(async () => {
      setTrace(null);
      setTrace(await get(`/admin/v1/usage/requests/${encodeURIComponent(id)}`));
    });
  };
  const attempts = trace?.attempts || [];
  const auto = attempts.find((a) => a.auto)?.auto; // on the first attempt of an aigw/auto request
  const skipped = leftOut(attempts);
  return (
    <div>
      <FormCard label="Look up a request" role="search" action={action} onSubmit={submit} submit="Look up">
        <Field label="Request id (the X-AIGW-Request-Id answer header)" id="request-id" name="requestId" required />
      </FormCard>
      {trace && auto && (
        <p class="hint" data-testid="auto-choice"><strong>aigw/auto chose:</strong> {auto}</p>
      )}
      {trace && (
        <Table caption={`Request ${trace.requestId}: ${attempts.length} attempt${attempts.length === 1 ? '' : 's'}`}
          testid="attempts" rows={attempts} columns={[
            { label: '#', key: 'attempt' },
            { label: 'Model', render: (a) => <code>{a.providerId}:{a.modelId}</code> },
            { label: 'Provider key', render: (a) => <code>{a.providerKeyId || '—'}</code> },
            { label: 'Status', key: 'status' },
            { label: 'Outcome (failover action)', key: 'outcome' },
            { label: 'Final', render: (a) => (a.final ? 'yes' : 'no') },
            { label: 'Latency', render: (a) => (a.latencyMs == null ? '—' : `${a.latencyMs} ms`) },
            { label: 'Tokens in/out', render: (a) => `${a.tokens?.input ?? a.tokens?.inputTokens ?? '—'} / ${a.tokens?.output ?? a.tokens?.outputTokens ?? '—'}` },
            { label: 'Cost', render: (a) => money(a.costUsd) },
            { label: 'Access key', key: 'accessKeyId' },
            { label: 'Trace id', render: (a) => <code>{a.traceId || '—'}</code> },
            { label: 'At', render: (a) => when(a.occurredAt) },
          ]} />
      )}
      {trace && skipped.length > 0 && (
        <Table caption={`Left out: ${skipped.length} candidate${skipped.length === 1 ? '' : 's'} not tried`} testid="skipped"
          rows={skipped} columns={[
            { label: 'Model', render: (s) => <code>{s.model}</code> },
            { label: 'Provider key', render: (s) => <code>{s.providerKeyId || '—'}</code> },
            { label: 'Reason', render: (s) => <code>{s.reason}</code> },
            { label: 'Why', key: 'detail' },
          ]} />
      )}
    </div>
  );
}
