import { describe, expect, it } from 'vitest';
import { validateCreate, validateStatusUpdate, validateUpdate } from './index.ts';
import { container, messages, pod, podSpec } from './test-fixtures.ts';

describe('Pod create validation', () => {
  it('accepts a defaulted minimal pod', () => {
    expect(messages(validateCreate(pod()))).toEqual([]);
  });

  it('requires an image', () => {
    const spec = podSpec({ containers: [container('web', '')] });
    expect(messages(validateCreate(pod(spec)))).toEqual(['spec.containers[0].image: Required value']);
  });

  it('rejects a container name that is not a DNS-1123 label', () => {
    const spec = podSpec({ containers: [container('Foo_bar')] });
    expect(messages(validateCreate(pod(spec)))).toEqual([
      "spec.containers[0].name: Invalid value: \"Foo_bar\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('requires at least one container', () => {
    expect(messages(validateCreate(pod(podSpec({ containers: [] }))))).toEqual([
      'spec.containers: Required value',
    ]);
  });

  it('reports duplicate container names', () => {
    const spec = podSpec({ containers: [container('web'), container('web')] });
    expect(messages(validateCreate(pod(spec)))).toEqual(['spec.containers[1].name: Duplicate value: "web"']);
  });

  it('reports a volume mount of an unknown volume', () => {
    const spec = podSpec({
      containers: [container('web', 'nginx', { volumeMounts: [{ name: 'x', mountPath: '/data' }] })],
    });
    expect(messages(validateCreate(pod(spec)))).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "x"',
    ]);
  });

  it('lists the supported restart policies', () => {
    expect(messages(validateCreate(pod(podSpec({ restartPolicy: 'Sometimes' }))))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });

  it('lists the supported DNS policies', () => {
    expect(messages(validateCreate(pod(podSpec({ dnsPolicy: 'Cluster' }))))).toEqual([
      'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]);
  });

  it('requires exactly one volume source', () => {
    const none = podSpec({ volumes: [{ name: 'data' }] });
    expect(messages(validateCreate(pod(none)))).toEqual([
      'spec.volumes[0]: Required value: must specify a volume type',
    ]);
    const two = podSpec({ volumes: [{ name: 'data', emptyDir: {}, configMap: { name: 'cfg' } }] });
    expect(messages(validateCreate(pod(two)))).toEqual([
      'spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type',
    ]);
  });

  it('checks requests against limits with canonical quantities', () => {
    const resources = { requests: { cpu: '1' }, limits: { cpu: '0.5' } };
    const spec = podSpec({ containers: [container('web', 'nginx', { resources })] });
    expect(messages(validateCreate(pod(spec)))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ]);
  });

  it('validates container ports', () => {
    const ports = [
      { containerPort: 70000, protocol: 'TCP' },
      { name: 'Http', containerPort: 80, protocol: 'HTTP' },
    ];
    const spec = podSpec({ containers: [container('web', 'nginx', { ports })] });
    expect(messages(validateCreate(pod(spec)))).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].name: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  it('requires hostPort to match containerPort on the host network', () => {
    const ports = [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }];
    const spec = podSpec({ hostNetwork: true, containers: [container('web', 'nginx', { ports })] });
    expect(messages(validateCreate(pod(spec)))).toEqual([
      'spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
    ]);
  });

  it('checks probes', () => {
    const livenessProbe = {
      httpGet: { path: '/', port: 'http-port-too-long', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 2,
      failureThreshold: 3,
    };
    const spec = podSpec({ containers: [container('web', 'nginx', { livenessProbe })] });
    expect(messages(validateCreate(pod(spec)))).toEqual([
      'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "http-port-too-long": must be no more than 15 characters',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ]);
  });

  it('allows sidecars but not probes on plain init containers', () => {
    const probe = {
      exec: { command: ['true'] },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    };
    const spec = podSpec({
      initContainers: [
        container('sidecar', 'envoy', { restartPolicy: 'Always', readinessProbe: probe }),
        container('setup', 'busybox', { readinessProbe: probe }),
        container('bad', 'busybox', { restartPolicy: 'Never' }),
      ],
    });
    expect(messages(validateCreate(pod(spec)))).toEqual([
      'spec.initContainers[1].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      'spec.initContainers[2].restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it('validates tolerations and node selectors', () => {
    const spec = podSpec({
      nodeSelector: { 'disk type': 'ssd' },
      tolerations: [
        { operator: 'Equal', value: 'x' },
        { key: 'k', operator: 'Exists', effect: 'NoRun' },
      ],
    });
    expect(messages(validateCreate(pod(spec)))).toEqual([
      "spec.nodeSelector: Invalid value: \"disk type\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'spec.tolerations[1].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });

  it('requires node affinity terms', () => {
    const affinity = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
    };
    expect(messages(validateCreate(pod(podSpec({ affinity }))))).toEqual([
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
    ]);
  });

  it('requires env var names and rejects = in them', () => {
    const spec = podSpec({
      containers: [container('web', 'nginx', { env: [{ name: '' }, { name: 'A=B' }] })],
    });
    expect(messages(validateCreate(pod(spec)))).toEqual([
      'spec.containers[0].env[0].name: Required value',
      'spec.containers[0].env[1].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
    ]);
  });

  it('validates the pod name and namespace', () => {
    const bad = pod(podSpec(), 'Web_1');
    expect(messages(validateCreate(bad))[0]).toContain(
      'metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain',
    );
  });
});

describe('Pod update validation', () => {
  const current = () => {
    const p = pod();
    p.metadata.resourceVersion = '5';
    return p;
  };

  it('lets the image change', () => {
    const next = current();
    (next.spec as { containers: { image: string }[] }).containers[0]!.image = 'nginx:1.28';
    expect(messages(validateUpdate(next, current()))).toEqual([]);
  });

  it('forbids other spec changes with the list of mutable fields', () => {
    const next = current();
    (next.spec as Record<string, unknown>).restartPolicy = 'Never';
    const [message] = messages(validateUpdate(next, current()));
    expect(message?.split('\n')[0]).toBe(
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(message).toContain('- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",');
  });

  it('forbids adding containers', () => {
    const next = current();
    (next.spec as { containers: unknown[] }).containers.push(container('extra'));
    expect(messages(validateUpdate(next, current()))).toEqual([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
  });

  it('keeps status updates from moving the pod to another node', () => {
    const next = current();
    (next.spec as Record<string, unknown>).nodeName = 'node-2';
    expect(messages(validateStatusUpdate(next, current()))).toEqual([
      'status.nodeName: Forbidden: may not be changed directly',
    ]);
  });
});
