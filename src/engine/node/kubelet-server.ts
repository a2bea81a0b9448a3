/**
 * The kubelet's API (port 10250) as the API server reaches it for `kubectl logs` and
 * `kubectl exec`, answering from what the node's runtime really ran.
 */
import type { KubeObject } from '../api/types.ts';
import { statusErrors, type Status } from '../apiserver/status.ts';
import type {
  ConnectResult,
  ExecResult,
  HttpRequestLine,
  KubeletApi,
  LogOptions,
  NodeSummary,
} from './kubelet-api.ts';
import { accessLogLine } from './runtime/access-log.ts';
import type { Kubelet } from './kubelet.ts';
import { runExec } from './runtime/exec.ts';
import { logLines, logTimestamp } from './runtime/log-lines.ts';
import { podSpecOf } from './pod-status.ts';
import type { ContainerRecord } from './pod-state.ts';

export class KubeletServer implements KubeletApi {
  constructor(private readonly kubelet: Kubelet) {}

  logs(pod: KubeObject, options: LogOptions): string | Status {
    const found = this.#container(pod, options.container);
    if ('code' in found) return found;
    const { r, name } = found;
    const podName = pod.metadata.name ?? '';
    const run = options.previous ? r?.previous : r?.current;
    if (!r || !run) {
      if (options.previous) {
        return statusErrors.badRequest(
          `previous terminated container "${name}" in pod "${podName}" not found`,
        );
      }
      const reason = r?.state.kind === 'waiting' ? r.state.reason : this.#notCreatedReason(pod);
      return statusErrors.badRequest(
        `container "${name}" in pod "${podName}" is waiting to start: ${reason}`,
      );
    }
    let lines = logLines(run, this.kubelet.cluster.clock.now(), podName);
    if (options.tailLines !== undefined && options.tailLines >= 0)
      lines = lines.slice(Math.max(0, lines.length - options.tailLines));
    return lines.map((l) => `${options.timestamps ? `${logTimestamp(l.atMs)} ` : ''}${l.text}\n`).join('');
  }

  exec(pod: KubeObject, container: string | undefined, command: readonly string[]): ExecResult | Status {
    const found = this.#container(pod, container);
    if ('code' in found) return found;
    const { r, name } = found;
    if (r?.state.kind !== 'running') {
      return statusErrors.badRequest(`unable to upgrade connection: container not found ("${name}")`);
    }
    return runExec(this.kubelet.api, pod, name, command, r.current?.env);
  }

  connect(pod: KubeObject, port: number, request: HttpRequestLine): ConnectResult {
    const rec = this.kubelet.pods.get(pod.metadata.uid ?? '');
    for (const r of rec?.containers.values() ?? []) {
      const run = r.current;
      if (r.state.kind !== 'running' || !run || !run.program.ports.includes(port)) continue;
      if (run.program.rawPorts?.includes(port)) return { outcome: 'empty', container: r.name };
      const { basicAuth } = run.program;
      const status = basicAuth !== undefined && request.credentials !== basicAuth ? 401 : 200;
      const bytes = status === 401 ? 12 : 615;
      const line = accessLogLine(r.image, request, status, bytes);
      if (line) run.extraLines.push(line);
      return { outcome: 'answered', container: r.name, status, bytes };
    }
    return { outcome: 'refused' };
  }

  summary(): NodeSummary {
    return this.kubelet.summary();
  }

  /** Before a container exists it waits for the pod's init containers, or for its own creation. */
  #notCreatedReason(pod: KubeObject): string {
    const rec = this.kubelet.pods.get(pod.metadata.uid ?? '');
    const initDone = podSpecOf(pod).initContainers.every((c) => {
      const r = rec?.containers.get(c.name);
      return r?.state.kind === 'terminated' && r.state.exitCode === 0;
    });
    return initDone ? 'ContainerCreating' : 'PodInitializing';
  }

  #container(
    pod: KubeObject,
    requested: string | undefined,
  ): { r: ContainerRecord | undefined; name: string } | Status {
    const spec = podSpecOf(pod);
    const podName = pod.metadata.name ?? '';
    const names = spec.containers.map((c) => c.name);
    const initNames = spec.initContainers.map((c) => c.name);
    let name = requested;
    if (!name) {
      if (names.length !== 1) {
        const init = initNames.length ? ` or one of the init containers: [${initNames.join(' ')}]` : '';
        return statusErrors.badRequest(
          `a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]${init}`,
        );
      }
      name = names[0]!;
    }
    if (!names.includes(name) && !initNames.includes(name)) {
      return statusErrors.badRequest(`container ${name} is not valid for pod ${podName}`);
    }
    const rec = this.kubelet.pods.get(pod.metadata.uid ?? '');
    return { r: rec?.containers.get(name), name };
  }
}
