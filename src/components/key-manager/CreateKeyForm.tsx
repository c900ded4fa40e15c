/**
 * The create-key form: name, environment, permissions (full access, a template, or scopes by
 * group; nothing to choose where keys act with the account's role or are full-access only), expiry and IP allowlist as
 * the model's key policy allows. Problems are shown next to their field and the first one is
 * focused; what the sandbox refuses is shown the same way.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ApiKeyCreateParams } from '../../sdk/index.ts';
import { formatDuration } from '../../api/runtime/durations.ts';
import FormField, { SelectField } from '../widgets/FormField.tsx';
import Heading, { type HeadingLevel } from '../widgets/Heading.tsx';
import type { KeyManagerData } from '../widgets/widget-data.ts';
import { keyNameAdvice } from '../../api/key-name-advice.ts';
import { keyNameProblem } from '../../api/runtime/key-name.ts';
import { parseAllowlist } from './key-input.ts';

interface Props {
  data: KeyManagerData;
  level: HeadingLevel;
  /** The sandbox's view of the caller's IP address, once known. */
  clientIp: string | null;
  /** Creates the key; resolves to a problem to show (the sandbox refused the input), or null. */
  onCreate: (body: ApiKeyCreateParams) => Promise<{ field: Field; message: string } | null>;
}

export type Field = 'name' | 'scopes' | 'ip' | 'form';
type Access = { kind: 'full' } | { kind: 'template'; id: string } | { kind: 'custom' };

function initialAccess(access: KeyManagerData['defaultAccess']): Access {
  if (access.kind === 'template') return { kind: 'template', id: access.id };
  if (access.kind === 'scopes') return { kind: 'custom' };
  return { kind: 'full' };
}

/** The name a key gets when the reader leaves it empty: what it may do, and where. */
function defaultName(access: Access, data: KeyManagerData, environment: 'test' | 'live'): string {
  const what =
    data.fullAccessNote !== null
      ? 'Full access'
      : data.role !== null
        ? `${data.role.name} role`
        : access.kind === 'template'
          ? (data.templates.find((t) => t.id === access.id)?.name ?? 'Template')
          : access.kind === 'custom'
            ? 'Chosen scopes'
            : 'Full access';
  const where = data.environments.find((env) => env.id === environment)?.name ?? environment;
  return `${what} (${where})`.slice(0, data.keyPolicy.nameMaxLength);
}

const expiryLabel = (days: number | null) => (days === null ? 'Never' : formatDuration(days * 86_400));

