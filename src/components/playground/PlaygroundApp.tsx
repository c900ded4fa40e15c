/**
 * The SDK playground: examples, the code (a plain listing until the reader asks for the editor),
 * the key to run with, Run/Stop/Share, and what the run printed and requested.
 *
 * Loaded at once: this file, React and the wallet. Loaded on demand: Monaco (Edit or Run), the
 * runner with the SDK bundle and the sandbox (Run), fflate (Share, or opening a shared link).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { maskKey } from '../../api/key-format.ts';
import { useWallet } from '../wallet/use-wallet.ts';
import { isUsable } from '../wallet/wallet.ts';
import CopyButton from '../widgets/CopyButton.tsx';
import type { Problem } from './code-editor.ts';
import { editorLoader, type EditorState } from './editor-loader.ts';
import { loadSavedCode, saveCode } from './code-store.ts';
import type { PlaygroundData } from './playground-data.ts';
import { appendOutput, AUTO, NONE, runPlayground, upsertRequest, type RunLine, type RunState } from './run-controller.ts';
import type { RequestEntry, RunHandle } from './runner.ts';
import RunOutput, { type OutputLine } from './RunOutput.tsx';

interface Props {
  data: PlaygroundData;
}

export default function PlaygroundApp({ data }: Props) {
  const { examples, envVar, keyPrefixes } = data;
  const productId = data.api.product.id;
  const id = useId();
  const first = examples[0]!;

  const [code, setCode] = useState(first.code);
  const [exampleId, setExampleId] = useState<string | null>(first.id);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [editorState, setEditorState] = useState<EditorState>('placeholder');
  const [editorError, setEditorError] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const [lines, setLines] = useState<OutputLine[]>([]);
  const [requests, setRequests] = useState<RequestEntry[]>([]);
  const [keyChoice, setKeyChoice] = useState(AUTO);
  const [share, setShare] = useState<{ url: string } | { error: string } | null>(null);
  const [status, setStatus] = useState('');

  const { keys } = useWallet(productId);
  const usableKeys = useMemo(() => keys.filter(isUsable), [keys]);

  const codeRef = useRef(code);
  const exampleRef = useRef(exampleId);
  const monacoHost = useRef<HTMLDivElement>(null);
  const runHandle = useRef<RunHandle | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lineId = useRef(0);
  const firstOutput = useRef(false);

  // The run reads the wallet after starting the sandbox, which may just have added the owner key.
  const keysRef = useRef(keys);
  keysRef.current = keys;
  const getKeys = () => keysRef.current;

  const remember = useCallback(
    (next: string, example: string | null) => {
      codeRef.current = next;
      exampleRef.current = example;
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => saveCode(productId, { code: next, exampleId: example }, keyPrefixes), 300);
    },
    [productId, keyPrefixes],
  );

  const [editor] = useState(() =>
    editorLoader({
      load: () => import('./code-editor.ts'),
      envVar,
      host: () => monacoHost.current!,
      code: () => codeRef.current,
      onRun: () => void runRef.current(),
      onChange: (next) => remember(next, exampleRef.current),
      onProblems: setProblems,
      onState: (state, error) => {
        setEditorState(state);
        if (error) setEditorError(error);
      },
      onStatus: setStatus,
    }),
  );
  const openEditor = editor.open;

  const currentCode = () => editor.current()?.getCode() ?? codeRef.current;

  const addLines = useCallback((entries: RunLine[]) => {
    if (!firstOutput.current && entries.some((e) => !e.system)) {
      firstOutput.current = true;
      performance.mark('playground:first-output');
    }
    setLines((current) => appendOutput(current, entries, () => lineId.current++));
  }, []);

  // A shared link's code first, else the code saved last time; nothing runs by itself.
  useEffect(() => {
    const fromLink = () =>
      import('./share-link.ts')
        .then(({ codeFromFragment }) => {
          const shared = codeFromFragment(location.hash);
          if (shared === null) return;
          const example = examples.find((e) => e.code === shared)?.id ?? null;
          setCode(shared);
          setExampleId(example);
          remember(shared, example);
          editor.current()?.setCode(shared);
          setNotice({ kind: 'info', text: 'This code came from a shared link. Read it before you press Run: nothing runs until you do.' });
          // The code now lives in this browser; a reload keeps the reader's edits rather than the link's.
          history.replaceState(history.state, '', location.pathname + location.search);
        })
        .catch((error: unknown) => setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) }));
    const hasLink = () => /[#&]code=/.test(location.hash);
    if (hasLink()) {
      void fromLink();
    } else {
      const saved = loadSavedCode(productId);
      if (saved && saved.code !== codeRef.current) {
        setCode(saved.code);
        setExampleId(saved.exampleId);
        codeRef.current = saved.code;
        exampleRef.current = saved.exampleId;
      }
    }
    // A link opened while the playground is already open only changes the fragment.
    const onHashChange = () => void (hasLink() && fromLink());
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, [editor, examples, productId, remember]);

  useEffect(() => () => runHandle.current?.stop(), []);

  const onEdit = () => {
    performance.mark('playground:edit');
    void openEditor(true).catch(() => undefined);
  };

  const loadExample = (exampleIdToLoad: string) => {
    const example = examples.find((e) => e.id === exampleIdToLoad)!;
    setExampleId(example.id);
    setCode(example.code);
    editor.current()?.setCode(example.code);
    remember(example.code, example.id);
    setNotice(null);
    setStatus(`Loaded the example “${example.title}”.${editor.current() ? ' Ctrl+Z in the editor brings back your code.' : ''}`);
  };

  const runCode = async () => {
    if (run.phase === 'preparing' || run.phase === 'running') return;
    performance.mark('playground:run');
    firstOutput.current = false;
    setLines([]);
    setRequests([]);
    editor.current()?.clearRuntimeError();
    await runPlayground({
      data,
      keyChoice,
      editorLoaded: editor.current() !== null,
      openEditor: () => openEditor(false),
      loadSession: () => import('./run-session.ts'),
      walletKeys: getKeys,
      onState: setRun,
      onStatus: setStatus,
      onLines: addLines,
      onRequest: (entry) => setRequests((current) => upsertRequest(current, entry)),
      onHandle: (handle) => (runHandle.current = handle),
    });
  };
  // The editor's Ctrl+Enter calls the latest runCode.
  const runRef = useRef(runCode);
  // eslint-disable-next-line react-hooks/immutability -- a ref, which the editor's callback reads; the compiler takes it for state
  runRef.current = runCode;

  const stop = () => runHandle.current?.stop();

  const onShare = async () => {
    try {
      const { shareFragment } = await import('./share-link.ts');
      const url = `${location.origin}${location.pathname}${shareFragment(currentCode(), keyPrefixes)}`;
      setShare({ url });
      setStatus('A link to this code is below. It carries the code, never a key.');
    } catch (error) {
      setShare({ error: error instanceof Error ? error.message : String(error) });
    }
  };

  const busy = run.phase === 'preparing' || run.phase === 'running';
  const example = examples.find((e) => e.id === exampleId);
  const codeLines = code.split('\n');
  const errorCount = problems.filter((p) => p.severity === 'error').length;

  return (
    <div className="kp-widget kp-playground">
      <div role="group" aria-labelledby={`${id}-examples`}>
        <h2 id={`${id}-examples`} className="kp-playground__label">
          Examples
        </h2>
        <div className="kp-playground__examples">
          {examples.map((e) => (
            <button
              key={e.id}
              type="button"
              className="kp-button kp-button--small"
              aria-pressed={e.id === exampleId}
              onClick={() => loadExample(e.id)}
            >
              {e.title}
            </button>
          ))}
        </div>
        <p className="kp-hint kp-playground__summary">{example ? example.summary : 'Your own code.'}</p>
      </div>

      {/* Side by side on wide screens (see playground.css): the code and its controls, then what the run did. */}
      <div className="kp-playground__workspace">
        <div className="kp-playground__source">
          <div className="kp-playground__code">
            <div ref={monacoHost} className="kp-playground__monaco" hidden={editorState !== 'ready' && editorState !== 'loading'} />
            {editorState !== 'ready' && (
              <div className="kp-playground__listing" tabIndex={0} role="region" aria-label="Code (read-only; press Edit to change it)">
                <pre>
                  <code>
                    {codeLines.map((line, i) => (
                      <span key={i} className="kp-playground__row">
                        <span className="kp-playground__number" aria-hidden="true">
                          {i + 1}
                        </span>
                        <span>{`${line}\n`}</span>
                      </span>
                    ))}
                  </code>
                </pre>
              </div>
            )}
          </div>

          <div className="kp-playground__bar">
            <div className="kp-actions kp-actions--start">
              {/* Stays once the editor is there (a Run loads it too): it then takes the focus back to the code. */}
              <button
                type="button"
                className="kp-button"
                onClick={onEdit}
                disabled={editorState === 'loading'}
                aria-describedby={`${id}-edit-hint`}
              >
                {editorState === 'loading' ? 'Loading editor…' : 'Edit'}
              </button>
              <button type="button" className="kp-button kp-button--primary" onClick={() => void runCode()} disabled={busy}>
                {busy ? 'Running…' : 'Run'}
              </button>
              <button type="button" className="kp-button" onClick={stop} disabled={!busy}>
                Stop
              </button>
              <button type="button" className="kp-button kp-button--quiet" onClick={() => void onShare()}>
                Share
              </button>
            </div>
            <div className="kp-field kp-playground__key">
              <label className="kp-label" htmlFor={`${id}-key`}>
                Key in <code>process.env.{envVar}</code>
              </label>
              <select
                id={`${id}-key`}
                className="kp-input"
                value={keyChoice}
                onChange={(e) => setKeyChoice(e.target.value)}
                disabled={busy}
              >
                <option value={AUTO}>
                  {usableKeys.some((k) => k.owner) ? 'Sandbox owner key' : 'Sandbox owner key (made on first run)'}
                </option>
                {usableKeys
                  .filter((k) => !k.owner)
                  .map((k) => (
                    <option key={k.id} value={k.id}>
                      {k.name} ({maskKey(k.secret, keyPrefixes)}, {k.environment})
                    </option>
                  ))}
                <option value={NONE}>No key</option>
              </select>
            </div>
          </div>
          {/* Beside Run, where the reader looks after pressing it; the output column keeps its place. */}
          <p role="status" className="kp-playground__status">
            {run.phase === 'preparing' ? run.message : status}
          </p>
          <p id={`${id}-edit-hint`} className="kp-hint">
            In the editor, Ctrl+Enter (⌘+Enter) runs and Tab indents; Ctrl+M (Ctrl+Shift+M on macOS) makes Tab move the focus. Runs stop
            after {data.timeLimitSeconds} s.
          </p>
          {notice && (
            <p
              className={`kp-callout ${notice.kind === 'error' ? 'kp-callout--danger' : ''}`}
              role={notice.kind === 'error' ? 'alert' : 'status'}
            >
              {notice.text}
            </p>
          )}
          {editorState === 'failed' && (
            <p className="kp-callout kp-callout--danger" role="alert">
              {editorError}
            </p>
          )}
          {share && (
            <div className="kp-share">
              {'url' in share ? (
                <>
                  <label className="kp-label" htmlFor={`${id}-share`}>
                    Link to this code
                  </label>
                  <input id={`${id}-share`} className="kp-input" readOnly value={share.url} onFocus={(e) => e.currentTarget.select()} />
                  <CopyButton text={() => share.url} label="Copy link" />
                </>
              ) : (
                <p className="kp-callout kp-callout--danger" role="alert">
                  {share.error}
                </p>
              )}
            </div>
          )}

          <div className="kp-playground__problems">
            <h2 className="kp-playground__label" id={`${id}-problems`}>
              Problems
            </h2>
            <p aria-live="polite" className="kp-hint">
              {editorState !== 'ready'
                ? 'Type errors are listed here once the editor has loaded.'
                : problems.length === 0
                  ? 'No type errors.'
                  : `${errorCount} error${errorCount === 1 ? '' : 's'}${problems.length > errorCount ? `, ${problems.length - errorCount} warnings` : ''}.`}
            </p>
            {problems.length > 0 && (
              <ul aria-labelledby={`${id}-problems`}>
                {problems.slice(0, 20).map((p, i) => (
                  <li key={i}>
                    <button type="button" className="kp-link-button" onClick={() => editor.current()?.reveal(p.line, p.column)}>
                      Line {p.line}
                    </button>
                    : {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>

        <div className="kp-playground__result">
          <RunOutput lines={lines} requests={requests} running={busy} />
        </div>
      </div>
    </div>
  );
}
