/**
 * Strict decoding of a request body into a kind's schema, reproducing what the API server's
 * JSON decoder (sigs.k8s.io/json UnmarshalStrict on the kind's Go struct) reports:
 *
 * - unknown and duplicate fields become strict errors with dotted paths and `[i]` list
 *   indices, in decode order, deduplicated and capped at 100;
 * - a value of the wrong JSON type is an UnmarshalTypeError; the first one is kept and
 *   decoding goes on (so later unknown fields are not reported: the type error wins);
 * - custom unmarshalers (Quantity, IntOrString, Time) abort decoding at the first error;
 * - invalid base64 in a []byte field is kept like a type error.
 *
 * kubectl sends objects as JSON written from Go maps, whose keys are sorted; decoding a
 * JavaScript object therefore visits keys in sorted order unless told otherwise. Bodies
 * parsed with parseJsonText keep their written order and repeated keys.
 */
import type { JsonValue } from '../api/types.ts';
import type { DecodeResult, StrictError } from './decode-result.ts';
import { base64ErrorMessage, base64ErrorOffset } from './go-base64.ts';
import { quantityJsonError } from './go-quantity.ts';
import { fitsGoInt, fitsGoUint8, goNumberLiteral, goQuote } from './go-text.ts';
import { goTimeParseError, RFC3339, RFC3339Micro } from './go-time.ts';
import { jsonEntries, type ParsedObject } from './json-text.ts';
import type { PrimitiveShape, SchemaModel, Shape, StructShape } from './schema-model.ts';

export interface DecodeOptions {
  /** Visit object keys in sorted order, as in the JSON kubectl sends (default true). */
  readonly sortKeys?: boolean;
}

type JsonKind = 'null' | 'bool' | 'number' | 'string' | 'array' | 'object';

/** A decode error that stops decoding (returned by a custom UnmarshalJSON). */
class Fatal {
  constructor(readonly message: string) {}
}

const maxStrictErrors = 100;

function kindOf(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
    case 'bigint':
      return 'number';
    case 'string':
      return 'string';
    default:
      if (Array.isArray(v)) return 'array';
      return v instanceof Date ? 'string' : 'object';
  }
}

