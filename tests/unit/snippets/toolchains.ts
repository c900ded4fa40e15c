/**
 * How each snippet language is run, as a reader would run it: the shell for curl, Node for
 * fetch and the SDK, python3 with requests, `go run`, php, ruby, `java` with OkHttp on the class
 * path (single-file source), and Mono's `mcs` then `mono` for C#.
 *
 * A toolchain missing here is a skip with its reason printed; under `CI=true` it is a failure,
 * since `.ci/run` installs every one of them.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { SnippetLanguage } from '../../../src/components/snippets/languages.ts';

export interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** How long one snippet may run (a compiler included) before it is stopped and reported as failed. */
export const RUN_TIMEOUT_MS = 60_000;

function exec(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(command, args, { env, cwd, timeout: RUN_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ exitCode, stdout, stderr });
    });
  });
}

const onPath = (command: string) => {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) if (dir && existsSync(join(dir, command))) return join(dir, command);
  return null;
};

/**
 * The machine's own Node (what a reader has), not the one npm pins for this project; the pinned
 * one when there is no other. The fetch snippet promises Node 18+.
 */
function systemNode(): string {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir.includes('node_modules')) continue;
    const candidate = join(dir, 'node');
    if (existsSync(candidate)) return candidate;
  }
  return process.execPath;
}

/** OkHttp and Okio jars: Debian's libokhttp-java, or `OKHTTP_CLASSPATH`. */
function okhttpClassPath(): string | null {
  if (process.env['OKHTTP_CLASSPATH']) return process.env['OKHTTP_CLASSPATH'];
  const jars = ['/usr/share/java/okhttp.jar', '/usr/share/java/okio.jar'];
  return jars.every(existsSync) ? jars.join(':') : null;
}

function pythonHasRequests(): boolean {
  try {
    execFileSync('python3', ['-c', 'import requests'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface Toolchain {
  /** Why the language cannot run here, or `null` when it can. */
  missing(): string | null;
  /** Saves `code` in the empty folder `dir` under the name the snippet suggests, and runs it there. */
  run(code: string, env: NodeJS.ProcessEnv, dir: string): Promise<Outcome>;
}

function saved(dir: string, file: string, code: string): string {
  writeFileSync(join(dir, file), code);
  return dir;
}

const need =
  (...commands: string[]) =>
  () => {
    const absent = commands.filter((c) => !onPath(c));
    return absent.length ? `${absent.join(', ')} not found (Debian: see .ci/run)` : null;
  };

export const TOOLCHAINS: Record<SnippetLanguage, Toolchain> = {
  curl: {
    missing: need('sh', 'curl'),
    // POSIX sh (dash on Debian), so the snippet is not relying on bash.
    run: (code, env, dir) => exec('sh', ['-c', code], env, saved(dir, 'request.sh', code)),
  },
  node: {
    missing: () => null,
    run: (code, env, dir) => {
      saved(dir, 'request.mjs', code);
      return exec(systemNode(), [join(dir, 'request.mjs')], env, dir);
    },
  },
  sdk: {
    missing: () => null,
    // The SDK needs Node 22+: the project's pinned Node.
    run: (code, env, dir) => {
      saved(dir, 'request.mjs', code);
      return exec(process.execPath, [join(dir, 'request.mjs')], env, dir);
    },
  },
  python: {
    missing: () =>
      !onPath('python3') ? 'python3 not found' : pythonHasRequests() ? null : 'python3 has no requests (Debian: python3-requests)',
    run: (code, env, dir) => {
      saved(dir, 'request.py', code);
      return exec('python3', [join(dir, 'request.py')], env, dir);
    },
  },
  go: {
    missing: need('go'),
    run: (code, env, dir) => {
      saved(dir, 'main.go', code);
      return exec('go', ['run', 'main.go'], env, dir);
    },
  },
  php: {
    missing: () =>
      need('php')() ??
      (execFileSync('php', ['-m'], { encoding: 'utf8' }).split('\n').includes('curl')
        ? null
        : 'php has no curl extension (Debian: php-curl)'),
    run: (code, env, dir) => {
      saved(dir, 'request.php', code);
      return exec('php', ['request.php'], env, dir);
    },
  },
  ruby: {
    missing: need('ruby'),
    run: (code, env, dir) => {
      saved(dir, 'request.rb', code);
      return exec('ruby', ['request.rb'], env, dir);
    },
  },
  java: {
    missing: () => need('java')() ?? (okhttpClassPath() ? null : 'OkHttp jars not found (Debian: libokhttp-java, or set OKHTTP_CLASSPATH)'),
    run: (code, env, dir) => {
      saved(dir, 'Main.java', code);
      return exec('java', ['-cp', okhttpClassPath()!, 'Main.java'], env, dir);
    },
  },
  csharp: {
    missing: need('mcs', 'mono'),
    run: async (code, env, dir) => {
      saved(dir, 'Program.cs', code);
      const compiled = await exec('mcs', ['-r:System.Net.Http.dll', 'Program.cs'], env, dir);
      if (compiled.exitCode !== 0) return { ...compiled, stderr: `mcs failed:\n${compiled.stdout}${compiled.stderr}` };
      return exec('mono', ['Program.exe'], env, dir);
    },
  },
};
