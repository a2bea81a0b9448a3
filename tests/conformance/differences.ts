/**
 * The differences between our kubectl and the real one that the harness accepts, each with
 * its reason. Everything else must match byte for byte.
 */
export interface AcceptedDifference {
  readonly why: string;
  /** Rewrites both transcripts the same way, erasing only what may differ. */
  readonly normalise: (transcript: string) => string;
}

/** A row of describe node's Non-terminated Pods table: its last cell is the pod's age. */
const NODE_POD_ROW = /^( {2}\S+ +\S+ +\S+ \(\d+%\) .* )(\S+)$/gm;

/** Lines of a describe Events table: the header, its rule and the event rows. */
const EVENT_TABLE_LINE = /^ {2}(?:Type|----|Normal|Warning) /;

export const acceptedDifferences: readonly AcceptedDifference[] = [
  {
    why:
      'kubectl describe computes event ages on the client from its own wall clock, while the ' +
      'simulated cluster runs on virtual time; so the Age column of describe’s Events table ' +
      '(and the column widths that follow from it) differ. The AGE of kubectl get is computed ' +
      'by the server and is compared as is.',
    normalise: (text) =>
      text
        .split('\n')
        .map((line) => {
          if (!EVENT_TABLE_LINE.test(line)) return line;
          const cells = line.trim().split(/ {2,}/);
          if (cells[0] !== 'Type' && cells[0] !== '----') cells[2] = '<age>';
          return `  ${cells.join('  ')}`;
        })
        .join('\n'),
  },
  {
    why:
      'kubectl events computes LAST SEEN (and the "over" span of repeated events) on the client ' +
      'from its wall clock; the simulated cluster’s clock is virtual, so those cells and the ' +
      'column widths that follow from them differ.',
    normalise: normaliseEventsTables,
  },
  {
    why:
      'kubectl describe node computes the age of each pod on the node on the client from its ' +
      'wall clock too; the simulated cluster’s clock is virtual.',
    normalise: (text) => text.replace(NODE_POD_ROW, (_m, head: string) => `${head}<age>`),
  },
];

/** The LAST SEEN cells of `kubectl events` tables, which kubectl computes from its own clock. */
function normaliseEventsTables(text: string): string {
  let inEvents = false;
  let column = -1;
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('$ ')) {
        inEvents = line.startsWith('$ kubectl events');
        column = -1;
        return line;
      }
      if (!inEvents) return line;
      const cells = line.trim().split(/ {2,}/);
      if (column === -1) {
        column = cells.indexOf('LAST SEEN');
        return cells.join('  ');
      }
      if (column >= 0 && cells.length > column) cells[column] = '<age>';
      return cells.join('  ');
    })
    .join('\n');
}

export function normalise(transcript: string): string {
  return acceptedDifferences.reduce((text, d) => d.normalise(text), transcript);
}
