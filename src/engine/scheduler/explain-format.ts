/** A scheduling decision as the readable report `sim explain pod` prints. */
import { formatTimestamp } from '../time/clock.ts';
import type { Decision } from './schedule-one.ts';

/** Left-aligned columns separated by three spaces, as kubectl's tables are. */
function columns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('   ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

export function formatDecision(d: Decision): string {
  const lines: string[] = [];
  const outcome = d.chosen ? `scheduled to ${d.chosen}` : 'not scheduled';
  lines.push(`Pod ${d.pod}: ${outcome} (attempt ${d.attempt} at ${formatTimestamp(d.timeMs)})\n`);
  lines.push(`Why: ${d.why}\n`);
  if (d.message) lines.push(`Message: ${d.message}\n`);
  const stopped =
    d.filters.length < d.numAllNodes
      ? ` (the scheduler stops once it has found ${d.numNodesToFind} feasible nodes)`
      : '';
  lines.push(`Nodes: ${d.numAllNodes} in the cluster, ${d.filters.length} filtered${stopped}\n`);
  if (d.filters.length) {
    lines.push('\nFilter:\n');
    const rows = [['NODE', 'RESULT', 'PLUGIN', 'REASON']];
    for (const f of d.filters) {
      if (!f.plugin) rows.push([f.node, 'passed', '', '']);
      else rows.push([f.node, 'rejected', f.plugin, (f.status?.reasons ?? []).join(', ')]);
    }
    lines.push(columns(rows));
  }
  if (d.scores.length) {
    lines.push('\nScore (normalised 0-100, times the plugin weight):\n');
    const rows = [['NODE', 'PLUGIN', 'RAW', 'NORMALISED', 'WEIGHT', 'WEIGHTED']];
    const ranked = [...d.scores].sort((a, b) => b.total - a.total);
    for (const s of ranked) {
      s.cells.forEach((c, i) => {
        rows.push([
          i === 0 ? s.node : '',
          c.plugin,
          String(c.raw),
          String(c.normalized),
          String(c.weight),
          String(c.weighted),
        ]);
      });
      rows.push([s.cells.length ? '' : s.node, 'TOTAL', '', '', '', String(s.total)]);
    }
    lines.push(columns(rows));
    if (d.skippedScorePlugins.length) {
      lines.push(`Skipped (nothing to score for this pod): ${d.skippedScorePlugins.join(', ')}\n`);
    }
  }
  if (d.chosen) lines.push(`\nChosen: ${d.chosen}\n`);
  return lines.join('');
}
