/**
 * kube-scheduler's PriorityQueue (`internal/queue/scheduling_queue.go`): activeQ ordered by
 * priority then arrival, backoffQ for pods waiting out their backoff (1 s doubling to 10 s
 * per attempt), and the unschedulable pods, which wait for a cluster event that could help
 * them, or at most five minutes. With SchedulerPopFromBackoffQ (on by default since 1.33), a
 * pod that plugins rejected is taken from backoffQ at once when activeQ is empty; a pod whose
 * attempt ended in an error (a failed binding) waits out its backoff, as in the real split of
 * backoffQ into podBackoffQ and podErrorBackoffQ. Time comes in as arguments.
 */
import type { KubeObject } from '../api/types.ts';
import { podKey, podSpec } from './types.ts';

export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
export const POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;

export interface QueuedPod {
  pod: KubeObject;
  readonly key: string;
  /** When the pod (re)entered the queue: activeQ's tie-breaker. */
  timestamp: number;
  /** Scheduling attempts so far. */
  attempts: number;
  /** When the last attempt failed. */
  failedAt: number;
  /** Whether the last attempt ended in an error rather than a plugin's rejection. */
  erred: boolean;
}

type Where = 'active' | 'backoff' | 'unschedulable' | 'inflight';

export function backoffDurationMs(attempts: number): number {
  let d = POD_INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > POD_MAX_BACKOFF_MS) return POD_MAX_BACKOFF_MS;
  }
  return d;
}

interface Entry {
  readonly qp: QueuedPod;
  where: Where;
  /** Which activeQ heap item is current (older ones are stale). */
  activeSeq: number;
}

export class SchedulingQueue {
  readonly #pods = new Map<string, Entry>();
  readonly #backoff = new Set<Entry>();
  readonly #unschedulable = new Set<Entry>();
  readonly #active: { entry: Entry; seq: number }[] = [];
  #seq = 0;

  /** A new pending pod goes straight to activeQ; a known one is only refreshed. */
  add(pod: KubeObject, now: number): void {
    const key = podKey(pod);
    const known = this.#pods.get(key);
    if (known) {
      known.qp.pod = pod;
      return;
    }
    const entry: Entry = {
      qp: { pod, key, timestamp: now, attempts: 0, failedAt: now, erred: false },
      where: 'inflight',
      activeSeq: 0,
    };
    this.#pods.set(key, entry);
    this.#moveTo(entry, 'active');
  }

  /** An update of a pending pod may make it schedulable: an unschedulable one is given another try. */
  update(pod: KubeObject, now: number): void {
    const entry = this.#pods.get(podKey(pod));
    if (!entry) return this.add(pod, now);
    entry.qp.pod = pod;
    if (entry.where === 'unschedulable') this.#requeue(entry, now);
  }

  delete(key: string): void {
    const entry = this.#pods.get(key);
    if (!entry) return;
    this.#moveTo(entry, 'inflight');
    this.#pods.delete(key);
  }

  has(key: string): boolean {
    return this.#pods.has(key);
  }

  where(key: string): Where | undefined {
    return this.#pods.get(key)?.where;
  }

