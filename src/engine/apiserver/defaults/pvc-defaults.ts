/**
 * PersistentVolumeClaim defaults, shared by PVC objects, StatefulSet volumeClaimTemplates
 * and ephemeral volume templates.
 */
import type { Obj } from './json.ts';
import { defaultPointer, defaultString, ensureChild } from './json.ts';

export function defaultPvcSpec(spec: Obj): void {
  defaultPointer(spec, 'volumeMode', 'Filesystem');
  // A plain struct in Go: it always serialises, as `resources: {}` when empty.
  ensureChild(spec, 'resources');
}

/** SetDefaults_PersistentVolumeClaim plus the spec defaults: a whole claim object. */
export function defaultPvc(claim: Obj): void {
  defaultPvcSpec(ensureChild(claim, 'spec'));
  defaultString(ensureChild(claim, 'status'), 'phase', 'Pending');
}
