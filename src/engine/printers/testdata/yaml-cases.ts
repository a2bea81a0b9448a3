/** Objects whose YAML/JSON rendering exercises go-yaml's quoting, folding and key order. */
import type { KubeObject } from '../../api/types.ts';

function configMap(
  name: string,
  data: Record<string, string>,
  extra: Record<string, unknown> = {},
): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data, ...extra };
}

const words = 'word '.repeat(30);

export const quotingCases = configMap(
  'quoting',
  {
    long: 'This is a very long description that goes past eighty columns and then some more words go here to wrap',
    multi: 'line1\nline2\n',
    nonl: 'a\nb',
    keep: 'a\n\n',
    true: 'true',
    num: '8080',
    empty: '',
    star: '*',
    colon: 'a: b',
    hash: 'a #b',
    lead: ' x',
    tab: 'a\tb',
    ts: '2025-01-01T10:00:00Z',
    yes: 'yes',
    y: 'y',
    octal: '0755',
    tilde: '~',
    merge: '<<',
    dash: '-',
    dashx: '- x',
    uni: 'héllo',
    emoji: '😀',
    html: '<a&b>',
    date: '2025-01-01',
    baddate: '2025-13-01',
    feb30: '2025-02-30',
    float: '1.5',
    exp: '1e3',
    hex: '0x1F',
    under: '1_000',
    b60: '1:20',
    question: '?x',
    qspace: '? x',
    colonend: 'a:',
    pct: '%x',
    at: '@x',
    bt: '`x',
    quote: "it's",
    dquote: 'say "hi"',
    backslash: 'a\\b',
    trail: 'x ',
    version: '1.2.3',
    on: 'On',
    longquoted:
      "'this string starts with a quote and is very long so that it goes past the eighty column limit of go-yaml'",
    long2:
      'averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword and more',
    dq: `tab\there ${words}`,
    sq2: `*start  two  spaces  ${'abcdefghij '.repeat(10)}`,
    dq2: `tab\t  ${'abcdefghij  '.repeat(10)}`,
    lit: `first line\n${words}\n`,
    litspace: 'trailing \nspace',
    leading: '  two spaces\nsecond',
    ['k'.repeat(130)]: 'long key',
    'multi\nkey': 'v',
    'x/long-key-with-spaces and more': 'v',
  },
  {
    binaryData: {
      z10: 'AA==',
      z9: 'AA==',
      z_a: 'AA==',
      zA: 'AA==',
      za: 'AA==',
      'z-a': 'AA==',
      'z.a': 'AA==',
    },
  },
);

/** The document's last value is a `|+` block (kubectl adds no `...` after it). */
export const keepLastCase: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'keep-last', namespace: 'default' },
  status: { message: 'a\n\n' },
};

export const nestedCase: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'nested',
    namespace: 'default',
    creationTimestamp: '2025-01-01T10:00:00Z',
    labels: { app: 'web' },
    managedFields: [
      { manager: 'kubectl', operation: 'Update', apiVersion: 'v1', time: '2025-01-01T10:00:00Z' },
    ],
    ownerReferences: [],
  },
  spec: {
    containers: [
      {
        name: 'c',
        image: 'nginx',
        args: [
          '--flag=1',
          `a very long argument that is definitely longer than eighty characters in total, yes it is`,
          'multi\nline',
        ],
        command: [],
        env: [{ name: 'A', value: '1' }],
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: {},
      },
    ],
    enableServiceLinks: true,
    nodeSelector: null,
    priority: 0,
  },
  status: {
    phase: 'Running',
    ratio: 1.5,
    big: 1e21,
    small: 1e-7,
    tiny: 0.0001,
    large: 1234567.5,
    negative: -3,
    nested: [[1, 2], [], [{ a: [] }]],
    empty: {},
    ok: false,
  },
};
