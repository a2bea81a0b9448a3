/**
 * What the API server reaches on a node's kubelet (its port 10250): container logs, exec
 * and the resource summary. `kubectl logs`, `kubectl exec` and `kubectl top` go through the
 * API server to these, as on a real cluster.
 */
import type { KubeObject } from '../api/types.ts';
import type { Status } from '../apiserver/status.ts';

export interface LogOptions {
  readonly container?: string;
  readonly previous?: boolean;
  readonly tailLines?: number;
  readonly timestamps?: boolean;
}

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** One container's resource use, as the kubelet's summary API (`/stats/summary`) reports it. */
export interface ContainerUsage {
  readonly name: string;
  readonly cpuMillis: number;
  readonly memoryBytes: number;
  /** When the container's current run started (virtual ms). */
  readonly startedAt: number;
}

export interface PodUsage {
  readonly namespace: string;
  readonly name: string;
  readonly containers: readonly ContainerUsage[];
}

export interface NodeSummary {
  /** Everything the node runs: its pods plus the system daemons (kubelet, containerd, …). */
  readonly node: { readonly cpuMillis: number; readonly memoryBytes: number };
  readonly pods: readonly PodUsage[];
}

export interface KubeletApi {
  /** The log text of a container of `pod` (which runs on this kubelet's node), or a failure. */
  logs(pod: KubeObject, options: LogOptions): string | Status;
  /** Runs `command` in a container of `pod`, or fails as the kubelet would. */
  exec(pod: KubeObject, container: string | undefined, command: readonly string[]): ExecResult | Status;
  /** Resource use of the node and its running containers, as metrics-server scrapes it. */
  summary(): NodeSummary;
  /**
   * An HTTP request reaching `pod` on `port`: answered by the running container whose
   * process listens there (which logs it as its server does), or refused.
   */
  connect(pod: KubeObject, port: number, request: HttpRequestLine): ConnectResult;
}

export interface HttpRequestLine {
  readonly method: string;
  readonly path: string;
  readonly clientIp: string;
  readonly atMs: number;
  /** Basic-auth credentials sent with the request (`user:password`), if any. */
  readonly credentials?: string;
}

export type ConnectResult =
  | {
      readonly outcome: 'answered';
      readonly container: string;
      readonly status: number;
      readonly bytes: number;
    }
  /** A server that speaks no HTTP took the connection and closed it (curl's "Empty reply"). */
  | { readonly outcome: 'empty'; readonly container: string }
  | { readonly outcome: 'refused' };
