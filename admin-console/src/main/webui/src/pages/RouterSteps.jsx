import { Field } from '../ui.jsx';

// The routing rules of a configuration as a step form: a rule per provider or per model, each with its steps in order.
// keys: provider keys tried by a strategy (weights with "weighted"); fallback: models tried in order; balance: models
// spread by weight, the others following as failover.
const STRATEGIES = ['ordered', 'weighted', 'round-robin', 'least-busy'];
const STEP_TYPES = [['keys', 'Keys'], ['fallback', 'Fallback models'], ['balance', 'Balance across models']];

const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** "a=2, b=1" ⇄ {a: 2, b: 1}; a weight that is not a whole number is sent as written, for the server to refuse. */
const weightsToText = (weights) => Object.entries(weights || {}).map(([k, v]) => `${k}=${v}`).join(', ');
function textToWeights(text) {
  const entries = list(text).map((pair) => {
    const at = pair.lastIndexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at).trim();
    const raw = at < 0 ? '' : pair.slice(at + 1).trim();
    return [name, /^-?\d+$/.test(raw) ? Number(raw) : raw];
  });
  return entries.length ? Object.fromEntries(entries) : null;
}

/** The form's state of `router` (rules with their steps; list fields as comma-separated text). */
export function rulesToForm(router) {
  return (router?.rules || []).map((rule) => ({
    target: rule.model != null ? 'model' : 'provider',
    name: rule.model ?? rule.provider ?? '',
    steps: (rule.steps || []).map((step) => ({
      type: step.type || 'keys', keys: (step.keys || []).join(', '), models: (step.models || []).join(', '),
      strategy: step.strategy || '', weights: weightsToText(step.weights),
    })),
  }));
}

/** `router` of the form's rules. */
export function formToRules(rules) {
  return {
    rules: rules.map((rule) => ({
      [rule.target]: rule.name.trim(),
      steps: rule.steps.map((step) => {
        if (step.type === 'keys') {
          const out = { type: 'keys', keys: list(step.keys) };
          if (step.strategy) out.strategy = step.strategy;
          if (step.strategy === 'weighted' && textToWeights(step.weights)) out.weights = textToWeights(step.weights);
          return out;
        }
        const out = { type: step.type, models: list(step.models) };
        if (step.type === 'balance' && textToWeights(step.weights)) out.weights = textToWeights(step.weights);
        return out;
      }),
    })),
  };
}

/** The JSON pointers of the rules' fields, for placing the server's errors. */
export function rulePointers(rules) {
  return rules.flatMap((rule, i) => [`/router/rules/${i}`, `/router/rules/${i}/${rule.target}`,
    ...rule.steps.flatMap((_, j) => ['', '/type', '/keys', '/models', '/strategy', '/weights']
      .map((f) => `/router/rules/${i}/steps/${j}${f}`))]);
}

const NEW_STEP = { type: 'keys', keys: '', models: '', strategy: '', weights: '' };

/**
 * The step form. `onChange(update)` takes a function from the current rules to the next (a functional state update:
 * two fields of one rule edited before the next render both stay); `at(pointer)` is the error to show at a field;
 * `providerKeys` feeds the key suggestions.
 */
export function RouterSteps({ rules, onChange, at, providerKeys = [] }) {
  // every setter applies its change to the rules as they are when it runs, never to the rendered ones
  const updateRule = (i, change) => onChange((current) => current.map((r, n) => (n === i ? change(r) : r)));
  const setRule = (i, fields) => updateRule(i, (r) => ({ ...r, ...fields }));
  const updateStep = (i, j, change) => updateRule(i, (r) => ({ ...r, steps: r.steps.map((s, n) => (n === j ? change(s) : s)) }));
  const value = (e) => e.currentTarget.value;
  return (
    <div data-testid="router-steps">
      <datalist id="provider-key-ids">{providerKeys.map((k) => <option value={k.id}>{k.name} ({k.providerId})</option>)}</datalist>
      {rules.length === 0 && <p class="hint">No rules: each model is served by its provider's keys in order.</p>}
      {rules.map((rule, i) => {
        const id = `rule-${i}`;
        return (
          <fieldset class="card rule" data-testid={id}>
            <legend>Rule {i + 1}</legend>
            {at(`/router/rules/${i}`) && <p class="field-error" data-testid={`error-${id}`}>{at(`/router/rules/${i}`)}</p>}
            <div class="row">
              <Field label="Applies to" id={`${id}-target`}>
                <select id={`${id}-target`} value={rule.target} onChange={(e) => setRule(i, { target: value(e) })}>
                  <option value="provider">a provider</option>
                  <option value="model">a model</option>
                </select>
              </Field>
              <Field label={rule.target === 'model' ? 'Model (provider:model)' : 'Provider id'} id={`${id}-name`} value={rule.name}
                error={at(`/router/rules/${i}/${rule.target}`)} onInput={(e) => setRule(i, { name: value(e) })} />
              <button type="button" class="danger" onClick={() => onChange((current) => current.filter((_, n) => n !== i))}
                aria-label={`Remove rule ${i + 1}`}>Remove rule</button>
            </div>
            <ol class="steps">
              {rule.steps.map((step, j) => {
                const sid = `${id}-step-${j}`;
                const p = `/router/rules/${i}/steps/${j}`;
                const set = (key) => (e) => { const v = value(e); updateStep(i, j, (s) => ({ ...s, [key]: v })); };
                return (
                  <li class="row" data-testid={sid}>
                    <Field label={`Step ${j + 1}`} id={`${sid}-type`} error={at(p) || at(`${p}/type`)}>
                      <select id={`${sid}-type`} value={step.type} onChange={set('type')}>
                        {STEP_TYPES.map(([t, label]) => <option value={t}>{label}</option>)}
                      </select>
                    </Field>
                    {step.type === 'keys' ? (
                      <>
                        <Field label="Provider keys (pk_… ids, comma-separated)" id={`${sid}-keys`} value={step.keys}
                          list="provider-key-ids" size={40} error={at(`${p}/keys`)} onInput={set('keys')} />
                        <Field label="Strategy" id={`${sid}-strategy`} error={at(`${p}/strategy`)}>
                          <select id={`${sid}-strategy`} value={step.strategy} onChange={set('strategy')}>
                            <option value="">ordered (default)</option>
                            {STRATEGIES.slice(1).map((s) => <option value={s}>{s}</option>)}
                          </select>
                        </Field>
                      </>
                    ) : (
                      <Field label="Models (provider:model, comma-separated)" id={`${sid}-models`} value={step.models} size={40}
                        error={at(`${p}/models`)} onInput={set('models')} />
                    )}
                    {(step.type === 'balance' || step.strategy === 'weighted') && (
                      <Field label={`Weights (${step.type === 'balance' ? 'model' : 'key'}=weight, comma-separated)`}
                        id={`${sid}-weights`} value={step.weights} error={at(`${p}/weights`)} onInput={set('weights')} />
                    )}
                    <button type="button" onClick={() => updateRule(i, (r) => ({ ...r, steps: r.steps.filter((_, n) => n !== j) }))}
                      aria-label={`Remove step ${j + 1} of rule ${i + 1}`}>Remove step</button>
                  </li>
                );
              })}
            </ol>
            <button type="button" onClick={() => updateRule(i, (r) => ({ ...r, steps: [...r.steps, { ...NEW_STEP }] }))}
              aria-label={`Add a step to rule ${i + 1}`}>Add step</button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange((current) => [...current, { target: 'provider', name: '', steps: [{ ...NEW_STEP }] }])}>
        Add routing rule</button>
    </div>
  );
}
