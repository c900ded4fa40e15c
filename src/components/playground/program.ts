/**
 * Turns the TypeScript worker's output into what the sandbox runs: the SDK import pointed at the
 * bundle the worker will load, the source map reference removed, and imports of anything else
 * refused with a message (the sandbox has no packages but the SDK, and no network to get one).
 */
import { SDK_PLACEHOLDER } from './protocol.ts';

export interface PreparedProgram {
  code: string;
  /** Specifiers the program imports that the sandbox cannot provide. */
  unknownImports: string[];
}

const SPECIFIER = /(\bimport\s*(?:[\w*${},\s]+\s*from\s*)?|\bexport\s*[\w*${},\s]*\s*from\s*|\bimport\s*\(\s*)(['"])([^'"\n]+)\2/g;

export function prepareProgram(compiled: string, sdkPackage: string): PreparedProgram {
  const unknownImports = new Set<string>();
  const code = compiled
    .replace(/^\/\/# sourceMappingURL=.*$/m, '')
    .replace(SPECIFIER, (match, head: string, _quote: string, specifier: string) => {
      if (specifier === sdkPackage) return `${head}'${SDK_PLACEHOLDER}'`;
      unknownImports.add(specifier);
      return match;
    });
  return { code, unknownImports: [...unknownImports] };
}
