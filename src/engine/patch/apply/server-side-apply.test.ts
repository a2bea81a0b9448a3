import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../api/types.ts';
import { patchMetaFor } from '../../schema/index.ts';
import { conflictMessage, serverSideApply, type ApplyInput } from './server-side-apply.ts';

const meta = patchMetaFor({ group: 'apps', version: 'v1', kind: 'Deployment' });

function deployment(
  replicas: number,
  containers: JsonObject[],
  labels: Record<string, string> = {},
): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels },
    spec: { replicas, template: { spec: { containers } } },
  };
}

function apply(live: JsonObject | undefined, applied: JsonObject, manager = 'helm', force = false) {
  const input: ApplyInput = {
    live,
    applied,
    meta,
    manager,
    force,
    now: '2026-01-01T00:00:00Z',
    apiVersion: 'apps/v1',
  };
  return serverSideApply(input);
}

function objectOf(outcome: ReturnType<typeof apply>): JsonObject {
  if (!('object' in outcome)) throw new Error(conflictMessage(outcome.conflicts));
  return outcome.object;
}

describe('server-side apply', () => {
  it('records what the manager applied, with list items by key', () => {
    const created = objectOf(
      apply(undefined, deployment(2, [{ name: 'web', image: 'nginx:1.27' }], { app: 'web' })),
    );
    expect((created.metadata as JsonObject).managedFields).toEqual([
      {
        manager: 'helm',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: '2026-01-01T00:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:template': {
              'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:name': {}, 'f:image': {} } } },
            },
          },
        },
      },
    ]);
  });

  it('merges keyed list items, keeps fields others set, and drops what the manager no longer applies', () => {
    const first = objectOf(
      apply(
        undefined,
        deployment(
          2,
          [
            { name: 'web', image: 'nginx:1.27' },
            { name: 'log', image: 'busybox' },
          ],
          { app: 'web', tier: 'front' },
        ),
      ),
    );
    // The API server's defaults are nobody's applied fields and stay.
    const live = JSON.parse(JSON.stringify(first)) as JsonObject;
    ((live.spec as JsonObject).template as JsonObject).spec = {
      containers: [
        { name: 'web', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' },
        { name: 'log', image: 'busybox', imagePullPolicy: 'Always' },
      ],
      restartPolicy: 'Always',
    };
    const next = objectOf(apply(live, deployment(3, [{ name: 'web', image: 'nginx:1.28' }], { app: 'web' })));
    expect(next.spec).toEqual({
      replicas: 3,
      template: {
        spec: {
          containers: [{ name: 'web', image: 'nginx:1.28', imagePullPolicy: 'IfNotPresent' }],
          restartPolicy: 'Always',
        },
      },
    });
    expect((next.metadata as JsonObject).labels).toEqual({ app: 'web' });
  });

  it('refuses to change a field another manager applied, unless forced, which hands it over', () => {
    const live = objectOf(apply(undefined, deployment(2, [{ name: 'web', image: 'nginx:1.27' }])));
    const other = deployment(5, [{ name: 'web', image: 'nginx:1.27' }]);
    const refused = apply(live, other, 'ops');
    expect(refused).toEqual({ conflicts: [{ manager: '"helm"', field: '.spec.replicas' }] });
    expect(conflictMessage((refused as { conflicts: never[] }).conflicts)).toBe(
      'Apply failed with 1 conflict: conflict with "helm": .spec.replicas',
    );
    const forced = objectOf(apply(live, other, 'ops', true));
    expect((forced.spec as JsonObject).replicas).toBe(5);
    const owners = ((forced.metadata as JsonObject).managedFields as JsonObject[]).map((e) => [
      e.manager,
      'f:replicas' in ((e.fieldsV1 as JsonObject)['f:spec'] as JsonObject),
    ]);
    expect(owners).toEqual([
      ['helm', false],
      ['ops', true],
    ]);
  });

  it('words several conflicts by manager', () => {
    expect(
      conflictMessage([
        { manager: '"helm"', field: '.spec.replicas' },
        { manager: '"helm"', field: '.spec.template.spec.containers[name="web"].image' },
      ]),
    ).toBe(
      'Apply failed with 2 conflicts: conflicts with "helm":\n- .spec.replicas\n- .spec.template.spec.containers[name="web"].image',
    );
  });
});
