/**
 * apps/v1 defaults (pkg/apis/apps/v1/defaults.go) with the pod-template and
 * volumeClaimTemplate defaults the generated defaulter adds.
 */
import type { Obj } from './json.ts';
import { child, children, defaultPointer, defaultString, ensureChild } from './json.ts';
import { defaultPodTemplateSpec } from './pod-defaults.ts';
import { defaultPvc } from './pvc-defaults.ts';

export function defaultDeployment(deployment: Obj): void {
  const spec = ensureChild(deployment, 'spec');
  defaultPointer(spec, 'replicas', 1);
  const strategy = ensureChild(spec, 'strategy');
  defaultString(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = ensureChild(strategy, 'rollingUpdate');
    defaultPointer(rollingUpdate, 'maxUnavailable', '25%');
    defaultPointer(rollingUpdate, 'maxSurge', '25%');
  }
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPointer(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplateSpec(ensureChild(spec, 'template'));
}

export function defaultReplicaSet(replicaSet: Obj): void {
  const spec = ensureChild(replicaSet, 'spec');
  defaultPointer(spec, 'replicas', 1);
  defaultPodTemplateSpec(ensureChild(spec, 'template'));
}

export function defaultDaemonSet(daemonSet: Obj): void {
  const spec = ensureChild(daemonSet, 'spec');
  const strategy = ensureChild(spec, 'updateStrategy');
  defaultString(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = ensureChild(strategy, 'rollingUpdate');
    defaultPointer(rollingUpdate, 'maxUnavailable', 1);
    defaultPointer(rollingUpdate, 'maxSurge', 0);
  }
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplateSpec(ensureChild(spec, 'template'));
}

export function defaultStatefulSet(statefulSet: Obj): void {
  const spec = ensureChild(statefulSet, 'spec');
  defaultString(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureChild(spec, 'updateStrategy');
  if (strategy.type === undefined || strategy.type === null || strategy.type === '') {
    strategy.type = 'RollingUpdate';
    ensureChild(strategy, 'rollingUpdate');
  }
  const rollingUpdate = child(strategy, 'rollingUpdate');
  if (strategy.type === 'RollingUpdate' && rollingUpdate) defaultPointer(rollingUpdate, 'partition', 0);
  // StatefulSetAutoDeletePVC is GA: the retention policy is always filled in.
  const retention = ensureChild(spec, 'persistentVolumeClaimRetentionPolicy');
  defaultString(retention, 'whenDeleted', 'Retain');
  defaultString(retention, 'whenScaled', 'Retain');
  defaultPointer(spec, 'replicas', 1);
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplateSpec(ensureChild(spec, 'template'));
  for (const claim of children(spec, 'volumeClaimTemplates')) {
    // apps/v1 conversion writes the templates' type meta back out on every read.
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    defaultPvc(claim);
  }
}
