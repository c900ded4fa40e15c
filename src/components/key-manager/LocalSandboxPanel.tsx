/**
 * "Use these keys outside the browser": the export of this browser's sandbox for the local
 * sandbox file, with the link to that file and the command that runs both. The export holds keys
 * as hashes only; the plaintexts stay in the wallet, which is not exported.
 */
import { useId, useState } from 'react';
import type { LocalSandboxInfo } from '../../../mocks/local-sandbox.ts';
import CopyButton from '../widgets/CopyButton.tsx';
import Heading, { type HeadingLevel } from '../widgets/Heading.tsx';

interface Props {
  level: HeadingLevel;
  info: LocalSandboxInfo;
  /** Downloads the export; resolves when the browser was handed the file (or the error was shown). */
  onExport: () => Promise<void>;
}

export default function LocalSandboxPanel({ level, info, onExport }: Props) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    await onExport().finally(() => setBusy(false));
  };
  return (
    <section className="kp-panel" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Use these keys outside the browser
      </Heading>
      <p>
        Keys made here are sandbox keys that work only in this browser. To call them from curl or your own code, export this sandbox,
        download{' '}
        <a href={info.scriptPath} download={info.script}>
          {info.script}
        </a>
        , and run it with Node.js 20 or later in the folder that holds both files:
      </p>
      <div className="kp-code">
        <pre>
          <code id={`${id}-command`}>{info.commands.runWithExport}</code>
        </pre>
      </div>
      <div className="kp-actions kp-actions--start">
        <button type="button" className="kp-button" aria-disabled={busy} aria-describedby={`${id}-what`} onClick={() => void run()}>
          {busy ? 'Exporting…' : 'Export for the local sandbox'}
        </button>
        <CopyButton text={() => info.commands.runWithExport} label="Copy command" />
      </div>
      <p id={`${id}-what`} className="kp-hint">
        Saves <code>{info.stateFile}</code>: keys as hashes only (no secrets), usage, sample data and settings. Your keys then work at{' '}
        <code>{info.testBase}</code>, e.g. <code>{info.commands.whoami}</code>.
      </p>
    </section>
  );
}
