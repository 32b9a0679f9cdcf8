import { useState } from 'preact/hooks';

/** A problem+json answer, readable: title, detail, and each field error with where it is. */
export function ProblemBox({ error, id }) {
  if (!error) return null;
  const p = error.problem || {};
  return (
    <div class="problem" role="alert" id={id} data-testid="problem">
      <strong>{p.title || 'Error'}{error.status ? ` (${error.status})` : ''}</strong>
      {p.detail && <p>{p.detail}</p>}
      {error.errors?.length > 0 && (
        <ul>{error.errors.map((e) => <li>{e.pointer || e.parameter ? <code>{e.pointer || e.parameter}</code> : null} {e.detail || e.message}</li>)}</ul>
      )}
    </div>
  );
}

export function Notice({ children }) {
  return children ? <div class="notice" role="status">{children}</div> : null;
}

/** A labelled input; `error` is shown under it and tied to it for screen readers. */
export function Field({ label, id, error, hint, children, ...input }) {
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children || <input id={id} aria-invalid={error ? 'true' : undefined} aria-describedby={described} {...input} />}
      {hint && !error && <small id={`${id}-hint`}>{hint}</small>}
      {error && <small class="field-error" id={`${id}-error`} data-testid={`error-${id}`}>{error}</small>}
    </div>
  );
}

export function CopyButton({ text, label = 'Copy' }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return <button type="button" onClick={copy}>{copied ? 'Copied' : label}</button>;
}

export function Table({ caption, columns, rows, empty = 'Nothing here yet.', testid }) {
  return (
    <table data-testid={testid}>
      <caption>{caption}</caption>
      <thead><tr>{columns.map((c) => <th scope="col">{c.label}</th>)}</tr></thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={columns.length}>{empty}</td></tr>}
        {rows.map((row) => <tr>{columns.map((c) => <td>{c.render ? c.render(row) : row[c.key] ?? '—'}</td>)}</tr>)}
      </tbody>
    </table>
  );
}

/** Runs an async action, keeping its error and a busy flag. */
export function useAction() {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const run = async (action) => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/** The detail of the server's error at the JSON pointer `/{name}`, if any. */
export const errorAt = (error, name) => error?.errors?.find((e) => e.pointer === `/${name}`)?.detail;

/**
 * The console's form block: a titled card whose fields sit in one row, with its submit (and optional cancel) button
 * and the server's problem under it. `action` is a useAction(): its busy flag disables the submit button.
 */
export function FormCard({ label, title, role, action, onSubmit, submit, onCancel, children, after }) {
  return (
    <form class="card" role={role} onSubmit={onSubmit} aria-label={label || title}>
      {title && <h2>{title}</h2>}
      <div class="row">
        {children}
        <button type="submit" disabled={action.busy}>{submit}</button>
        {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
      </div>
      <ProblemBox error={action.error} />
      {after}
    </form>
  );
}
