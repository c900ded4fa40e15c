/**
 * Monaco, bundled from this site and loaded only when the reader asks for the editor or runs
 * code (this module is imported dynamically). It holds the one TypeScript model, the SDK's real
 * declarations (sdk-dist/keyport-sdk.d.ts, built before every site build) and `process.env`, and
 * compiles with Monaco's own TypeScript worker.
 */
import * as monaco from 'monaco-editor/editor';
// The editor's features (suggestions, hover, parameter hints, find, …) must be registered before
// the editor is created; the TypeScript mode would otherwise bring them only once it loads.
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
// The CSS Monaco's modules import is dropped from Astro's build; the package's own bundle of it
// is inserted on first use instead (the `exports` map hides it, hence the relative path).
import editorCss from '../../../node_modules/monaco-editor/min/vs/editor/editor.main.css?inline';
import sdkDeclarations from '../../../sdk-dist/keyport-sdk.d.ts?raw';
import { COMPILER_OPTIONS, environmentDeclarations } from './editor-config.ts';
import type { MappedLine } from './protocol.ts';
import { decodeMappings } from './source-map.ts';

export const FILE_NAME = 'playground.ts';

export interface Problem {
  severity: 'error' | 'warning';
  line: number;
  column: number;
  message: string;
}

export interface Compiled {
  js: string;
  lines: MappedLine[];
  /** Type and syntax errors at the time of compiling. */
  errors: Problem[];
}

export interface CodeEditor {
  getCode(): string;
  /** Replaces the code; undoable in the editor when it is shown. */
  setCode(code: string): void;
  /** Shows the editor in `container` (once). */
  mount(container: HTMLElement, options: { ariaLabel: string; onRun: () => void; onChange: (code: string) => void }): void;
  focus(): void;
  /** Moves the cursor to a line and column and focuses the editor. */
  reveal(line: number, column: number): void;
  compile(): Promise<Compiled>;
  /** Problems in the code, now and whenever they change. */
  onProblems(listener: (problems: Problem[]) => void): () => void;
  /** Marks where the last run threw, until the code changes or the next run. */
  markRuntimeError(line: number | null, column: number | null, message: string): void;
  clearRuntimeError(): void;
}

export interface EditorOptions {
  code: string;
  envVar: string;
}

