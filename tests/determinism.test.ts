/**
 * Same seed and same commands give the same run, byte for byte: transcript, objects and
 * trace. A different seed changes the random parts (UIDs, generated names).
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../src/engine/session.ts';
import { runScript } from '../src/engine/script/run-script.ts';
import { formatTraceRecord } from '../src/engine/trace/format.ts';

const script = `
kubectl create namespace shop
kubectl apply -n shop -f - <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  generateName: settings-
data:
  mode: demo
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
EOF
sim settle
kubectl get cm,svc -n shop -o yaml
kubectl delete namespace shop
sim advance 1m
`;

function run(seed: number): { transcript: string; trace: string } {
  const session = new Session({ seed });
  const { transcript } = runScript(session, script);
  const trace = session.cluster.trace
    .tail()
    .map((r) => formatTraceRecord(r, session.cluster.startMs))
    .join('\n');
  return { transcript, trace };
}

describe('determinism', () => {
  it('repeats a run exactly for the same seed', () => {
    const a = run(7);
    const b = run(7);
    expect(b.transcript).toBe(a.transcript);
    expect(b.trace).toBe(a.trace);
    expect(a.trace.split('\n').length).toBeGreaterThan(20);
  });

  it('draws different random values for another seed', () => {
    const a = run(7);
    const c = run(8);
    expect(c.transcript).not.toBe(a.transcript);
    const uids = (t: string) => [...t.matchAll(/uid: (\S+)/g)].map((m) => m[1]);
    expect(uids(c.transcript)).not.toEqual(uids(a.transcript));
  });
});
