/**
 * Cell formatting shared by several printers, as apimachinery and printers.go define it.
 */
import { canonicalQuantity } from '../../apiserver/validation/quantity.ts';
import { list, obj, objList, optObj, str, strMap } from './access.ts';

/** Go's sort.Strings order (bytes; UTF-16 order is the same for the ASCII keys labels allow). */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** labels.FormatLabels: `a=1,b=2` in key order, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(byteOrder);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

const expressionOperators: Record<string, string> = {
  In: 'in',
  NotIn: 'notin',
  Exists: '',
  DoesNotExist: '!',
};

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key, values sorted.
 * Returns undefined when the selector is nil (labels.Nothing) and null when it is invalid.
 */
export function labelSelectorString(selector: unknown): string | undefined | null {
  const sel = optObj(selector);
  if (sel === undefined) return undefined;
  const requirements: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(strMap(sel['matchLabels'])))
    requirements.push({ key, text: `${key}=${value}` });
  for (const expr of objList(sel['matchExpressions'])) {
    const key = str(expr['key']);
    const operator = str(expr['operator']);
    const values = list(expr['values']).map(String).sort(byteOrder);
    if (!(operator in expressionOperators)) return null;
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) return null;
      requirements.push({ key, text: `${key} ${expressionOperators[operator]} (${values.join(',')})` });
    } else {
      if (values.length > 0) return null;
      requirements.push({ key, text: operator === 'Exists' ? key : `!${key}` });
    }
  }
  return requirements
    .sort((a, b) => byteOrder(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: `<none>` for a nil or empty selector, `<error>` for an invalid one. */
export function formatLabelSelector(selector: unknown): string {
  const text = labelSelectorString(selector);
  if (text === null) return '<error>';
  return text === undefined || text === '' ? '<none>' : text;
}

/** printers.go layoutContainerCells: container names and images, comma-joined. */
export function containerCells(podSpec: unknown): [string, string] {
  const containers = objList(obj(podSpec)['containers']);
  return [containers.map((c) => str(c['name'])).join(','), containers.map((c) => str(c['image'])).join(',')];
}

/** printers.go printBoolPtr. */
export function boolPtr(value: unknown): string {
  if (typeof value !== 'boolean') return '<unset>';
  return value ? 'True' : 'False';
}

/** intstr.IntOrString.String(). */
export function intOrString(value: unknown): string {
  return typeof value === 'number' ? String(value) : str(value);
}

/** resource.Quantity.String(); a missing quantity is the zero value `0`, a nil pointer `<nil>`. */
export function quantity(value: unknown, missing = '0'): string {
  if (value === undefined || value === null) return missing;
  return canonicalQuantity(value);
}

const accessModeShort: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** helper.GetAccessModesAsString: fixed order, duplicates dropped. */
export function accessModes(modes: unknown): string {
  const present = new Set(list(modes).map(String));
  return accessModeShort
    .filter(([mode]) => present.has(mode))
    .map(([, short]) => short)
    .join(',');
}

/** `kind.group` lower-cased, as formatResourceName and `kubectl get` prefixes print it. */
export function groupKindText(group: string, kind: string): string {
  return (group === '' ? kind : `${kind}.${group}`).toLowerCase();
}
