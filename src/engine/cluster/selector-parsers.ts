/** The API server's label and field selector parsing, from the labels module. */
import type { SelectorParsers } from '../apiserver/ports.ts';
import { parseFieldSelector, parseSelector } from '../labels/index.ts';

export const selectorParsers: SelectorParsers = {
  labels(text) {
    const parsed = parseSelector(text);
    return parsed.ok ? parsed.value : parsed.error;
  },
  fields(text) {
    const parsed = parseFieldSelector(text);
    if (!parsed.ok) return parsed.error;
    return { matcher: parsed.value, fields: parsed.value.requirements.map((r) => r.field) };
  },
};
