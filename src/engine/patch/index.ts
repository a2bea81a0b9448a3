/**
 * Patches as Kubernetes applies and computes them: JSON merge patch, JSON patch and
 * strategic merge patch on the API server side; two- and three-way patch creation on the
 * kubectl side. All functions are pure: inputs are never modified and may be frozen.
 */
export { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch.ts';
export { applyMergePatch, createMergePatch } from './json-merge-patch.ts';
export { createThreeWayJsonMergePatch } from './json-merge-three-way.ts';
export {
  applyStrategicMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  isEmptyPatch,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
} from './strategic-merge-patch.ts';
export type { PatchPrecondition } from './strategic-merge-patch.ts';
export { GENERIC_UNPROCESSABLE, PatchError } from './patch-error.ts';
export type { PatchErrorKind } from './patch-error.ts';
