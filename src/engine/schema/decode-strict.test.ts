import { describe, expect, it } from 'vitest';
import { decodeStrict, decodeStrictJson, strictDecodeFailure, type DecodeResult } from './index.ts';

const deploymentGvk = { group: 'apps', version: 'v1', kind: 'Deployment' };
const podGvk = { group: '', version: 'v1', kind: 'Pod' };

function deployment(
  spec: Record<string, unknown>,
  podSpec: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], ...podSpec },
      },
      ...spec,
    },
  };
}

function pod(spec: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec, ...extra };
}

function failure(gvk: typeof podGvk, obj: unknown): string | undefined {
  return strictDecodeFailure(gvk, decodeStrict(gvk, obj));
}

function errorOf(result: DecodeResult): string {
  if (result.ok) throw new Error('expected a decode error');
  return result.error;
}

describe('unknown fields', () => {
  it('reproduces the seed typo message', () => {
    expect(failure(deploymentGvk, deployment({ replicase: 1 }))).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicase"',
    );
  });

  it('names list items by index', () => {
    const obj = deployment(
      {},
      {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'y', imagePullPolicyy: 'Always' },
        ],
      },
    );
    const result = decodeStrict(deploymentGvk, obj);
    expect(result.ok && result.unknownFields).toEqual(['spec.template.spec.containers[1].imagePullPolicyy']);
  });

  it('reports several unknown fields in sorted key order, as kubectl sends them', () => {
    const obj = { ...deployment({ zeta: 1, alpha: 2 }), metadata: { name: 'web', nmae: 'x' }, extra: true };
    const result = decodeStrict(deploymentGvk, obj);
    expect(result.ok && result.unknownFields).toEqual(['extra', 'metadata.nmae', 'spec.alpha', 'spec.zeta']);
    expect(strictDecodeFailure(deploymentGvk, result)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "extra", ' +
        'unknown field "metadata.nmae", unknown field "spec.alpha", unknown field "spec.zeta"',
    );
  });

  it('keeps written order when asked', () => {
    const result = decodeStrict(deploymentGvk, deployment({ zeta: 1, alpha: 2 }), { sortKeys: false });
    expect(result.ok && result.unknownFields).toEqual(['spec.zeta', 'spec.alpha']);
  });

  it('does not look inside unknown fields', () => {
    const result = decodeStrict(deploymentGvk, deployment({ strategyy: { type: 5, bogus: {} } }));
    expect(result.ok && result.unknownFields).toEqual(['spec.strategyy']);
  });

  it('is case-sensitive', () => {
    const result = decodeStrict(deploymentGvk, deployment({ Replicas: 2 }));
    expect(result.ok && result.unknownFields).toEqual(['spec.Replicas']);
  });

  it('drops unknown fields from the decoded object and keeps the rest', () => {
    const result = decodeStrict(deploymentGvk, deployment({ replicase: 1, replicas: 2 }));
    if (!result.ok) throw new Error(result.error);
    const spec = (result.object as { spec: Record<string, unknown> }).spec;
    expect(spec).not.toHaveProperty('replicase');
    expect(spec['replicas']).toBe(2);
    expect(spec['template']).toEqual({
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    });
  });

  it('accepts server-set status fields and nulls', () => {
    const obj = {
      ...deployment({ replicas: null }),
      status: { replicas: 1, conditions: [{ type: 'Available', status: 'True' }] },
    };
    const result = decodeStrict(deploymentGvk, {
      ...obj,
      metadata: { name: 'web', creationTimestamp: null },
    });
    expect(result).toMatchObject({ ok: true, strictErrors: [] });
  });

  it('treats undefined properties as absent', () => {
    const result = decodeStrict(deploymentGvk, deployment({ replicase: undefined, replicas: undefined }));
    expect(result.ok && result.strictErrors).toEqual([]);
    expect(result.ok && (result.object as { spec: object }).spec).not.toHaveProperty('replicas');
  });

  it('quotes paths like Go does', () => {
    const result = decodeStrict(podGvk, pod({ containers: [], 'we"ird\n': 1 }));
    expect(result.ok && result.strictErrors.map((e) => e.message)).toEqual([
      'unknown field "spec.we\\"ird\\n"',
    ]);
  });
});

