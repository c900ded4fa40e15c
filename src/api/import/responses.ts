/**
 * An operation's documented responses as the model keeps them (`endpoint.responses`): each
 * numeric status with the body the sandbox answers for it — the document's example, else a value
 * generated from the schema — and the schema itself for `/openapi.json`. Ranges (`2XX`) and
 * `default` name no status a reader could ask for, so they are left out.
 */
import type { z } from 'zod';
import type { DocumentedResponse } from '../schema/endpoints.ts';
import { jsonMediaType, type JsonSchema, type MediaType, type Operation } from './document.ts';
import type { SchemaContext } from './json-schema.ts';
import { sampleValue } from './sample-value.ts';

/** The documented example: `example`, the first of `examples`, or the schema's own. */
export function documentedExample(media: MediaType): unknown {
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {}).find((example) => example?.value !== undefined);
  return first ? first.value : undefined;
}

/** A resolved document may hold cycles (a schema that refers to itself); those are not written back. */
function serialisable(schema: JsonSchema): boolean {
  try {
    JSON.stringify(schema);
    return true;
  } catch {
    return false;
  }
}

/** The success status: the lowest 2xx the operation documents, else 200. */
export function successStatusOf(operation: Operation): number {
  const documented = Object.keys(operation.responses ?? {})
    .filter((s) => /^2\d\d$/.test(s))
    .map(Number)
    .sort((a, b) => a - b);
  return documented[0] ?? 200;
}

/**
 * Every numeric status the operation documents. The success body must pass `success` (the
 * endpoint's response schema): a documented example that does not is replaced by a generated one,
 * with a warning, so the sandbox never answers what its own reference calls invalid.
 */
export function documentedResponses(
  operation: Operation,
  successStatus: number,
  success: z.ZodType,
  where: string,
  context: SchemaContext,
): DocumentedResponse[] {
  const responses: DocumentedResponse[] = [];
  for (const [code, response] of Object.entries(operation.responses ?? {})) {
    if (!/^[1-5]\d\d$/.test(code)) continue;
    const status = Number(code);
    const media = jsonMediaType(response?.content);
    const schema = media?.schema;
    if (status === successStatus && response?.content && !media && Object.keys(response.content).length) {
      context.warnings.push({
        pointer: `${where}/responses/${code}`,
        message: `The sandbox answers JSON only; this ${Object.keys(response.content)
          .map((t) => `\`${t}\``)
          .join(', ')} response comes back as \`null\`.`,
      });
    }
    let example = media ? (documentedExample(media) ?? sampleValue(schema)) : undefined;
    if (status === successStatus && status !== 204 && !success.safeParse(example).success) {
      const generated = sampleValue(schema);
      context.warnings.push({
        pointer: `${where}/responses/${code}`,
        message: success.safeParse(generated).success
          ? 'The documented example does not match its schema; the sandbox answers a value generated from the schema.'
          : 'Neither the documented example nor a value generated from the schema matches the schema; the sandbox answers it all the same. Add a valid example.',
      });
      if (success.safeParse(generated).success) example = generated;
    }
    responses.push({
      status,
      ...(response?.description ? { description: response.description } : {}),
      ...(example === undefined || status === 204 ? {} : { example }),
      ...(schema && serialisable(schema) ? { schema } : {}),
    });
  }
  if (!responses.some((r) => r.status === successStatus)) responses.push({ status: successStatus, description: 'Success.' });
  return responses.sort((a, b) => a.status - b.status);
}
