/**
 * What the editor's TypeScript knows besides the SDK: the compiler options and `process.env`.
 * Kept apart from Monaco so the unit tests type-check the examples with the same settings.
 */

/** Options shared by the editor and the tests (the editor adds target, module and emit settings). */
export const COMPILER_OPTIONS = {
  // The code runs in a Worker: no DOM.
  lib: ['lib.es2023.d.ts', 'lib.webworker.d.ts', 'lib.webworker.iterable.d.ts', 'lib.webworker.asynciterable.d.ts'],
  // Every file is a module, so top-level await works even without an import.
  moduleDetection: 3,
  strict: true,
  noImplicitOverride: true,
  skipLibCheck: true,
} as const;

/** The playground's environment: the chosen key is put here, never into the code. */
export function environmentDeclarations(envVar: string): string {
  return `// The playground's environment: the key you choose is put here, never into the code.
declare var process: {
  env: {
    /** The API key chosen in the playground's key menu; \`undefined\` when you chose none. */
    ${envVar}?: string;
    [name: string]: string | undefined;
  };
};
`;
}
