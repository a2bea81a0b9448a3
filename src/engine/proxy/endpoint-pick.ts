/**
 * Which endpoint a connection lands on: iptables tries the KUBE-SEP rules in order, rule i
 * matching with probability 1/(n−i) (the `statistic --mode random` ladder), and the last
 * one catches the rest — an even spread overall.
 */
export function pickEndpoint<T>(endpoints: readonly T[], rng: { float(): number }): T | undefined {
  for (let i = 0; i < endpoints.length - 1; i++) {
    if (rng.float() < 1 / (endpoints.length - i)) return endpoints[i];
  }
  return endpoints[endpoints.length - 1];
}
