/**
 * `kubectl get -o yaml|json|name` and the names mutating commands print.
 *
 * `get` prints a single object only when one object was named (`get pod web`); any other
 * request, even one that matched a single object, prints a `List`. managedFields are
 * hidden unless `--show-managed-fields` is given.
 */
import { parseApiVersion, type KubeObject } from '../../api/types.ts';
import { marshalJson } from './json.ts';
import { marshalYaml } from './yaml/marshal.ts';

export type ObjectFormat = 'yaml' | 'json';

export interface ObjectOutputOptions {
  /** One object was named on the command line: print it bare rather than as a List. */
  readonly singleItemImplied: boolean;
  readonly showManagedFields?: boolean;
}

function withoutManagedFields(object: KubeObject): KubeObject {
  if (object.metadata.managedFields === undefined) return object;
  const { managedFields: _hidden, ...metadata } = object.metadata;
  return { ...object, metadata };
}

/** The `List` kubectl wraps several objects in. */
export function asList(objects: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...objects], kind: 'List', metadata: { resourceVersion: '' } };
}

export function formatObject(value: unknown, format: ObjectFormat): string {
  return format === 'json' ? marshalJson(value) : marshalYaml(value);
}

export function printObjects(
  objects: readonly KubeObject[],
  format: ObjectFormat,
  options: ObjectOutputOptions,
): string {
  const shown = options.showManagedFields ? objects : objects.map(withoutManagedFields);
  const only = shown[0];
  const value = options.singleItemImplied && shown.length === 1 && only !== undefined ? only : asList(shown);
  return formatObject(value, format);
}

/**
 * Objects printed one by one (create/apply/... `-o yaml`): YAML documents are separated by
 * `---`, JSON documents simply follow each other.
 */
export function printObjectStream(
  objects: readonly KubeObject[],
  format: ObjectFormat,
  showManagedFields = false,
): string {
  const shown = showManagedFields ? objects : objects.map(withoutManagedFields);
  return shown.map((o, i) => (format === 'yaml' && i > 0 ? '---\n' : '') + formatObject(o, format)).join('');
}

/** `deployment.apps/web`, `pod/web`; with an operation: `deployment.apps/web created`. */
export function formatResourceName(
  object: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>,
  operation?: string,
): string {
  const { group } = parseApiVersion(object.apiVersion);
  const kind = object.kind.toLowerCase();
  const name = `${group === '' ? kind : `${kind}.${group}`}/${object.metadata.name ?? ''}`;
  return operation === undefined || operation === '' ? name : `${name} ${operation}`;
}

/** `-o name`: one `kind.group/name` line per object. */
export function printNames(objects: readonly KubeObject[], operation?: string): string {
  return objects.map((o) => `${formatResourceName(o, operation)}\n`).join('');
}