describe('a body as kubectl v1.32 sent it for a YAML file with typos', () => {
  // Captured from `kubectl create --validate=false`: keys sorted, the repeated YAML key
  // `selector` collapsed to its last value, `3.0` written as 3 and YAML 1.1 `yes` as true.
  const body =
    '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"alpha":"a","zeta":"1"},"name":"web","namespace":"default"},' +
    '"spec":{"replicas":3,"replicase":1,"selector":{"matchLabels":{"app":"web2"}},"template":{"metadata":{"labels":{"app":"web"}},' +
    '"spec":{"containers":[{"env":[{"name":"A","value":true}],"image":"nginx","imagePullPolicyy":"x","name":"nginx"}]}}}}';

  it('fails on the type error, which wins over the unknown fields', () => {
    expect(errorOf(decodeStrictJson(deploymentGvk, body))).toBe(
      'json: cannot unmarshal bool into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    );
  });

  it('reports the unknown fields in body order once the type error is fixed', () => {
    const result = decodeStrictJson(deploymentGvk, body.replace('"value":true', '"value":"true"'));
    expect(result.ok && result.unknownFields).toEqual([
      'spec.replicase',
      'spec.template.spec.containers[0].imagePullPolicyy',
    ]);
  });
});

describe('duplicate fields in raw JSON bodies', () => {
  const body = `{
    "apiVersion": "apps/v1", "kind": "Deployment",
    "metadata": {"name": "web", "labels": {"app": "a", "app": "b"}},
    "spec": {
      "unknown1": "v", "unknownDupe": 1, "unknownDupe": 2, "paused": true, "paused": false,
      "selector": {"matchLabels": {"app": "web"}},
      "template": {"metadata": {"labels": {"app": "web"}},
        "spec": {"containers": [{"name": "nginx", "image": "nginx", "unknownNested": 1,
          "imagePullPolicy": "Always", "imagePullPolicy": "Never"}]}}
    }
  }`;

  it('reports duplicates and unknowns in decode order, each once', () => {
    const result = decodeStrictJson(deploymentGvk, body);
    expect(result.ok && result.strictErrors.map((e) => e.message)).toEqual([
      'duplicate field "metadata.labels.app"',
      'unknown field "spec.unknown1"',
      'unknown field "spec.unknownDupe"',
      'duplicate field "spec.paused"',
      'unknown field "spec.template.spec.containers[0].unknownNested"',
      'duplicate field "spec.template.spec.containers[0].imagePullPolicy"',
    ]);
  });

  it('keeps the last value of a duplicate', () => {
    const result = decodeStrictJson(deploymentGvk, body);
    if (!result.ok) throw new Error(result.error);
    const obj = result.object as { spec: { paused: boolean }; metadata: { labels: Record<string, string> } };
    expect(obj.spec.paused).toBe(false);
    expect(obj.metadata.labels).toEqual({ app: 'b' });
  });
});

describe('type errors', () => {
  it('reports a string where an int32 belongs', () => {
    expect(failure(deploymentGvk, deployment({ replicas: '3' }))).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('reports an object where a list belongs', () => {
    const result = decodeStrict(deploymentGvk, deployment({}, { containers: {} }));
    expect(errorOf(result)).toBe(
      'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    );
  });

  it('paths type errors through list items without indices', () => {
    const result = decodeStrict(
      podGvk,
      pod({ containers: [{ name: 'a', image: 'b', ports: [{ containerPort: '80' }] }] }),
    );
    expect(errorOf(result)).toBe(
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
  });

  it('includes the literal of a number that is not an integer', () => {
    expect(errorOf(decodeStrict(deploymentGvk, deployment({ replicas: 1.5 })))).toBe(
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(errorOf(decodeStrict(deploymentGvk, deployment({ replicas: 2 ** 31 })))).toBe(
      'json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('reports numbers in string maps and string fields', () => {
    expect(
      errorOf(
        decodeStrict(deploymentGvk, { ...deployment({}), metadata: { name: 'x', labels: { version: 2 } } }),
      ),
    ).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
    const env = { containers: [{ name: 'a', image: 'b', env: [{ name: 'PORT', value: 8080 }] }] };
    expect(errorOf(decodeStrict(podGvk, pod(env)))).toBe(
      'json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string',
    );
    expect(
      errorOf(decodeStrict(podGvk, pod({ containers: [{ name: 'a', image: 'b', stdin: 'true' }] }))),
    ).toBe('json: cannot unmarshal string into Go struct field Container.spec.containers.stdin of type bool');
  });

  it('prints named Go types', () => {
    const pvc = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      spec: { accessModes: 'ReadWriteOnce' },
    };
    expect(errorOf(decodeStrict({ group: '', version: 'v1', kind: 'PersistentVolumeClaim' }, pvc))).toBe(
      'json: cannot unmarshal string into Go struct field PersistentVolumeClaimSpec.spec.accessModes of type []v1.PersistentVolumeAccessMode',
    );
    const resources = { containers: [{ name: 'a', image: 'b', resources: { requests: '500m' } }] };
    expect(errorOf(decodeStrict(podGvk, pod(resources)))).toBe(
      'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.requests of type v1.ResourceList',
    );
    expect(errorOf(decodeStrict(podGvk, pod({ containers: [], restartPolicy: 1 })))).toBe(
      'json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
    );
  });

  it('reports a scalar where a struct belongs', () => {
    expect(errorOf(decodeStrict(deploymentGvk, deployment({ selector: 'app=web' })))).toBe(
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.selector of type v1.LabelSelector',
    );
    expect(errorOf(decodeStrict(deploymentGvk, { ...deployment({}), spec: [] }))).toBe(
      'json: cannot unmarshal array into Go struct field Deployment.spec of type v1.DeploymentSpec',
    );
  });

  it('lets the first type error win over later ones and over unknown fields', () => {
    const result = decodeStrict(
      deploymentGvk,
      deployment({ replicas: '3', revisionHistoryLimit: 'x', zzz: 1 }),
    );
    expect(errorOf(result)).toContain('DeploymentSpec.spec.replicas of type int32');
  });
});

describe('int-or-string', () => {
  const service = (port: unknown): Record<string, unknown> => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 's' },
    spec: { ports: [{ port: 80, targetPort: port }] },
  });
  const svcGvk = { group: '', version: 'v1', kind: 'Service' };

  it('accepts a name or a number', () => {
    expect(decodeStrict(svcGvk, service('http')).ok).toBe(true);
    expect(decodeStrict(svcGvk, service(8080)).ok).toBe(true);
    expect(
      decodeStrict(
        deploymentGvk,
        deployment({ strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } }),
      ).ok,
    ).toBe(true);
  });

  it('decodes anything else as an int32 and fails with the field context', () => {
    expect(errorOf(decodeStrict(svcGvk, service(true)))).toBe(
      'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32',
    );
    expect(errorOf(decodeStrict(svcGvk, service(80.5)))).toBe(
      'json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.targetPort of type int32',
    );
  });
});

describe('quantities', () => {
  const withResources = (resources: unknown): Record<string, unknown> =>
    pod({ containers: [{ name: 'a', image: 'b', resources }] });

  it('accepts strings and numbers', () => {
    const result = decodeStrict(
      podGvk,
      withResources({ limits: { cpu: 1, memory: '128Mi' }, requests: { cpu: '500m', memory: 1.5e9 } }),
    );
    expect(result.ok).toBe(true);
  });

  it('fails the whole decode with ParseQuantity errors', () => {
    expect(errorOf(decodeStrict(podGvk, withResources({ limits: { memory: '1 Gi' } })))).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(errorOf(decodeStrict(podGvk, withResources({ limits: { memory: '500mi' } })))).toBe(
      "unable to parse quantity's suffix",
    );
    expect(failure(podGvk, withResources({ limits: { cpu: true } }))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    );
  });
});

describe('byte fields', () => {
  const secretGvk = { group: '', version: 'v1', kind: 'Secret' };
  const secret = (data: unknown): Record<string, unknown> => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 's' },
    data,
  });

  it('accepts base64', () => {
    expect(decodeStrict(secretGvk, secret({ password: 'cGFzc3dvcmQ=' })).ok).toBe(true);
  });

  it('reports the offset of invalid base64', () => {
    expect(failure(secretGvk, secret({ password: 'not base64!' }))).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    );
    expect(errorOf(decodeStrict(secretGvk, secret({ greeting: 'aGVsbG8' })))).toBe(
      'illegal base64 data at input byte 4',
    );
  });
});

