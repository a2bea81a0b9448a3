/** The kubeconfig that points kubectl, helm and client libraries at a running `kubesim serve`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';

export function defaultKubeconfigPath(): string {
  return join(homedir(), '.kube', 'kubesim.yaml');
}

export function kubeconfigText(server: string, clusterName: string): string {
  const context = `kubesim-${clusterName}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: context, cluster: { server } }],
    users: [{ name: context, user: {} }],
    contexts: [{ name: context, context: { cluster: context, user: context } }],
    'current-context': context,
    preferences: {},
  });
}

export function writeKubeconfig(path: string, server: string, clusterName: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, kubeconfigText(server, clusterName), { mode: 0o600 });
}
