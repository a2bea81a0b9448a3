/**
 * The DaemonSet controller's writes (`syncNodes`, `storeDaemonSetStatus`): daemon pods
 * created on nodes in slow-start batches and deleted by name, each announced by an event,
 * with expectations set first so the next sync waits for the informer to see them; and
 * the status, written only when a count or the observed generation moved.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { ApiError, hasStatusCause, isConflict, isNotFound, type ApiClient } from '../../client/api-client.ts';
import type { EventRecorder } from '../../client/event-recorder.ts';
import { controllerRefFor } from '../replicaset/controller-ref.ts';
import type { Expectations } from '../replicaset/expectations.ts';
import { slowStartBatch } from '../replicaset/replicaset-controller.ts';
import { sameStatus } from '../replicaset/same-json.ts';
import { DAEMONSET_BURST_REPLICAS, type TerminalPod } from './daemonset-plan.ts';
import { createPodTemplate, dsStatus, withNodeNameAffinity, type DaemonSetStatus } from './daemonset-util.ts';
import type { FailedPodsBackoff } from './failed-pods-backoff.ts';

const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating';
const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

export interface DaemonPodWritesOptions {
  readonly api: ApiClient;
  readonly pods: ResourceInfo;
  readonly recorder: EventRecorder;
  readonly expectations: Expectations;
  readonly backoff: FailedPodsBackoff;
  readonly now: () => number;
  readonly enqueueAfter: (ds: KubeObject, delayMs: number) => void;
}

export class DaemonPodWrites {
  constructor(private readonly o: DaemonPodWritesOptions) {}

  /**
   * Finished pods go through the per-node backoff (`podsShouldBeOnNode`): one still backing
   * off is left for a later sync, the others are announced and deleted with the rest.
   */
  #terminalToDelete(ds: KubeObject, terminal: readonly TerminalPod[]): KubeObject[] {
    const out: KubeObject[] = [];
    const now = this.o.now();
    for (const { pod, node } of terminal) {
      const podName = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
      const phase = (pod.status as { phase?: string } | undefined)?.phase;
      if (phase === 'Succeeded') {
        this.o.recorder.event(
          ds,
          'Normal',
          'SucceededDaemonPod',
          `Found succeeded daemon pod ${podName} on node ${node}, will try to delete it`,
        );
        out.push(pod);
        continue;
      }
      const key = `${ds.metadata.uid ?? ''}/${dsStatus(ds).observedGeneration ?? 0}/${node}`;
      if (this.o.backoff.inBackoff(key, now)) {
        this.o.enqueueAfter(ds, this.o.backoff.delayMs(key));
        continue;
      }
      this.o.backoff.next(key, now);
      this.o.recorder.event(
        ds,
        'Warning',
        'FailedDaemonPod',
        `Found failed daemon pod ${podName} on node ${node}, will try to kill it`,
      );
      out.push(pod);
    }
    return out;
  }

  /** `syncNodes`: the failure messages joined, or undefined when every write went through. */
  syncNodes(
    ds: KubeObject,
    remove: readonly KubeObject[],
    terminal: readonly TerminalPod[],
    createOn: readonly string[],
    hash: string,
  ): { message: string } | undefined {
    const key = keyOf(ds);
    const toDelete = [...this.#terminalToDelete(ds, terminal), ...remove].slice(0, DAEMONSET_BURST_REPLICAS);
    const nodes = createOn.slice(0, DAEMONSET_BURST_REPLICAS);
    this.o.expectations.expect(key, nodes.length, toDelete.map(keyOf));
    const errors: string[] = [];
    if (nodes.length) {
      const template = createPodTemplate(ds, hash);
      let next = 0;
      const created = slowStartBatch(nodes.length, () => {
        const failure = this.#createPod(ds, template, nodes[next++]!);
        if (failure === undefined) return true;
        this.o.expectations.creationObserved(key);
        errors.push(failure);
        return false;
      });
      // The batches never attempted are not expected either.
      for (let skipped = nodes.length - next; skipped > 0; skipped--)
        this.o.expectations.creationObserved(key);
      void created;
    }
    for (const pod of toDelete) {
      const name = pod.metadata.name ?? '';
      try {
        this.o.api.delete(this.o.pods, pod.metadata.namespace, name);
        this.o.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        this.o.expectations.deletionObserved(key, keyOf(pod));
        if (isNotFound(e)) continue;
        this.o.recorder.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`);
        errors.push(e.message);
      }
    }
    return errors.length ? { message: errors.join(', ') } : undefined;
  }

  /** `CreatePods` for one node: the template pinned to the node; the failure message, if any. */
  #createPod(
    ds: KubeObject,
    template: ReturnType<typeof createPodTemplate>,
    node: string,
  ): string | undefined {
    const spec = template.spec ?? {};
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${ds.metadata.name ?? ''}-`,
        namespace: ds.metadata.namespace ?? '',
        ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [controllerRefFor(ds)],
      },
      spec: { ...JSON.parse(JSON.stringify(spec)), affinity: withNodeNameAffinity(spec.affinity, node) },
    };
    try {
      const created = this.o.api.create(this.o.pods, pod);
      this.o.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name ?? ''}`);
      return undefined;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.o.recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
      // Every create in a terminating namespace fails: that is no failure of this DaemonSet.
      if (hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) return undefined;
      return e.message;
    }
  }
}

const COUNTS = [
  'desiredNumberScheduled',
  'currentNumberScheduled',
  'numberMisscheduled',
  'numberReady',
  'updatedNumberScheduled',
  'numberAvailable',
  'numberUnavailable',
] as const;

/**
 * `storeDaemonSetStatus`: nothing is written when the counts are unchanged and the
 * generation is observed; otherwise the counts (and, when `observe`, the generation) are
 * written, reading the DaemonSet again once on a conflict.
 */
export function writeDaemonSetStatus(
  api: ApiClient,
  resource: ResourceInfo,
  ds: KubeObject,
  status: DaemonSetStatus,
  observe: boolean,
): void {
  const had = dsStatus(ds);
  const counts = (s: Partial<DaemonSetStatus>) => COUNTS.map((k) => s[k] ?? 0);
  if (
    sameStatus(counts(had), counts(status)) &&
    (had.observedGeneration ?? 0) >= (ds.metadata.generation ?? 0)
  )
    return;
  let current = ds;
  for (let attempt = 0; ; attempt++) {
    const rest = { ...dsStatus(current) } as Record<string, unknown>;
    for (const k of COUNTS) delete rest[k];
    const next: Record<string, unknown> = { ...rest, ...status };
    if (observe) next.observedGeneration = ds.metadata.generation ?? 0;
    try {
      api.updateStatus(resource, { ...current, status: next });
      return;
    } catch (e) {
      if (!isConflict(e) || attempt >= 1) throw e;
      current = api.get(resource, ds.metadata.namespace, ds.metadata.name ?? '');
    }
  }
}
