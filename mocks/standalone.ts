/**
 * Entry of the local sandbox readers download from the docs site (`/sandbox/<product.id>-sandbox.mjs`).
 * src/integrations/local-sandbox.ts bundles it with msw, zod and the build's preset into one file
 * that runs with plain `node`: the same program as `npm run sandbox`, with the API fixed at build time.
 */
import { model } from '../src/api/index.ts';
import { localSandboxFiles } from './local-sandbox.ts';
import { runSandboxCli } from './sandbox-cli.ts';

await runSandboxCli({ model, argv: process.argv.slice(2), env: process.env, command: `node ${localSandboxFiles(model).script}` });
