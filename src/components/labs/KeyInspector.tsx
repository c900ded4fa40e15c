/**
 * The key inspector: paste a key and learn, without sending it anywhere, its product prefix and
 * environment, whether its checksum holds, and the likely copy error (spaces, quotes, a cut-off
 * end, another product's key). The value lives only in this component's memory: the field asks
 * browsers and password managers not to remember it, and nothing puts it in storage or a URL.
 */
import '../../styles/widgets.css';
import './labs.css';
import { useEffect, useId, useMemo, useState } from 'react';
import { environment } from '../../api/runtime/index.ts';
import Heading, { type HeadingLevel } from '../widgets/Heading.tsx';
import { diagnoseKey } from './key-diagnosis.ts';
import type { KeyInspectorData } from '../widgets/widget-data.ts';

interface Props {
  data: KeyInspectorData;
  level?: HeadingLevel;
}

const MARK = { ok: '✓', warn: '!', bad: '✗' } as const;
const TONE = { valid: 'kp-success', fixable: 'kp-callout kp-callout--caution', invalid: 'kp-field-error', empty: 'kp-muted' } as const;

export default function KeyInspector({ data, level = 2 }: Props) {
  const id = useId();
  const [value, setValue] = useState('');
  const diagnosis = useMemo(() => diagnoseKey(value, data), [value, data]);
  // Screen readers hear the verdict once typing pauses, not after every character.
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(diagnosis.verdict === 'empty' ? '' : diagnosis.headline), 600);
    return () => clearTimeout(timer);
  }, [diagnosis]);

  const env = data.environments.find((e) => e.id === diagnosis.info?.environment);
  const checksum = !diagnosis.info
    ? '–'
    : diagnosis.info.valid
      ? 'holds'
      : diagnosis.info.problem === 'bad_checksum'
        ? 'does not hold'
        : 'not checked (the key is not the right shape)';

  return (
    <section className="kp-widget kp-lab kp-key-inspector" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Key inspector
      </Heading>
      <p>
        Paste a key to see what can be told about it offline, with the SDK’s own <code>parseApiKey()</code>.{' '}
        <strong>It is checked in this page only: never sent, saved, or put in the address.</strong>
      </p>
      <div className="kp-field">
        <label className="kp-label" htmlFor={`${id}-key`}>
          Key to check
        </label>
        <textarea
          id={`${id}-key`}
          className="kp-input kp-mono kp-lab-key-input"
          rows={2}
          value={value}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          data-1p-ignore=""
          data-lpignore="true"
          data-form-type="other"
          aria-describedby={`${id}-privacy`}
          placeholder={`${environment(data, 'test').keyPrefix ?? ''}…`}
          onChange={(event) => setValue(event.target.value)}
        />
        <span id={`${id}-privacy`} className="kp-hint">
          Not remembered by the browser; cleared when you leave the page.
        </span>
      </div>
      <div className="kp-actions kp-actions--start">
        <button type="button" className="kp-button" disabled={!value} onClick={() => setValue('')}>
          Clear
        </button>
      </div>

      <div className="kp-lab-inspection">
        <p className={`kp-lab-headline ${TONE[diagnosis.verdict]}`}>
          {diagnosis.verdict !== 'empty' && (
            <strong aria-hidden="true">{diagnosis.verdict === 'valid' ? '✓ ' : diagnosis.verdict === 'fixable' ? '! ' : '✗ '}</strong>
          )}
          {diagnosis.headline}
        </p>
        <dl className="kp-facts">
          <dt>Looks like</dt>
          <dd className="kp-mono kp-break">{diagnosis.masked || '–'}</dd>
          <dt>Product prefix</dt>
          <dd className="kp-mono">{diagnosis.info?.prefix ?? (value ? 'not one of this API’s' : '–')}</dd>
          <dt>Environment</dt>
          <dd>{env ? `${env.name} (${env.id}) — ${env.baseUrl}` : '–'}</dd>
          <dt>Length</dt>
          <dd>
            {value ? `${diagnosis.length} characters${env ? ` (a ${env.id} key has ${env.keyPrefix.length + data.keyLength})` : ''}` : '–'}
          </dd>
          <dt>Checksum</dt>
          <dd>{checksum}</dd>
        </dl>
        {diagnosis.findings.length > 0 && (
          <ul className="kp-lab-findings">
            {diagnosis.findings.map((finding, i) => (
              <li key={i} className={`kp-lab-finding kp-lab-finding--${finding.tone}`}>
                <span aria-hidden="true">{MARK[finding.tone]}</span> {finding.text}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="kp-sr-only" role="status" aria-live="polite">
        {spoken}
      </p>
    </section>
  );
}
