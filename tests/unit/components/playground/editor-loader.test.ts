/**
 * Loading the editor on demand as the reader sees it (its state and the status line). Monaco is
 * the boundary stood in for: a fake `createCodeEditor` that records what it was given.
 */
import { expect, it } from 'vitest';
import type { CodeEditor, EditorOptions } from '../../../../src/components/playground/code-editor.ts';
import { editorLoader, type EditorState } from '../../../../src/components/playground/editor-loader.ts';

function setup(failures = 0) {
  const seen = {
    states: [] as Array<[EditorState, string | undefined]>,
    statuses: [] as string[],
    created: [] as EditorOptions[],
    mounted: 0,
    focused: 0,
    loads: 0,
  };
  let code = 'console.log(1);';
  const fake = (options: EditorOptions): CodeEditor => {
    seen.created.push(options);
    return {
      getCode: () => options.code,
      setCode: () => undefined,
      mount: () => void (seen.mounted += 1),
      focus: () => void (seen.focused += 1),
      reveal: () => undefined,
      compile: async () => ({ js: '', lines: [], errors: [] }),
      onProblems: (listener) => (listener([]), () => undefined),
      markRuntimeError: () => undefined,
      clearRuntimeError: () => undefined,
    };
  };
  const loader = editorLoader({
    load: async () => {
      seen.loads += 1;
      if (seen.loads <= failures) throw new Error('Failed to fetch dynamically imported module');
      return { createCodeEditor: fake };
    },
    envVar: 'HUECHAT_API_KEY',
    host: () => ({}) as HTMLElement,
    code: () => code,
    onRun: () => undefined,
    onChange: () => undefined,
    onProblems: () => undefined,
    onState: (state, error) => seen.states.push([state, error]),
    onStatus: (text) => seen.statuses.push(text),
  });
  return { loader, seen, setCode: (next: string) => (code = next) };
}

it('loads once, with the code as it is when the editor is made, and says when it is ready', async () => {
  const { loader, seen, setCode } = setup();
  expect(loader.current()).toBeNull();
  setCode('const edited = true;');
  const [a, b] = await Promise.all([loader.open(true), loader.open(false)]);
  expect(a).toBe(b);
  expect(loader.current()).toBe(a);
  expect(seen.created).toEqual([{ code: 'const edited = true;', envVar: 'HUECHAT_API_KEY' }]);
  expect([seen.mounted, seen.focused]).toEqual([1, 1]);
  expect(seen.states).toEqual([
    ['loading', undefined],
    ['ready', undefined],
  ]);
  expect(seen.statuses).toEqual([
    'Loading the editor (about 3 MB from this site, once)…',
    'The editor is ready: completions, hover docs and type errors for the SDK.',
  ]);
});

it('says why it could not load, and tries again on the next call', async () => {
  const { loader, seen } = setup(1);
  await expect(loader.open(true)).rejects.toThrow('Failed to fetch');
  expect(seen.states.at(-1)).toEqual([
    'failed',
    'The editor could not load (Failed to fetch dynamically imported module). Check your connection and press Edit again.',
  ]);
  expect(seen.statuses.at(-1)).toBe('The editor could not load.');
  expect(loader.current()).toBeNull();
  await loader.open(false);
  expect(seen.loads).toBe(2);
  expect(seen.states.at(-1)).toEqual(['ready', undefined]);
  expect(loader.current()).not.toBeNull();
});
