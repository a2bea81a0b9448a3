/**
 * Defaults of one container (regular, init or ephemeral), as core/v1's generated defaulter
 * applies them: SetDefaults_Container, port protocols, downward-API env, probes and
 * lifecycle handlers.
 */
import { defaultImagePullPolicy } from './image-reference.ts';
import type { Obj } from './json.ts';
import {
  child,
  children,
  defaultNonZero,
  defaultPointer,
  defaultString,
  ensureChild,
  isUnset,
} from './json.ts';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export function defaultContainer(container: Obj): void {
  const policy = container.imagePullPolicy;
  if (isUnset(policy) || policy === '') {
    const image = typeof container.image === 'string' ? container.image : '';
    container.imagePullPolicy = defaultImagePullPolicy(image);
  }
  defaultString(container, 'terminationMessagePath', '/dev/termination-log');
  defaultString(container, 'terminationMessagePolicy', 'File');
  for (const port of children(container, 'ports')) defaultString(port, 'protocol', 'TCP');
  for (const env of children(container, 'env')) {
    const fieldRef = child(child(env, 'valueFrom') ?? {}, 'fieldRef');
    if (fieldRef) defaultObjectFieldSelector(fieldRef);
  }
  // ResourceRequirements is a plain struct in Go, so it always serialises, as `resources: {}`.
  ensureChild(container, 'resources');
  for (const name of PROBES) {
    const probe = child(container, name);
    if (probe) defaultProbe(probe);
  }
  const lifecycle = child(container, 'lifecycle');
  if (lifecycle) {
    for (const hook of ['postStart', 'preStop']) {
      const httpGet = child(child(lifecycle, hook) ?? {}, 'httpGet');
      if (httpGet) defaultHttpGet(httpGet);
    }
  }
}

export function defaultProbe(probe: Obj): void {
  defaultNonZero(probe, 'timeoutSeconds', 1);
  defaultNonZero(probe, 'periodSeconds', 10);
  defaultNonZero(probe, 'successThreshold', 1);
  defaultNonZero(probe, 'failureThreshold', 3);
  const httpGet = child(probe, 'httpGet');
  if (httpGet) defaultHttpGet(httpGet);
  const grpc = child(probe, 'grpc');
  if (grpc) defaultPointer(grpc, 'service', '');
}

export function defaultHttpGet(action: Obj): void {
  defaultString(action, 'path', '/');
  defaultString(action, 'scheme', 'HTTP');
}

export function defaultObjectFieldSelector(selector: Obj): void {
  defaultString(selector, 'apiVersion', 'v1');
}
