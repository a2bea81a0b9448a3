/** Where a workload keeps its pod spec, for the commands that edit it (`set image`, `set env`). */
import type { KubeObject } from '../../api/types.ts';

export function podSpecPath(object: KubeObject): string[] {
  if (object.kind === 'Pod') return ['spec'];
  if (object.kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return ['spec', 'template', 'spec'];
}

export function dig(value: unknown, path: readonly string[]): Record<string, unknown> {
  let cur = value;
  for (const p of path) cur = (cur as Record<string, unknown> | undefined)?.[p];
  return (cur ?? {}) as Record<string, unknown>;
}

/** `leaf` under `path`, as a patch body. */
export function nest(path: readonly string[], leaf: unknown): unknown {
  return path.reduceRight((acc, key) => ({ [key]: acc }), leaf);
}