  /** The next pod to schedule, or undefined when none is ready. */
  pop(now: number): QueuedPod | undefined {
    this.flushBackoffCompleted(now);
    let entry = this.#popActive();
    if (!entry) {
      for (const e of this.#backoff) {
        if (!e.qp.erred && (!entry || this.#expiry(e.qp) < this.#expiry(entry.qp))) entry = e;
      }
    }
    if (!entry) return undefined;
    this.#moveTo(entry, 'inflight');
    entry.qp.attempts++;
    return entry.qp;
  }

  /** A failed attempt: the pod waits for a cluster event (`unschedulable`) or its backoff (`backoff`). */
  failed(qp: QueuedPod, now: number, to: 'unschedulable' | 'backoff'): void {
    const entry = this.#pods.get(qp.key);
    if (!entry || entry.qp !== qp) return;
    qp.failedAt = now;
    qp.timestamp = now;
    qp.erred = to === 'backoff';
    this.#moveTo(entry, to);
  }

  /** The attempt ended with the pod bound: it leaves the queue. */
  done(qp: QueuedPod): void {
    if (this.#pods.get(qp.key)?.qp === qp) this.delete(qp.key);
  }

  /** A cluster event that may help: every unschedulable pod goes to activeQ or backoffQ. */
  moveAllToActiveOrBackoff(now: number): number {
    const moved = [...this.#unschedulable];
    for (const entry of moved) this.#requeue(entry, now);
    return moved.length;
  }

  flushBackoffCompleted(now: number): void {
    for (const entry of [...this.#backoff]) {
      if (this.#expiry(entry.qp) <= now) this.#moveTo(entry, 'active');
    }
  }

  /** Pods unschedulable for longer than five minutes get another try anyway. */
  flushUnschedulableLeftover(now: number): void {
    for (const entry of [...this.#unschedulable]) {
      if (now - entry.qp.failedAt > POD_MAX_IN_UNSCHEDULABLE_MS) this.#requeue(entry, now);
    }
  }

  /** Whether a pop at `now` would return a pod. */
  hasReady(now: number): boolean {
    this.flushBackoffCompleted(now);
    if (this.#peekActive() !== undefined) return true;
    for (const e of this.#backoff) if (!e.qp.erred) return true;
    return false;
  }

  /** When the earliest pod in backoff is due (undefined: none waits). */
  nextBackoffExpiry(): number | undefined {
    let min: number | undefined;
    for (const e of this.#backoff) {
      const t = this.#expiry(e.qp);
      if (min === undefined || t < min) min = t;
    }
    return min;
  }

  counts(): Record<Where, number> {
    const out: Record<Where, number> = { active: 0, backoff: 0, unschedulable: 0, inflight: 0 };
    for (const entry of this.#pods.values()) out[entry.where]++;
    return out;
  }

  #requeue(entry: Entry, now: number): void {
    this.#moveTo(entry, this.#expiry(entry.qp) > now ? 'backoff' : 'active');
  }

  #moveTo(entry: Entry, where: Where): void {
    if (entry.where === 'backoff') this.#backoff.delete(entry);
    if (entry.where === 'unschedulable') this.#unschedulable.delete(entry);
    entry.where = where;
    if (where === 'backoff') this.#backoff.add(entry);
    if (where === 'unschedulable') this.#unschedulable.add(entry);
    if (where === 'active') {
      entry.activeSeq = ++this.#seq;
      this.#heapPush({ entry, seq: entry.activeSeq });
    }
  }

  #expiry(qp: QueuedPod): number {
    return qp.failedAt + backoffDurationMs(qp.attempts);
  }

  #isLive(item: { entry: Entry; seq: number }): boolean {
    const e = item.entry;
    return e.where === 'active' && e.activeSeq === item.seq && this.#pods.get(e.qp.key) === e;
  }

  #peekActive(): Entry | undefined {
    while (this.#active.length && !this.#isLive(this.#active[0]!)) this.#heapPop();
    return this.#active[0]?.entry;
  }

  #popActive(): Entry | undefined {
    const top = this.#peekActive();
    if (top) this.#heapPop();
    return top;
  }

  /** PrioritySort: higher priority first, then whoever queued first. */
  #less(a: { entry: Entry; seq: number }, b: { entry: Entry; seq: number }): boolean {
    const pa = podSpec(a.entry.qp.pod).priority ?? 0;
    const pb = podSpec(b.entry.qp.pod).priority ?? 0;
    if (pa !== pb) return pa > pb;
    if (a.entry.qp.timestamp !== b.entry.qp.timestamp) return a.entry.qp.timestamp < b.entry.qp.timestamp;
    return a.seq < b.seq;
  }

  #heapPush(item: { entry: Entry; seq: number }): void {
    const h = this.#active;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  #heapPop(): void {
    const h = this.#active;
    const last = h.pop();
    if (!last || h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.#less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.#less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
