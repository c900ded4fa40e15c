/**
 * The local sandbox readers download: `/sandbox/<product.id>-sandbox.mjs`, built from
 * mocks/standalone.ts with esbuild into one ES module — msw, zod and the build's preset included —
 * that runs with plain `node FILE` (Node ≥ 20) in an empty folder. Written into the build output
 * when the site is built; `astro dev` builds and serves it on request.
 *
 * Minified (≈ 470 KB, 150 KB gzip, instead of ≈ 850 KB, 195 KB gzip): it is a program to run, not
 * a page to read. The part meant for people is the header comment; the source is in mocks/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as esbuild from 'esbuild';
import type { ApiModel } from '../api/model.ts';
import { DEFAULT_ORIGIN, localSandboxCommands, localSandboxFiles, OPTION_LINES } from '../../mocks/local-sandbox.ts';
import { localBases } from '../../mocks/local-urls.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface LocalSandboxOptions {
  /** The build's preset (`KEYPORT_PRESET`), fixed into the file. */
  preset: string;
  model: ApiModel;
}

/**
 * Only the build's preset goes into the file: `src/api/presets/index.ts` (every preset) is
 * replaced by a module that lists just this one, so the file cannot run another API either.
 */
function onePreset(preset: string): esbuild.Plugin {
  const file = join(root, 'src/api/presets', `${preset}.ts`);
  return {
    name: 'keyport-one-preset',
    setup(build) {
      build.onResolve({ filter: /^\.\/presets\/index\.ts$/ }, (args) =>
        args.importer === join(root, 'src/api/index.ts') ? { path: 'keyport-presets', namespace: 'keyport' } : undefined,
      );
      build.onLoad({ filter: /^keyport-presets$/, namespace: 'keyport' }, () => {
        if (!existsSync(file))
          throw new Error(`local-sandbox: preset "${preset}" is not in ${file}; name the preset's file after the preset.`);
        return {
          contents: `import preset from ${JSON.stringify(file)};\nexport const presets = { ${JSON.stringify(preset)}: preset };\nexport const DEFAULT_PRESET = ${JSON.stringify(preset)};\n`,
          loader: 'ts',
          resolveDir: root,
        };
      });
    },
  };
}

/**
 * zod's 40-odd translations of its messages (≈ 250 KB before minifying) are left out: the sandbox
 * answers in English, which zod registers on its own, and nothing here picks another locale.
 */
const noZodLocales: esbuild.Plugin = {
  name: 'keyport-no-zod-locales',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** The header comment: what the file is, how to run it, its options. */
function header(model: ApiModel): string {
  const files = localSandboxFiles(model);
  const commands = localSandboxCommands(model);
  const name = model.product.name;
  const urls = localBases(model)
    .slice()
    .reverse()
    .map((base) => [base.environment, `${DEFAULT_ORIGIN}${base.localPath}/…`, `${base.baseUrl}/…`] as const);
  const width = Math.max(...urls.map(([, local]) => local.length));
  const bases = urls.map(([env, local, real]) => `//   ${env.padEnd(4)}  ${local.padEnd(width)}  stands for ${real}`);
  return [
    '#!/usr/bin/env node',
    `// ${name} sandbox — the simulated ${name} API on your own machine, for curl, Python or any HTTP client.`,
    '//',
    `// The same sandbox as the key manager and console of ${model.product.docsUrl}, as an HTTP server`,
    '// on 127.0.0.1 (loopback only). One file, nothing to install: it needs Node.js 20 or later.',
    '//',
    '// Run it:',
    `//   ${commands.runFresh.padEnd(commands.runWithExport.length)}   a new sandbox; prints a full-access test key once`,
    `//   ${commands.runWithExport}   the keys you made in your browser: first use`,
    `//   ${' '.repeat(commands.runWithExport.length)}   "Export for the local sandbox" in the docs' key manager`,
    '// Then call it with one of your test keys:',
    `//   export ${model.product.envVar}=…`,
    `//   ${commands.whoami}`,
    '//',
    '// URLs:',
    ...bases,
    '//',
    `// Options (node ${files.script} --help):`,
    ...OPTION_LINES.map((line) => (line ? `//   ${line}` : '//')),
    '//',
    `// Built by Keyport (mocks/standalone.ts) for the "${model.product.id}" API. Minified; the licences of the`,
    '// packages bundled in it (msw, zod and what they use) are at the end of this file.',
    '',
  ].join('\n');
}

/**
 * esbuild's ESM output turns a CommonJS `require('tty')` inside a bundled package into an error;
 * giving the module a real `require` lets those calls reach Node's built-ins.
 */
const REQUIRE_SHIM =
  "import { createRequire as __keyportCreateRequire } from 'node:module';\nconst require = __keyportCreateRequire(import.meta.url);";

/** The licence text of every package that went into the bundle, as one closing comment. */
function notices(metafile: esbuild.Metafile): string {
  const roots = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(input);
    if (match) roots.add(join(root, match[1]!));
  }
  const blocks = [...roots].sort().map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const licenseFile = readdirSync(dir).find((name) => /^licen[cs]e/i.test(name));
    const text = licenseFile
      ? readFileSync(join(dir, licenseFile), 'utf8').trim()
      : `(${pkg.license ?? 'no licence'} per its package.json; the package has no licence file)`;
    return `${pkg.name} ${pkg.version} — ${pkg.license ?? 'see below'}\n\n${text}`;
  });
  const body = blocks.join('\n\n----------------------------------------\n\n').replace(/\*\//g, '* /');
  return `\n/*\nThird-party packages bundled in this file, and their licences:\n\n${body}\n*/\n`;
}

export interface LocalSandboxFile {
  name: string;
  code: string;
}

/** Bundles the local sandbox for `preset`; takes about a second. */
export async function buildLocalSandbox({ preset, model }: LocalSandboxOptions): Promise<LocalSandboxFile> {
  const result = await esbuild.build({
    entryPoints: [join(root, 'mocks/standalone.ts')],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    metafile: true,
    logLevel: 'warning',
    // Fixes the preset, as the site build does for the browser sandbox.
    define: { 'import.meta.env': JSON.stringify({ KEYPORT_PRESET: preset }) },
    banner: { js: `${header(model)}${REQUIRE_SHIM}` },
    plugins: [onePreset(preset), noZodLocales],
  });
  return { name: localSandboxFiles(model).script, code: result.outputFiles[0]!.text + notices(result.metafile) };
}

export default function localSandbox(options: LocalSandboxOptions): AstroIntegration {
  const { scriptPath } = localSandboxFiles(options.model);
  return {
    name: 'keyport-local-sandbox',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        let built: Promise<LocalSandboxFile> | undefined;
        server.middlewares.use((req, res, next) => {
          if (req.url?.split('?')[0] !== scriptPath) return next();
          // Built on first request and kept: edits to mocks/ need a restart of `astro dev`.
          built ??= buildLocalSandbox(options);
          built.then(
            (file) => {
              res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
              res.end(file.code);
            },
            (error: unknown) => {
              built = undefined;
              logger.error(`Could not build ${scriptPath}: ${String(error)}`);
              next(error);
            },
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const file = await buildLocalSandbox(options);
        const path = join(fileURLToPath(dir), scriptPath);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.code);
        const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
        const bytes = Buffer.byteLength(file.code);
        logger.info(`${scriptPath}: ${kb(bytes)}, ${kb(gzipSync(file.code, { level: 9 }).length)} gzip`);
      },
    },
  };
}
