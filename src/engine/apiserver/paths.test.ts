import { describe, expect, it } from 'vitest';
import { parsePath } from './paths.ts';

describe('parsePath', () => {
  it('parses namespaced, cluster-scoped and subresource paths', () => {
    expect(parsePath('/api/v1/namespaces/default/pods/nginx')).toEqual({
      type: 'resource',
      target: {
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: 'default',
        name: 'nginx',
        subresource: undefined,
      },
    });
    expect(parsePath('/apis/apps/v1/namespaces/ns1/deployments/web/scale')).toMatchObject({
      target: { group: 'apps', resource: 'deployments', namespace: 'ns1', name: 'web', subresource: 'scale' },
    });
    expect(parsePath('/api/v1/nodes/n1/status')).toMatchObject({
      target: { resource: 'nodes', namespace: undefined, name: 'n1', subresource: 'status' },
    });
    expect(parsePath('/apis/apps/v1/deployments')).toMatchObject({
      target: { resource: 'deployments', namespace: undefined, name: undefined },
    });
  });

  it('tells the Namespace resource from namespaced resources', () => {
    expect(parsePath('/api/v1/namespaces/kube-system')).toMatchObject({
      target: { resource: 'namespaces', name: 'kube-system', namespace: undefined },
    });
    expect(parsePath('/api/v1/namespaces/kube-system/finalize')).toMatchObject({
      target: { resource: 'namespaces', name: 'kube-system', subresource: 'finalize' },
    });
    expect(parsePath('/api/v1/namespaces/kube-system/pods')).toMatchObject({
      target: { resource: 'pods', namespace: 'kube-system', name: undefined },
    });
  });

  it('recognises discovery and non-resource paths', () => {
    expect(parsePath('/api')).toEqual({ type: 'discovery-core' });
    expect(parsePath('/apis')).toEqual({ type: 'discovery-groups' });
    expect(parsePath('/apis/apps')).toEqual({ type: 'discovery-group', group: 'apps' });
    expect(parsePath('/apis/apps/v1')).toEqual({ type: 'discovery-resources', group: 'apps', version: 'v1' });
    expect(parsePath('/api/v1')).toEqual({ type: 'discovery-resources', group: '', version: 'v1' });
    expect(parsePath('/version')).toEqual({ type: 'version' });
    expect(parsePath('/openapi/v3/apis/apps/v1')).toEqual({ type: 'openapi', rest: 'v3/apis/apps/v1' });
    expect(parsePath('/nope')).toEqual({ type: 'unknown' });
  });
});
