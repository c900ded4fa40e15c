import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // `*.test-d.ts` files are type tests: Vitest checks them with tsc and counts each `test()`
    // as passed or failed, alongside the tests that run.
    typecheck: { enabled: true, include: ['tests/unit/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
    // Sandbox tests start real HTTP servers and child processes (curl, python).
    testTimeout: 20_000,
  },
});
