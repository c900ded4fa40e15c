/**
 * Loading the playground's editor on demand, without React: Monaco (`code-editor.ts`, ≈ 3 MB) is
 * imported on the first Edit or Run, mounted once, and shared by every later call; a failed load
 * says so and is tried again on the next call. What the reader sees (loading, ready, failed, the
 * status line) is reported through callbacks.
 */
import type { CodeEditor, Problem } from './code-editor.ts';

export type EditorState = 'placeholder' | 'loading' | 'ready' | 'failed';

export interface EditorLoaderOptions {
  /** Imports the editor module (in the browser `import('./code-editor.ts')`). */
  load: () => Promise<Pick<typeof import('./code-editor.ts'), 'createCodeEditor'>>;
  envVar: string;
  /** Where the editor goes; read when it mounts. */
  host: () => HTMLElement;
  /** The code to start with: read when the editor is created, so edits made meanwhile are kept. */
  code: () => string;
  onRun: () => void;
  onChange: (code: string) => void;
  onProblems: (problems: Problem[]) => void;
  onState: (state: EditorState, error?: string) => void;
  onStatus: (text: string) => void;
}

export interface EditorLoader {
  /** The editor, loading it on the first call; `focus` moves the focus into it. */
  open(this: void, focus: boolean): Promise<CodeEditor>;
  /** The editor once it has loaded, else `null`. */
  current(): CodeEditor | null;
}

export function editorLoader(options: EditorLoaderOptions): EditorLoader {
  let editor: CodeEditor | null = null;
  let loading: Promise<CodeEditor> | null = null;

  const load = async (): Promise<CodeEditor> => {
    options.onState('loading');
    options.onStatus('Loading the editor (about 3 MB from this site, once)…');
    try {
      const { createCodeEditor } = await options.load();
      const created = createCodeEditor({ code: options.code(), envVar: options.envVar });
      created.mount(options.host(), {
        ariaLabel: 'TypeScript code. Ctrl+Enter runs it.',
        onRun: options.onRun,
        onChange: options.onChange,
      });
      created.onProblems(options.onProblems);
      editor = created;
      options.onState('ready');
      options.onStatus('The editor is ready: completions, hover docs and type errors for the SDK.');
      performance.mark('playground:editor-ready');
      return created;
    } catch (error) {
      loading = null;
      const message = error instanceof Error ? error.message : String(error);
      options.onState('failed', `The editor could not load (${message}). Check your connection and press Edit again.`);
      options.onStatus('The editor could not load.');
      throw error;
    }
  };

  return {
    open(focus) {
      loading ??= load();
      return loading.then((loaded) => {
        if (focus) loaded.focus();
        return loaded;
      });
    },
    current: () => editor,
  };
}
