/**
 * Makes a docs sample runnable in the playground: adds the SDK imports it uses but leaves out,
 * and a `client` when it uses one without creating it. Server-side (build time) only.
 */
import * as sdk from '../../sdk/index.ts';

export interface SampleParts {
  code: string;
  /** Lines the sample leaves out that the program needs first (stand-ins for a request, say). */
  before?: string | undefined;
  /** Lines after the sample, e.g. to print what it produced. */
  after?: string | undefined;
}

const SDK_EXPORTS = Object.keys(sdk).filter((name) => /^[A-Za-z]/.test(name));

export function sampleProgram({ code, before, after }: SampleParts, sdkPackage: string, envVar: string): string {
  const body = [before?.trim(), code.trim(), after?.trim()].filter(Boolean).join('\n\n');
  const importPattern = new RegExp(`import\\s*{([^}]*)}\\s*from\\s*['"]${sdkPackage.replace(/[/.]/g, '\\$&')}['"];?\\n?`, 'g');
  const imported = new Set(
    [...body.matchAll(importPattern)].flatMap((m) =>
      m[1]!
        .split(',')
        .map((s) => s.trim().replace(/^type\s+/, ''))
        .filter(Boolean),
    ),
  );
  const rest = body.replace(importPattern, '');
  const needsClient = /\bclient\./.test(rest) && !/\b(?:const|let|var)\s+client\b/.test(rest);
  const clientLine = needsClient ? `const client = createClient({ apiKey: process.env.${envVar} });\n\n` : '';
  const values = SDK_EXPORTS.filter((name) => imported.has(name) || new RegExp(`\\b${name}\\b`).test(clientLine + rest));
  // Names the SDK exports only as types (e.g. `FetchFunction`) stay type imports.
  const types = [...imported].filter((name) => !SDK_EXPORTS.includes(name)).map((name) => `type ${name}`);
  const names = [...values.sort(), ...types.sort()];
  const importLine = names.length ? `import { ${names.join(', ')} } from '${sdkPackage}';\n\n` : '';
  return `${importLine}${clientLine}${rest.trim().replace(/\n{3,}/g, '\n\n')}\n`;
}
