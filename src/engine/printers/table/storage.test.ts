import { describe, expect, it } from 'vitest';
import * as c from '../testdata/cluster.ts';
import { NOW } from '../testdata/meta.ts';
import {
  csiDriverPrinter,
  persistentVolumeClaimPrinter,
  persistentVolumePrinter,
  storageClassPrinter,
  volumeAttachmentPrinter,
} from './storage.ts';

const ctx = { now: NOW };

describe('storage rows', () => {
  it('persistent volume: canonical capacity, access modes in fixed order, claim', () => {
    expect(persistentVolumePrinter.row(c.persistentVolume, ctx)).toEqual([
      'pv-data', '10Gi', 'RWO,RWX', 'Retain', 'Bound', 'default/data', 'standard', '<unset>', '', '24h', 'Filesystem',
    ]); // prettier-ignore
  });

  it('persistent volume: Terminating when deleted, beta class annotation wins', () => {
    const pv = {
      ...c.persistentVolume,
      metadata: {
        ...c.persistentVolume.metadata,
        deletionTimestamp: '2025-01-01T11:00:00Z',
        annotations: { 'volume.beta.kubernetes.io/storage-class': 'legacy' },
      },
      spec: { capacity: { storage: '1536Mi' } },
    };
    expect(persistentVolumePrinter.row(pv, ctx).slice(0, 7)).toEqual([
      'pv-data',
      '1536Mi',
      '',
      '',
      'Terminating',
      '',
      'legacy',
    ]);
  });

  it('claims: capacity and modes only once bound', () => {
    expect(persistentVolumeClaimPrinter.row(c.boundClaim, ctx)).toEqual([
      'data', 'Bound', 'pv-data', '10Gi', 'RWO,RWX', 'standard', '<unset>', '24h', 'Filesystem',
    ]); // prettier-ignore
    expect(persistentVolumeClaimPrinter.row(c.pendingClaim, ctx)).toEqual([
      'scratch', 'Pending', '', '', '', 'fast', '<unset>', '30s', 'Filesystem',
    ]); // prettier-ignore
  });

  it('storage class: (default) marker and defaults', () => {
    expect(storageClassPrinter.row(c.defaultStorageClass, ctx)).toEqual([
      'standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '40d',
    ]); // prettier-ignore
    expect(storageClassPrinter.row(c.expandableStorageClass, ctx)).toEqual([
      'fast',
      'ebs.csi.aws.com',
      'Delete',
      'Immediate',
      true,
      '10m',
    ]);
  });

  it('CSI driver and volume attachment defaults', () => {
    const driver = { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'd' }, spec: {} };
    expect(csiDriverPrinter.row(driver, ctx)).toEqual([
      'd',
      true,
      false,
      false,
      '<unset>',
      false,
      '<none>',
      '<unknown>',
    ]);
    const va = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'VolumeAttachment',
      metadata: { name: 'va' },
      spec: { attacher: 'x', nodeName: 'n', source: { persistentVolumeName: 'pv' } },
    };
    expect(volumeAttachmentPrinter.row(va, ctx)).toEqual(['va', 'x', 'pv', 'n', false, '<unknown>']);
  });
});
