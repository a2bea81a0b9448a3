/** `sim pod kill|fail-probe`: break a running container the way a lesson needs. */
import { builtinResources } from '../api/resources.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { ApiError } from '../client/api-client.ts';
import { FlagError, parseFlags } from '../kubectl/flags.ts';
import type { Output } from '../kubectl/output.ts';
import type { Kubelet } from '../node/kubelet.ts';
import { podSpecOf } from '../node/pod-status.ts';

const PODS = builtinResources.find((r) => r.group === '' && r.plural === 'pods')!;

export function runPodChaos(cluster: Cluster, words: readonly string[], out: Output): void {
  const [action, ...rest] = words;
  if (action !== 'kill' && action !== 'fail-probe') {
    out.fail(
      `error: unknown sim pod action "${action ?? ''}"; try "sim pod kill NAME" or "sim pod fail-probe NAME"`,
    );
    return;
  }
  let parsed;
  try {
    parsed = parseFlags(rest, [
      { name: 'namespace', short: 'n', type: 'string', default: 'default' },
      { name: 'container', short: 'c', type: 'string', default: '' },
    ]);
  } catch (e) {
    if (e instanceof FlagError) return out.fail(`error: ${e.message}`);
    throw e;
  }
  const [name, kind, ...extra] = parsed.args;
  const probeKind = kind ?? 'liveness';
  if (!name || extra.length || (action === 'kill' && kind !== undefined)) {
    return out.fail(
      `error: usage: sim pod ${action} NAME [-n NS] [--container C]${action === 'kill' ? '' : ' [liveness|readiness]'}`,
    );
  }
  if (action === 'fail-probe' && probeKind !== 'liveness' && probeKind !== 'readiness') {
    return out.fail(`error: unknown probe "${probeKind}": expected liveness or readiness`);
  }
  const namespace = String(parsed.flags.namespace);
  let pod;
  try {
    pod = cluster.client('sim').get(PODS, namespace, name);
  } catch (e) {
    if (e instanceof ApiError) return out.fail(`Error from server (NotFound): pods "${name}" not found`);
    throw e;
  }
  const spec = podSpecOf(pod);
  const kubelet = spec.nodeName ? cluster.component<Kubelet>(`kubelet/${spec.nodeName}`) : undefined;
  const rec = kubelet?.pods.get(pod.metadata.uid ?? '');
  const containerName = String(parsed.flags.container) || spec.containers[0]?.name || '';
  const container = rec?.containers.get(containerName);
  if (!kubelet || !rec || !container || container.state.kind !== 'running' || !kubelet.running) {
    return out.fail(`error: container "${containerName}" of pod "${name}" is not running`);
  }
  if (action === 'kill') {
    container.current?.extraLines.push('Killed');
    kubelet.worker.onExit(rec, container, 137, 'Error');
    out.out(`pod/${name}: container ${containerName} killed\n`);
    return;
  }
  if (probeKind === 'liveness') container.failLiveness = true;
  else container.failReadiness = true;
  kubelet.probes.refresh(rec);
  out.out(`pod/${name}: ${probeKind} probe of container ${containerName} now fails\n`);
}
