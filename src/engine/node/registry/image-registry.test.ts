import { describe, expect, it } from 'vitest';
import { parseImageRef } from './image-ref.ts';
import { ImageRegistry } from './image-registry.ts';

describe('parseImageRef', () => {
  it('normalizes Docker Hub names as containerd does', () => {
    expect(parseImageRef('nginx')?.normalized).toBe('docker.io/library/nginx:latest');
    expect(parseImageRef('nginx:1.27')?.normalized).toBe('docker.io/library/nginx:1.27');
    expect(parseImageRef('bitnami/redis:7')?.normalized).toBe('docker.io/bitnami/redis:7');
    expect(parseImageRef('registry.k8s.io/pause:3.10')?.repository).toBe('registry.k8s.io/pause');
    expect(parseImageRef('localhost:5000/app')?.normalized).toBe('localhost:5000/app:latest');
  });

  it('rejects invalid references', () => {
    expect(parseImageRef('Nginx')).toBeUndefined();
    expect(parseImageRef('nginx:')).toBeUndefined();
    expect(parseImageRef('nginx::1')).toBeUndefined();
    expect(parseImageRef('')).toBeUndefined();
  });
});

describe('ImageRegistry', () => {
  it('serves known tags, refuses unknown tags of known repositories, pulls unknown repositories', () => {
    const registry = new ImageRegistry();
    expect(registry.resolve('nginx:1.27').ok).toBe(true);
    const typo = registry.resolve('nginx:1.277');
    expect(typo).toEqual({
      ok: false,
      reason: 'NotFound',
      message:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.277": failed to resolve reference "docker.io/library/nginx:1.277": docker.io/library/nginx:1.277: not found',
    });
    expect(registry.resolve('example.com/team/app:v3').ok).toBe(true);
    expect(registry.resolve('Bad Image')).toMatchObject({ ok: false, reason: 'InvalidImageName' });
  });

  it('add and remove change the catalogue', () => {
    const registry = new ImageRegistry();
    registry.remove('nginx:1.27');
    expect(registry.resolve('nginx:1.27').ok).toBe(false);
    expect(registry.resolve('nginx:1.25').ok).toBe(true);
    registry.add('nginx:1.27');
    expect(registry.resolve('nginx:1.27').ok).toBe(true);
    registry.add('nginx:9.9');
    expect(registry.resolve('nginx:9.9').ok).toBe(true);
    registry.remove('redis');
    expect(registry.resolve('redis:7').ok).toBe(false);
  });

  it('gives an image a stable digest and size', () => {
    const a = new ImageRegistry().resolve('nginx:1.27');
    const b = new ImageRegistry().resolve('nginx:1.27');
    expect(a.ok && a.image.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(a).toEqual(b);
  });
});
