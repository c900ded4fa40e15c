/**
 * The document's security schemes as the model's auth schemes: `apiKey` in a header or in the
 * query string, and `http` bearer. What the model cannot represent (keys in a cookie, Basic auth,
 * OAuth 2, OpenID Connect) is skipped with a warning; an API left with no scheme Keyport can
 * serve is refused.
 */
import { authSchemeSchema, type AuthScheme } from '../schema/auth.ts';
import { schemeId } from '../runtime/auth-schemes.ts';
import type { OpenApiDocument, SecurityScheme } from './document.ts';
import { OpenApiImportError, pointer, type ImportWarning } from './problems.ts';

export interface ImportedAuth {
  schemes: AuthScheme[];
  /** Security scheme name in the document → the model's scheme, for reading security requirements. */
  byName: Map<string, AuthScheme>;
}

function describeUnsupported(scheme: SecurityScheme): string {
  if (scheme.type === 'apiKey' && scheme.in === 'cookie') return 'A key in a cookie is not supported: Keyport serves keys sent by servers';
  if (scheme.type === 'apiKey' && scheme.name?.toLowerCase() === 'authorization')
    return 'A raw key in `Authorization` is not supported; `http` bearer (`Authorization: Bearer <key>`) is';
  if (scheme.type === 'http') return `HTTP \`${scheme.scheme ?? ''}\` auth is not an API key; only \`bearer\` is supported`;
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect')
    return `${scheme.type === 'oauth2' ? 'OAuth 2' : 'OpenID Connect'} is not an API key; its scopes are still read`;
  return `Security scheme type \`${scheme.type}\` is not supported`;
}

function supported(scheme: SecurityScheme): AuthScheme | undefined {
  if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name && scheme.name.toLowerCase() !== 'authorization')
    return { type: 'header', name: scheme.name };
  if (scheme.type === 'apiKey' && scheme.in === 'query' && scheme.name) return { type: 'query', name: scheme.name };
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') return { type: 'bearer' };
  return undefined;
}

/** The schemes in the document's order; two schemes the model would see as one (two bearer) count once. */
export function importAuth(file: string, document: OpenApiDocument, warnings: ImportWarning[]): ImportedAuth {
  const declared = Object.entries(document.components?.securitySchemes ?? {});
  const schemes: AuthScheme[] = [];
  const byName = new Map<string, AuthScheme>();
  const skipped: string[] = [];
  for (const [name, scheme] of declared) {
    const where = pointer('components', 'securitySchemes', name);
    const auth = supported(scheme);
    if (!auth) {
      warnings.push({ pointer: where, message: `${describeUnsupported(scheme)}. Skipped.` });
      skipped.push(`\`${name}\`: ${describeUnsupported(scheme)}`);
      continue;
    }
    const checked = authSchemeSchema.safeParse(auth);
    if (!checked.success) {
      warnings.push({ pointer: where, message: `${checked.error.issues[0]!.message} Skipped.` });
      skipped.push(`\`${name}\`: ${checked.error.issues[0]!.message.replace(/\.$/, '')}`);
      continue;
    }
    // Header names are case-insensitive; query parameter names are not.
    const same = schemes.find(
      (s) =>
        schemeId(s) === schemeId(auth) ||
        (s.type === 'header' && auth.type === 'header' && s.name.toLowerCase() === auth.name.toLowerCase()),
    );
    byName.set(name, same ?? auth);
    if (!same) schemes.push(auth);
  }
  if (schemes.length === 0) {
    throw new OpenApiImportError(file, [
      {
        pointer: pointer('components', 'securitySchemes'),
        message: `Keyport builds portals for APIs that take API keys, and this document declares no scheme it can serve${
          skipped.length ? ` (${skipped.join('; ')})` : ''
        }. Declare the key as \`type: apiKey, in: header\` (or \`in: query\`) or \`type: http, scheme: bearer\`; APIs whose only schemes are OAuth 2, OpenID Connect or cookies are not supported.`,
      },
    ]);
  }
  return { schemes, byName };
}
