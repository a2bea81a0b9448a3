import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf, ProtobufDecodeError } from './decode-protobuf.ts';

/** A length-delimited field holding a message built by `fill`. */
function message(writer: BinaryWriter, field: number, fill: (w: BinaryWriter) => void): void {
  writer.tag(field, 2).fork();
  fill(writer);
  writer.join();
}

/** The wire form client-go sends: `k8s\0`, then runtime.Unknown{typeMeta, raw}. */
function envelope(apiVersion: string, kind: string, raw: Uint8Array): Uint8Array {
  const w = new BinaryWriter();
  message(w, 1, (t) => t.tag(1, 2).string(apiVersion).tag(2, 2).string(kind));
  w.tag(2, 2).bytes(raw);
  w.tag(3, 2).string('').tag(4, 2).string('');
  return new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...w.finish()]);
}

describe('Kubernetes protobuf bodies', () => {
  it('decodes a Deployment as its JSON form, leaving out zero values Go holds by value', () => {
    const raw = new BinaryWriter();
    message(raw, 1, (m) => {
      m.tag(1, 2).string('web').tag(2, 2).string('').tag(3, 2).string('').tag(7, 0).int64(0);
      message(m, 8, () => {}); // creationTimestamp: the zero time
      message(m, 11, (e) => e.tag(1, 2).string('app').tag(2, 2).string('web'));
    });
    message(raw, 2, (spec) => {
      spec.tag(1, 0).int32(0); // replicas is a pointer: an explicit 0 stays
      message(spec, 2, (sel) => message(sel, 1, (e) => e.tag(1, 2).string('app').tag(2, 2).string('web')));
      message(spec, 3, (tpl) => {
        message(tpl, 1, (m) => message(m, 11, (e) => e.tag(1, 2).string('app').tag(2, 2).string('web')));
        message(tpl, 2, (pod) =>
          message(pod, 2, (c) => {
            c.tag(1, 2).string('nginx').tag(2, 2).string('nginx:1.27');
            message(c, 6, (p) => p.tag(3, 0).int32(80).tag(4, 2).string('TCP')); // ports
            message(c, 8, () => {}); // resources: {}
          }),
        );
      });
      message(spec, 4, () => {}); // strategy: {}
      spec.tag(5, 0).int32(0).tag(7, 0).bool(false);
    });
    message(raw, 3, () => {});
    const object = decodeKubernetesProtobuf(envelope('apps/v1', 'Deployment', raw.finish()));
    expect(object).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              {
                name: 'nginx',
                image: 'nginx:1.27',
                ports: [{ containerPort: 80, protocol: 'TCP' }],
                resources: {},
              },
            ],
          },
        },
        strategy: {},
      },
      status: {},
    });
  });

  it('inlines embedded structs, and reads IntOrString, Quantity and Time', () => {
    const raw = new BinaryWriter();
    message(raw, 1, (m) => {
      m.tag(1, 2).string('x');
      message(m, 9, (t) => t.tag(1, 0).int64(1735689600)); // deletionTimestamp
    });
    message(raw, 2, (spec) =>
      message(spec, 1, (volume) => {
        volume.tag(1, 2).string('cache');
        message(volume, 2, (source) =>
          message(source, 2, (dir) => message(dir, 2, (q) => q.tag(1, 2).string('1Gi'))),
        );
      }),
    );
    const pod = decodeKubernetesProtobuf(envelope('v1', 'Pod', raw.finish()));
    expect(pod.metadata).toEqual({ name: 'x', deletionTimestamp: '2025-01-01T00:00:00Z' });
    expect(pod.spec).toEqual({ volumes: [{ name: 'cache', emptyDir: { sizeLimit: '1Gi' } }] });

    const pdb = new BinaryWriter();
    message(pdb, 2, (spec) => message(spec, 1, (ios) => ios.tag(1, 0).int64(1).tag(3, 2).string('50%')));
    expect(decodeKubernetesProtobuf(envelope('policy/v1', 'PodDisruptionBudget', pdb.finish())).spec).toEqual(
      {
        minAvailable: '50%',
      },
    );
  });

  it('refuses data that is not a Kubernetes protobuf message', () => {
    expect(() => decodeKubernetesProtobuf(new TextEncoder().encode('{"kind":"Pod"}'))).toThrow(
      ProtobufDecodeError,
    );
    expect(() => decodeKubernetesProtobuf(envelope('example.com/v1', 'Widget', new Uint8Array()))).toThrow(
      'no kind "Widget" is registered for version "example.com/v1"',
    );
  });
});
