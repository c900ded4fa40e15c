/**
 * "Copy link to this request": the endpoint, parameters and body go into the page's URL hash
 * (never sent to a server); the key never does. Opening the link fills the console in, unsent.
 */
import { useId, useState } from 'react';
import { copyText } from '../widgets/CopyButton.tsx';
import { draftWithoutKeys, MAX_LINK_LENGTH, shareLink, type RequestDraft } from './request-draft.ts';

export default function ShareLink({ draft, keyPrefixes }: { draft: RequestDraft; keyPrefixes: readonly string[] }) {
  const id = useId();
  const [state, setState] = useState<{ link: string; copied: boolean; removed: boolean } | { problem: string } | null>(null);

  const onClick = async () => {
    const clean = draftWithoutKeys(draft, keyPrefixes);
    const link = shareLink(location.href, clean.draft);
    if (link.length > MAX_LINK_LENGTH) {
      setState({
        problem: `This request is too long to share as a link (${link.length} characters; at most ${MAX_LINK_LENGTH}). Shorten the body.`,
      });
      return;
    }
    setState({ link, copied: await copyText(link), removed: clean.removed });
  };

  return (
    <div className="kp-share">
      <button type="button" className="kp-button" onClick={onClick}>
        Copy link to this request
      </button>
      <div role="status" className="kp-share__status">
        {state && 'problem' in state && <p className="kp-field-error">{state.problem}</p>}
        {state && 'link' in state && (
          <p className="kp-hint">
            {state.copied ? 'Link copied.' : 'Copy the link below.'} It holds the endpoint, parameters and body — never your key.
            {state.removed && ' Something shaped like a key was in them: the link has KEY_REMOVED_USE_PROCESS_ENV in its place.'}
          </p>
        )}
      </div>
      {state && 'link' in state && (
        <>
          <label htmlFor={`${id}-link`} className="kp-label">
            Link to this request
          </label>
          <input
            id={`${id}-link`}
            className="kp-input kp-mono"
            readOnly
            value={state.link}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      )}
    </div>
  );
}
