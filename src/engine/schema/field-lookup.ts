/**
 * Lookups for validators: the type of the field at a path and the required fields of the
 * struct at a path. A path is a list of property names; a number or '*' steps into list
 * items or map values.
 */
import type { SchemaModel, Shape, StructShape } from './schema-model.ts';

export type FieldPath = readonly (string | number)[];

export interface FieldType {
  readonly kind:
    | 'object'
    | 'array'
    | 'map'
    | 'string'
    | 'boolean'
    | 'int32'
    | 'int64'
    | 'float64'
    | 'byte'
    | 'quantity'
    | 'int-or-string'
    | 'date-time'
    | 'micro-time'
    | 'any';
  /** For objects: the OpenAPI definition name, e.g. `io.k8s.api.core.v1.Container`. */
  readonly definition?: string;
  /** The Go type name, e.g. `[]v1.Container` or `v1.RestartPolicy`. */
  readonly goType: string;
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
  readonly mergeKey?: string;
  readonly patchStrategy?: string;
}

const primitiveKinds = {
  string: 'string',
  bool: 'boolean',
  int32: 'int32',
  int64: 'int64',
  float64: 'float64',
  bytes: 'byte',
  quantity: 'quantity',
  intstr: 'int-or-string',
  time: 'date-time',
  microtime: 'micro-time',
  any: 'any',
} as const;

export function resolvePath(model: SchemaModel, root: StructShape, path: FieldPath): Shape | undefined {
  let shape: Shape = root;
  for (const step of path) {
    if (typeof step === 'number' || step === '*') {
      if (shape.kind === 'array') shape = shape.elem;
      else if (shape.kind === 'map') shape = shape.value;
      else return undefined;
    } else if (shape.kind === 'struct') {
      const next = model.fields(shape).get(step);
      if (!next) return undefined;
      shape = next;
    } else if (shape.kind === 'map') {
      shape = shape.value;
    } else {
      return undefined;
    }
  }
  return shape;
}

export function describeShape(shape: Shape): FieldType {
  const kind =
    shape.kind === 'struct'
      ? 'object'
      : shape.kind === 'primitive'
        ? primitiveKinds[shape.primitive]
        : shape.kind;
  return {
    kind,
    goType: shape.go,
    ...(shape.kind === 'struct' && { definition: shape.definition }),
    ...(shape.ext.listType !== undefined && { listType: shape.ext.listType }),
    ...(shape.ext.listMapKeys !== undefined && { listMapKeys: shape.ext.listMapKeys }),
    ...(shape.ext.mergeKey !== undefined && { mergeKey: shape.ext.mergeKey }),
    ...(shape.ext.patchStrategy !== undefined && { patchStrategy: shape.ext.patchStrategy }),
  };
}
