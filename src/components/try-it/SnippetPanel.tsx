/**
 * The current request as code in every snippet language, sent where the reader chooses: the
 * local sandbox (the default, since keys made on this site are sandbox keys), this browser's
 * sandbox, or the real API. The generators are imported the first time the panel
 * opens. The key is an environment-variable read unless the reader explicitly asks to see their
 * real key in the code.
 */
import { useEffect, useId, useState } from 'react';
import type { CodeTarget } from '../../api/code-targets.ts';
import type { SnippetSettings } from '../snippets/render.ts';
import type { TargetInfo } from '../widgets/widget-data.ts';
import { SNIPPET_LANGUAGES, type SnippetLanguage } from '../snippets/languages.ts';
import CopyButton from '../widgets/CopyButton.tsx';
import { SelectField } from '../widgets/FormField.tsx';
import { persistedText } from '../widgets/persisted-store.ts';
import Heading, { type HeadingLevel } from '../widgets/Heading.tsx';
import { storedLanguage, storeLanguage, watchLanguage } from './language-sync.ts';
import type { SnippetInput } from './snippet-code.ts';

type Renderer = typeof import('./snippet-code.ts');

interface Props {
  /** The request, or why there is none to show (e.g. the body is not valid JSON). */
  request: Omit<SnippetInput, 'revealKey' | 'target'> | { problem: string };
  /** The chosen key, if any; shown in the code only when the reader turns it on. */
  secret: string | null;
  envVar: string;
  /** What the reader needs to know about each target, from the model. */
  targets: TargetInfo;
  /** What the snippets need of the model. */
  settings: SnippetSettings;
  level: HeadingLevel;
}

const TARGET_KEY = 'keyport:code-target';
const TARGETS: Array<{ id: CodeTarget; label: string }> = [
  { id: 'local', label: 'Local sandbox' },
  { id: 'browser', label: 'This browser’s sandbox' },
  { id: 'api', label: 'Real API' },
];

const LANGUAGE_OPTIONS = SNIPPET_LANGUAGES.map((l) => ({ value: l.id, label: l.label }));
const TARGET_OPTIONS = TARGETS.map((t) => ({ value: t.id, label: t.label }));

const savedTarget = persistedText(TARGET_KEY);

function storedTarget(): CodeTarget {
  const value = savedTarget.read();
  return TARGETS.some((t) => t.id === value) ? (value as CodeTarget) : 'local';
}

// Refused (storage blocked): the choice lasts for this page.
const storeTarget = (target: CodeTarget) => void savedTarget.write(target);

function TargetHint({ target, info }: { target: CodeTarget; info: TargetInfo }) {
  switch (target) {
    case 'local':
      return (
        <p className="kp-hint">
          For your terminal: download{' '}
          <a href={info.localFileUrl} download>
            {info.localFile}
          </a>{' '}
          and run <code>node {info.localFile}</code> (Node 20 or later, nothing to install); it listens on {info.localOrigin}. Keys made on
          this site work there once you export them from the key manager (<a href={info.guideUrl}>how</a>).
        </p>
      );
    case 'browser':
      return (
        <p className="kp-hint">
          The sandbox in this tab answers only this site: the console above and the playground. Copied into a terminal, this code would
          reach the real API.
        </p>
      );
    case 'api':
      return (
        <p className="kp-hint">
          For production: sandbox keys do not work on the real {info.productName} API; use a key from your {info.productName} dashboard.
        </p>
      );
  }
}

/** The panel's two menus sit in one row, as wide as their longest choice. */
const MENU = { layout: 'row', className: 'kp-input kp-input--auto' } as const;

let renderer: Promise<Renderer> | undefined;

export default function SnippetPanel({ request, secret, envVar, targets, settings, level }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const [target, setTarget] = useState<CodeTarget>('local');
  const [reveal, setReveal] = useState(false);
  const [code, setCode] = useState<{ text: string } | { error: string } | null>(null);

  useEffect(() => {
    const stored = storedLanguage();
    if (stored) setLanguage(stored);
    setTarget(storedTarget());
    return watchLanguage(setLanguage);
  }, []);

  const chooseLanguage = (value: string) => {
    setLanguage(value as SnippetLanguage);
    storeLanguage(value as SnippetLanguage);
  };
  const chooseTarget = (value: string) => {
    setTarget(value as CodeTarget);
    storeTarget(value as CodeTarget);
  };

  const showKey = reveal && secret !== null;
  const requestKey = JSON.stringify(request);
  useEffect(() => {
    if (!open) return;
    let current = true;
    if ('problem' in request) {
      setCode({ error: request.problem });
      return;
    }
    renderer ??= import('./snippet-code.ts');
    renderer
      .then((module) => module.renderConsoleSnippet(language, { ...request, target, revealKey: showKey ? secret : undefined }, settings))
      .then((text) => current && setCode({ text }))
      .catch((error: unknown) => {
        if (current) setCode({ error: `The code could not be generated${error instanceof Error ? `: ${error.message}` : '.'}` });
      });
    return () => {
      current = false;
    };
    // `request` is compared by value (requestKey): the console re-creates it on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- requestKey stands for request
  }, [open, language, target, showKey, secret, requestKey]);

  return (
    <section className="kp-snippets" aria-labelledby={`${id}-title`}>
      <div className="kp-panel__head">
        <Heading level={level} id={`${id}-title`}>
          Code
        </Heading>
        <button type="button" className="kp-button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide code' : 'Show code'}
        </button>
      </div>
      <div id={`${id}-panel`} hidden={!open}>
        {open && (
          <>
            <SelectField
              id={`${id}-lang`}
              label="Language"
              {...MENU}
              value={language}
              options={LANGUAGE_OPTIONS}
              onChange={chooseLanguage}
            />
            <SelectField id={`${id}-target`} label="Send to" {...MENU} value={target} options={TARGET_OPTIONS} onChange={chooseTarget} />
            <TargetHint target={target} info={targets} />
            <label className="kp-choice">
              <input type="checkbox" checked={reveal} disabled={secret === null} onChange={(event) => setReveal(event.target.checked)} />
              <span>Show my real key in the code</span>
            </label>
            <p className="kp-hint">
              {secret === null
                ? 'Choose a key above to put it in the code.'
                : showKey
                  ? 'The code now contains your key: do not paste it anywhere public.'
                  : `The code reads the key from ${envVar}.`}
            </p>
            <div aria-busy={code === null}>
              {code === null ? (
                <p className="kp-muted">Generating code…</p>
              ) : 'error' in code ? (
                <p className="kp-field-error">{code.error}</p>
              ) : (
                <>
                  <div
                    className="kp-code"
                    role="region"
                    aria-label={`${SNIPPET_LANGUAGES.find((l) => l.id === language)!.label} code`}
                    tabIndex={0}
                  >
                    <pre>
                      <code>{code.text}</code>
                    </pre>
                  </div>
                  <CopyButton text={() => code.text} label="Copy code" />
                </>
              )}
            </div>
          </>
        )}
      </div>
    </section>
  );
}
