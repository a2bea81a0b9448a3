import { describe, expect, it } from 'vitest';
import { renderPlaintext, type ExplainRequest } from './plaintext.ts';

const gvk = { group: 'demo.io', kind: 'Widget', version: 'v1' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A small OpenAPI v3 document: a Widget whose spec refers to itself through `parts`. */
const document = {
  paths: {
    '/apis/demo.io/v1/namespaces/{namespace}/widgets': { get: { 'x-kubernetes-group-version-kind': gvk } },
  },
  components: {
    schemas: {
      'io.demo.Quantity': { type: 'string', description: 'A quantity.' },
      'io.demo.v1.Widget': {
        description: 'A widget.',
        type: 'object',
        required: ['spec'],
        properties: {
          spec: { allOf: [ref('io.demo.v1.WidgetSpec')], description: 'Desired state.' },
          kind: { type: 'string', description: 'Kind.' },
        },
        'x-kubernetes-group-version-kind': [gvk],
      },
      'io.demo.v1.WidgetSpec': {
        description: 'WidgetSpec is the spec.',
        type: 'object',
        required: ['mode'],
        properties: {
          tags: { type: 'object', additionalProperties: { type: 'string' } },
          mode: {
            type: 'string',
            enum: ['', 'Fast', 'Slow', 'Stopped', 'Broken'],
            description: 'How it runs.',
          },
          parts: {
            type: 'array',
            items: { allOf: [ref('io.demo.v1.WidgetSpec')] },
            description: 'Sub widgets.',
          },
          size: ref('io.demo.Quantity'),
        },
      },
    },
  },
};

const HEADER = 'GROUP:      demo.io\nKIND:       Widget\nVERSION:    v1\n\n';

function explain(fieldPath: string[], recursive = false, resource = 'widgets') {
  const request: ExplainRequest = { group: 'demo.io', version: 'v1', resource, fieldPath, recursive };
  return renderPlaintext(document, request);
}

describe('renderPlaintext', () => {
  it('prints the kind, its description and its fields in name order, with -required-', () => {
    expect(explain([])).toEqual({
      output:
        HEADER +
        'DESCRIPTION:\n    A widget.\n    \n' +
        'FIELDS:\n' +
        '  kind\t<string>\n    Kind.\n\n' +
        '  spec\t<WidgetSpec> -required-\n    Desired state.\n\n' +
        '\n',
    });
  });

  it("prints a field's header, its description followed by its type's, and guesses types", () => {
    expect(explain(['spec']).output).toBe(
      HEADER +
        'FIELD: spec <WidgetSpec>\n\n\n' +
        'DESCRIPTION:\n    Desired state.\n    WidgetSpec is the spec.\n    \n' +
        'FIELDS:\n' +
        '  mode\t<string> -required-\n  enum: "", Fast, Slow, Stopped, ....\n    How it runs.\n\n' +
        '  parts\t<[]WidgetSpec>\n    Sub widgets.\n\n' +
        '  size\t<string>\n    <no description>\n\n' +
        '  tags\t<map[string]string>\n    <no description>\n\n' +
        '\n',
    );
  });

  it('lists every enum value of the explained field', () => {
    expect(explain(['spec', 'mode']).output).toBe(
      HEADER +
        'FIELD: mode <string>\nENUM:\n    ""\n    Fast\n    Slow\n    Stopped\n    Broken\n\n' +
        'DESCRIPTION:\n    How it runs.\n    \n\n',
    );
  });

  it('walks through array items and stops recursion at a reference cycle', () => {
    expect(explain(['spec', 'parts', 'mode']).output).toContain('FIELD: mode <string>\n');
    expect(explain(['spec'], true).output).toBe(
      HEADER +
        'FIELD: spec <WidgetSpec>\n\n\n' +
        'DESCRIPTION:\n    Desired state.\n    WidgetSpec is the spec.\n    \n' +
        'FIELDS:\n' +
        '  mode\t<string> -required-\n  enum: "", Fast, Slow, Stopped, ....\n' +
        '  parts\t<[]WidgetSpec>\n' +
        '  size\t<string>\n' +
        '  tags\t<map[string]string>\n' +
        '\n',
    );
  });

  it('fails with the last field name when the path leads nowhere, after the header', () => {
    expect(explain(['spec', 'nope', 'deeper'])).toEqual({
      output: HEADER,
      error: 'error: field "deeper" does not exist',
    });
    expect(explain(['spec', 'tags', 'anything'])).toEqual({
      output: HEADER,
      error: 'error: field "anything" does not exist',
    });
  });

  it('fails when no path of the document serves the resource', () => {
    expect(explain([], false, 'gadgets')).toEqual({
      output: '',
      error: 'error: GVR (demo.io/v1, Resource=gadgets) not found in OpenAPI schema',
    });
  });

  it('wraps descriptions at 80 columns with their indentation', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const doc = structuredClone(document);
    doc.components.schemas['io.demo.v1.Widget'].properties.kind.description = words;
    const out = renderPlaintext(doc, {
      group: 'demo.io',
      version: 'v1',
      resource: 'widgets',
      fieldPath: [],
      recursive: false,
    });
    const lines = out.output.split('\n').filter((l) => l.includes('word'));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.startsWith('    word')).toBe(true);
      expect(line.length).toBeLessThanOrEqual(80);
    }
    expect(lines[0]!.length).toBeGreaterThan(70);
  });
});
