/**
 * The answer to the console's request: status and time, what an error means and how to fix it
 * (from the model's error catalogue, linked to its anchor on the errors page), rate limits in
 * words, the readable headers, and the body pretty-printed.
 */
import { AUTH_FAILURE_WORDS, isAuthFailureReason } from '../../api/runtime/errors.ts';
import ErrorExplanation, { ScopeList } from '../widgets/ErrorExplanation.tsx';
import { below, type HeadingLevel } from '../widgets/Heading.tsx';
import HttpResponse from '../widgets/HttpResponse.tsx';
import type { ErrorInfo } from '../widgets/widget-data.ts';
import RateLimitInfo from './RateLimitInfo.tsx';
import type { SendResult } from './send-request.ts';

interface Props {
  result: Extract<SendResult, { kind: 'response' }>;
  receivedAt: number;
  errors: ErrorInfo[];
  level: HeadingLevel;
}

export default function ResponseView({ result, receivedAt, errors, level }: Props) {
  const error = result.error;
  const entry = error ? errors.find((e) => e.id === error.code) : undefined;
  return (
    <HttpResponse
      response={result}
      level={level}
      layout="folded"
      statusExtra={
        error?.requestId && (
          <>
            {' '}
            · request id <span className="kp-mono">{error.requestId}</span>
          </>
        )
      }
    >
      {error && (
        <ErrorExplanation
          level={below(level)}
          title={entry ? entry.title : 'Error'}
          code={error.code}
          tone={result.status >= 500 ? 'danger' : 'caution'}
          entry={
            entry && { cause: entry.cause, fix: entry.fix, href: entry.docsPath, more: `More about “${entry.title}” on the errors page` }
          }
          message={error.message}
        >
          {error.reason && (
            <p>
              The SDK threw {error.name} because {isAuthFailureReason(error.reason) ? AUTH_FAILURE_WORDS[error.reason] : error.reason}.
            </p>
          )}
          {error.missingScopes.length > 0 && (
            <p>
              The key lacks {error.missingScopes.length === 1 ? 'the scope' : 'the scopes'} <ScopeList scopes={error.missingScopes} />.
            </p>
          )}
        </ErrorExplanation>
      )}

      <RateLimitInfo headers={result.headers} receivedAt={receivedAt} />
    </HttpResponse>
  );
}
