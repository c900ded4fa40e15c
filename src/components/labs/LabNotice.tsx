/**
 * What stopped a lab, said once in an alert: no key in the wallet may manage keys (with the way
 * out, resetting the sandbox), no sandbox in this browser, or another failure.
 */
import ResetSandboxButton from '../key-manager/ResetSandboxButton.tsx';
import type { LabProblem } from './lab-session.ts';

export default function LabNotice({ problem, onReset }: { problem: LabProblem | null; onReset: () => Promise<void> }) {
  if (!problem) return null;
  if (problem.kind === 'no-key') {
    return (
      <div className="kp-callout kp-callout--caution" role="alert">
        <p>{problem.message} Reset the sandbox to start over with a new owner key.</p>
        <ResetSandboxButton onReset={onReset} />
      </div>
    );
  }
  return (
    <p className="kp-callout kp-callout--danger" role="alert">
      {problem.message}
    </p>
  );
}
