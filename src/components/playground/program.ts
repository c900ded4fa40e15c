/**
 * Turns the TypeScript worker's output into what the sandbox runs: the SDK import pointed at the
 * bundle the worker will load, the source map reference removed, and imports of anything else
 * refused with a message (the sandbox has no packages but the SDK, and no network to get one).
 */
import { scanCode } from '../widgets/code-literals.ts';
import { SDK_PLACEHOLDER } from './protocol.ts';

export interface PreparedProgram {
  code: string;
  /** Specifiers the program imports that the sandbox cannot provide. */
  unknownImports: string[];
}

/** What comes before a module specifier: `import … from`, `export … from`, `import(`. */
const SPECIFIER_HEAD = /(\bimport\s*(?:[\w*${},\s]+\s*from\s*)?|\bexport\s*[\w*${},\s]*\s*from\s*|\bimport\s*\(\s*)(?=['"])/g;

export function prepareProgram(compiled: string, sdkPackage: string): PreparedProgram {
  const unknownImports = new Set<string>();
  const code = compiled.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  // Heads are searched with strings and comments blanked, so words inside them are not syntax.
  const { literals, blanked } = scanCode(code);
  const literalAt = new Map(literals.map((literal) => [literal.start, literal]));
  let out = '';
  let copied = 0;
  for (const match of blanked.matchAll(SPECIFIER_HEAD)) {
    const specifier = literalAt.get(match.index + match[0].length);
    if (!specifier) continue;
    if (specifier.text === sdkPackage) {
      out += `${code.slice(copied, specifier.start)}'${SDK_PLACEHOLDER}'`;
      copied = specifier.end;
    } else {
      unknownImports.add(specifier.text);
    }
  }
  return { code: out + code.slice(copied), unknownImports: [...unknownImports] };
}
