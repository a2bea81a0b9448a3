import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { deepFreeze } from '../../store/freeze.ts';
import { applyDefaults } from './apply-defaults.ts';

function defaulted(object: KubeObject): KubeObject {
  const result = applyDefaults(deepFreeze(object));
  expect(applyDefaults(deepFreeze(result))).toEqual(result);
  return result;
}

describe('Deployment defaults', () => {
  // Input and stored spec as a real cluster showed them (`kubectl get deploy test -o yaml`, 2025).
  it('fills exactly the fields a real API server adds to a minimal Deployment', () => {
    const input: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'test' },
      spec: {
        selector: { matchLabels: { app: 'test' } },
        template: {
          metadata: { labels: { app: 'test' } },
          spec: {
            containers: [{ name: 'container', image: 'nginx' }],
            initContainers: [{ name: 'init', image: 'busybox:musl' }],
            serviceAccount: 'sa',
          },
        },
      },
    };
    const container = {
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    };
    expect(defaulted(input).spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'test' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: { app: 'test' } },
        spec: {
          containers: [{ image: 'nginx', imagePullPolicy: 'Always', name: 'container', ...container }],
          dnsPolicy: 'ClusterFirst',
          initContainers: [
            { image: 'busybox:musl', imagePullPolicy: 'IfNotPresent', name: 'init', ...container },
          ],
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          serviceAccount: 'sa',
          serviceAccountName: 'sa',
          terminationGracePeriodSeconds: 30,
        },
      },
    });
  });

  it('keeps explicit values and does not add rollingUpdate to a Recreate strategy', () => {
    const out = defaulted({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: { replicas: 0, revisionHistoryLimit: 0, strategy: { type: 'Recreate' }, template: { spec: {} } },
    });
    const spec = out.spec as Record<string, unknown>;
    expect(spec.replicas).toBe(0);
    expect(spec.revisionHistoryLimit).toBe(0);
    expect(spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('does not give pod templates the Pod-only defaults', () => {
    const out = defaulted({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: {
        template: {
          spec: { containers: [{ name: 'c', image: 'i:1', resources: { limits: { cpu: '1' } } }] },
        },
      },
    });
    const podSpec = (out.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(podSpec.enableServiceLinks).toBeUndefined();
    expect((podSpec.containers as { resources: unknown }[])[0]!.resources).toEqual({ limits: { cpu: '1' } });
  });
});

describe('other workload defaults', () => {
  it('ReplicaSet gets one replica and template defaults', () => {
    const out = defaulted({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs' },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } },
    });
    const spec = out.spec as { replicas: number; template: { spec: { dnsPolicy: string } } };
    expect(spec.replicas).toBe(1);
    expect(spec.template.spec.dnsPolicy).toBe('ClusterFirst');
  });

  it('DaemonSet rolls one pod at a time with no surge', () => {
    const spec = defaulted({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ds' },
      spec: { template: { spec: {} } },
    }).spec as Record<string, unknown>;
    expect(spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
    expect(spec.revisionHistoryLimit).toBe(10);
  });

  it('StatefulSet fills policies, partition and claim templates as stored', () => {
    const spec = defaulted({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: {
        serviceName: 'nginx',
        template: { spec: {} },
        volumeClaimTemplates: [
          {
            metadata: { name: 'www' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
      },
    }).spec as Record<string, unknown>;
    expect(spec.podManagementPolicy).toBe('OrderedReady');
    expect(spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    expect(spec.persistentVolumeClaimRetentionPolicy).toEqual({
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
    });
    expect(spec.replicas).toBe(1);
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.volumeClaimTemplates).toEqual([
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'www' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
          volumeMode: 'Filesystem',
        },
        status: { phase: 'Pending' },
      },
    ]);
  });

  it('StatefulSet OnDelete strategy gets no rollingUpdate', () => {
    const spec = defaulted({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: { updateStrategy: { type: 'OnDelete' }, template: { spec: {} } },
    }).spec as Record<string, unknown>;
    expect(spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('Job gets the batch/v1 defaults and the template labels', () => {
    const out = defaulted({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: {
        template: {
          metadata: { labels: { app: 'pi' } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0' }] },
        },
      },
    });
    expect(out.metadata.labels).toEqual({ app: 'pi' });
    const { template, ...rest } = out.spec as Record<string, unknown>;
    expect(rest).toEqual({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      suspend: false,
    });
    expect((template as { spec: { restartPolicy: string } }).spec.restartPolicy).toBe('Never');
  });

  it('Job with parallelism only leaves completions unset; failure policies change other defaults', () => {
    const spec = defaulted({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: {
        parallelism: 3,
        backoffLimitPerIndex: 1,
        completionMode: 'Indexed',
        podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] },
        template: { spec: {} },
      },
    }).spec as Record<string, unknown>;
    expect(spec.completions).toBeUndefined();
    expect(spec.backoffLimit).toBe(2147483647);
    expect(spec.podReplacementPolicy).toBe('Failed');
    expect(spec.podFailurePolicy).toEqual({
      rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }],
    });
  });

  it('CronJob gets its own defaults but no Job defaults inside the template', () => {
    const spec = defaulted({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello' },
      spec: {
        schedule: '* * * * *',
        jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [] } } } },
      },
    }).spec as Record<string, unknown>;
    expect(spec.concurrencyPolicy).toBe('Allow');
    expect(spec.suspend).toBe(false);
    expect(spec.successfulJobsHistoryLimit).toBe(3);
    expect(spec.failedJobsHistoryLimit).toBe(1);
    const jobSpec = (spec.jobTemplate as { spec: Record<string, unknown> }).spec;
    expect(jobSpec.backoffLimit).toBeUndefined();
    expect((jobSpec.template as { spec: { schedulerName: string } }).spec.schedulerName).toBe(
      'default-scheduler',
    );
  });
});
