/**
 * A navigable view of the compact schema: each position in an object's schema becomes a
 * Shape (struct, array, map or primitive) that knows its Go type name and OpenAPI extensions.
 * Shapes are built lazily and cached, so lookups on hot paths allocate nothing.
 */
import type { CompactComposite, CompactSchemaData, CompactType } from './compact-types.ts';

export type Primitive =
  | 'string'
  | 'bool'
  | 'int32'
  | 'int64'
  | 'float64'
  | 'bytes'
  | 'quantity'
  | 'intstr'
  | 'time'
  | 'microtime'
  | 'any';

export interface Extensions {
  readonly patchStrategy?: string;
  readonly mergeKey?: string;
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
  readonly mapType?: string;
}

interface ShapeBase {
  /** The Go type as reflect prints it in decode errors, e.g. `[]v1.Container`. */
  readonly go: string;
  readonly ext: Extensions;
}
export interface PrimitiveShape extends ShapeBase {
  readonly kind: 'primitive';
  readonly primitive: Primitive;
}
export interface StructShape extends ShapeBase {
  readonly kind: 'struct';
  readonly def: number;
  /** Full OpenAPI definition name, e.g. `io.k8s.api.core.v1.PodSpec`. */
  readonly definition: string;
  /** The Go struct name, e.g. `PodSpec`. */
  readonly structName: string;
}
export interface ArrayShape extends ShapeBase {
  readonly kind: 'array';
  readonly elem: Shape;
}
export interface MapShape extends ShapeBase {
  readonly kind: 'map';
  readonly value: Shape;
}
export type Shape = PrimitiveShape | StructShape | ArrayShape | MapShape;

const primitiveCodes: Readonly<Record<string, [Primitive, string]>> = {
  s: ['string', 'string'],
  b: ['bool', 'bool'],
  i32: ['int32', 'int32'],
  i64: ['int64', 'int64'],
  f64: ['float64', 'float64'],
  by: ['bytes', '[]uint8'],
  q: ['quantity', 'resource.Quantity'],
  is: ['intstr', 'intstr.IntOrString'],
  t: ['time', 'v1.Time'],
  mt: ['microtime', 'v1.MicroTime'],
  any: ['any', 'runtime.RawExtension'],
};

const noExtensions: Extensions = Object.freeze({});

function extensionsOf(c: CompactComposite): Extensions {
  if (
    c.ps === undefined &&
    c.mk === undefined &&
    c.lt === undefined &&
    c.lk === undefined &&
    c.mt === undefined
  ) {
    return noExtensions;
  }
  return Object.freeze({
    ...(c.ps !== undefined && { patchStrategy: c.ps }),
    ...(c.mk !== undefined && { mergeKey: c.mk }),
    ...(c.lt !== undefined && { listType: c.lt }),
    ...(c.lk !== undefined && { listMapKeys: Object.freeze([...c.lk]) }),
    ...(c.mt !== undefined && { mapType: c.mt }),
  });
}

/** `io.k8s.api.core.v1.PodSpec` → `v1.PodSpec`: reflect names a type by its package's last element. */
export function goTypeOfDefinition(definition: string): string {
  const parts = definition.split('.');
  return `${parts[parts.length - 2] ?? ''}.${parts[parts.length - 1] ?? ''}`;
}

export class SchemaModel {
  private readonly defShapes: (StructShape | undefined)[] = [];
  private readonly fieldMaps: (ReadonlyMap<string, Shape> | undefined)[] = [];
  private readonly primitiveShapes = new Map<string, PrimitiveShape>();
  private readonly compositeShapes = new WeakMap<CompactComposite, Shape>();

  constructor(readonly data: CompactSchemaData) {}

  get version(): string {
    return this.data.version;
  }

  /** The shape of a kind's top-level object, or undefined when the kind has no schema. */
  kindShape(group: string, version: string, kind: string): StructShape | undefined {
    const i = this.data.kinds[`${group}/${version}/${kind}`];
    return i === undefined ? undefined : this.structShape(i, noExtensions);
  }

  /** Fields of a struct, in the order the OpenAPI document lists them. */
  fields(shape: StructShape): ReadonlyMap<string, Shape> {
    let fields = this.fieldMaps[shape.def];
    if (!fields) {
      const def = this.data.defs[shape.def];
      fields = new Map(Object.entries(def?.f ?? {}).map(([name, t]) => [name, this.shape(t)]));
      this.fieldMaps[shape.def] = fields;
    }
    return fields;
  }

  required(shape: StructShape): readonly string[] {
    return this.data.defs[shape.def]?.r ?? [];
  }

  shape(t: CompactType): Shape {
    if (typeof t === 'number') return this.structShape(t, noExtensions);
    if (typeof t === 'string') return this.primitiveShape(t);
    let s = this.compositeShapes.get(t);
    if (!s) {
      s = this.compositeShape(t);
      this.compositeShapes.set(t, s);
    }
    return s;
  }

  private structShape(def: number, ext: Extensions): StructShape {
    const cached = ext === noExtensions ? this.defShapes[def] : undefined;
    if (cached) return cached;
    const definition = this.data.names[def];
    if (definition === undefined) throw new Error(`schema: no definition #${def}`);
    const go = goTypeOfDefinition(definition);
    const shape: StructShape = Object.freeze({
      kind: 'struct',
      def,
      definition,
      structName: go.slice(go.indexOf('.') + 1),
      go,
      ext,
    });
    if (ext === noExtensions) this.defShapes[def] = shape;
    return shape;
  }

  private primitiveShape(code: string): PrimitiveShape {
    let s = this.primitiveShapes.get(code);
    if (!s) {
      const colon = code.indexOf(':');
      const base = colon < 0 ? code : code.slice(0, colon);
      const known = primitiveCodes[base];
      if (!known) throw new Error(`schema: unknown primitive code ${code}`);
      s = Object.freeze({
        kind: 'primitive',
        primitive: known[0],
        go: colon < 0 ? known[1] : code.slice(colon + 1),
        ext: noExtensions,
      });
      this.primitiveShapes.set(code, s);
    }
    return s;
  }

  private compositeShape(c: CompactComposite): Shape {
    const ext = extensionsOf(c);
    if (c.d !== undefined) return this.structShape(c.d, ext);
    if (c.a !== undefined) {
      const elem = this.shape(c.a);
      return Object.freeze({ kind: 'array', elem, go: c.go ?? `[]${elem.go}`, ext });
    }
    if (c.m !== undefined) {
      const value = this.shape(c.m);
      return Object.freeze({ kind: 'map', value, go: c.go ?? `map[string]${value.go}`, ext });
    }
    throw new Error('schema: composite type without d, a or m');
  }
}