/** Colours from the page, so the editor matches Starlight's theme (Monaco wants #rrggbb). */
function hex(color: string, fallback: string): string {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(color);
  if (!match || match[4] === '0') return fallback;
  return `#${match
    .slice(1, 4)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** `styled` is the element whose background and colour the editor takes (the code area). */
function defineThemes(styled: HTMLElement): void {
  const style = getComputedStyle(styled);
  const dark = document.documentElement.dataset['theme'] !== 'light';
  const background = hex(style.backgroundColor, dark ? '#1e1e1e' : '#ffffff');
  const foreground = hex(style.color, dark ? '#d4d4d4' : '#000000');
  monaco.editor.defineTheme(dark ? 'keyport-dark' : 'keyport-light', {
    base: dark ? 'vs-dark' : 'vs',
    inherit: true,
    // vs-dark's comments (#608b4e) miss 4.5:1 on Starlight's dark background by a hair.
    rules: dark ? [{ token: 'comment', foreground: '6a9955' }] : [],
    colors: { 'editor.background': background, 'editor.foreground': foreground, 'editorGutter.background': background },
  });
  monaco.editor.setTheme(dark ? 'keyport-dark' : 'keyport-light');
}

let cssInserted = false;

export function createCodeEditor({ code, envVar }: EditorOptions): CodeEditor {
  // Monaco looks its workers up here.
  globalThis.MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
  };
  const ts = typescript.typescriptDefaults;
  ts.setCompilerOptions({
    ...COMPILER_OPTIONS,
    lib: [...COMPILER_OPTIONS.lib],
    target: typescript.ScriptTarget.ESNext,
    module: typescript.ModuleKind.ESNext,
    moduleResolution: typescript.ModuleResolutionKind.NodeJs,
    newLine: typescript.NewLineKind.LineFeed,
    sourceMap: true,
    allowNonTsExtensions: true,
  });
  ts.setEagerModelSync(true);
  ts.addExtraLib(sdkDeclarations, 'file:///node_modules/@types/keyport-sdk/index.d.ts');
  ts.addExtraLib(environmentDeclarations(envVar), 'file:///playground-env.d.ts');

  const uri = monaco.Uri.parse(`file:///${FILE_NAME}`);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(code, 'typescript', uri);
  let editor: monaco.editor.IStandaloneCodeEditor | null = null;
  let themeObserver: MutationObserver | null = null;

  const problems = (): Problem[] =>
    monaco.editor
      .getModelMarkers({ resource: uri })
      .filter((m) => m.owner !== 'playground-run' && m.severity >= monaco.MarkerSeverity.Warning)
      .sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn)
      .map((m) => ({
        severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : 'warning',
        line: m.startLineNumber,
        column: m.startColumn,
        message: m.message,
      }));

  const clearRuntimeError = () => monaco.editor.setModelMarkers(model, 'playground-run', []);
  model.onDidChangeContent(clearRuntimeError);

  return {
    getCode: () => model.getValue(),
    setCode(next) {
      if (next === model.getValue()) return;
      model.pushStackElement();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: next }], () => null);
      model.pushStackElement();
    },
    mount(container, { ariaLabel, onRun, onChange }) {
      if (editor) return;
      if (!cssInserted) {
        const style = document.createElement('style');
        style.dataset['monaco'] = '';
        style.textContent = editorCss;
        document.head.append(style);
        cssInserted = true;
      }
      // The host fills the code area, which carries the page's colours and monospace font.
      const styled = container.parentElement ?? container;
      defineThemes(styled);
      const mono = getComputedStyle(styled).fontFamily;
      editor = monaco.editor.create(container, {
        model,
        ariaLabel,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontFamily: mono,
        fontSize: 14,
        lineHeight: 21,
        padding: { top: 12, bottom: 12 },
        tabSize: 2,
        // The docs column is narrow (and phones narrower): wrap rather than scroll sideways.
        wordWrap: 'on',
        // No glyphs are drawn and few programs pass 999 lines: a narrow gutter leaves phones room for code.
        glyphMargin: false,
        lineNumbersMinChars: 3,
        wrappingIndent: 'same',
        fixedOverflowWidgets: true,
        renderLineHighlight: 'line',
        // The number of a final empty line is dimmed by default, below contrast minimums.
        renderFinalNewline: 'on',
        accessibilitySupport: 'auto',
        scrollbar: { alwaysConsumeMouseWheel: false },
      });
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, onRun);
      model.onDidChangeContent(() => onChange(model.getValue()));
      // Starlight sets data-theme on <html>; follow it.
      themeObserver = new MutationObserver(() => defineThemes(styled));
      themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    },
    focus: () => editor?.focus(),
    reveal(line, column) {
      editor?.setPosition({ lineNumber: line, column });
      editor?.revealLineInCenterIfOutsideViewport(line);
      editor?.focus();
    },
    async compile() {
      const getWorker = await typescript.getTypeScriptWorker();
      const worker = await getWorker(uri);
      const file = uri.toString();
      const [syntactic, semantic, output] = await Promise.all([
        worker.getSyntacticDiagnostics(file),
        worker.getSemanticDiagnostics(file),
        worker.getEmitOutput(file),
      ]);
      const js = output.outputFiles.find((f) => f.name.endsWith('.js'))?.text ?? '';
      const map = output.outputFiles.find((f) => f.name.endsWith('.js.map'))?.text;
      const errors = [...syntactic, ...semantic]
        .filter((d) => d.category === 1)
        .map((d): Problem => {
          const at = model.getPositionAt(d.start ?? 0);
          const text = typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText;
          return { severity: 'error', line: at.lineNumber, column: at.column, message: text };
        });
      return { js, lines: map ? decodeMappings((JSON.parse(map) as { mappings: string }).mappings) : [], errors };
    },
    onProblems(listener) {
      listener(problems());
      const subscription = monaco.editor.onDidChangeMarkers((uris) => {
        if (uris.some((u) => u.toString() === uri.toString())) listener(problems());
      });
      return () => subscription.dispose();
    },
    markRuntimeError(line, column, message) {
      if (line === null) return;
      monaco.editor.setModelMarkers(model, 'playground-run', [
        {
          severity: monaco.MarkerSeverity.Error,
          message: `Thrown when run: ${message}`,
          startLineNumber: line,
          startColumn: column ?? 1,
          endLineNumber: line,
          endColumn: model.getLineMaxColumn(line),
        },
      ]);
      editor?.revealLineInCenterIfOutsideViewport(line);
    },
    clearRuntimeError,
  };
}
