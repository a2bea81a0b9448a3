import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { startControllerManager } from '../index.ts';
import { timeLeftMs } from './ttl-after-finished-controller.ts';

const jobs = resourceOf('Job', 'batch');
const NOW = 1_735_732_800_000;

function finishedJob(ttl: number | undefined, finishedAt: string | undefined): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default' },
    spec: {
      ...(ttl !== undefined ? { ttlSecondsAfterFinished: ttl } : {}),
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0' }] } },
    },
    status: finishedAt
      ? { conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: finishedAt }] }
      : {},
  };
}

describe('TTL after finished', () => {
  it('counts the TTL from the Complete or Failed condition', () => {
    expect(timeLeftMs(finishedJob(30, formatTimestamp(NOW - 10_000)), NOW)).toBe(20_000);
    expect(timeLeftMs(finishedJob(30, undefined), NOW)).toBeUndefined();
    expect(timeLeftMs(finishedJob(undefined, formatTimestamp(NOW)), NOW)).toBeUndefined();
  });

  it('deletes a finished Job once its TTL has passed', () => {
    const cluster = new Cluster(defaultParts(), { seed: 7, workers: 1 });
    startControllerManager(cluster);
    cluster.settle();
    const api = cluster.client('test');
    const job = api.create(jobs, finishedJob(5, undefined));
    const at = formatTimestamp(cluster.clock.now());
    api.updateStatus(jobs, {
      ...job,
      status: { conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: at }] },
    });
    cluster.advance(4000);
    expect(api.list(jobs, 'default').items).toHaveLength(1);
    cluster.advance(2000);
    cluster.settle();
    expect(api.list(jobs, 'default').items).toHaveLength(0);
  });
});
