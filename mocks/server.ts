/**
 * `npm run sandbox`: the sandbox as a local HTTP server for curl, Python or any real client.
 * Loopback only. `PORT` (default 8787; 0 picks a free port), `KEYPORT_PRESET` picks the API,
 * `SANDBOX_STATE=path` keeps the state across restarts (in `path.sqlite`, see `state-files.ts`); `npm run sandbox -- --help`
 * lists the options (the program itself is `sandbox-cli.ts`, shared with the downloadable file).
 */
import { loadModel } from '../src/api/index.ts';
import { runSandboxCli } from './sandbox-cli.ts';

await runSandboxCli({ model: loadModel(), argv: process.argv.slice(2), env: process.env, command: 'npm run sandbox --' });
