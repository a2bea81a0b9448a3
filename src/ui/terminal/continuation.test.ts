import { describe, expect, it } from 'vitest';
import { readCommand } from './continuation.ts';

describe('terminal continuation lines', () => {
  it('runs a plain line at once', () => {
    expect(readCommand(['kubectl get pods'])).toEqual({
      complete: true,
      steps: [{ command: 'kubectl get pods', echo: ['kubectl get pods'], line: 1 }],
    });
  });

  it('waits for the delimiter of a here-document, then gives its body as standard input', () => {
    const lines = ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x'];
    expect(readCommand(lines)).toEqual({ complete: false });
    const done = readCommand([...lines, 'EOF']);
    expect(done).toMatchObject({
      complete: true,
      steps: [
        {
          command: 'kubectl apply -f -',
          stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
        },
      ],
    });
  });

  it('joins a line continued with a backslash', () => {
    expect(readCommand(['kubectl create deployment web \\'])).toEqual({ complete: false });
    expect(readCommand(['kubectl create deployment web \\', '  --image=nginx'])).toMatchObject({
      complete: true,
      steps: [{ command: 'kubectl create deployment web --image=nginx' }],
    });
  });
});