describe('timestamps', () => {
  it('reports Go time parse errors', () => {
    const obj = { ...deployment({}), metadata: { name: 'x', creationTimestamp: '2023-01-01' } };
    expect(errorOf(decodeStrict(deploymentGvk, obj))).toBe(
      'parsing time "2023-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"',
    );
  });

  it('reports a non-string time with the field context', () => {
    const obj = { ...deployment({}), metadata: { name: 'x', creationTimestamp: 5 } };
    expect(errorOf(decodeStrict(deploymentGvk, obj))).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string',
    );
  });
});

describe('free-form fields', () => {
  it('accepts any JSON in ControllerRevision data and managedFields fieldsV1', () => {
    const rev = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: 'r',
        managedFields: [
          {
            manager: 'kubectl',
            operation: 'Update',
            fieldsType: 'FieldsV1',
            fieldsV1: { 'f:metadata': { anything: 1 } },
          },
        ],
      },
      data: { spec: { whatever: [1, { x: 2 }] } },
      revision: 1,
    };
    expect(decodeStrict({ group: 'apps', version: 'v1', kind: 'ControllerRevision' }, rev)).toMatchObject({
      ok: true,
      strictErrors: [],
    });
  });
});

describe('v1.29–v1.34 additions', () => {
  it('accepts Job successPolicy and managedBy', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: {
        completionMode: 'Indexed',
        managedBy: 'kubernetes.io/job-controller',
        successPolicy: { rules: [{ succeededIndexes: '0,2-3', succeededCount: 1 }] },
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'python' }] } },
      },
    };
    expect(decodeStrict({ group: 'batch', version: 'v1', kind: 'Job' }, job)).toMatchObject({
      ok: true,
      strictErrors: [],
    });
  });

  it('accepts pod-level resources, image volumes, restart rules and recursiveReadOnly', () => {
    const obj = pod({
      resources: { limits: { cpu: '1' } },
      volumes: [{ name: 'v', image: { reference: 'quay.io/x:v1', pullPolicy: 'IfNotPresent' } }],
      containers: [
        {
          name: 'c',
          image: 'busybox',
          restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }],
          volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: true, recursiveReadOnly: 'Enabled' }],
        },
      ],
    });
    expect(decodeStrict(podGvk, obj)).toMatchObject({ ok: true, strictErrors: [] });
  });

  it('rejects fields v1.34 no longer has', () => {
    const pvc = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      spec: { resources: { requests: { storage: '1Gi' }, claims: [{ name: 'x' }] } },
    };
    const result = decodeStrict({ group: '', version: 'v1', kind: 'PersistentVolumeClaim' }, pvc);
    expect(result.ok && result.unknownFields).toEqual(['spec.resources.claims']);
    const claim = decodeStrict(
      podGvk,
      pod({ containers: [], resourceClaims: [{ name: 'gpu', source: {} }] }),
    );
    expect(claim.ok && claim.unknownFields).toEqual(['spec.resourceClaims[0].source']);
  });
});
