/**
 * What an API error means and how to fix it, in a callout: the error's title and code, what the
 * SDK reported (children), the catalogue's cause and fix, and a link to the error's entry.
 */
import type { ReactNode } from 'react';
import Heading, { type HeadingLevel } from './Heading.tsx';

/** Scopes in a sentence: `a`, `b`, `c`. */
export function ScopeList({ scopes }: { scopes: readonly string[] }) {
  return (
    <>
      {scopes.map((scope, i) => (
        <span key={scope}>
          {i > 0 && ', '}
          <code className="kp-scope">{scope}</code>
        </span>
      ))}
    </>
  );
}

export interface CatalogueEntry {
  cause: string;
  fix: string;
  href: string;
  /** The link's text. */
  more: string;
}

interface Props {
  level: HeadingLevel;
  title: string;
  code: string | null;
  /** 5xx errors are the server's fault and shown as dangers; the rest as cautions. @default 'caution' */
  tone?: 'caution' | 'danger';
  /** What the SDK reported (reason, missing scopes), in the widget's own words. */
  children?: ReactNode;
  /** The catalogue's explanation; without it, `message` is shown instead. */
  entry?: CatalogueEntry | undefined;
  /** How the cause is introduced. @default 'What it means' */
  causeLabel?: string;
  message?: string;
}

export default function ErrorExplanation({
  level,
  title,
  code,
  tone = 'caution',
  children,
  entry,
  causeLabel = 'What it means',
  message,
}: Props) {
  return (
    <div className={`kp-callout kp-callout--${tone}`}>
      <Heading level={level}>
        {title} <code>{code}</code>
      </Heading>
      {children}
      {entry ? (
        <>
          <p>
            <strong>{causeLabel}:</strong> {entry.cause}
          </p>
          <p>
            <strong>How to fix it:</strong> {entry.fix}
          </p>
          <p>
            <a href={entry.href}>{entry.more}</a>
          </p>
        </>
      ) : (
        <p>{message}</p>
      )}
    </div>
  );
}
