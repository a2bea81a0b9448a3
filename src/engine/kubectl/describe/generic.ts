/** kubectl's generic describer, for kinds without a dedicated one. */
import type { JsonValue, KubeObject } from '../../api/types.ts';
import { DescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events.ts';
import { obj, s, writeAnnotations, writeLabels, type Obj } from './format.ts';

const acronyms = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** A field name as a label: `apiVersion` → `API Version`, `creationTimestamp` → `Creation Timestamp`. */
export function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[A-Z]+|-+/g) ?? [field];
  return parts
    .map((p) => (acronyms.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

function scalar(v: JsonValue): string {
  if (v === null) return '<nil>';
  return typeof v === 'string' ? v : String(v);
}

function writeContent(
  w: DescribeWriter,
  level: number,
  content: Obj,
  prefix: string,
  skip: ReadonlySet<string>,
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field]!;
    const path = `${prefix}.${field}`;
    if (skip.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child))
          writeContent(w, level + 1, child, path, skip);
        else w.write(level + 1, `${Array.isArray(child) ? JSON.stringify(child) : scalar(child)}\n`);
      }
    } else if (value !== null && typeof value === 'object') {
      w.write(level, `${smartLabel(field)}:\n`);
      writeContent(w, level + 1, value, path, skip);
    } else {
      w.write(level, `${smartLabel(field)}:\t${scalar(value)}\n`);
    }
  }
}

const skipped = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);

export function describeGeneric(object: KubeObject, events: readonly Obj[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const o = object as unknown as Obj;
  const meta = obj(o.metadata);
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
  writeContent(w, 0, o, '', skipped);
  if (events) writeEvents(w, events, now);
  return w.text();
}
