/**
 * The Monaco YAML editor: Kubernetes schema validation, completion and hover docs, and the
 * markers of the last Apply's errors at the lines they point to.
 */
import { useEffect, useRef, useState } from 'react';
import type * as MonacoApi from 'monaco-editor';
import type { ErrorLocation } from './error-location.ts';

type Monaco = typeof MonacoApi;
type Editor = MonacoApi.editor.IStandaloneCodeEditor;

export interface YamlEditorProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly errors: readonly ErrorLocation[];
  readonly theme: 'dark' | 'light';
}

const APPLY_OWNER = 'kubectl-apply';

export function YamlEditor({ value, onChange, errors, theme }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<{ monaco: Monaco; editor: Editor } | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const changeRef = useRef(onChange);
  useEffect(() => {
    changeRef.current = onChange;
  });

  useEffect(() => {
    let disposed = false;
    let editor: Editor | undefined;
    import('./monaco-setup.ts')
      .then(({ monaco }) => {
        if (disposed || !host.current) return;
        const model = monaco.editor.createModel(value, 'yaml', monaco.Uri.parse('file:///manifest.yaml'));
        editor = monaco.editor.create(host.current, {
          model,
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 13,
          tabSize: 2,
          scrollBeyondLastLine: false,
          quickSuggestions: { other: true, comments: false, strings: true },
          ariaLabel: 'YAML manifest',
        });
        editor.onDidChangeModelContent(() => changeRef.current(model.getValue()));
        setLoaded({ monaco, editor });
      })
      .catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      disposed = true;
      editor?.getModel()?.dispose();
      editor?.dispose();
    };
    // The editor is created once; later `value` changes are pushed below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const model = loaded?.editor.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
  }, [loaded, value]);

  useEffect(() => {
    if (!loaded) return;
    const model = loaded.editor.getModel();
    if (!model) return;
    loaded.monaco.editor.setModelMarkers(
      model,
      APPLY_OWNER,
      errors.map((e) => ({
        startLineNumber: e.startLine,
        startColumn: e.startColumn,
        endLineNumber: e.endLine,
        endColumn: e.endColumn,
        message: e.message,
        severity: loaded.monaco.MarkerSeverity.Error,
        source: 'kubectl apply',
      })),
    );
    const first = errors[0];
    if (first) loaded.editor.revealLineInCenterIfOutsideViewport(first.startLine);
  }, [loaded, errors]);

  useEffect(() => {
    loaded?.monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [loaded, theme]);

  if (failed) {
    return (
      <textarea
        className="editor-fallback"
        aria-label="YAML manifest"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
      />
    );
  }
  return (
    <div className="monaco-frame">
      <div className="monaco-host" ref={host} data-loaded={loaded ? 'true' : 'false'} />
      {loaded ? null : <p className="editor-loading">Loading the editor…</p>}
    </div>
  );
}
