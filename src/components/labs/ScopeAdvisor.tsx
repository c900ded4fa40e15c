/**
 * The scope advisor: choose what an integration must do (endpoints, grouped by tag) and get the
 * smallest set of scopes that allows it, then create a sandbox key with exactly those (revealed
 * once, kept in this browser's wallet) and try it; or choose scopes and see which endpoints they
 * allow and deny. Where keys act with the account's role, it explains roles instead.
 */
import '../../styles/widgets.css';
import './labs.css';
import { useId, useRef, useState, type FormEvent } from 'react';
import RevealKeyDialog, { type RevealedKey } from '../key-manager/RevealKeyDialog.tsx';
import ResponseView from '../try-it/ResponseView.tsx';
import { sendRequest, type SendResult } from '../try-it/send-request.ts';
import DataTable, { type Column } from '../widgets/DataTable.tsx';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import Verdict from '../widgets/Verdict.tsx';
import type { EndpointInfo, ScopeAdvisorData } from '../widgets/widget-data.ts';
import { manage } from './lab-session.ts';
import LabNotice from './LabNotice.tsx';
import { missingScopes, scopesFor } from '../../api/runtime/scopes.ts';
import { useLabSession } from './use-lab-session.ts';

interface Props {
  data: ScopeAdvisorData;
  level?: HeadingLevel;
}

const groupBy = <T,>(items: readonly T[], key: (item: T) => string): Array<[string, T[]]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
};

const endpointLabel = (e: EndpointInfo) => `${e.method} ${e.path}`;

function ScopeList({ ids, data }: { ids: readonly string[]; data: ScopeAdvisorData }) {
  return (
    <ul className="kp-lab-scope-list">
      {ids.map((scope) => (
        <li key={scope}>
          <code className="kp-scope">{scope}</code> — {data.scopes.find((s) => s.id === scope)?.description ?? ''}
        </li>
      ))}
    </ul>
  );
}

