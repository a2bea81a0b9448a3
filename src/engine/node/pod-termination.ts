/**
 * Stopping containers: a pod being deleted (SIGTERM to every container, SIGKILL when the
 * grace period ends, then the kubelet removes the pod from the API with grace period 0),
 * and a single container killed for a failed liveness probe.
 */
import { ApiError, type ApiClient } from '../client/api-client.ts';
import type { Cancellable } from '../apiserver/watch.ts';
import type { Rng } from '../time/rng.ts';
import { PODS } from './pod-source.ts';
import type { ContainerRecord, PodRecord } from './pod-state.ts';

export interface TerminationHost {
  readonly api: ApiClient;
  readonly rng: Rng;
  now(): number;
  at(delayMs: number, run: () => void, kind: 'work' | 'periodic'): Cancellable;
  event(
    rec: PodRecord,
    r: ContainerRecord,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void;
  writeStatus(rec: PodRecord): void;
  onExit(rec: PodRecord, r: ContainerRecord, exitCode: number, reason: string): void;
  stopProbes(r: ContainerRecord): void;
}

export class PodTermination {
  constructor(private readonly host: TerminationHost) {}

  /** Stops one container (a failed liveness probe): SIGTERM, then SIGKILL after the grace period. */
  killContainer(rec: PodRecord, r: ContainerRecord): void {
    this.host.stopProbes(r);
    r.exitTimer?.cancel();
    const ignores = r.current?.program.ignoresSigterm ?? true;
    const graceSeconds =
      (rec.pod.spec as { terminationGracePeriodSeconds?: number } | undefined)
        ?.terminationGracePeriodSeconds ?? 30;
    const delay = ignores ? graceSeconds * 1000 : 50 + this.host.rng.int(250);
    r.exitTimer = this.host.at(
      delay,
      () => this.host.onExit(rec, r, ignores ? 137 : 0, ignores ? 'Error' : 'Completed'),
      'periodic',
    );
  }

  terminate(rec: PodRecord): void {
    if (rec.terminating) return;
    rec.terminating = true;
    rec.step?.cancel();
    rec.step = undefined;
    const graceSeconds = rec.pod.metadata.deletionGracePeriodSeconds ?? 30;
    let lastExit = 0;
    for (const r of rec.containers.values()) {
      r.exitTimer?.cancel();
      r.exitTimer = undefined;
      this.host.stopProbes(r);
      if (r.state.kind !== 'running') continue;
      this.host.event(rec, r, 'Normal', 'Killing', `Stopping container ${r.name}`);
      const ignores = r.current?.program.ignoresSigterm ?? true;
      const delay = ignores ? graceSeconds * 1000 : 50 + this.host.rng.int(250);
      lastExit = Math.max(lastExit, delay);
      r.exitTimer = this.host.at(
        delay,
        () => {
          r.exitTimer = undefined;
          const startedAt = r.state.kind === 'running' ? r.state.startedAt : this.host.now();
          r.state = ignores
            ? { kind: 'terminated', exitCode: 137, reason: 'Error', startedAt, finishedAt: this.host.now() }
            : {
                kind: 'terminated',
                exitCode: 0,
                reason: 'Completed',
                startedAt,
                finishedAt: this.host.now(),
              };
          r.ready = false;
        },
        'work',
      );
    }
    rec.step = this.host.at(
      lastExit + 20,
      () => {
        rec.step = undefined;
        for (const r of rec.containers.values()) if (r.state.kind === 'waiting') r.ready = false;
        this.host.writeStatus(rec);
        this.#deletePod(rec);
      },
      'work',
    );
  }

  #deletePod(rec: PodRecord): void {
    const { namespace, name, uid } = rec.pod.metadata;
    try {
      this.host.api.delete(PODS, namespace, name ?? '', {
        gracePeriodSeconds: 0,
        ...(uid ? { preconditions: { uid } } : {}),
      });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}
