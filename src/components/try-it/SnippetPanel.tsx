/**
 * The current request as code in every snippet language. The generator (httpsnippet-lite and
 * the model) is imported the first time the panel opens. The key is an environment-variable
 * read unless the reader explicitly asks to see their real key in the code.
 */
import { useEffect, useId, useState } from 'react';
import { SNIPPET_LANGUAGES, type SnippetLanguage } from '../snippets/languages.ts';
import CopyButton from '../widgets/CopyButton.tsx';
import Heading, { type HeadingLevel } from '../widgets/Heading.tsx';
import { storedLanguage, storeLanguage, watchLanguage } from './language-sync.ts';
import type { SnippetInput } from './snippet-code.ts';

type Renderer = typeof import('./snippet-code.ts');

interface Props {
  /** The request, or why there is none to show (e.g. the body is not valid JSON). */
  request: Omit<SnippetInput, 'revealKey'> | { problem: string };
  /** The chosen key, if any; shown in the code only when the reader turns it on. */
  secret: string | null;
  envVar: string;
  level: HeadingLevel;
}

let renderer: Promise<Renderer> | undefined;

export default function SnippetPanel({ request, secret, envVar, level }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const [reveal, setReveal] = useState(false);
  const [code, setCode] = useState<{ text: string } | { error: string } | null>(null);

  useEffect(() => {
    const stored = storedLanguage();
    if (stored) setLanguage(stored);
    return watchLanguage(setLanguage);
  }, []);

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
      .then((module) => module.renderConsoleSnippet(language, { ...request, revealKey: showKey ? secret! : undefined }))
      .then((text) => current && setCode({ text }))
      .catch((error: unknown) => {
        if (current) setCode({ error: `The code could not be generated${error instanceof Error ? `: ${error.message}` : '.'}` });
      });
    return () => {
      current = false;
    };
    // `request` is compared by value (requestKey): the console re-creates it on every render.
  }, [open, language, showKey, secret, requestKey]);

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
            <div className="kp-inline-form__row">
              <label htmlFor={`${id}-lang`} className="kp-label">
                Language
              </label>
              <select
                id={`${id}-lang`}
                className="kp-input kp-input--auto"
                value={language}
                onChange={(event) => {
                  const next = event.target.value as SnippetLanguage;
                  setLanguage(next);
                  storeLanguage(next);
                }}
              >
                {SNIPPET_LANGUAGES.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </select>
            </div>
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
                  <div className="kp-code" role="region" aria-label={`${SNIPPET_LANGUAGES.find((l) => l.id === language)!.label} code`} tabIndex={0}>
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
