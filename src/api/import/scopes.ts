/**
 * Scopes, read from what the document says: the scope lists of its security requirements, with
 * descriptions from OAuth flows where an API documents its key scopes that way. Keyport adds one
 * full-access scope; an API without scopes gets full-access keys only, and nothing is invented.
 */
import type { z } from 'zod';
import { scopeIdSchema, type scopeSchema } from '../schema/scopes.ts';
import type { ImportedAuth } from './auth.ts';
import type { OpenApiDocument, SecurityRequirement } from './document.ts';
import type { ImportWarning } from './problems.ts';

export const FULL_ACCESS_SCOPE = 'full_access';

type ScopeInput = z.input<typeof scopeSchema>;

/** The scopes one operation requires: those of its first requirement that uses a key scheme. */
export function requiredScopes(requirements: SecurityRequirement[] | undefined, auth: ImportedAuth): string[] | undefined {
  for (const requirement of requirements ?? []) {
    const names = Object.keys(requirement);
    if (names.length > 0 && names.every((name) => auth.byName.has(name)))
      return [...new Set(names.flatMap((name) => requirement[name] ?? []))];
  }
  return undefined;
}

function oauthDescriptions(document: OpenApiDocument): Map<string, string> {
  const descriptions = new Map<string, string>();
  for (const scheme of Object.values(document.components?.securitySchemes ?? {})) {
    for (const flow of Object.values(scheme.flows ?? {})) {
      for (const [scope, description] of Object.entries(flow.scopes ?? {})) if (description) descriptions.set(scope, description);
    }
  }
  return descriptions;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1).replace(/[_-]/g, ' ');

/** Every scope the endpoints use (valid ids only, each with a warning otherwise), plus full access. */
export function importScopes(
  document: OpenApiDocument,
  used: Array<{ scopes: string[]; where: string }>,
  warnings: ImportWarning[],
): ScopeInput[] {
  const descriptions = oauthDescriptions(document);
  const scopes: ScopeInput[] = [{ id: FULL_ACCESS_SCOPE, description: 'Every endpoint', group: 'Full access', grantsAll: true }];
  const seen = new Set([FULL_ACCESS_SCOPE]);
  for (const { scopes: ids, where } of used) {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (!scopeIdSchema.safeParse(id).success) {
        warnings.push({
          pointer: where,
          message: `Scope \`${id}\` is not a Keyport scope id (like "pets:read" or "admin"); it is skipped and not checked.`,
        });
        continue;
      }
      const [resource, action] = id.split(':') as [string, string | undefined];
      scopes.push({
        id,
        description: descriptions.get(id) ?? (action ? `${capitalised(action)} ${resource.replace(/[_-]/g, ' ')}` : capitalised(id)),
        group: capitalised(resource),
      });
    }
  }
  return scopes;
}

/** The ids of `scopes` that `importScopes` kept. */
export function keptScopes(ids: string[], scopes: ScopeInput[]): string[] {
  return ids.filter((id) => scopes.some((scope) => scope.id === id));
}
