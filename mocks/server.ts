/**
 * `npm run sandbox`: the sandbox as a local HTTP server for curl, Python or any real client.
 * Loopback only. `PORT` (default 8787; 0 picks a free port), `KEYPORT_PRESET` picks the API,
 * `SANDBOX_STATE=path` keeps the state in a JSON file across restarts.
 * The one deliberate print of a key is the bootstrap owner key below; nothing else logs keys.
 */
import { resolve } from 'node:path';
import { loadModel } from '../src/api/index.ts';
import { fileStorage } from './file-storage.ts';
import { createSandboxServer, listen } from './http-server.ts';
import { localBases } from './local-urls.ts';
import { createSandbox } from './sandbox.ts';
import { memoryStorage } from './storage.ts';

const port = Number(process.env['PORT'] ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number (0–65535), not "${process.env['PORT']}".`);
  process.exit(1);
}
const statePath = process.env['SANDBOX_STATE'] ? resolve(process.env['SANDBOX_STATE']) : null;

const model = loadModel();
const sandbox = await createSandbox({ model, storage: statePath ? fileStorage(statePath) : memoryStorage() });
if (sandbox.recoveryMessage) console.error(sandbox.recoveryMessage);

const server = createSandboxServer(sandbox);
let origin: string;
try {
  origin = await listen(server, port);
} catch (error) {
  const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(busy ? `Port ${port} is in use. Set PORT to another port, or 0 for any free one.` : String(error));
  process.exit(1);
}

const { envVar } = model.product;
const primary = model.auth.schemes[0]!;
const authHeader = primary.type === 'bearer' ? `Authorization: Bearer $${envVar}` : `${primary.name}: $${envVar}`;
const bases = localBases(model);
const testBase = bases.find((b) => b.environment === 'test')!;
const lines = [`${model.product.name} sandbox`, ''];
for (const base of bases) lines.push(`  ${base.environment.padEnd(4)}  ${origin}${base.localPath}  (stands for ${base.baseUrl})`);
lines.push('');
if (sandbox.ownerKey) {
  lines.push('Full-access test key (shown once; the sandbox keeps only its hash):', `  export ${envVar}=${sandbox.ownerKey}`);
} else {
  lines.push(`Keys were restored from ${statePath}; the owner key was printed when that file was created.`, `Delete the file to start over with a new key.`);
}
lines.push('', 'Try it:', `  curl -H "${authHeader}" ${origin}${testBase.localPath}${model.management.whoamiPath}`, '');
console.log(lines.join('\n'));

function stop() {
  server.close(() => {
    sandbox.dispose();
    console.log('Sandbox stopped.');
  });
  server.closeAllConnections();
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
