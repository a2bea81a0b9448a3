/** Dark or light: the user's choice, remembered; at first whatever the system prefers. */
import { create } from 'zustand';

export type Theme = 'dark' | 'light';
const STORAGE_KEY = 'kubesim.theme';

function initialTheme(): Theme {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'dark' || saved === 'light') return saved;
  } catch {
    // No storage: fall back to the system preference.
  }
  return globalThis.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

function applyTheme(theme: Theme): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme;
}

export const useTheme = create<{ theme: Theme; toggle(): void }>((set, get) => {
  const theme = initialTheme();
  applyTheme(theme);
  return {
    theme,
    toggle: () => {
      const next: Theme = get().theme === 'dark' ? 'light' : 'dark';
      try {
        globalThis.localStorage?.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered, but still switched.
      }
      applyTheme(next);
      set({ theme: next });
    },
  };
});
