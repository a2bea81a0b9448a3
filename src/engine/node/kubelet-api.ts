/**
 * What the API server reaches on a node's kubelet (its port 10250): container logs and
 * exec. `kubectl logs` and `kubectl exec` go through the API server to these, as on a
 * real cluster.
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

export interface KubeletApi {
  /** The log text of a container of `pod` (which runs on this kubelet's node), or a failure. */
  logs(pod: KubeObject, options: LogOptions): string | Status;
  /** Runs `command` in a container of `pod`, or fails as the kubelet would. */
  exec(pod: KubeObject, container: string | undefined, command: readonly string[]): ExecResult | Status;
}
