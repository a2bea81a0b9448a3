/**
 * kubectl explain's `plaintext` rendering of an OpenAPI v3 document (kubectl v1.34's
 * explain/v2 plaintext template): finds the kind a resource's paths declare, follows the
 * field path through properties, array items, map values and allOf alternatives, and prints
 * the KIND/VERSION/FIELD header, the DESCRIPTION and the FIELDS list, word-wrapped at 80
 * columns. Object keys are visited in sorted order, as Go templates range over maps.
 */
import { indentText, truthy, wrapText } from './text.ts';

type Schema = Record<string, unknown>;

/** An error the template raises; `output` is what had been printed before it. */
export interface ExplainResult {
  readonly output: string;
  readonly error?: string;
}

export interface ExplainRequest {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  readonly fieldPath: readonly string[];
  readonly recursive: boolean;
}

class TemplateError extends Error {}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A map value that is a schema (additionalProperties: true is not one). */
function mapValues(value: unknown): Schema | undefined {
  return truthy(value) && isSchema(value) ? value : undefined;
}

function sortedKeys(value: unknown): string[] {
  return isSchema(value) ? Object.keys(value).sort() : [];
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
    );
  }
  if (!isSchema(a) || !isSchema(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
}

function contains(list: unknown, value: unknown): boolean {
  return Array.isArray(list) && list.some((x) => deepEqual(x, value));
}

/** Go's %v of a value read from JSON. */
function goPrint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goPrint).join(' ')}]`;
  if (isSchema(value)) {
    return `map[${sortedKeys(value)
      .map((k) => `${k}:${goPrint(value[k])}`)
      .join(' ')}]`;
  }
  return String(value as string | number | boolean);
}

class Renderer {
  constructor(private readonly document: Schema) {}

  /** A `#/components/schemas/…` reference within the document, or undefined. */
  resolveRef(ref: unknown): Schema | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
    let cur: Schema = this.document;
    for (const part of ref.slice(1).split('/')) {
      if (part === '') continue;
      const next = cur[part];
      if (!isSchema(next)) return undefined;
      cur = next;
    }
    return cur;
  }

  /** The referenced schema when there is one (and it is not empty), else the schema itself. */
  resolved(schema: Schema): Schema {
    const target = this.resolveRef(schema.$ref);
    return truthy(target) ? target! : schema;
  }

  /** The schema's description followed by those of its allOf, items and map values. */
  description(schema: Schema): string {
    const s = this.resolved(schema);
    if (!truthy(s)) return '';
    let out = truthy(s.description) ? `${goPrint(s.description)}\n` : '';
    for (const sub of asList(s.allOf)) if (isSchema(sub)) out += this.description(sub);
    if (truthy(s.items) && isSchema(s.items)) out += this.description(s.items);
    const values = mapValues(s.additionalProperties);
    if (values) out += this.description(values);
    return out;
  }

  /** `string`, `integer`, `[]Container`, `map[string]string`, `Object`, … */
  typeGuess(schema: unknown): string {
    if (!truthy(schema) || !isSchema(schema)) {
      throw new TemplateError("expected schema argument to subtemplate 'typeguess'");
    }
    if (truthy(schema.items)) return `[]${this.typeGuess(schema.items)}`;
    const values = mapValues(schema.additionalProperties);
    if (values) return `map[string]${this.typeGuess(values)}`;
    const allOf = schema.allOf;
    if (truthy(allOf) && !truthy(schema.properties) && Array.isArray(allOf) && allOf.length === 1) {
      return this.typeGuess(allOf[0]);
    }
    if (truthy(schema.$ref)) {
      const ref = goPrint(schema.$ref);
      const target = this.resolveRef(ref);
      if (!truthy(target) || !truthy(target!.type) || target!.type === 'object') {
        const name = ref.split('/').at(-1)!;
        return name.split('.').at(-1) || 'Object';
      }
      return goPrint(target!.type);
    }
    if (schema.type === 'object') return 'Object';
    return truthy(schema.type) ? goPrint(schema.type) : 'Object';
  }

  /** The EXTERNAL DOCS block of a schema, indented by `amount`. */
  externalDocs(docs: unknown, amount: number): string {
    if (!truthy(docs) || !isSchema(docs)) return '';
    let out = `${indentText(amount, 'EXTERNAL DOCS:')}\n`;
    if (truthy(docs.description)) {
      out += `${indentText(amount + 2, wrapText(goPrint(docs.description), 76 - amount))}\n`;
    }
    if (truthy(docs.url)) out += `${indentText(amount + 2, `URL: ${goPrint(docs.url)}`)}\n`;
    return out;
  }

  /** The enum values printed next to a field. */
  enumValues(schema: Schema, longView: boolean, limit: number, indentAmount: number): string {
    if (!truthy(schema) || !truthy(schema.enum)) return '';
    const max = limit || -1;
    let out = longView ? 'ENUM:' : `\n${indentText(indentAmount, '')}enum: `;
    for (const [index, element] of asList(schema.enum).entries()) {
      if (max > -1 && index >= max) {
        out += ', ....';
        break;
      }
      if (index > 0 && !longView) out += ', ';
      else if (longView) out += `\n${indentText(4, '')}`;
      out += element === '' ? '""' : goPrint(element);
    }
    return out;
  }

  /** One entry of FIELDS: `name\t<type> -required-` and, unless short, its description. */
  fieldDetail(name: string, parent: Schema, short: boolean, level: number): string {
    const amount = level * 2;
    const properties = isSchema(parent.properties) ? parent.properties : {};
    const field = isSchema(properties[name]) ? (properties[name] as Schema) : {};
    let out = `${indentText(amount, name)}\t<${this.typeGuess(field)}>`;
    if (contains(parent.required, name)) out += ' -required-';
    out += this.enumValues(field, false, 4, amount);
    out += '\n';
    if (!short) {
      const text = truthy(field.description) ? goPrint(field.description) : '<no description>';
      out += `${indentText(amount + 2, wrapText(text, 78 - amount))}\n`;
      out += this.externalDocs(field.externalDocs, amount + 2);
      out += '\n';
    }
    return out;
  }

  /** The fields of a schema (recursively with --recursive), stopping at reference cycles. */
  fieldList(schema: Schema, level: number, history: ReadonlySet<string>, recursive: boolean): string {
    const ref = truthy(schema.$ref) ? goPrint(schema.$ref) : '';
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const resolved = this.resolved(schema);
    let out = '';
    const properties = isSchema(resolved.properties) ? resolved.properties : {};
    for (const name of sortedKeys(properties)) {
      out += this.fieldDetail(name, resolved, recursive, level);
      const sub = properties[name];
      if (recursive && isSchema(sub)) out += this.fieldList(sub, level + 1, next, recursive);
    }
    for (const sub of asList(resolved.allOf))
      if (isSchema(sub)) out += this.fieldList(sub, level, next, recursive);
    if (truthy(resolved.items) && isSchema(resolved.items)) {
      out += this.fieldList(resolved.items, level, next, recursive);
    }
    const values = mapValues(resolved.additionalProperties);
    if (values) out += this.fieldList(values, level, next, recursive);
    return out;
  }

  /** Follows the field path; prints the explanation of where it ends, or '' if it leads nowhere. */
  output(schema: Schema, path: readonly string[], history: ReadonlySet<string>, recursive: boolean): string {
    const ref = truthy(schema.$ref) ? goPrint(schema.$ref) : '';
    const next = new Set(history).add(ref);
    const resolved = this.resolved(schema);
    if (path.length === 0) {
      const text = this.description(resolved) || '<empty>';
      let out = `DESCRIPTION:\n${indentText(4, wrapText(text, 76))}\n`;
      const docs = this.externalDocs(resolved.externalDocs, 0);
      if (docs) out += `\n${docs}`;
      const fields = this.fieldList(resolved, 1, new Set(), recursive);
      if (fields) out += `FIELDS:\n${fields}`;
      return out;
    }
    if (ref && history.has(ref)) return '';
    const [first, ...rest] = path as [string, ...string[]];
    const properties = resolved.properties;
    const sub = truthy(properties) && isSchema(properties) ? properties[first] : undefined;
    if (truthy(sub) && isSchema(sub)) {
      const header =
        rest.length === 0
          ? `FIELD: ${first} <${this.typeGuess(sub)}>\n${this.enumValues(sub, true, -1, 0)}\n\n`
          : '';
      return header + this.output(sub, rest, new Set(), recursive);
    }
    if (truthy(resolved.items) && isSchema(resolved.items)) {
      return this.output(resolved.items, path, next, recursive);
    }
    const values = mapValues(resolved.additionalProperties);
    if (values) return this.output(values, path, next, recursive);
    for (const alternative of asList(resolved.allOf)) {
      if (!isSchema(alternative)) continue;
      const out = this.output(alternative, path, next, recursive);
      if (out) return out;
    }
    return '';
  }

  /** The kind the resource's paths declare, as the template searches for it. */
  findKind(request: ExplainRequest): unknown {
    const prefix = request.group ? `/apis/${request.group}` : '/api';
    const { version, resource } = request;
    const searchPaths = [
      `${prefix}/${version}/${resource}`,
      `${prefix}/${version}/${resource}/{name}`,
      `${prefix}/${version}/namespaces/{namespace}/${resource}`,
      `${prefix}/${version}/namespaces/{namespace}/${resource}/{name}`,
    ];
    const paths = isSchema(this.document.paths) ? this.document.paths : {};
    let gvk: unknown;
    for (const searchPath of searchPaths) {
      const element = paths[searchPath];
      if (!truthy(element) || !isSchema(element)) continue;
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const operation = element[method];
        if (!truthy(operation) || !isSchema(operation)) continue;
        gvk = operation['x-kubernetes-group-version-kind'];
        if (truthy(gvk)) break;
      }
    }
    return gvk;
  }

  render(request: ExplainRequest): ExplainResult {
    const gvk = this.findKind(request);
    if (!truthy(gvk) || !isSchema(gvk)) {
      const gvr = `${request.group}/${request.version}, Resource=${request.resource}`;
      return { output: '', error: `error: GVR (${gvr}) not found in OpenAPI schema` };
    }
    let output = truthy(gvk.group) ? `GROUP:      ${goPrint(gvk.group)}\n` : '';
    output += `KIND:       ${goPrint(gvk.kind)}\nVERSION:    ${goPrint(gvk.version)}\n\n`;
    try {
      const body = this.schemaFor(gvk, request);
      if (!body) return { output, error: `error: GVK ${goPrint(gvk)} not found in OpenAPI schema` };
      return { output: `${output}${body}\n` };
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      return { output, error: e.message };
    }
  }

  schemaFor(gvk: Schema, request: ExplainRequest): string {
    const components = isSchema(this.document.components) ? this.document.components : {};
    const schemas = isSchema(components.schemas) ? components.schemas : {};
    for (const name of sortedKeys(schemas)) {
      const schema = schemas[name];
      if (!isSchema(schema) || !contains(schema['x-kubernetes-group-version-kind'], gvk)) continue;
      const out = this.output(schema, request.fieldPath, new Set(), request.recursive);
      if (!out) {
        throw new TemplateError(`error: field "${request.fieldPath.at(-1) ?? ''}" does not exist`);
      }
      return out;
    }
    return '';
  }
}

/** Renders `kubectl explain` for one resource from its group-version's OpenAPI v3 document. */
export function renderPlaintext(document: Schema, request: ExplainRequest): ExplainResult {
  return new Renderer(document).render(request);
}
