/**
 * `sim …` directives: control of virtual time and of the simulated machines, which have
 * no kubectl equivalent.
 */
import type { Cluster } from '../cluster/cluster.ts';
import { Output } from '../kubectl/output.ts';
import { FlagError, parseFlags } from '../kubectl/flags.ts';
import { formatTimestamp } from '../time/clock.ts';
import { formatDuration, parseDuration } from '../time/duration.ts';
import { formatTraceRecord } from '../trace/format.ts';
import { isConflict, ApiError } from '../client/api-client.ts';
import { runExplain } from './explain.ts';
import { runWhy } from './why.ts';
import { runNodeChaos } from './node-chaos.ts';
import { runPodChaos } from './pod-chaos.ts';
import { runRegistry } from './registry.ts';
import { runProxy } from './proxy.ts';
import { runDns, runRequest } from './traffic.ts';
import { installIngressNginx } from '../ingress/ingress-nginx.ts';

const USAGE = `usage:
  sim advance <duration>      run the cluster for a duration of virtual time (e.g. 30s, 5m)
  sim settle                  run until no component has pending work (at most 10m)
  sim time                    print the virtual time
  sim trace [N]               print the last N trace records (default 20)
  sim node add NAME [--cpu 4] [--memory 8Gi] [--labels k=v,...] [--taints k=v:Effect,...]
  sim node fail|recover NAME  stop or restart a node's kubelet
  sim explain pod NAME [-n NS] show the scheduler's per-node, per-plugin decision for a pod
  sim why KIND NAME [-n NS]   say why an object exists and is in its state
  sim registry add|remove IMAGE
                              change the simulated image registry's catalogue
  sim proxy NODE              print the node's kube-proxy rules (as iptables-save prints them)
  sim addon ingress-nginx     install the ingress-nginx controller (IngressClass nginx, NodePort Service)
  sim dns NAME [--from POD|NODE] [-n NS]
                              ask cluster DNS (CoreDNS behind kube-dns) as a pod in NS would
  sim request TARGET [--count N] [--from POD|NODE|outside] [--host H] [--path P] [-k] [-u USER:PASSWORD] [-n NS]
                              send HTTP(S) requests and show the path each one takes
  sim pod kill NAME [-n NS]   kill a pod's container process
  sim pod fail-probe NAME [-n NS] [--container C] [liveness|readiness]
                              make a container's probe fail`;

export function runSim(cluster: Cluster, words: readonly string[]): Output {
  const out = new Output();
  const [verb, ...args] = words;
  switch (verb) {
    case 'advance': {
      const ms = args[0] === undefined ? undefined : parseDuration(args[0]);
      if (ms === undefined || args.length !== 1) {
        out.fail(
          `error: sim advance needs one duration such as 30s, 5m or 1h30m${args[0] ? `, got "${args[0]}"` : ''}`,
        );
        break;
      }
      cluster.advance(ms);
      out.out(`advanced ${formatDuration(ms)} to ${formatTimestamp(cluster.clock.now())}\n`);
      break;
    }
    case 'settle': {
      const result = cluster.settle();
      out.out(`${cluster.describeSettle(result)}\n`);
      if (!result.settled) out.exitCode = 1;
      break;
    }
    case 'time':
      out.out(
        `${formatTimestamp(cluster.clock.now())} (+${formatDuration(cluster.clock.now() - cluster.startMs)})\n`,
      );
      break;
    case 'trace': {
      const n = args[0] === undefined ? 20 : Number(args[0]);
      if (!Number.isInteger(n) || n < 0) {
        out.fail(`error: sim trace takes a number of records, got "${args[0]}"`);
        break;
      }
      for (const r of cluster.trace.tail(n)) out.out(`${formatTraceRecord(r, cluster.startMs)}\n`);
      break;
    }
    case 'node':
      if (args[0] === 'fail' || args[0] === 'recover') runNodeChaos(cluster, args, out);
      else runNode(cluster, args, out);
      break;
    case 'explain':
      runExplain(cluster, args, out);
      break;
    case 'why':
      runWhy(cluster, args, out);
      break;
    case 'registry':
      runRegistry(cluster, args, out);
      break;
    case 'pod':
      runPodChaos(cluster, args, out);
      break;
    case 'proxy':
      runProxy(cluster, args, out);
      break;
    case 'dns':
      runDns(cluster, args, out);
      break;
    case 'addon':
      if (args[0] === 'ingress-nginx' && args.length === 1) {
        for (const line of installIngressNginx(cluster)) out.out(`${line}\n`);
      } else out.fail('error: the only addon is ingress-nginx: sim addon ingress-nginx');
      break;
    case 'request':
      runRequest(cluster, args, out);
      break;
    default:
      out.fail(verb === undefined ? USAGE : `error: unknown sim directive "${verb}"\n${USAGE}`);
  }
  return out;
}

function runNode(cluster: Cluster, words: readonly string[], out: Output): void {
  const [action, ...rest] = words;
  if (action !== 'add') {
    out.fail(`error: unknown sim node action "${action ?? ''}"; try "sim node add NAME"`);
    return;
  }
  let parsed;
  try {
    parsed = parseFlags(rest, [
      { name: 'cpu', type: 'string', default: '4' },
      { name: 'memory', type: 'string', default: '8Gi' },
      { name: 'labels', type: 'string', default: '' },
      { name: 'taints', type: 'string', default: '' },
    ]);
  } catch (e) {
    if (e instanceof FlagError) return out.fail(`error: ${e.message}`);
    throw e;
  }
  const [name] = parsed.args;
  if (!name || parsed.args.length > 1) return out.fail('error: sim node add takes exactly one NAME');
  const labels: Record<string, string> = {};
  for (const pair of String(parsed.flags.labels).split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return out.fail(`error: invalid label "${pair}": expected key=value`);
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const taints: { key: string; value?: string; effect: string }[] = [];
  for (const spec of String(parsed.flags.taints).split(',').filter(Boolean)) {
    const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(spec);
    if (!m) return out.fail(`error: invalid taint spec: ${spec}`);
    taints.push({ key: m[1]!, ...(m[2] !== undefined ? { value: m[2] } : {}), effect: m[3]! });
  }
  try {
    cluster.addNode({
      name,
      cpu: String(parsed.flags.cpu),
      memory: String(parsed.flags.memory),
      labels,
      taints,
    });
    out.out(`node/${name} registered\n`);
  } catch (e) {
    if (e instanceof ApiError) {
      out.fail(isConflict(e) ? `error: node "${name}" already exists` : `error: ${e.message}`);
      return;
    }
    throw e;
  }
}
