/** `Pods Status:` of a workload: its own pods (by controller reference) counted by phase. */
import type { DescribeWriter } from './describe-writer.ts';
import { controllerRef, obj, type Obj } from './format.ts';

export function writePodsStatus(w: DescribeWriter, label: string, owner: Obj, pods: readonly Obj[]): void {
  const uid = obj(owner.metadata).uid;
  const owned = pods.filter((p) => controllerRef(obj(p.metadata))?.uid === uid);
  const count = (phase: string): number => owned.filter((p) => obj(p.status).phase === phase).length;
  w.write(
    0,
    `${label}:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`,
  );
}
