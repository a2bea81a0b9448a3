/** Switches between the dark and the light theme. */
import { useTheme } from './theme-store.ts';

export function ThemeToggle() {
  const theme = useTheme((s) => s.theme);
  const toggle = useTheme((s) => s.toggle);
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label="Theme"
      aria-pressed={theme === 'light'}
      title={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
      onClick={toggle}
    >
      {theme === 'dark' ? '☀ Light' : '☾ Dark'}
    </button>
  );
}
