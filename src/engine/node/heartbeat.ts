/**
 * The kubelet's two heartbeats: its Lease in `kube-node-lease`, renewed every 10 s (a
 * quarter of the 40 s lease), and the Node status, computed every 10 s but posted only
 * when it changed or 5 minutes after the last post.
 */
import { builtinResources } from '../api/resources.ts';
import type { JsonValue, KubeObject } from '../api/types.ts';
import type { Cancellable } from '../apiserver/watch.ts';
import { ApiError, isNotFound, type ApiClient } from '../client/api-client.ts';
import { formatMicroTimestamp, formatTimestamp } from '../time/clock.ts';

export const LEASE_DURATION_SECONDS = 40;
export const LEASE_RENEW_MS = 10_000;
export const NODE_STATUS_UPDATE_MS = 10_000;
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

const LEASES = builtinResources.find((r) => r.group === 'coordination.k8s.io' && r.plural === 'leases')!;
const NODES = builtinResources.find((r) => r.group === '' && r.plural === 'nodes')!;

export interface HeartbeatHost {
  readonly nodeName: string;
  readonly api: ApiClient;
  now(): number;
  schedulePeriodic(delayMs: number, run: () => void): Cancellable;
  /** Node status fields that change with what runs on the node (e.g. `images`). */
  dynamicStatus(): Record<string, JsonValue>;
}

export class Heartbeat {
  #leaseTimer: Cancellable | undefined;
  #statusTimer: Cancellable | undefined;
  #lastReport = -Infinity;
  #lastDynamic = '';
  #lease: KubeObject | undefined;

  constructor(private readonly host: HeartbeatHost) {}

  start(): void {
    this.renewLease();
    this.updateStatus(true);
  }

  stop(): void {
    this.#leaseTimer?.cancel();
    this.#statusTimer?.cancel();
    this.#leaseTimer = this.#statusTimer = undefined;
  }

  renewLease(): void {
    const { api, nodeName } = this.host;
    const renewTime = formatMicroTimestamp(this.host.now());
    // Like the kubelet's lease controller: update the lease it last saw, and read it again
    // only when that fails (a conflict, or the lease was deleted).
    const renewed = (lease: KubeObject): KubeObject => ({
      ...lease,
      spec: {
        ...(lease.spec as object),
        holderIdentity: nodeName,
        leaseDurationSeconds: LEASE_DURATION_SECONDS,
        renewTime,
      },
    });
    try {
      if (this.#lease) {
        try {
          this.#lease = api.update(LEASES, renewed(this.#lease));
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          this.#lease = undefined;
        }
      }
      if (!this.#lease)
        this.#lease = api.update(LEASES, renewed(api.get(LEASES, 'kube-node-lease', nodeName)));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (isNotFound(e)) this.#createLease(renewTime);
    }
    this.#leaseTimer = this.host.schedulePeriodic(LEASE_RENEW_MS, () => this.renewLease());
  }

  #createLease(renewTime: string): void {
    const { api, nodeName } = this.host;
    let owner: KubeObject | undefined;
    try {
      owner = api.get(NODES, undefined, nodeName);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
    try {
      this.#lease = api.create(LEASES, {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name: nodeName,
          namespace: 'kube-node-lease',
          ...(owner?.metadata.uid
            ? {
                ownerReferences: [
                  { apiVersion: 'v1', kind: 'Node', name: nodeName, uid: owner.metadata.uid },
                ],
              }
            : {}),
        },
        spec: { holderIdentity: nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime },
      });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  /** Posts the node status when it changed, when `force`d, or when the report interval passed. */
  updateStatus(force = false): void {
    const now = this.host.now();
    const dynamic = this.host.dynamicStatus();
    const dynamicJson = JSON.stringify(dynamic);
    if (force || dynamicJson !== this.#lastDynamic || now - this.#lastReport >= NODE_STATUS_REPORT_MS) {
      this.#post(dynamic, now);
      this.#lastDynamic = dynamicJson;
      this.#lastReport = now;
    }
    this.#statusTimer = this.host.schedulePeriodic(NODE_STATUS_UPDATE_MS, () => this.updateStatus());
  }

  /** Marks an immediate change (the kubelet came back): posted at once with Ready=True. */
  #post(dynamic: Record<string, JsonValue>, now: number): void {
    const { api, nodeName } = this.host;
    try {
      const node = api.get(NODES, undefined, nodeName);
      const status = (node.status ?? {}) as Record<string, JsonValue>;
      const time = formatTimestamp(now);
      const wanted: Record<string, [string, string, string]> = {
        MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
        DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
        PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
        Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
      };
      const previous = (status.conditions as Record<string, JsonValue>[] | undefined) ?? [];
      const conditions = Object.entries(wanted).map(([type, [value, reason, message]]) => {
        const old = previous.find((c) => c.type === type);
        const transition = old && old.status === value ? (old.lastTransitionTime as string) : time;
        return {
          type,
          status: value,
          lastHeartbeatTime: time,
          lastTransitionTime: transition,
          reason,
          message,
        };
      });
      api.patch(NODES, undefined, nodeName, 'merge', { status: { conditions, ...dynamic } }, 'status');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}
