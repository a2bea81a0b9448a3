/** What the traffic commands share: reading objects from the store, and HTTP status lines. */
import type { KubeObject } from '../api/types.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { collectionPrefix } from '../store/keys.ts';

export function listed(cluster: Cluster, group: string, plural: string, namespace?: string): KubeObject[] {
  return cluster.store.list(collectionPrefix(group, plural, namespace)).items;
}

const REASONS: Readonly<Record<number, string>> = { 200: 'OK', 401: 'Unauthorized' };

/** The status line's words, as curl -i would show them. */
export function httpStatus(status: number): string {
  return `HTTP ${status} ${REASONS[status] ?? ''}`.trimEnd();
}
