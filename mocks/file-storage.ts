/**
 * A JSON file as state storage, for the HTTP server (`SANDBOX_STATE=path`). Node only: browser
 * code must not import it. Writes go to a temporary file renamed over the old one, so a crash
 * mid-write leaves the previous state rather than half a file.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
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
