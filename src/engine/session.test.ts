import { describe, expect, it } from 'vitest';
import { Session } from './session.ts';

describe('Session.inspect', () => {
  it('reads the cluster without adding trace records or moving the clock', () => {
    const session = new Session({ seed: 2, workers: 1 });
    session.exec('kubectl create deployment web --image=nginx:1.27');
    session.cluster.settle();
    const lastSeq = session.cluster.trace.lastSeq;
    const now = session.cluster.clock.now();
    const yaml = session.inspect('kubectl get deployment web -o yaml');
    expect(yaml.text).toContain('name: web');
    expect(session.inspect('kubectl describe deployment web').text).toContain('Name:                   web');
    expect(session.cluster.trace.lastSeq).toBe(lastSeq);
    expect(session.cluster.clock.now()).toBe(now);
  });

  it('refuses commands that could change the cluster or wait', () => {
    const session = new Session({ seed: 2, workers: 1 });
    for (const line of ['kubectl delete ns default', 'kubectl get pods -w', 'sim advance 1m']) {
      const out = session.inspect(line);
      expect(out.exitCode).toBe(1);
      expect(out.text).toContain('only kubectl get, kubectl describe, sim explain and sim why');
    }
  });
});