function asString(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

function literal(v: unknown): string {
  return typeof v === 'number' ? goNumberLiteral(v) : String(v);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return kindOf(v) === 'object';
}

class StrictDecoder {
  private readonly strictErrors: StrictError[] = [];
  private readonly seen = new Set<string>();
  private saved: string | undefined;
  /** Go's errorContext: the struct being decoded and the JSON names of the fields entered. */
  private struct = '';
  private readonly fieldStack: string[] = [];
  /** sigs.k8s.io/json's strict field stack: `spec`, `.template`, `[0]`, ... */
  private readonly path: string[] = [];

  constructor(
    private readonly model: SchemaModel,
    private readonly sortKeys: boolean,
  ) {}

  run(root: unknown, shape: StructShape): DecodeResult {
    let object: unknown;
    try {
      object = this.value(root, shape);
    } catch (e) {
      if (e instanceof Fatal) return { ok: false, error: e.message };
      throw e;
    }
    if (this.saved !== undefined) return { ok: false, error: this.saved };
    return {
      ok: true,
      strictErrors: this.strictErrors,
      unknownFields: this.strictErrors.filter((e) => e.type === 'unknown').map((e) => e.path),
      object: (object ?? null) as JsonValue,
    };
  }

  private typeError(value: string, goType: string): string {
    if (this.struct !== '' || this.fieldStack.length > 0) {
      return `json: cannot unmarshal ${value} into Go struct field ${this.struct}.${this.fieldStack.join('.')} of type ${goType}`;
    }
    return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
  }

  private save(message: string): undefined {
    this.saved ??= message;
    return undefined;
  }

  private strict(type: StrictError['type'], key: string): void {
    if (this.strictErrors.length >= maxStrictErrors) return;
    const prefix = this.path.join('');
    const path = prefix ? `${prefix}.${key}` : key;
    const message = `${type} field ${goQuote(path)}`;
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.strictErrors.push({ type, path, message });
  }

  private pushKey(key: string): void {
    this.path.push(this.path.length ? `.${key}` : key);
  }

  private entries(obj: Record<string, unknown>): [string, unknown][] {
    const written = (obj as ParsedObject)[jsonEntries];
    if (written) return written;
    // An undefined property is absent from the JSON a client would send.
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
    if (this.sortKeys) keys.sort();
    return keys.map((k) => [k, obj[k]]);
  }

  private value(v: unknown, shape: Shape): unknown {
    const kind = kindOf(v);
    switch (shape.kind) {
      case 'primitive':
        return this.primitive(v, kind, shape);
      case 'struct':
        if (kind === 'object') return this.struct_(v as Record<string, unknown>, shape);
        if (kind === 'null') return null;
        return this.save(this.typeError(kind, shape.go));
      case 'array':
        if (kind === 'array') return this.array(v as unknown[], shape.elem);
        if (kind === 'null') return null;
        return this.save(this.typeError(kind, shape.go));
      case 'map':
        if (kind === 'object') return this.map(v as Record<string, unknown>, shape.value);
        if (kind === 'null') return null;
        return this.save(this.typeError(kind, shape.go));
    }
  }

  private struct_(obj: Record<string, unknown>, shape: StructShape): Record<string, unknown> {
    const fields = this.model.fields(shape);
    const out: Record<string, unknown> = {};
    const present = new Set<string>();
    for (const [key, v] of this.entries(obj)) {
      const fieldShape = fields.get(key);
      if (!fieldShape) {
        this.strict('unknown', key);
        continue;
      }
      if (present.has(key)) this.strict('duplicate', key);
      present.add(key);
      const outerStruct = this.struct;
      this.struct = shape.structName;
      this.fieldStack.push(key);
      this.pushKey(key);
      const decoded = this.value(v, fieldShape);
      this.path.pop();
      this.fieldStack.pop();
      this.struct = outerStruct;
      const before = out[key];
      // Go decodes a repeated struct or map field into the value already there.
      out[key] = isPlainObject(before) && isPlainObject(decoded) ? { ...before, ...decoded } : decoded;
    }
    return out;
  }

  private array(items: unknown[], elem: Shape): unknown[] {
    const out: unknown[] = [];
    for (let i = 0; i < items.length; i++) {
      this.path.push(`[${i}]`);
      out.push(this.value(items[i], elem));
      this.path.pop();
    }
    return out;
  }

  private map(obj: Record<string, unknown>, valueShape: Shape): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const present = new Set<string>();
    for (const [key, v] of this.entries(obj)) {
      if (present.has(key)) this.strict('duplicate', key);
      present.add(key);
      this.pushKey(key);
      Object.defineProperty(out, key, {
        value: this.value(v, valueShape),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.path.pop();
    }
    return out;
  }

  private primitive(v: unknown, kind: JsonKind, shape: PrimitiveShape): unknown {
    const go = shape.go;
    switch (shape.primitive) {
      case 'any':
        return v;
      case 'string':
        return kind === 'string' ? asString(v) : kind === 'null' ? null : this.save(this.typeError(kind, go));
      case 'bool':
        return kind === 'bool' || kind === 'null' ? (v ?? null) : this.save(this.typeError(kind, go));
      case 'int32':
      case 'int64':
        if (kind === 'number') {
          const lit = literal(v);
          return fitsGoInt(lit, shape.primitive === 'int32' ? 32 : 64)
            ? v
            : this.save(this.typeError(`number ${lit}`, go));
        }
        return kind === 'null' ? null : this.save(this.typeError(kind, go));
      case 'float64':
        return kind === 'number' || kind === 'null' ? (v ?? null) : this.save(this.typeError(kind, go));
      case 'bytes':
        return this.bytes(v, kind, go);
      case 'quantity': {
        const raw =
          kind === 'string'
            ? JSON.stringify(asString(v))
            : kind === 'number'
              ? literal(v)
              : JSON.stringify(v ?? null);
        const error = quantityJsonError(raw);
        if (error !== undefined) throw new Fatal(error);
        return kind === 'string' ? asString(v) : (v ?? null);
      }
      case 'intstr':
        // IntOrString.UnmarshalJSON: strings as strings, anything else decoded as an int32.
        if (kind === 'string') return asString(v);
        if (kind === 'null') return null;
        if (kind === 'number' && fitsGoInt(literal(v), 32)) return v;
        throw new Fatal(this.typeError(kind === 'number' ? `number ${literal(v)}` : kind, 'int32'));
      case 'time':
      case 'microtime': {
        // metav1.Time.UnmarshalJSON: the value must be a JSON string holding an RFC 3339 time.
        if (kind === 'null') return null;
        if (kind !== 'string') throw new Fatal(this.typeError(kind, 'string'));
        const text = asString(v);
        const error = goTimeParseError(shape.primitive === 'time' ? RFC3339 : RFC3339Micro, text);
        if (error !== undefined) throw new Fatal(error);
        return text;
      }
    }
  }

  private bytes(v: unknown, kind: JsonKind, go: string): unknown {
    if (kind === 'null') return null;
    if (kind === 'string') {
      const offset = base64ErrorOffset(asString(v));
      return offset === undefined ? asString(v) : this.save(base64ErrorMessage(offset));
    }
    if (kind === 'array') {
      // Go also accepts a JSON array of byte values.
      for (const b of v as unknown[]) {
        const k = kindOf(b);
        if (k === 'number' && !fitsGoUint8(literal(b)))
          this.save(this.typeError(`number ${literal(b)}`, 'uint8'));
        else if (k !== 'number' && k !== 'null') this.save(this.typeError(k, 'uint8'));
      }
      return v;
    }
    return this.save(this.typeError(kind, go));
  }
}

/** Decodes `body` into the schema `shape` (see the module comment for what is reported). */
export function decodeWithShape(
  model: SchemaModel,
  shape: StructShape,
  body: unknown,
  options: DecodeOptions = {},
): DecodeResult {
  return new StrictDecoder(model, options.sortKeys ?? true).run(body, shape);
}
