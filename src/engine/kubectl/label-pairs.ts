/** `--labels a=b,c=d` (and expose's `--selector`): the pairs, or kubectl's complaint about the first bad one. */
export function parseLabelPairs(text: string): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  for (const pair of text.split(',').filter(Boolean)) {
    const i = pair.indexOf('=');
    if (i <= 0) return { error: `error: invalid label spec: ${pair}` };
    labels[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return { labels };
}
