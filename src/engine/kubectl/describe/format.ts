/** Value formatting shared by the describers (kubectl pkg/describe helpers). */
import type { JsonValue } from '../../api/types.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { formatRFC1123Z } from '../../time/clock.ts';

export type Obj = Record<string, JsonValue>;

export function obj(v: JsonValue | undefined): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
}

export function arr(v: JsonValue | undefined): JsonValue[] {
  return Array.isArray(v) ? v : [];
}

export function s(v: JsonValue | undefined): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

export function num(v: JsonValue | undefined, fallback = 0): number {
  return typeof v === 'number' ? v : fallback;
}

/** Go's time.RFC1123Z in UTC, the layout describe prints timestamps with. */
export function rfc1123z(timestamp: JsonValue | undefined): string {
  const ms = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(ms)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  return formatRFC1123Z(ms);
}

/** Go's time.Duration.String() for a whole number of seconds. */
export function goDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = seconds % 60;
  if (h > 0) return `${h}h${m}m${sec}s`;
  if (m > 0) return `${m}m${sec}s`;
  return `${sec}s`;
}

export function goBool(v: JsonValue | undefined): string {
  return v === true ? 'True' : 'False';
}

/** kubectl's printBoolPtr: `True`, `False`, or `<unset>` for a missing *bool. */
export function goBoolPointer(v: JsonValue | undefined): string {
  return v === undefined || v === null ? '<unset>' : goBool(v);
}

/** `Title:\tfirst\n\tsecond\n…` with `<none>` for no lines. */
export function writeMultiline(
  w: DescribeWriter,
  level: number,
  title: string,
  lines: readonly string[],
): void {
  if (lines.length === 0) {
    w.write(level, `${title}:\t<none>\n`);
    return;
  }
  w.write(level, `${title}:\t${lines[0]}\n`);
  for (const line of lines.slice(1)) w.write(level, `\t${line}\n`);
}

export function labelLines(labels: JsonValue | undefined): string[] {
  const o = obj(labels);
  return Object.keys(o)
    .sort()
    .map((k) => `${k}=${s(o[k])}`);
}

export function writeLabels(
  w: DescribeWriter,
  level: number,
  title: string,
  labels: JsonValue | undefined,
): void {
  writeMultiline(w, level, title, labelLines(labels));
}

const maxAnnotationLen = 140;
const skippedAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

export function writeAnnotations(w: DescribeWriter, level: number, annotations: JsonValue | undefined): void {
  const o = obj(annotations);
  const keys = Object.keys(o)
    .filter((k) => !skippedAnnotations.has(k))
    .sort();
  w.write(level, 'Annotations:\t');
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i > 0) w.write(level, '\t');
    const value = s(o[key]).replace(/\n$/, '');
    if (value.length + key.length + 2 > maxAnnotationLen || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(level, `\t  ${shorten(line, maxAnnotationLen - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

export function tolerationLines(tolerations: JsonValue | undefined): string[] {
  return arr(tolerations)
    .map(obj)
    .sort((a, b) => (s(a.key) < s(b.key) ? -1 : s(a.key) > s(b.key) ? 1 : 0))
    .map((t) => {
      let line = s(t.key);
      if (s(t.value) !== '') line += `=${s(t.value)}`;
      if (s(t.effect) !== '') line += `:${s(t.effect)}`;
      if (s(t.operator) === 'Exists' && s(t.value) === '') line += ' op=Exists';
      if (typeof t.tolerationSeconds === 'number') line += ` for ${t.tolerationSeconds}s`;
      return line;
    });
}

export function taintLines(taints: JsonValue | undefined): string[] {
  // kubectl sorts taints by "effect,key" before printing them.
  const sortKey = (t: Obj): string => `${s(t.effect)},${s(t.key)}`;
  return arr(taints)
    .map(obj)
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))
    .map((t) => `${s(t.key)}${s(t.value) !== '' ? `=${s(t.value)}` : ''}:${s(t.effect)}`);
}

export function controllerRef(meta: Obj): Obj | undefined {
  return arr(meta.ownerReferences)
    .map(obj)
    .find((r) => r.controller === true);
}

/** Go's labels.FormatLabels: `k=v,k2=v2` in key order, or `<none>`. */
export function formatLabels(map: JsonValue | undefined): string {
  const o = obj(map);
  const keys = Object.keys(o).sort();
  return keys.length ? keys.map((k) => `${k}=${s(o[k])}`).join(',') : '<none>';
}

/** Go's fmt `%v` of a []string: `[a b]`. */
export function goList(values: JsonValue | undefined): string {
  return `[${arr(values).map(s).join(' ')}]`;
}
