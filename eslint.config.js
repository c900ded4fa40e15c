// @ts-check
/**
 * Lint: type-aware rules that find real bugs (promises nobody awaits, promises passed where a
 * callback's result is ignored, `await` on values that are not thenables, assertions that change
 * nothing), React's hook rules for the islands, and the import boundaries between the parts of
 * the project. Formatting is Prettier's job (`npm run format`); eslint-config-prettier turns off
 * every rule that would disagree with it.
 *
 * `npm run lint` allows no warnings.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** @typedef {{ group?: string[], regex?: string, message: string }} Pattern */

/**
 * Modules that import zod at run time, and the model as a whole. Type-only imports of them are
 * fine everywhere (`allowTypeImports`): they vanish at build time. Other modules of `src/api`
 * (`key-format.ts`, `code-targets.ts`, `runtime/`, …) stay importable; `define.ts` is not listed
 * because it imports zod's types only.
 * @type {Pattern[]}
 */
const zodModules = [
  { group: ['zod', 'zod/*'], message: 'zod stays on the build side: take plain data from the model layer instead.' },
  {
    regex: String.raw`(^|/)api/(index|model|builtins|openapi|text-rules|key-name)(\.ts)?$`,
    message:
      'This module loads zod and the model. Import a zod-free module (src/api/runtime/, key-format, code-targets, …) or take the value as a prop.',
  },
  {
    regex: String.raw`(^|/)api/(schema|presets)(/|$)`,
    message:
      'Schemas and presets load zod. Import a zod-free module (src/api/runtime/, key-format, code-targets, …) or take the value as a prop.',
  },
  // `../api` or `../../api` alone resolves to src/api/index.ts.
  { regex: String.raw`(^|/)api/?$`, message: 'src/api/index.ts is the whole model (zod and every preset).' },
];

/**
 * One `@typescript-eslint/no-restricted-imports` setting from pattern groups; type-only imports
 * always pass.
 * @param {...(Pattern | Pattern[])} groups
 * @returns {import('eslint').Linter.RuleEntry}
 */
function restrict(...groups) {
  return ['error', { patterns: groups.flat().map((group) => ({ allowTypeImports: true, ...group })) }];
}

/**
 * The same modules loaded with `import()`, which no-restricted-imports does not see. esquery
 * regexes cannot contain `/`, hence `\x2F`.
 * @type {import('eslint').Linter.RuleEntry}
 */
const noDynamicZodModules = [
  'error',
  {
    selector: String.raw`ImportExpression[source.value=/^zod(\x2F|$)|(^|\x2F)api(\x2F(index|model|builtins|openapi|text-rules|key-name)([.]ts)?|\x2F(schema|presets)(\x2F.*)?|\x2F?)$/]`,
    message: 'This module loads zod and the model; `import()` it only from build-time code.',
  },
];

/** @type {Pattern} */
const noMocks = { group: ['**/mocks/*', '**/mocks'], message: 'The sandbox (mocks/) is not a dependency of this part.' };
/** @type {Pattern} */
const noComponents = { group: ['**/components/*', '**/components/**'], message: 'Components are not a dependency of this part.' };
/** @type {Pattern} */
const noSdk = { group: ['**/sdk/*', '**/sdk'], message: 'The SDK is not a dependency of the model.' };

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-presets/',
      'dist-documents/',
      'sdk-dist/',
      '.astro/',
      'public/',
      'reports/',
      'test-results/',
      'playwright-report/',
      // Written by npm run generate (scripts/generate-spec.ts, scripts/generate-sdk.ts).
      'src/sdk/generated/',
      'src/api/generated/',
    ],
  },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The bug-finding rules this config is for, stated here so that they stay on whatever the
      // preset does.
      '@typescript-eslint/no-floating-promises': 'error',
      // Async event handlers in JSX (`onSubmit={save}`) are how React code is written; React
      // ignores their promise. Passing an async function where a result is used stays an error.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `verbatimModuleSyntax` already makes type-only imports explicit; this keeps them uniform.
      // `typeof import('./x.ts')` stays allowed: it types a module that is loaded with `import()`.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Under verbatimModuleSyntax, `import { type A } from './m.ts'` still loads m.ts at run time
      // (it compiles to `import {} from './m.ts'`); `import type { A }` does not. Without this,
      // a type-only import of the model would pass the boundary rules below and ship zod.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // Rejecting with `signal.reason` (typed `any`) is how an aborted wait should fail, as fetch
      // does. Rejecting with a string or a plain object is still reported.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  {
    // Plain JavaScript (config files) is not part of the TypeScript program.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    // Config files run in Node.
    languageOptions: { globals: globals.node },
  },

  {
    files: ['**/*.tsx', 'src/components/**/use-*.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['**/*.tsx', 'src/components/**/use-*.ts'],
    rules: {
      // Deliberate omissions are marked in place, with the reason.
      'react-hooks/exhaustive-deps': 'error',
      // Off: these three check what React Compiler needs, and the islands are not compiled by
      // it. Here they flag correct code: `ref={…}` props and the "latest value" ref written
      // during render (`refs`), `performance.now()` inside event handlers declared in the
      // component body (`purity`), and resetting state when a prop changes (`set-state-in-effect`).
      // The other compiler-era rules (mutating props or state, components declared during
      // render, setState during render) stay on: those are bugs with or without the compiler.
      'react-hooks/refs': 'off',
      'react-hooks/purity': 'off',
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Off in tests only: tests read untyped JSON (`await response.json()`, saved state files,
      // snapshots) and assert on it; a wrong field fails the assertion, so typing each body
      // adds nothing. Source code keeps these rules.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Fakes implement the async interfaces they stand in for, usually with nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Type tests hand methods to `expectTypeOf` to inspect their signatures; nothing is called.
    files: ['**/*.test-d.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },

  // Boundaries between the parts (the folder READMEs state them in words).
  {
    // The model is the root: it imports nothing of the others.
    files: ['src/api/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(noMocks, noComponents, noSdk) },
  },
  {
    // The SDK ships to readers' backends: ky, its own modules and plain generated data only.
    files: ['src/sdk/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(noMocks, noComponents, zodModules),
      'no-restricted-syntax': noDynamicZodModules,
    },
  },
  {
    // The sandbox knows no UI.
    files: ['mocks/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(noComponents) },
  },
  {
    // Islands and the browser code they load: no zod, no model. Their Astro wrappers compute
    // plain props from the model at build time.
    files: ['src/components/**/*.ts', 'src/components/**/*.tsx'],
    ignores: [
      // Build time only: these compute the islands' props and the docs pages from the model.
      'src/components/docs/**',
      'src/components/reference/**',
      'src/components/widgets/widget-data.ts',
      'src/components/labs/error-cases.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(zodModules),
      'no-restricted-syntax': noDynamicZodModules,
    },
  },

  prettier,
);
