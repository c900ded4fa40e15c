/**
 * `npm run import -- path/to/openapi.yaml`: imports an OpenAPI 3.0/3.1 document (JSON or YAML)
 * the way a portal build will, and prints what it amounts to and every warning. Exits 1 with the
 * file, the JSON pointer and what to fix when the document cannot be imported.
 */
import { importOpenApiFile, OpenApiImportError } from '../src/api/import/index.ts';
import { importSummary } from '../src/api/import/summary.ts';

const file = process.argv[2];
if (!file || file === '--help') {
  console.error('Usage: npm run import -- path/to/openapi.yaml');
  process.exit(file ? 0 : 2);
}

try {
  console.log(importSummary(await importOpenApiFile(file)));
} catch (error) {
  if (!(error instanceof OpenApiImportError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
