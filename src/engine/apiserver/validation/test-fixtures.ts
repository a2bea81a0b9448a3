/**
 * Defaulted objects for the validation tests: what the API server hands to validation after
 * decoding and defaulting a minimal manifest.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { formatFieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';

export function container(
  name: string,
  image = 'nginx:1.27',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    image,
    imagePullPolicy: 'IfNotPresent',
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    resources: {},
    ...extra,
  };
}

export function podSpec(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    containers: [container('web')],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    schedulerName: 'default-scheduler',
    securityContext: {},
    enableServiceLinks: true,
    ...extra,
  };
}

export function pod(spec: Record<string, unknown> = podSpec(), name = 'web'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec };
}

export function deployment(
  labels: Record<string, string>,
  selector: Record<string, string>,
  extraSpec: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 1,
      selector: { matchLabels: selector },
      template: { metadata: { labels }, spec: podSpec() },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...extraSpec,
    },
  };
}

/** A Job as the strategy leaves it before validation: uid set, selector and labels generated. */
export function job(spec: Record<string, unknown> = {}, name = 'pi'): KubeObject {
  const uid = '11111111-2222-3333-4444-555555555555';
  const labels = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default', uid },
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      manualSelector: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: { metadata: { labels }, spec: podSpec({ restartPolicy: 'Never' }) },
      ...spec,
    },
  };
}

export function messages(errors: FieldError[]): string[] {
  return errors.map(formatFieldError);
}
