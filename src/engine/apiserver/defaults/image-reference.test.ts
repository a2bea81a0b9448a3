import { describe, expect, it } from 'vitest';
import { defaultImagePullPolicy, parseImageReference } from './image-reference.ts';

const DIGEST = 'sha256:ba27d460cd1f22a1a4331bdf74f4fccbc025552357e8a3249c40ae216275de96';

describe('defaultImagePullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    [`nginx@${DIGEST}`, 'IfNotPresent'],
    [`nginx:latest@${DIGEST}`, 'Always'],
    [`nginx:1.25@${DIGEST}`, 'IfNotPresent'],
    ['repo:5000/img', 'Always'],
    ['repo:5000/img:2.0', 'IfNotPresent'],
    ['localhost/team/app', 'Always'],
    ['registry.k8s.io/pause:3.10', 'IfNotPresent'],
    ['busybox:musl', 'IfNotPresent'],
    // Unparsable references: the parse error is ignored and there is no tag.
    ['NGINX', 'IfNotPresent'],
    ['', 'IfNotPresent'],
    ['nginx:', 'IfNotPresent'],
    ['nginx:bad/tag', 'IfNotPresent'],
  ])('%s → %s', (image, expected) => {
    expect(defaultImagePullPolicy(image)).toBe(expected);
  });
});

describe('parseImageReference', () => {
  it('splits a registry host with a port from the path', () => {
    expect(parseImageReference('repo:5000/team/img:1.0')).toEqual({
      domain: 'repo:5000',
      path: 'team/img',
      tag: '1.0',
      digest: '',
    });
  });

  it('keeps the digest and leaves the tag empty when only a digest is given', () => {
    expect(parseImageReference(`nginx@${DIGEST}`)).toEqual({
      domain: '',
      path: 'nginx',
      tag: '',
      digest: DIGEST,
    });
  });

  it('treats a first component without a dot, colon or localhost as part of the path', () => {
    expect(parseImageReference('library/nginx')).toEqual({
      domain: '',
      path: 'library/nginx',
      tag: 'latest',
      digest: '',
    });
  });

  it('rejects uppercase repository names and 64-hex identifiers', () => {
    expect(parseImageReference('Team/App')).toBeUndefined();
    expect(parseImageReference('docker.io/Library/nginx')).toBeUndefined();
    expect(parseImageReference('a'.repeat(64))).toBeUndefined();
  });
});
