import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Sandbox tests start real HTTP servers and child processes (curl, python).
    testTimeout: 20_000,
  },
});