export default function ScopeAdvisor({ data, level = 2 }: Props) {
  const id = useId();
  const lab = useLabSession(data.api);
  const full = data.api.fullAccessScope;
  const [chosen, setChosen] = useState<string[]>([]);
  const [granted, setGranted] = useState<string[]>([]);
  const [name, setName] = useState('Least-privilege key');
  const [nameError, setNameError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string; scopes: string[] } | null>(null);
  const [target, setTarget] = useState(data.endpoints[0]!.id);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ result: SendResult; receivedAt: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const createdHeading = useRef<HTMLHeadingElement>(null);
  const sub = below(level);
  const roles = data.roles;

  const selected = data.endpoints.filter((e) => chosen.includes(e.id));
  const needed = scopesFor(selected);
  const needsFull = needed.includes(full);
  const minimal = needsFull ? [full] : needed;
  const covering = data.templates.filter((t) => minimal.length > 0 && !needsFull && minimal.every((s) => t.scopes.includes(s)));
  const rolesAllowing = roles?.filter((role) => selected.every((e) => missingScopes(e, role.scopes, full).length === 0)) ?? [];

  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  async function create(event: FormEvent) {
    event.preventDefault();
    if (creating) return;
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > data.nameMaxLength) {
      setNameError(trimmed ? `Key names are at most ${data.nameMaxLength} characters.` : 'Give the key a name, e.g. “Contacts sync”.');
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    setCreating(true);
    try {
      const session = await lab.open();
      const key = await manage(session, (client) => client.keys.create({ name: trimmed, scopes: minimal }));
      lab.wallet.add({
        id: key.id,
        name: key.name,
        secret: key.secret,
        environment: key.environment,
        scopes: key.scopes,
        createdAt: key.created_at,
        expiresAt: key.expires_at,
        status: key.status,
        replacedBy: null,
        owner: false,
      });
      session.sandbox.flush();
      setCreated({ id: key.id, name: key.name, scopes: key.scopes });
      setGranted(key.scopes);
      setOutcome(null);
      setTarget(
        data.endpoints.find((e) => !chosen.includes(e.id) && missingScopes(e, key.scopes, full).length > 0)?.id ??
          selected[0]?.id ??
          target,
      );
      setRevealed({ secret: key.secret, name: key.name, environment: key.environment, origin: { kind: 'created' } });
      setAnnouncement(`Created “${key.name}” with ${key.scopes.join(', ')}. It is in this browser’s wallet.`);
    } catch (error) {
      lab.fail(error);
    } finally {
      setCreating(false);
    }
  }

  async function tryKey(event: FormEvent) {
    event.preventDefault();
    if (!created || sending) return;
    const key = lab.wallet.keys().find((k) => k.id === created.id);
    const endpoint = data.endpoints.find((e) => e.id === target)!;
    if (!key) {
      setAnnouncement('The wallet no longer holds this key: create it again.');
      return;
    }
    setSending(true);
    try {
      await lab.open();
      const result = await sendRequest({
        endpoint,
        id: endpoint.sampleId,
        query: {},
        body: endpoint.hasBody ? JSON.parse(endpoint.exampleBody || '{}') : undefined,
        key: key.secret,
        scheme: data.api.schemes[0]!.id,
        schemes: data.api.schemes,
        checkKeyFormat: true,
      });
      setOutcome({ result, receivedAt: performance.now() });
      setAnnouncement(
        result.kind === 'response'
          ? `${endpointLabel(endpoint)} answered ${result.status}${result.error ? ` ${result.error.code}` : ''}.`
          : result.message,
      );
    } catch (error) {
      lab.fail(error);
    } finally {
      setSending(false);
    }
  }

  // Long (every endpoint), so it scrolls on its own; focusable, so keyboards can scroll it too.
  const matrix = (columns: Array<Column<EndpointInfo>>, caption: string) => (
    <DataTable
      caption={caption}
      className="kp-lab-matrix"
      scroll={caption}
      scrollClassName="kp-lab-matrix-scroll"
      columns={columns}
      rows={data.endpoints}
      rowKey={(e) => e.id}
    />
  );

  return (
    <section className="kp-widget kp-lab kp-scope-advisor" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Scope advisor
      </Heading>
      <LabNotice problem={lab.problem} onReset={lab.reset} />

      <section aria-labelledby={`${id}-needs`}>
        <Heading level={sub} id={`${id}-needs`}>
          What must your integration do?
        </Heading>
        <p>Tick every call it makes. The advisor works out the smallest set of scopes that allows them all.</p>
        <div className="kp-lab-tags">
          {groupBy(data.endpoints, (e) => e.tag).map(([tag, endpoints]) => (
            <fieldset key={tag} className="kp-fieldset kp-fieldset--inner">
              <legend>{tag}</legend>
              {endpoints.map((e) => (
                <label key={e.id} className="kp-choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(e.id)}
                    onChange={(event) => setChosen((c) => toggle(c, e.id, event.target.checked))}
                  />
                  <span>
                    <span className="kp-mono">{endpointLabel(e)}</span> <span className="kp-hint">{e.summary}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>

        <div className="kp-lab-advice" role="status" aria-live="polite" aria-atomic="true">
          {selected.length === 0 ? (
            <p className="kp-muted">Nothing ticked yet.</p>
          ) : roles ? (
            <>
              <p>
                Keys of this API act with the role of the account that made them, so you choose a role, not scopes. The calls you ticked
                need <strong>{minimal.length ? minimal.join(', ') : 'no scope'}</strong>.
              </p>
              <p>
                {rolesAllowing.length
                  ? `Roles that allow them all: ${rolesAllowing.map((r) => r.name).join(', ')}. Make the key from an account with the smallest of them.`
                  : 'No role allows them all.'}
              </p>
            </>
          ) : minimal.length === 0 ? (
            <p>These calls need no scope: any valid key may make them.</p>
          ) : (
            <>
              <p>
                The smallest set of scopes: <strong>{minimal.join(', ')}</strong> ({minimal.length}{' '}
                {minimal.length === 1 ? 'scope' : 'scopes'}).
              </p>
              <ScopeList ids={minimal} data={data} />
              {needsFull && (
                <p className="kp-callout kp-callout--caution">
                  A call you ticked needs <code>{full}</code>, which grants every endpoint. Keep such a key for trusted internal systems.
                </p>
              )}
              {covering.length > 0 && (
                <p className="kp-hint">
                  {covering.map((t) => `The template “${t.name}”`).join(' and ')} also {covering.length === 1 ? 'covers' : 'cover'} these,
                  with more scopes than needed.
                </p>
              )}
            </>
          )}
        </div>

        {!roles && minimal.length > 0 && (
          <form className="kp-inline-form" onSubmit={create} noValidate>
            <label className="kp-label" htmlFor={`${id}-name`}>
              Name of the new key
            </label>
            <div className="kp-inline-form__row">
              <input
                ref={nameRef}
                id={`${id}-name`}
                className="kp-input"
                value={name}
                maxLength={data.nameMaxLength + 20}
                aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? `${id}-name-error` : undefined}
                autoComplete="off"
                onChange={(event) => setName(event.target.value)}
              />
              <button type="submit" className="kp-button kp-button--primary" disabled={creating}>
                {creating ? 'Creating…' : 'Create a key with exactly these scopes'}
              </button>
            </div>
            {nameError && (
              <p id={`${id}-name-error`} className="kp-field-error">
                {nameError}
              </p>
            )}
            <p className="kp-hint">A sandbox test key, shown once and kept in this browser’s wallet so the other widgets can use it.</p>
          </form>
        )}

        {created && (
          <section className="kp-details-panel" aria-labelledby={`${id}-created`}>
            <Heading level={below(sub)} id={`${id}-created`}>
              <span ref={createdHeading} tabIndex={-1}>
                Try “{created.name}”
              </span>
            </Heading>
            <p>
              It holds{' '}
              {created.scopes.map((s, i) => (
                <span key={s}>
                  {i > 0 && ', '}
                  <code className="kp-scope">{s}</code>
                </span>
              ))}
              . Send a request with it: calls outside its scopes get <code>403</code>.
            </p>
            <form className="kp-inline-form" onSubmit={tryKey}>
              <label className="kp-label" htmlFor={`${id}-target`}>
                Endpoint to call
              </label>
              <div className="kp-inline-form__row">
                <select id={`${id}-target`} className="kp-input" value={target} onChange={(event) => setTarget(event.target.value)}>
                  {data.endpoints.map((e) => (
                    <option key={e.id} value={e.id}>
                      {endpointLabel(e)} — {e.summary}
                    </option>
                  ))}
                </select>
                <button type="submit" className="kp-button kp-button--primary" disabled={sending}>
                  {sending ? 'Sending…' : 'Send with this key'}
                </button>
              </div>
            </form>
            {outcome?.result.kind === 'response' && (
              <ResponseView result={outcome.result} receivedAt={outcome.receivedAt} errors={data.errors} level={below(below(sub))} />
            )}
            {outcome?.result.kind === 'failure' && <p className="kp-field-error">{outcome.result.message}</p>}
          </section>
        )}
      </section>

      <section className="kp-panel" aria-labelledby={`${id}-matrix`}>
        {roles ? (
          <>
            <Heading level={sub} id={`${id}-matrix`}>
              What each role allows
            </Heading>
            <p>Every key of an account can do exactly what the account’s role allows; changing the role changes all its keys at once.</p>
            {matrix(
              [
                { header: 'Endpoint', rowHeader: true, className: 'kp-mono', cell: endpointLabel },
                ...roles.map((role) => ({
                  key: role.id,
                  header: `${role.name}${role.id === data.sandboxRole ? ' (sandbox)' : ''}`,
                  cell: (e: EndpointInfo) => {
                    const allowed = missingScopes(e, role.scopes, full).length === 0;
                    return <Verdict ok={allowed}>{allowed ? 'Allowed' : 'Denied'}</Verdict>;
                  },
                })),
              ],
              'Endpoints each role allows',
            )}
          </>
        ) : (
          <>
            <Heading level={sub} id={`${id}-matrix`}>
              What do these scopes allow?
            </Heading>
            <p>Tick the scopes a key holds to see every endpoint it may call and every one it may not.</p>
            <div className="kp-lab-tags">
              {groupBy(data.scopes, (s) => s.group).map(([group, scopes]) => (
                <fieldset key={group} className="kp-fieldset kp-fieldset--inner">
                  <legend>{group}</legend>
                  {scopes.map((s) => (
                    <label key={s.id} className="kp-choice">
                      <input
                        type="checkbox"
                        checked={granted.includes(s.id)}
                        onChange={(event) => setGranted((g) => toggle(g, s.id, event.target.checked))}
                      />
                      <span>
                        <code className="kp-scope">{s.id}</code> <span className="kp-hint">{s.description}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              ))}
            </div>
            <p className="kp-hint" aria-live="polite">
              {granted.length === 0
                ? 'No scope ticked: only calls that need no scope are allowed.'
                : `${data.endpoints.filter((e) => missingScopes(e, granted, full).length === 0).length} of ${data.endpoints.length} endpoints allowed.`}
            </p>
            {matrix(
              [
                {
                  header: 'Endpoint and the scopes it needs',
                  rowHeader: true,
                  cell: (e) => (
                    <>
                      <span className="kp-mono kp-lab-route">{endpointLabel(e)}</span>
                      <span className="kp-block kp-hint">
                        {e.summary} · needs {e.scopes.length ? e.scopes.join(', ') : 'no scope'}
                      </span>
                    </>
                  ),
                },
                {
                  header: 'With these scopes',
                  cell: (e) => {
                    const missing = missingScopes(e, granted, full);
                    return (
                      <Verdict ok={missing.length === 0}>
                        {missing.length === 0 ? 'Allowed' : `Denied (403): missing ${missing.join(', ')}`}
                      </Verdict>
                    );
                  },
                },
              ],
              'Endpoints the ticked scopes allow and deny',
            )}
          </>
        )}
      </section>

      <div className="kp-status-line" role="status" aria-live="polite">
        {announcement && <p className="kp-hint">{announcement}</p>}
      </div>
      <RevealKeyDialog revealed={revealed} onClose={() => setRevealed(null)} fallbackFocus={createdHeading} />
    </section>
  );
}
