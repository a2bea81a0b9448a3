/**
 * Finds where in the editor's YAML an API error points: the strict decoding error's unknown
 * field, or the field of a validation error, located in the document of the named kind.
 */
import { parseAllDocuments, isMap, isSeq, isScalar, type Node } from 'yaml';

export interface ErrorLocation {
  /** 1-based lines and columns, as Monaco counts them. */
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

/** `spec.template.spec.containers[0].image` → ['spec', 'template', 'spec', 'containers', 0, 'image']. */
export function fieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return out;
    if (m[1]) out.push(m[1]);
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

/** The fields an error message names, with the kind of object it is about. */
export function fieldsInError(text: string): { kind?: string; name?: string; fields: string[] } {
  const strict = /cannot be handled as an? (\w+): strict decoding error: (.*)$/m.exec(text);
  if (strict) {
    const fields = [...strict[2]!.matchAll(/(?:unknown|duplicate) field "([^"]+)"/g)].map((m) => m[1]!);
    return { kind: strict[1]!, fields };
  }
  const invalid = /The (\w+) "([^"]+)" is invalid: (.*)$/m.exec(text);
  if (invalid) {
    const fields = [...invalid[3]!.matchAll(/(?:^|\[|, )([a-zA-Z][\w.[\]-]*): /g)].map((m) => m[1]!);
    return { kind: invalid[1]!, name: invalid[2]!, fields };
  }
  return { fields: [] };
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** The deepest node on `path` that exists (a missing tail points at its parent's key). */
function keyRange(root: Node | null, path: (string | number)[]): [number, number] | undefined {
  let node: Node | null = root;
  let range: [number, number] | undefined;
  for (const step of path) {
    if (typeof step === 'number' && isSeq(node)) {
      const item = node.items[step] as Node | undefined;
      if (!item) break;
      node = item;
      if (item.range) range = [item.range[0], item.range[1]];
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      const key = pair.key as Node;
      if (key.range) range = [key.range[0], key.range[1]];
      node = pair.value as Node | null;
    } else break;
  }
  return range;
}

export function locateErrors(text: string, errorText: string): ErrorLocation[] {
  const { kind, name, fields } = fieldsInError(errorText);
  if (fields.length === 0) return [];
  const documents = parseAllDocuments(text);
  const docs = Array.isArray(documents) ? documents : [documents];
  const message = errorText.trim();
  const locations: ErrorLocation[] = [];
  for (const doc of docs) {
    const json = doc.toJS({ maxAliasCount: 100 }) as { kind?: string; metadata?: { name?: string } } | null;
    if (kind && json?.kind !== kind) continue;
    if (name && json?.metadata?.name !== name) continue;
    for (const field of fields) {
      const range = keyRange(doc.contents, fieldPath(field));
      if (!range) continue;
      const start = lineCol(text, range[0]);
      const end = lineCol(text, range[1]);
      locations.push({
        startLine: start.line,
        startColumn: start.column,
        endLine: end.line,
        endColumn: end.column,
        message,
      });
    }
    if (locations.length > 0) break;
  }
  return locations;
}
