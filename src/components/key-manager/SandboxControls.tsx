/**
 * The sandbox's own knobs, which the real product does not have: move its clock forward (keys
 * expire, grace periods end, rate-limit windows reset) and start it over with a new owner key.
 */
import { useId } from 'react';
import { formatDuration } from '../../api/runtime/durations.ts';
import Heading, { type HeadingLevel } from '../widgets/Heading.tsx';
import ResetSandboxButton from './ResetSandboxButton.tsx';

interface Props {
  level: HeadingLevel;
  /** How far the sandbox's clock is ahead of real time, in ms; `null` before it runs. */
  offsetMs: number | null;
  onFastForward: (ms: number) => void;
  onReset: () => Promise<void>;
}

const STEPS = [
  ['1 hour', 3_600_000],
  ['1 day', 86_400_000],
] as const;

export default function SandboxControls({ level, offsetMs, onFastForward, onReset }: Props) {
  const id = useId();
  return (
    <section className="kp-panel" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Sandbox controls
      </Heading>
      <p className="kp-hint">
        {offsetMs === null
          ? 'The sandbox starts when you first use it.'
          : offsetMs > 0
            ? `The sandbox’s clock runs ${formatDuration(offsetMs / 1000)} ahead of real time.`
            : 'The sandbox’s clock shows real time.'}
      </p>
      <div className="kp-actions kp-actions--start">
        {STEPS.map(([label, ms]) => (
          <button key={label} type="button" className="kp-button" disabled={offsetMs === null} onClick={() => onFastForward(ms)}>
            Fast-forward {label}
          </button>
        ))}
        <ResetSandboxButton onReset={onReset} />
      </div>
    </section>
  );
}
