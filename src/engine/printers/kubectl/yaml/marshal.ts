/**
 * `kubectl -o yaml`: sigs.k8s.io/yaml turns the object's JSON into YAML with go-yaml v2.
 * Maps are written as blocks with keys in go-yaml's natural order, sequences are not
 * indented under their parent key, empty collections are `{}` / `[]`, and strings are
 * quoted only when they must be (see scalar-style.ts).
 */
import { formatGoFloatG } from '../go-format.ts';
import { Emitter } from './emitter.ts';
import { compareYamlKeys } from './key-order.ts';
import { isSimpleKey, requestedStringStyle, selectScalarStyle, type ScalarStyle } from './scalar-style.ts';

interface NodeContext {
  readonly mapping: boolean;
  readonly simpleKey: boolean;
}

/**
 * The string go-yaml reads back from Go's JSON text. JSON leaves U+0085 (NEL) unescaped, and
 * a YAML double-quoted scalar folds raw line breaks: one break becomes a space, n become n-1
 * newlines, and blanks around them go.
 */
function throughJsonText(text: string): string {
  if (!text.includes('\u0085')) return text;
  return text.replace(/[ \t]*(?:\u0085[ \t]*)+/g, (run) => {
    const breaks = [...run].filter((ch) => ch === '\u0085').length;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

function scalarText(value: unknown): { text: string; requested: ScalarStyle } {
  if (typeof value === 'string') {
    const text = throughJsonText(value);
    return { text, requested: requestedStringStyle(text) };
  }
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return { text: String(value), requested: 'plain' };
    if (Number.isNaN(value)) return { text: '.nan', requested: 'plain' };
    if (!Number.isFinite(value)) return { text: value > 0 ? '.inf' : '-.inf', requested: 'plain' };
    return { text: formatGoFloatG(value), requested: 'plain' };
  }
  if (typeof value === 'boolean') return { text: String(value), requested: 'plain' };
  return { text: 'null', requested: 'plain' };
}

class YamlWriter {
  readonly e = new Emitter();

  node(value: unknown, ctx: NodeContext): void {
    if (Array.isArray(value)) {
      if (value.length === 0) this.#emptyCollection('[', ']');
      else this.#sequence(value, ctx);
    } else if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      if (entries.length === 0) this.#emptyCollection('{', '}');
      else this.#mapping(entries);
    } else {
      this.#scalar(value, ctx);
    }
  }

  #scalar(value: unknown, ctx: NodeContext): void {
    const { text, requested } = scalarText(value);
    const style = selectScalarStyle(text, requested, ctx.simpleKey);
    this.e.increaseIndent(true, false);
    this.e.writeScalar(text, style, !ctx.simpleKey);
    this.e.popIndent();
  }

  #emptyCollection(open: string, close: string): void {
    this.e.writeIndicator(open, true, true, false);
    this.e.increaseIndent(true, false);
    this.e.popIndent();
    this.e.writeIndicator(close, false, false, false);
  }

  #sequence(items: readonly unknown[], ctx: NodeContext): void {
    // In a mapping value, go-yaml writes `- ` at the key's own indentation.
    this.e.increaseIndent(false, ctx.mapping && !this.e.indention);
    for (const item of items) {
      this.e.writeIndent();
      this.e.writeIndicator('-', true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.e.popIndent();
  }

  #mapping(entries: [string, unknown][]): void {
    entries.sort(([a], [b]) => compareYamlKeys(a, b));
    this.e.increaseIndent(false, false);
    for (const [key, value] of entries) {
      this.e.writeIndent();
      if (isSimpleKey(key)) {
        this.#scalar(key, { mapping: true, simpleKey: true });
        this.e.writeIndicator(':', false, false, false);
      } else {
        this.e.writeIndicator('?', true, false, true);
        this.#scalar(key, { mapping: true, simpleKey: false });
        this.e.writeIndent();
        this.e.writeIndicator(':', true, false, true);
      }
      this.node(value, { mapping: true, simpleKey: false });
    }
    this.e.popIndent();
  }

  finish(): string {
    this.e.indent = -1;
    this.e.writeIndent();
    return this.e.out;
  }
}

/** The YAML document go-yaml v2 writes for a JSON value, ending in a newline. */
export function marshalYaml(value: unknown): string {
  const writer = new YamlWriter();
  writer.node(value, { mapping: false, simpleKey: false });
  return writer.finish();
}
