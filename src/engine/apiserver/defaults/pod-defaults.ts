/**
 * Pod and pod-template defaults. SetDefaults_PodSpec applies to every PodSpec (pods and the
 * templates inside workloads); SetDefaults_Pod adds what only a real Pod gets
 * (enableServiceLinks, requests copied from limits, host ports under hostNetwork).
 */
import { defaultContainer } from './container-defaults.ts';
import type { Obj } from './json.ts';
import { child, children, defaultPointer, defaultString, ensureChild, isObj } from './json.ts';
import { defaultVolume } from './volume-defaults.ts';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

export function defaultPodSpec(spec: Obj): void {
  defaultString(spec, 'dnsPolicy', 'ClusterFirst');
  defaultString(spec, 'restartPolicy', 'Always');
  defaultPointer(spec, 'securityContext', {});
  defaultPointer(spec, 'terminationGracePeriodSeconds', 30);
  defaultString(spec, 'schedulerName', 'default-scheduler');
  for (const volume of children(spec, 'volumes')) defaultVolume(volume);
  for (const list of CONTAINER_LISTS)
    for (const container of children(spec, list)) defaultContainer(container);
  mirrorServiceAccount(spec);
}

/**
 * v1's `serviceAccount` is a deprecated alias of `serviceAccountName`. Every write converts
 * v1 → internal → v1, which fills the name from the alias when only the alias is given and
 * then writes the alias back from the name.
 */
export function mirrorServiceAccount(spec: Obj): void {
  const name = typeof spec.serviceAccountName === 'string' ? spec.serviceAccountName : '';
  const alias = typeof spec.serviceAccount === 'string' ? spec.serviceAccount : '';
  const effective = name || alias;
  if (effective) {
    spec.serviceAccountName = effective;
    spec.serviceAccount = effective;
  } else {
    delete spec.serviceAccount;
  }
}

export function defaultPodTemplateSpec(template: Obj): void {
  defaultPodSpec(ensureChild(template, 'spec'));
}

export function defaultPod(pod: Obj): void {
  const spec = ensureChild(pod, 'spec');
  for (const list of ['containers', 'initContainers']) {
    for (const container of children(spec, list)) copyLimitsToRequests(container);
  }
  defaultPointer(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const list of ['containers', 'initContainers']) {
      for (const container of children(spec, list)) {
        for (const port of children(container, 'ports')) {
          if (port.hostPort === undefined || port.hostPort === null || port.hostPort === 0) {
            port.hostPort = port.containerPort;
          }
        }
      }
    }
  }
  defaultPodSpec(spec);
}

/** A limit without a request means the request equals the limit (only on Pods, not templates). */
function copyLimitsToRequests(container: Obj): void {
  const resources = child(container, 'resources');
  const limits = resources ? child(resources, 'limits') : undefined;
  if (!resources || !limits) return;
  const requests = isObj(resources.requests) ? resources.requests : {};
  for (const [name, value] of Object.entries(limits)) {
    if (!(name in requests)) requests[name] = value;
  }
  if (isObj(resources.requests) || Object.keys(requests).length > 0) resources.requests = requests;
}
