/**
 * One request and its response as they went over the wire: method and URL, headers (any key
 * masked), body; then the response (`HttpResponse`, headers open: in the labs they are the point).
 */
import { useId } from 'react';
import Heading, { type HeadingLevel } from './Heading.tsx';
import HttpResponse, { HeaderTable, type ResponseData } from './HttpResponse.tsx';

export interface SentRequest {
  method: string;
  url: string;
  /** Header name and value, the key masked. */
  headers: Array<[string, string]>;
  body: string | null;
}

export interface Exchange {
  request: SentRequest;
  response: Omit<ResponseData, 'ms'>;
  ms: number;
}

export default function ExchangeView({ exchange, level }: { exchange: Exchange; level: HeadingLevel }) {
  const id = useId();
  const { request, response } = exchange;
  return (
    <div className="kp-lab-exchange">
      <section aria-labelledby={`${id}-request`} className="kp-lab-exchange__part">
        <Heading level={level} id={`${id}-request`}>
          Request
        </Heading>
        <p className="kp-mono kp-break">
          <strong>{request.method}</strong> {request.url}
        </p>
        <HeaderTable caption="Request headers" headers={request.headers} />
        {request.body !== null && (
          <div className="kp-code" role="region" aria-label="Request body" tabIndex={0}>
            <pre>
              <code>{request.body}</code>
            </pre>
          </div>
        )}
        <p className="kp-hint">Keys are masked here; the request carried them whole.</p>
      </section>
      <HttpResponse response={{ ...response, ms: exchange.ms }} level={level} layout="open" />
    </div>
  );
}
