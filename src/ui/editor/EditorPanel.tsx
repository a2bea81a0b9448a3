/**
 * The editor column: a menu of example manifests, the YAML editor and Apply, which runs
 * `kubectl apply -f -` on the text exactly as the terminal would and marks the lines an
 * error points to. The text is never cleared or lost by Apply.
 */
import { useState } from 'react';
import type { ExecResult } from '../engine-client.ts';
import { examples } from '../examples/index.ts';
import { createEditorStore } from '../state/editor-store.ts';
import { locateErrors, type ErrorLocation } from './error-location.ts';
import { YamlEditor } from './YamlEditor.tsx';
import './editor.css';

export const useEditor = createEditorStore(examples[0]!.yaml);

export interface EditorPanelProps {
  readonly ready: boolean;
  readonly theme: 'dark' | 'light';
  readonly run: (command: string, stdin?: string) => Promise<ExecResult>;
}

export function EditorPanel({ ready, theme, run }: EditorPanelProps) {
  const text = useEditor((s) => s.text);
  const setText = useEditor((s) => s.setText);
  const [errors, setErrors] = useState<readonly ErrorLocation[]>([]);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const apply = async () => {
    setBusy(true);
    try {
      const output = await run('kubectl apply -f -', text);
      setResult({ ok: output.exitCode === 0, text: output.text.trim() });
      setErrors(output.exitCode === 0 ? [] : locateErrors(text, output.text));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="editor-panel" aria-label="Editor">
      <div className="editor-toolbar">
        <label className="examples">
          <span className="visually-hidden">Examples</span>
          <select
            aria-label="Examples"
            value=""
            onChange={(e) => {
              const example = examples.find((x) => x.id === e.target.value);
              if (example) {
                setText(example.yaml);
                setErrors([]);
                setResult(undefined);
              }
            }}
          >
            <option value="" disabled>
              Examples…
            </option>
            {examples.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="apply" disabled={!ready || busy} onClick={() => void apply()}>
          Apply
        </button>
      </div>
      <YamlEditor value={text} onChange={setText} errors={errors} theme={theme} />
      {result ? (
        <output className={result.ok ? 'apply-result ok' : 'apply-result error'} aria-label="Apply result">
          {result.text}
        </output>
      ) : null}
    </section>
  );
}
