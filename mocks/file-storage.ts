/**
 * A JSON file as state storage, for the HTTP server (`SANDBOX_STATE=path`, `--state path`). Node
 * only: browser code must not import it. Writes go to a temporary file renamed over the old one,
 * so a crash mid-write leaves the previous state rather than half a file.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { savedStateProblem } from './state.ts';
import type { StateStorage } from './storage.ts';

export function fileStorage(path: string): StateStorage {
  return {
    load: () => {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    save: (text) => {
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, text, { mode: 0o600 });
      renameSync(temporary, path);
    },
  };
}

/**
 * Why the file a reader named with `--state` cannot be loaded as this API's sandbox, in words
 * that say what to do; `null` when its keys can be restored. Only reads: a file that would be
 * replaced by a fresh sandbox is refused instead, so an export is never overwritten by mistake.
 */
export function stateFileProblem(path: string, productId: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return `There is no file ${path}. Export one from the docs' key manager ("Export for the local sandbox"), or leave out --state to start a new sandbox.`;
    if (code === 'EISDIR') return `${path} is a folder; --state needs the JSON file exported from the docs' key manager.`;
    return `Cannot read ${path}: ${(error as Error).message}`;
  }
  const problem = savedStateProblem(text, productId);
  return (
    problem &&
    `The state file ${path} ${problem}, so it cannot be loaded; it was left as it is. Export it again from the docs' key manager, or leave out --state to start a new sandbox.`
  );
}