export default function CreateKeyForm({ data, level, clientIp, onCreate }: Props) {
  const policy = data.keyPolicy;
  const perKey = data.role === null;
  // Scopes to choose: keys carry their own, and there are some besides full access.
  const choosing = perKey && data.fullAccessNote === null;
  const [name, setName] = useState('');
  const [environment, setEnvironment] = useState<'test' | 'live'>('test');
  // Least privilege by default: the narrowest access the model offers, full access one explicit choice away.
  const [access, setAccess] = useState<Access>(() => initialAccess(data.defaultAccess));
  const [scopes, setScopes] = useState<string[]>(() => (data.defaultAccess.kind === 'scopes' ? data.defaultAccess.scopes : []));
  const [expiry, setExpiry] = useState<string>(String(policy.expiryDays.includes(null) ? null : policy.expiryDays[0]));
  const [ip, setIp] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const refs = { name: useRef<HTMLInputElement>(null), scopes: useRef<HTMLFieldSetElement>(null), ip: useRef<HTMLTextAreaElement>(null) };
  const id = useId();
  const advice = keyNameAdvice(name, environment);

  const groups = [...new Set(data.scopes.filter((s) => !s.grantsAll).map((s) => s.group))];
  const full = data.scopes.find((s) => s.grantsAll)!;
  const fallbackName = defaultName(access, data, environment);

  const focusField = (field: Field) => {
    if (field === 'scopes') refs.scopes.current?.querySelector('input')?.focus();
    else if (field !== 'form') refs[field].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    // An empty name is not a mistake: the key is named after its access and environment.
    const chosenName = name.trim() ? name : fallbackName;
    const nameError = keyNameProblem(chosenName, policy.nameMaxLength);
    if (nameError) found.name = nameError;
    if (choosing && access.kind === 'custom' && scopes.length === 0)
      found.scopes = 'Choose at least one scope, or choose full access or a template.';
    const allowlist = policy.ipAllowlist ? parseAllowlist(ip) : { entries: [], problem: null };
    if (allowlist.problem) found.ip = allowlist.problem;
    setErrors(found);
    const first = (['name', 'scopes', 'ip'] as const).find((field) => found[field]);
    if (first) {
      focusField(first);
      return;
    }
    const body: ApiKeyCreateParams = { name: chosenName.trim(), environment };
    // A full-access-only API's keys get full access when no scopes are sent.
    if (choosing && access.kind === 'template') body.template = access.id;
    if (choosing && access.kind === 'custom') body.scopes = scopes;
    if (policy.expiryDays.length > 1) body.expires_in_days = expiry === 'null' ? null : Number(expiry);
    if (allowlist.entries.length) body.ip_allowlist = allowlist.entries;
    setBusy(true);
    try {
      const problem = await onCreate(body);
      if (problem) {
        setErrors({ [problem.field]: problem.message });
        focusField(problem.field);
      } else {
        setName('');
        setIp('');
      }
    } finally {
      setBusy(false);
    }
  };

  const described = (field: Field, hint?: string) =>
    [errors[field] ? `${id}-${field}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="kp-field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form className="kp-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Create a key
      </Heading>

      <FormField
        id={`${id}-name`}
        label="Key name"
        hint={
          <>
            Say where it runs and what it does, e.g. “Production backend”. Up to {policy.nameMaxLength} characters. Left empty, the key is
            named “{fallbackName}”.
          </>
        }
        error={errors.name}
        after={
          /* Advice only: never blocks creating the key. Always rendered so the live region is announced. */
          <p className="kp-hint kp-name-advice" aria-live="polite">
            {advice && (
              <>
                {advice.reason} Try naming it by environment and purpose, e.g. “{advice.suggestion}”.
              </>
            )}
          </p>
        }
      >
        <input
          ref={refs.name}
          id={`${id}-name`}
          className="kp-input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={described('name', `${id}-name-hint`)}
          placeholder={fallbackName}
          autoComplete="off"
        />
      </FormField>

      <fieldset className="kp-fieldset">
        <legend className="kp-label">Environment</legend>
        {[...data.environments]
          .sort((a, b) => Number(b.id === 'test') - Number(a.id === 'test'))
          .map((env) => (
            <label key={env.id} className="kp-choice">
              <input
                type="radio"
                name={`${id}-env`}
                value={env.id}
                checked={environment === env.id}
                onChange={() => setEnvironment(env.id)}
              />
              <span>
                {env.name} ({env.id}) <span className="kp-mono kp-muted">{env.keyPrefix}…</span>
              </span>
            </label>
          ))}
        <p className="kp-hint">Both environments are simulated here; nothing real happens with either key.</p>
      </fieldset>

      {data.fullAccessNote ? (
        <div className="kp-field">
          <p className="kp-label">Permissions</p>
          <p className="kp-hint">
            {data.fullAccessNote.summary} See <a href="/scopes/">how to limit what a leaked key can do</a>.
          </p>
        </div>
      ) : perKey ? (
        <fieldset className="kp-fieldset" ref={refs.scopes} aria-describedby={described('scopes')}>
          <legend className="kp-label">Permissions</legend>
          {/* Narrowest first; full access last, as its own explicit choice. */}
          {data.templates.map((template) => (
            <label key={template.id} className="kp-choice">
              <input
                type="radio"
                name={`${id}-access`}
                checked={access.kind === 'template' && access.id === template.id}
                onChange={() => setAccess({ kind: 'template', id: template.id })}
              />
              <span>
                {template.name}
                <span className="kp-hint kp-block">
                  {template.description} Scopes: {template.scopes.join(', ')}.
                </span>
              </span>
            </label>
          ))}
          <label className="kp-choice">
            <input type="radio" name={`${id}-access`} checked={access.kind === 'custom'} onChange={() => setAccess({ kind: 'custom' })} />
            <span>Choose scopes</span>
          </label>
          {access.kind === 'custom' && (
            <div className="kp-scope-groups">
              {groups.map((group) => (
                <fieldset key={group} className="kp-fieldset kp-fieldset--inner">
                  <legend>{group}</legend>
                  {data.scopes
                    .filter((scope) => scope.group === group && !scope.grantsAll)
                    .map((scope) => (
                      <label key={scope.id} className="kp-choice">
                        <input
                          type="checkbox"
                          checked={scopes.includes(scope.id)}
                          onChange={(event) =>
                            setScopes((list) => (event.target.checked ? [...list, scope.id] : list.filter((s) => s !== scope.id)))
                          }
                        />
                        <span>
                          <span className="kp-scope">{scope.id}</span> <span className="kp-muted">{scope.description}</span>
                        </span>
                      </label>
                    ))}
                </fieldset>
              ))}
            </div>
          )}
          <label className="kp-choice">
            <input type="radio" name={`${id}-access`} checked={access.kind === 'full'} onChange={() => setAccess({ kind: 'full' })} />
            <span>
              Full access <span className="kp-scope">{full.id}</span>
              <span className="kp-hint kp-block">
                {full.description}. Whoever holds a leaked full-access key can do anything the account can: choose it only when nothing
                narrower works.
              </span>
            </span>
          </label>
          {fieldError('scopes')}
        </fieldset>
      ) : (
        <div className="kp-field">
          <p className="kp-label">Permissions</p>
          <p className="kp-hint">
            Keys of this API inherit the account’s role ({data.role!.name}: {data.role!.scopes.join(', ')}); there are no scopes to choose.
            Changing the account’s role changes what every key may do.
          </p>
        </div>
      )}

      {policy.expiryDays.length > 1 ? (
        <SelectField
          id={`${id}-expiry`}
          label="Expires after"
          className="kp-input kp-input--auto"
          value={expiry}
          options={policy.expiryDays.map((days) => ({ value: String(days), label: expiryLabel(days) }))}
          onChange={setExpiry}
        />
      ) : (
        <p className="kp-hint">
          {policy.expiryDays[0] === null
            ? 'Keys of this API do not expire on their own; roll them on a schedule instead.'
            : `Keys of this API expire after ${expiryLabel(policy.expiryDays[0]!)}.`}
        </p>
      )}

      {policy.ipAllowlist && (
        <FormField
          id={`${id}-ip`}
          label="IP allowlist (optional)"
          hint={
            <>
              One address or IPv4 range per line; empty allows every address.
              {clientIp && ` The sandbox sees your requests coming from ${clientIp}.`}
            </>
          }
          error={errors.ip}
        >
          <textarea
            ref={refs.ip}
            id={`${id}-ip`}
            className="kp-input kp-mono"
            rows={2}
            value={ip}
            onChange={(event) => setIp(event.target.value)}
            aria-invalid={errors.ip ? true : undefined}
            aria-describedby={described('ip', `${id}-ip-hint`)}
            spellCheck={false}
          />
        </FormField>
      )}

      {fieldError('form')}
      <div className="kp-actions">
        {/* aria-disabled rather than disabled: a disabled button drops focus, which the key dialog returns to. */}
        <button type="submit" className="kp-button kp-button--primary" aria-disabled={busy || undefined}>
          {busy ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}
