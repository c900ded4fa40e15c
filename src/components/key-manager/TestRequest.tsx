/**
 * A key's first request, right where the key is shown: the who-am-I call (any valid key may make
 * it) through the SDK, answered by this browser's sandbox with its status and body; and the same
 * request as curl with the key in it, for the local sandbox on the reader's machine.
 */
import { useId, useState } from 'react';
import { isApiError } from '../../sdk/index.ts';
import { sandboxClient } from '../sandbox/sandbox-session.ts';
import CopyButton from '../widgets/CopyButton.tsx';
import type { HeadingLevel } from '../widgets/Heading.tsx';
import HttpResponse, { type ResponseData } from '../widgets/HttpResponse.tsx';
import { statusLine } from '../widgets/http-text.ts';
import { withKey } from '../widgets/key-placeholder.ts';
import { callEndpoint } from '../widgets/sdk-call.ts';
import type { FirstRequestInfo } from '../widgets/widget-data.ts';

interface Props {
  secret: string;
  environment: 'test' | 'live';
  info: FirstRequestInfo;
  /** Level of the response's heading. */
  level: HeadingLevel;
  /** The send button's label, e.g. "Send a test request" or "Try this key". */
  sendLabel: string;
  /** Called after each answer (the key's usage has changed). */
  onAnswered?: () => void;
}

type Result = { kind: 'response'; response: ResponseData } | { kind: 'failure'; message: string };

/** Sends the who-am-I request with `secret` and keeps what came back, an error status included. */
async function whoami(secret: string, info: FirstRequestInfo): Promise<Result> {
  let answer: Response | undefined;
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const body = await callEndpoint(sandboxClient({ apiKey: secret }), info.endpoint, {}, { onResponse: (r: Response) => (answer = r) });
    return { kind: 'response', response: { status: answer?.status ?? 200, headers: answer ? [...answer.headers] : [], body, ms: ms() } };
  } catch (error) {
    if (isApiError(error)) {
      return { kind: 'response', response: { status: error.status, headers: [...error.headers], body: error.body, ms: ms() } };
    }
    return { kind: 'failure', message: error instanceof Error ? error.message : 'The request failed.' };
  }
}

export default function TestRequest({ secret, environment, info, level, sendLabel, onAnswered }: Props) {
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const { method, path } = info.endpoint;

  const send = async () => {
    if (busy) return;
    setBusy(true);
    setResult(await whoami(secret, info));
    setBusy(false);
    onAnswered?.();
  };

  return (
    <div className="kp-test-request">
      <p id={`${id}-what`} className="kp-hint">
        Sends <code>{`${method} ${path}`}</code> with this key to the sandbox in this browser: it answers with the key’s own details.
      </p>
      <div className="kp-actions kp-actions--start">
        {/* aria-disabled rather than disabled: a disabled button drops focus. */}
        <button
          type="button"
          className="kp-button kp-button--primary"
          aria-disabled={busy || undefined}
          aria-describedby={`${id}-what`}
          onClick={() => void send()}
        >
          {busy ? 'Sending…' : sendLabel}
        </button>
        <CopyButton text={() => withKey(info.curl[environment], secret)} label="Copy curl with this key" />
      </div>
      <p className="kp-hint">
        The curl command is for the local sandbox on your machine, which knows this key once you export this browser’s sandbox to it: see{' '}
        <a href={info.localGuide}>your sandbox keys outside the browser</a>.
      </p>
      <p className="kp-sr-only" role="status">
        {result?.kind === 'response' ? `Answered ${statusLine(result.response.status)}.` : (result?.message ?? '')}
      </p>
      {result?.kind === 'response' && <HttpResponse response={result.response} level={level} layout="folded" />}
      {result?.kind === 'failure' && <p className="kp-field-error">{result.message}</p>}
    </div>
  );
}
