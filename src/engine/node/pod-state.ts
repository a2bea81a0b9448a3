/** What a kubelet keeps about each of its pods and their containers between syncs. */
import type { KubeObject } from '../api/types.ts';
import type { Cancellable } from '../apiserver/watch.ts';
import type { Program } from './runtime/program.ts';

export type ContainerState =
  | { readonly kind: 'waiting'; readonly reason: string; readonly message?: string }
  | { readonly kind: 'running'; readonly startedAt: number }
  | {
      readonly kind: 'terminated';
      readonly exitCode: number;
      readonly reason: string;
      readonly message?: string;
      readonly startedAt: number;
      readonly finishedAt: number;
    };

/** One run of a container's process, kept for logs (`--previous` reads the one before). */
export interface ContainerRun {
  readonly program: Program;
  readonly startedAt: number;
  readonly containerID: string;
  finishedAt?: number;
  /** Lines written besides the program's own (e.g. a kill). */
  readonly extraLines: string[];
  /** The environment the container started with (`NAME=value`). */
  readonly env?: readonly string[];
}

export interface ContainerRecord {
  readonly name: string;
  readonly init: boolean;
  state: ContainerState;
  lastState?: ContainerState & { kind: 'terminated' };
  restartCount: number;
  containerID?: string;
  imageID?: string;
  image: string;
  ready: boolean;
  started: boolean;
  current?: ContainerRun;
  previous?: ContainerRun;
  /** CrashLoopBackOff / ImagePullBackOff bookkeeping (the kubelet's backoff entry). */
  backoffMs: number;
  backoffUpdatedAt: number;
  exitTimer?: Cancellable;
  /** Set by `sim pod fail-probe`. */
  failLiveness?: boolean;
  failReadiness?: boolean;
}

export interface PodRecord {
  readonly uid: string;
  readonly key: string;
  pod: KubeObject;
  podIP?: string;
  sandboxReady: boolean;
  readonly containers: Map<string, ContainerRecord>;
  startTime?: number;
  /** The step in progress (sandbox, pull, create…): at most one at a time per pod. */
  step?: Cancellable;
  terminating: boolean;
  removed: boolean;
  /** Last status sent, to skip writes that change nothing. */
  lastStatusJson?: string;
  /** The resourceVersion our last status write produced: later versions come from others. */
  lastWrittenRv?: number;
  readonly conditionTimes: Map<string, { status: string; at: number }>;
}
