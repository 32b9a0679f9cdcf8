import { useEffect, useState } from 'preact/hooks';
import { all, api, when } from '../api.js';
import { Field, FormCard, Notice, ProblemBox, Table, errorAt, useAction } from '../ui.jsx';

function Rotate({ providerKey, onDone, onCancel }) {
  const action = useAction();
  const submit = (event) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('value');
    action.run(async () => {
      await api('POST', `/admin/v1/provider-keys/${providerKey.id}/rotate`, { body: { value } });
      onDone(`Provider key ${providerKey.name} rotated.`);
    });
  };
  return (
    <FormCard title={`Rotate ${providerKey.name}`} action={action} onSubmit={submit} submit="Rotate" onCancel={onCancel}>
      <Field label="New secret value" id="rotate-value" name="value" type="password" autocomplete="off" required
        error={errorAt(action.error, 'value')} />
    </FormCard>
  );
}

export function ProviderKeys() {
  const [keys, setKeys] = useState([]);
  const [providers, setProviders] = useState([]);
  const [rotating, setRotating] = useState(null);
  const [notice, setNotice] = useState(null);
  const load = useAction();
  const add = useAction();
  const remove = useAction();
  const refresh = () => load.run(async () => setKeys(await all('/admin/v1/provider-keys')));
  useEffect(() => {
    refresh();
    all('/admin/v1/providers').then(setProviders).catch(() => {});
  }, []);

  const submit = (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    add.run(async () => {
      await api('POST', '/admin/v1/provider-keys', { body: { providerId: form.get('providerId'), name: form.get('name'),
        value: form.get('value') } });
      target.reset();
      setNotice(`Provider key ${form.get('name')} added.`);
      refresh();
    });
  };
  const doDelete = (key) => {
    if (!confirm(`Delete provider key ${key.name}?`)) return;
    remove.run(async () => {
      await api('DELETE', `/admin/v1/provider-keys/${key.id}`);
      setNotice(`Provider key ${key.name} deleted.`);
      refresh();
    });
  };

  return (
    <div>
      <FormCard title="Add a provider key" action={add} onSubmit={submit} submit="Add">
        <Field label="Provider" id="pk-provider" error={errorAt(add.error, 'providerId')}>
          <select id="pk-provider" name="providerId" required>
            {providers.map((p) => <option value={p.id}>{p.displayName || p.id}</option>)}
          </select>
        </Field>
        <Field label="Name" id="pk-name" name="name" required error={errorAt(add.error, 'name')} />
        <Field label="Secret value" id="pk-value" name="value" type="password" autocomplete="off" required
          error={errorAt(add.error, 'value')} />
      </FormCard>
      {rotating && <Rotate providerKey={rotating} onCancel={() => setRotating(null)}
        onDone={(m) => { setRotating(null); setNotice(m); refresh(); }} />}
      <Notice>{notice}</Notice>
      <ProblemBox error={remove.error || load.error} />
      <Table caption={`Provider keys (${keys.length})`} testid="provider-keys" rows={keys} columns={[
        { label: 'Name', key: 'name' },
        { label: 'Id', render: (k) => <code>{k.id}</code> },
        { label: 'Provider', key: 'providerId' },
        { label: 'Value', render: (k) => <code>{k.redacted}</code> },
        { label: 'Status', render: (k) => <span class={`badge ${k.status}`}>{k.status}</span> },
        { label: 'Updated', render: (k) => when(k.updatedAt) },
        { label: 'Actions', render: (k) => (
          <span class="row">
            <button type="button" onClick={() => setRotating(k)} aria-label={`Rotate ${k.name}`}>Rotate</button>
            <button type="button" class="danger" onClick={() => doDelete(k)} aria-label={`Delete ${k.name}`}>Delete</button>
          </span>) },
      ]} />
    </div>
  );
}
