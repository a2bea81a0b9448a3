/**
 * PatchMeta (./patch-meta.ts) read from the schema's OpenAPI extensions, for strategic merge
 * patch: patch strategy and merge key of lists, list types and map keys.
 */
import { schemalessPatchMeta, type PatchMeta } from './patch-meta.ts';
import type { SchemaModel, Shape } from './schema-model.ts';

type Strategy = PatchMeta['patchStrategies'][number];

function strategies(value: string | undefined): readonly Strategy[] {
  if (!value) return [];
  return value
    .split(',')
    .filter((s): s is Strategy => s === 'merge' || s === 'replace' || s === 'retainKeys');
}

function listType(value: string | undefined): PatchMeta['listType'] {
  return value === 'atomic' || value === 'set' || value === 'map' ? value : undefined;
}

class ShapePatchMeta implements PatchMeta {
  readonly type: PatchMeta['type'];
  readonly patchStrategies: readonly Strategy[];
  // Declared, not initialised: absent extensions stay absent properties.
  declare readonly mergeKey?: string;
  declare readonly listType?: PatchMeta['listType'];
  declare readonly listMapKeys?: readonly string[];

  constructor(
    private readonly model: SchemaModel,
    private readonly shape: Shape,
  ) {
    this.type =
      shape.kind === 'struct'
        ? 'object'
        : shape.kind === 'map'
          ? 'map'
          : shape.kind === 'array'
            ? 'array'
            : shape.primitive === 'any'
              ? 'unknown'
              : 'primitive';
    this.patchStrategies = strategies(shape.ext.patchStrategy);
    const lt = listType(shape.ext.listType);
    Object.assign(this, {
      ...(shape.ext.mergeKey !== undefined && { mergeKey: shape.ext.mergeKey }),
      ...(lt !== undefined && { listType: lt }),
      ...(shape.ext.listMapKeys !== undefined && { listMapKeys: shape.ext.listMapKeys }),
    });
  }

  field(name: string): PatchMeta | undefined {
    if (this.shape.kind === 'primitive' && this.shape.primitive === 'any') return schemalessPatchMeta;
    if (this.shape.kind !== 'struct') return undefined;
    const f = this.model.fields(this.shape).get(name);
    return f ? patchMetaOf(this.model, f) : undefined;
  }

  items(): PatchMeta | undefined {
    if (this.shape.kind === 'array') return patchMetaOf(this.model, this.shape.elem);
    if (this.shape.kind === 'map') return patchMetaOf(this.model, this.shape.value);
    if (this.shape.kind === 'primitive' && this.shape.primitive === 'any') return schemalessPatchMeta;
    return undefined;
  }
}

const cache = new WeakMap<Shape, PatchMeta>();

export function patchMetaOf(model: SchemaModel, shape: Shape): PatchMeta {
  let meta = cache.get(shape);
  if (!meta) {
    meta = new ShapePatchMeta(model, shape);
    cache.set(shape, meta);
  }
  return meta;
}
