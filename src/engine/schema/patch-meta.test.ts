import { describe, expect, it } from 'vitest';
import { fieldNames, fieldType, patchMetaFor, requiredFields } from './index.ts';
import { schemalessPatchMeta } from './patch-meta.ts';

const deployment = patchMetaFor({ group: 'apps', version: 'v1', kind: 'Deployment' });
const podSpec = deployment.field('spec')?.field('template')?.field('spec');

describe('patchMetaFor', () => {
  it('merges containers by name', () => {
    const containers = podSpec?.field('containers');
    expect(containers?.type).toBe('array');
    expect(containers?.patchStrategies).toEqual(['merge']);
    expect(containers?.mergeKey).toBe('name');
    expect(containers?.items()?.type).toBe('object');
  });

  it('merges container ports by containerPort and lists their map keys', () => {
    const ports = podSpec?.field('containers')?.items()?.field('ports');
    expect(ports?.mergeKey).toBe('containerPort');
    expect(ports?.patchStrategies).toEqual(['merge']);
    expect(ports?.listType).toBe('map');
    expect(ports?.listMapKeys).toEqual(['containerPort', 'protocol']);
  });

  it('merges volumes by name and retains keys', () => {
    const volumes = podSpec?.field('volumes');
    expect(volumes?.patchStrategies).toEqual(['merge', 'retainKeys']);
    expect(volumes?.mergeKey).toBe('name');
  });

  it('merges env by name', () => {
    const env = podSpec?.field('containers')?.items()?.field('env');
    expect(env?.patchStrategies).toEqual(['merge']);
    expect(env?.mergeKey).toBe('name');
  });

  it('replaces tolerations and args as a whole', () => {
    const tolerations = podSpec?.field('tolerations');
    expect(tolerations?.type).toBe('array');
    expect(tolerations?.patchStrategies).toEqual([]);
    expect(tolerations?.mergeKey).toBeUndefined();
    const args = podSpec?.field('containers')?.items()?.field('args');
    expect(args?.patchStrategies).toEqual([]);
    expect(args?.items()?.type).toBe('primitive');
    expect(podSpec?.field('containers')?.items()?.field('resizePolicy')?.listType).toBe('atomic');
  });

  it('retains keys of the deployment strategy', () => {
    expect(deployment.field('spec')?.field('strategy')?.patchStrategies).toEqual(['retainKeys']);
    expect(deployment.field('spec')?.field('strategy')?.type).toBe('object');
  });

  it('knows maps, finalizers and owner references', () => {
    const metadata = deployment.field('metadata');
    expect(metadata?.field('labels')?.type).toBe('map');
    expect(metadata?.field('labels')?.items()?.type).toBe('primitive');
    expect(metadata?.field('finalizers')?.patchStrategies).toEqual(['merge']);
    expect(metadata?.field('ownerReferences')?.mergeKey).toBe('uid');
  });

  it('returns undefined for unknown fields and schemaless meta for unknown kinds', () => {
    expect(deployment.field('spec')?.field('replicase')).toBeUndefined();
    expect(patchMetaFor({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBe(schemalessPatchMeta);
  });

  it('treats free-form data as schemaless', () => {
    const rev = patchMetaFor({ group: 'apps', version: 'v1', kind: 'ControllerRevision' });
    expect(rev.field('data')?.type).toBe('unknown');
    expect(rev.field('data')?.field('anything')?.type).toBe('unknown');
  });
});

describe('field lookups', () => {
  const pod = { group: '', version: 'v1', kind: 'Pod' };

  it('describes fields along a path', () => {
    expect(fieldType(pod, ['spec', 'containers'])).toEqual({
      kind: 'array',
      goType: '[]v1.Container',
      mergeKey: 'name',
      patchStrategy: 'merge',
    });
    expect(fieldType(pod, ['spec', 'containers', 0, 'resources', 'limits', 'cpu'])?.kind).toBe('quantity');
    expect(fieldType(pod, ['spec', 'containers', '*', 'ports', '*', 'targetPort'])).toBeUndefined();
    expect(fieldType(pod, ['spec', 'restartPolicy'])).toEqual({ kind: 'string', goType: 'v1.RestartPolicy' });
    expect(
      fieldType({ group: '', version: 'v1', kind: 'Service' }, ['spec', 'ports', 0, 'targetPort'])?.kind,
    ).toBe('int-or-string');
  });

  it('lists required and known fields', () => {
    expect(requiredFields(pod, ['spec'])).toEqual(['containers']);
    expect(requiredFields(pod, ['spec', 'containers', 0])).toEqual(['name']);
    expect(requiredFields({ group: 'apps', version: 'v1', kind: 'Deployment' }, ['spec'])).toEqual([
      'selector',
      'template',
    ]);
    expect(requiredFields(pod, ['spec', 'restartPolicy'])).toBeUndefined();
    expect(fieldNames({ group: 'batch', version: 'v1', kind: 'Job' }, ['spec'])).toContain('successPolicy');
  });
});
