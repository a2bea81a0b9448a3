/** What most describers start with: the object's parts, and its name, labels and annotations. */
import type { KubeObject } from '../../api/types.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { obj, s, writeAnnotations, writeLabels, type Obj } from './format.ts';

export interface Parts {
  readonly o: Obj;
  readonly meta: Obj;
  readonly spec: Obj;
  readonly status: Obj;
}

export function partsOf(object: KubeObject): Parts {
  const o = object as unknown as Obj;
  return { o, meta: obj(o.metadata), spec: obj(o.spec), status: obj(o.status) };
}

/** `Name:`, `Namespace:` (unless the kind is cluster-scoped), `Labels:` and `Annotations:`. */
export function writeIdentity(w: DescribeWriter, meta: Obj, namespaced = true): void {
  w.write(0, `Name:\t${s(meta.name)}\n`);
  if (namespaced) w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
}
