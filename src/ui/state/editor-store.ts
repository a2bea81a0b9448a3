/** The editor's text, kept in the browser so a reload never loses it. */
import { create } from 'zustand';

const STORAGE_KEY = 'kubesim.editor.text';

function saved(fallback: string): string {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? fallback;
  } catch {
    return fallback;
  }
}

interface EditorState {
  text: string;
  setText(text: string): void;
}

export function createEditorStore(initial: string) {
  return create<EditorState>((set) => ({
    text: saved(initial),
    setText: (text) => {
      try {
        globalThis.localStorage?.setItem(STORAGE_KEY, text);
      } catch {
        // Storage can be full or disabled; the text stays in memory.
      }
      set({ text });
    },
  }));
}
