/**
 * Sets of field paths, as server-side apply tracks who owns what. A path is a list of
 * FieldsV1 segments: `f:name` (a struct field or map key), `k:{"name":"web"}` (a list item
 * by its keys) and `v:"a"` (a set item by its value). In FieldsV1 JSON, `.` marks an item
 * owned for itself as well as through its fields.
 */
import type { JsonObject } from '../../api/types.ts';

export type FieldPath = readonly string[];

const SEP = '\u0000';

export class FieldSet {
  readonly #paths = new Set<string>();

  static of(paths: Iterable<FieldPath>): FieldSet {
    const set = new FieldSet();
    for (const p of paths) set.add(p);
    return set;
  }

  add(path: FieldPath): void {
    this.#paths.add(path.join(SEP));
  }

  has(path: FieldPath): boolean {
    return this.#paths.has(path.join(SEP));
  }

  /** Whether the set holds the path or anything below it. */
  touches(path: FieldPath): boolean {
    const prefix = path.join(SEP);
    for (const p of this.#paths) if (p === prefix || p.startsWith(prefix + SEP)) return true;
    return false;
  }

  get size(): number {
    return this.#paths.size;
  }

  paths(): FieldPath[] {
    return [...this.#paths].map((p) => p.split(SEP));
  }

  minus(other: FieldSet): FieldSet {
    return FieldSet.of(this.paths().filter((p) => !other.has(p)));
  }

  toFieldsV1(): JsonObject {
    const root: JsonObject = {};
    const nodeOf = (path: FieldPath): JsonObject => {
      let node = root;
      for (const segment of path) node = (node[segment] ??= {}) as JsonObject;
      return node;
    };
    const paths = this.paths();
    for (const path of paths) nodeOf(path);
    // A path owned in its own right that also has owned children says so with `.`.
    for (const path of paths) {
      const node = nodeOf(path);
      if (Object.keys(node).some((k) => k !== '.')) node['.'] = {};
    }
    return root;
  }

  static fromFieldsV1(fields: JsonObject | undefined): FieldSet {
    const set = new FieldSet();
    const walk = (node: JsonObject, path: string[]) => {
      const children = Object.keys(node).filter((k) => k !== '.');
      if (path.length > 0 && (children.length === 0 || '.' in node)) set.add(path);
      for (const key of children) walk((node[key] ?? {}) as JsonObject, [...path, key]);
    };
    walk(fields ?? {}, []);
    return set;
  }
}
