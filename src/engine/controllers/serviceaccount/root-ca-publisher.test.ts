import { describe, expect, it } from 'vitest';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { Rng } from '../../time/rng.ts';
import { startControllerManager } from '../index.ts';
import { writesFrom } from '../test-support.ts';
import { generateRootCaPem } from './root-ca-cert.ts';
import {
  DESCRIPTION_ANNOTATION,
  planRootCaConfigMap,
  ROOT_CA_CONFIGMAP_NAME,
  ROOT_CA_DESCRIPTION,
} from './root-ca-publisher.ts';

const configMaps = resourceOf('ConfigMap');
const namespaces = resourceOf('Namespace');

function setup(seed = 6) {
  const cluster = new Cluster(defaultParts(), { seed, workers: 1 });
  const manager = startControllerManager(cluster);
  cluster.settle();
  return { cluster, publisher: manager.rootCaPublisher, api: cluster.client('test') };
}

describe('generateRootCaPem', () => {
  it('is a PEM certificate, the same for a seed and different across seeds', () => {
    const pem = generateRootCaPem(Rng.forComponent(1, 'pki/ca'), Date.UTC(2025, 0, 1));
    const lines = pem.trimEnd().split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----');
    expect(pem.endsWith('\n')).toBe(true);
    const body = lines.slice(1, -1);
    expect(body.slice(0, -1).every((l) => /^[A-Za-z0-9+/]{64}$/.test(l))).toBe(true);
    // DER of an X.509 v3 certificate with an 8-byte serial, as kubeadm's CA is.
    expect(body[0]!.startsWith('MIIDBTCCAe2gAwIBAgII')).toBe(true);
    // CN=kubernetes in issuer and subject
    expect(body.join('')).toContain('MBUxEzARBgNVBAMTCmt1YmVybmV0ZXM');
    expect(generateRootCaPem(Rng.forComponent(1, 'pki/ca'), Date.UTC(2025, 0, 1))).toBe(pem);
    expect(generateRootCaPem(Rng.forComponent(2, 'pki/ca'), Date.UTC(2025, 0, 1))).not.toBe(pem);
  });
});

describe('planRootCaConfigMap', () => {
  it('creates, leaves alone, or repairs the ConfigMap', () => {
    const create = planRootCaConfigMap('ns', undefined, 'PEM');
    expect(create).toEqual({
      action: 'create',
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'kube-root-ca.crt',
          namespace: 'ns',
          annotations: { [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION },
        },
        data: { 'ca.crt': 'PEM' },
      },
    });
    if (create.action !== 'create') throw new Error('unreachable');
    expect(planRootCaConfigMap('ns', create.object, 'PEM')).toEqual({ action: 'none' });
    const edited = {
      ...create.object,
      metadata: { ...create.object.metadata, annotations: { other: 'x' } },
      data: { 'ca.crt': 'OLD' },
    };
    expect(planRootCaConfigMap('ns', edited, 'PEM')).toMatchObject({
      action: 'update',
      object: {
        metadata: { annotations: { other: 'x', [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION } },
        data: { 'ca.crt': 'PEM' },
      },
    });
  });
});

describe('RootCaCertPublisher', () => {
  it('publishes the cluster CA with its description in every namespace', () => {
    const { api, publisher } = setup();
    const cms = api.list(configMaps).items.filter((c) => c.metadata.name === ROOT_CA_CONFIGMAP_NAME);
    expect(cms.map((c) => c.metadata.namespace)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    for (const c of cms) {
      expect(c.data).toEqual({ 'ca.crt': publisher.caPem });
      expect(c.metadata.annotations).toEqual({
        'kubernetes.io/description':
          'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
      });
    }
  });

  it('creates it in a new namespace, and a second sync writes nothing', () => {
    const { cluster, api, publisher } = setup();
    const since = cluster.trace.lastSeq;
    api.create(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } });
    cluster.settle();
    expect(writesFrom(cluster.trace, publisher.id, since)).toEqual(['create configmaps/apps']);
    const again = cluster.trace.lastSeq;
    publisher.sync('apps');
    expect(writesFrom(cluster.trace, publisher.id, again)).toEqual([]);
  });

  it('repairs an edited copy and re-creates a deleted one', () => {
    const { cluster, api, publisher } = setup();
    const current = api.get(configMaps, 'default', ROOT_CA_CONFIGMAP_NAME);
    const since = cluster.trace.lastSeq;
    api.update(configMaps, { ...current, data: { 'ca.crt': 'tampered' } });
    cluster.settle();
    expect(api.get(configMaps, 'default', ROOT_CA_CONFIGMAP_NAME).data).toEqual({
      'ca.crt': publisher.caPem,
    });
    api.delete(configMaps, 'default', ROOT_CA_CONFIGMAP_NAME);
    cluster.settle();
    expect(api.get(configMaps, 'default', ROOT_CA_CONFIGMAP_NAME).data).toEqual({
      'ca.crt': publisher.caPem,
    });
    expect(writesFrom(cluster.trace, publisher.id, since)).toEqual([
      'update configmaps/default/kube-root-ca.crt',
      'create configmaps/default',
    ]);
  });

  it('derives the certificate from the cluster seed', () => {
    expect(setup(6).publisher.caPem).toBe(setup(6).publisher.caPem);
    expect(setup(7).publisher.caPem).not.toBe(setup(6).publisher.caPem);
  });
});
