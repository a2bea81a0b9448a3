import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { validateCreate, validateUpdate } from './index.ts';
import { messages } from './test-fixtures.ts';

/** `namespace: null` builds a cluster-scoped object. */
function obj(
  apiVersion: string,
  kind: string,
  body: Record<string, unknown>,
  name = 'x',
  namespace: string | null = 'default',
): KubeObject {
  const metadata = namespace === null ? { name } : { name, namespace };
  return { apiVersion, kind, metadata, ...body };
}

function service(spec: Record<string, unknown>, name = 'web'): KubeObject {
  return obj(
    'v1',
    'Service',
    {
      spec: {
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        clusterIP: '10.96.0.20',
        clusterIPs: ['10.96.0.20'],
        ...spec,
      },
    },
    name,
  );
}

const port = (n: number, extra: Record<string, unknown> = {}) => ({
  port: n,
  targetPort: n,
  protocol: 'TCP',
  ...extra,
});

describe('Service validation', () => {
  it('accepts a plain ClusterIP service', () => {
    expect(messages(validateCreate(service({ ports: [port(80)] })))).toEqual([]);
  });

  it('rejects port 70000 (and its defaulted targetPort)', () => {
    expect(messages(validateCreate(service({ ports: [port(70000)] })))).toEqual([
      'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
  });

  it('requires ports unless headless', () => {
    expect(messages(validateCreate(service({ ports: [] })))).toEqual(['spec.ports: Required value']);
    expect(messages(validateCreate(service({ clusterIP: 'None', clusterIPs: ['None'] })))).toEqual([]);
  });

  it('requires names on multiple ports and checks the type', () => {
    expect(messages(validateCreate(service({ type: 'Internal', ports: [port(80), port(443)] })))).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[1].name: Required value',
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  it('forbids nodePort on ClusterIP services', () => {
    expect(messages(validateCreate(service({ ports: [port(80, { nodePort: 30080 })] })))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });

  it('names services with DNS-1035 labels', () => {
    expect(messages(validateCreate(service({ ports: [port(80)] }, '1web')))).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('accepts the 1.34 trafficDistribution values and names them when refusing another', () => {
    for (const value of ['PreferClose', 'PreferSameZone', 'PreferSameNode']) {
      expect(messages(validateCreate(service({ ports: [port(80)], trafficDistribution: value })))).toEqual(
        [],
      );
    }
    expect(
      messages(validateCreate(service({ ports: [port(80)], trafficDistribution: 'PreferSameRegion' }))),
    ).toEqual([
      'spec.trafficDistribution: Unsupported value: "PreferSameRegion": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"',
    ]);
  });

  it('keeps clusterIPs once set', () => {
    const old = service({ ports: [port(80)] });
    old.metadata.resourceVersion = '4';
    const next = service({ ports: [port(80)], clusterIP: '10.96.0.21', clusterIPs: ['10.96.0.21'] });
    next.metadata.resourceVersion = '4';
    expect(messages(validateUpdate(next, old))).toEqual([
      'spec.clusterIPs[0]: Invalid value: ["10.96.0.21"]: may not change once set',
    ]);
  });
});

describe('ConfigMap and Secret validation', () => {
  it('checks keys', () => {
    const cm = obj('v1', 'ConfigMap', { data: { 'bad key': 'v' } });
    expect(messages(validateCreate(cm))).toEqual([
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });

  it('enforces immutability', () => {
    const old = obj('v1', 'ConfigMap', { immutable: true, data: { a: '1' } });
    old.metadata.resourceVersion = '2';
    const next = obj('v1', 'ConfigMap', { immutable: true, data: { a: '2' } });
    next.metadata.resourceVersion = '2';
    expect(messages(validateUpdate(next, old))).toEqual([
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });

  it('requires the keys of typed secrets', () => {
    const tls = obj('v1', 'Secret', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'Y2VydA==' } });
    expect(messages(validateCreate(tls))).toEqual(['data[tls.key]: Required value']);
    const docker = obj('v1', 'Secret', {
      type: 'kubernetes.io/dockerconfigjson',
      stringData: { '.dockerconfigjson': 'nope' },
    });
    expect(messages(validateCreate(docker))).toEqual([
      "data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid character 'o' in literal null (expecting 'u')",
    ]);
  });
});

describe('Namespace and storage validation', () => {
  it('names namespaces with DNS-1123 labels', () => {
    const ns = obj('v1', 'Namespace', { spec: { finalizers: ['kubernetes'] } }, 'team.a', null);
    expect(messages(validateCreate(ns))).toEqual([
      'metadata.name: Invalid value: "team.a": must not contain dots',
    ]);
  });

  it('requires PVC access modes and a storage request', () => {
    const pvc = obj('v1', 'PersistentVolumeClaim', { spec: { resources: {}, volumeMode: 'Filesystem' } });
    expect(messages(validateCreate(pvc))).toEqual([
      'spec.accessModes: Required value: at least 1 access mode is required',
      'spec.resources[storage]: Required value',
    ]);
  });

  it('checks the PV reclaim policy', () => {
    const pv = obj(
      'v1',
      'PersistentVolume',
      {
        spec: {
          accessModes: ['ReadWriteOnce'],
          capacity: { storage: '1Gi' },
          hostPath: { path: '/data', type: '' },
          persistentVolumeReclaimPolicy: 'Keep',
          volumeMode: 'Filesystem',
        },
      },
      'pv1',
      null,
    );
    expect(messages(validateCreate(pv))).toEqual([
      'spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"',
    ]);
  });
});

describe('Networking, RBAC and policy validation', () => {
  it('requires an Ingress pathType', () => {
    const ing = obj('networking.k8s.io/v1', 'Ingress', {
      spec: {
        rules: [
          {
            host: 'example.com',
            http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] },
          },
        ],
      },
    });
    expect(messages(validateCreate(ing))).toEqual([
      'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
    ]);
  });

  it('requires verbs in roles and keeps roleRef fixed', () => {
    const role = obj('rbac.authorization.k8s.io/v1', 'Role', {
      rules: [{ apiGroups: [''], resources: ['pods'] }],
    });
    expect(messages(validateCreate(role))).toEqual([
      'rules[0].verbs: Required value: verbs must contain at least one value',
    ]);
    const binding = (name: string) => {
      const b = obj('rbac.authorization.k8s.io/v1', 'RoleBinding', {
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'default' }],
      });
      b.metadata.resourceVersion = '9';
      return b;
    };
    expect(messages(validateUpdate(binding('admin'), binding('view')))).toEqual([
      'roleRef: Invalid value: {"APIGroup":"rbac.authorization.k8s.io","Kind":"Role","Name":"admin"}: cannot change roleRef',
    ]);
  });

  it('allows only one of minAvailable and maxUnavailable', () => {
    const pdb = obj('policy/v1', 'PodDisruptionBudget', {
      spec: { minAvailable: 1, maxUnavailable: '50%', selector: { matchLabels: { app: 'web' } } },
    });
    expect(messages(validateCreate(pdb))).toEqual([
      'spec: Invalid value: {"MinAvailable":1,"Selector":{"matchLabels":{"app":"web"}},"MaxUnavailable":"50%","UnhealthyPodEvictionPolicy":null}: minAvailable and maxUnavailable cannot be both set',
    ]);
  });

  it('reserves system- priority classes', () => {
    const pc = obj('scheduling.k8s.io/v1', 'PriorityClass', { value: 10 }, 'system-high', null);
    expect(messages(validateCreate(pc))).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-high is not a known system priority class",
    ]);
  });

  it('checks HPA replica bounds', () => {
    const hpa = obj('autoscaling/v2', 'HorizontalPodAutoscaler', {
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 5,
        maxReplicas: 2,
      },
    });
    expect(messages(validateCreate(hpa))).toEqual([
      'spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
    ]);
  });
});
