export { PatchError } from '../apiserver/ports.ts';
export type { Patcher as ClusterPartsPatcher } from '../apiserver/ports.ts';
