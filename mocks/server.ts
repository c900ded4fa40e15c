/**
 * `npm run sandbox`: the sandbox as a local HTTP server for curl, Python or any real client.
 * Loopback only. `PORT` (default 8787; 0 picks a free port), `KEYPORT_PRESET` picks the API,
 * `KEYPORT_SPEC=path/to/openapi.yaml` serves an OpenAPI document's API instead (preview),
 * `SANDBOX_STATE=path` keeps the state across restarts (in `path.sqlite`, see `state-files.ts`); `npm run sandbox -- --help`
 * lists the options (the program itself is `sandbox-cli.ts`, shared with the downloadable file).
 */
import { model as builtModel, type ApiModel } from '../src/api/index.ts';
import { runSandboxCli } from './sandbox-cli.ts';

/** The document's model, with what was skipped on stderr; a document that cannot be imported ends the process. */
async function modelFromSpec(file: string): Promise<ApiModel> {
  // Loaded only when asked for: the importer brings an OpenAPI parser the presets do not need.
  const { importOpenApiFile, OpenApiImportError } = await import('../src/api/import/index.ts');
  try {
    const { model, warnings } = await importOpenApiFile(file);
    for (const warning of warnings) console.error(`warning: ${warning.pointer}: ${warning.message}`);
    return model;
  } catch (error) {
    if (!(error instanceof OpenApiImportError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const spec = process.env['KEYPORT_SPEC'];
const model = spec ? await modelFromSpec(spec) : builtModel;
await runSandboxCli({ model, argv: process.argv.slice(2), env: process.env, command: 'npm run sandbox --' });
