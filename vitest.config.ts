import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // `*.test-d.ts` files are type tests: Vitest checks them with tsc and counts each `test()`
    // as passed or failed, alongside the tests that run. Type errors elsewhere are the type
    // check's to report (`npm run typecheck`), so they are not counted twice.
    typecheck: { enabled: true, include: ['tests/unit/**/*.test-d.ts'], tsconfig: 'tsconfig.json', ignoreSourceErrors: true },
    // Sandbox tests start real HTTP servers and child processes (curl, python).
    testTimeout: 20_000,
  },
});
