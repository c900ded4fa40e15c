/**
 * What an import amounts to, in a few lines a person reads in a terminal: the product, where its
 * environments answer, how keys are sent, the scopes, collections and endpoints, and then every
 * warning with its JSON pointer.
 */
import { keyLine } from '../runtime/index.ts';
import type { ImportResult } from './index.ts';

export function importSummary({ model, warnings }: ImportResult): string {
  const own = model.endpoints.filter((e) => e.action.type !== 'keys' && e.action.type !== 'whoami');
  const schemes = model.auth.schemes.map((s) => keyLine(s, '<key>'));
  const lines = [
    `${model.product.name} (${model.product.docsTitle})`,
    ...model.environments.map((env) => `  ${env.id.padEnd(4)} ${env.baseUrl}  keys ${env.keyPrefix}…`),
    `  keys in ${schemes.join(' or ')}`,
    `  ${model.scopes.length} scope${model.scopes.length === 1 ? '' : 's'}: ${model.scopes.map((s) => s.id).join(', ')}`,
    `  ${model.collections.length} collection${model.collections.length === 1 ? '' : 's'}${model.collections.length ? `: ${model.collections.map((c) => c.id).join(', ')}` : ''}`,
    `  errors: ${model.errorFormat.envelope ? `{"${model.errorFormat.envelope}": {…}}` : 'top-level fields'} (${model.errorFormat.fields.id}, ${model.errorFormat.fields.message})`,
    `  ${own.length} endpoint${own.length === 1 ? '' : 's'}, plus key management at ${model.management.keysPath} and "who am I" at ${model.management.whoamiPath}:`,
    ...own.map((e) => `    ${e.method.padEnd(6)} ${e.path}  ${e.id}${e.scopes.length ? `  [${e.scopes.join(', ')}]` : ''}`),
  ];
  if (warnings.length) {
    lines.push(
      '',
      `${warnings.length} warning${warnings.length === 1 ? '' : 's'} (skipped):`,
      ...warnings.map((w) => `  ${w.pointer}: ${w.message}`),
    );
  } else {
    lines.push('', 'No warnings: everything in the document was imported.');
  }
  return lines.join('\n');
}
