import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../api/field-errors.ts';
import type { ObjectMeta } from '../api/types.ts';
import { nameIsDNSLabel, nameIsDNSSubdomain } from './generic.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';

const namespaced = { namespaced: true, validateName: nameIsDNSSubdomain };
const texts = (meta: ObjectMeta, opts = namespaced) => validateObjectMeta(meta, opts).map(formatFieldError);

describe('validateObjectMeta', () => {
  it('accepts a well-formed namespaced object', () => {
    expect(
      texts({ name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'a.io/b': 'x' } }),
    ).toEqual([]);
  });

  it('requires a name or generateName', () => {
    expect(texts({ namespace: 'default' })).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });

  it('reports an invalid name with the name function message', () => {
    expect(texts({ name: 'Foo', namespace: 'default' })).toEqual([
      "metadata.name: Invalid value: \"Foo\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it('allows a trailing dash in generateName but checks it otherwise', () => {
    expect(texts({ generateName: 'web-', name: 'web-x7k2p', namespace: 'default' })).toEqual([]);
    expect(texts({ generateName: 'Web-', name: 'web-x7k2p', namespace: 'default' })[0]).toMatch(
      /^metadata\.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/,
    );
  });

  it('requires a namespace on namespaced kinds and forbids it on cluster-scoped ones', () => {
    expect(texts({ name: 'web' })).toEqual(['metadata.namespace: Required value']);
    expect(
      texts({ name: 'n1', namespace: 'default' }, { namespaced: false, validateName: nameIsDNSLabel }),
    ).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
    expect(texts({ name: 'web', namespace: 'My_NS' })[0]).toMatch(
      /^metadata\.namespace: Invalid value: "My_NS": a lowercase RFC 1123 label must consist/,
    );
  });

  it('checks label keys and values at the labels path', () => {
    const out = texts({ name: 'web', namespace: 'default', labels: { 'bad key': 'ok', good: '-bad' } });
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(
      /^metadata\.labels: Invalid value: "bad key": name part must consist of alphanumeric/,
    );
    expect(out[1]).toMatch(/^metadata\.labels: Invalid value: "-bad": a valid label must be an empty string/);
  });

  it('limits the total annotation size to 256 KiB', () => {
    const big = { 'k.io/x': 'x'.repeat(256 * 1024) };
    expect(texts({ name: 'web', namespace: 'default', annotations: big })).toEqual([
      'metadata.annotations: Too long: must have at most 262144 bytes',
    ]);
  });

  it('checks annotation keys case-insensitively', () => {
    expect(texts({ name: 'web', namespace: 'default', annotations: { 'Example.COM/Key': 'v' } })).toEqual([]);
  });

  it('checks owner references', () => {
    const out = texts({
      name: 'web',
      namespace: 'default',
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
        { apiVersion: '', kind: '', name: '', uid: '', controller: true },
      ],
    });
    expect(out.slice(0, 4)).toEqual([
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
    ]);
    expect(out[4]).toMatch(
      /^metadata\.ownerReferences: Invalid value: \[.*\]: Only one reference can have Controller set to true\. Found "true" in references for ReplicaSet\/a and \/$/,
    );
  });

  it('bans Events as owners', () => {
    const out = texts({
      name: 'web',
      namespace: 'default',
      ownerReferences: [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: '1' }],
    });
    expect(out).toEqual([
      'metadata.ownerReferences: Invalid value: {"apiVersion":"v1","kind":"Event","name":"e","uid":"1"}: /v1, Kind=Event is disallowed from being an owner',
    ]);
  });

  it('checks finalizers', () => {
    const out = texts({
      name: 'web',
      namespace: 'default',
      finalizers: ['orphan', 'foregroundDeletion', 'a/b/c'],
    });
    expect(out[0]).toMatch(/^metadata\.finalizers: Invalid value: "a\/b\/c": a qualified name must consist/);
    expect(out[1]).toBe(
      'metadata.finalizers: Invalid value: ["orphan","foregroundDeletion","a/b/c"]: finalizer orphan and foregroundDeletion cannot be both set',
    );
  });

  it('rejects a negative generation', () => {
    expect(texts({ name: 'web', namespace: 'default', generation: -1 })).toEqual([
      'metadata.generation: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('checks managedFields entries', () => {
    const out = texts({
      name: 'web',
      namespace: 'default',
      managedFields: [
        {
          manager: 'a\x07b',
          operation: 'Bogus' as 'Apply',
          apiVersion: 'v1',
          time: '',
          fieldsType: 'FieldsV2',
        },
      ],
    });
    expect(out).toEqual([
      'metadata.managedFields[0].operation: Invalid value: "Bogus": must be `Apply` or `Update`',
      'metadata.managedFields[0].fieldsType: Invalid value: "FieldsV2": must be `FieldsV1`',
      'metadata.managedFields[0].manager: Invalid value: "a\\ab": invalid character U+0007 (at position 1)',
    ]);
  });

  it('uses a nested path for templates', () => {
    const out = validateObjectMeta(
      { labels: { app: '-x' } },
      { ...namespaced, namespaced: false, path: 'spec.template.metadata' },
    );
    expect(out.map((e) => e.field)).toEqual(['spec.template.metadata.name', 'spec.template.metadata.labels']);
  });
});

describe('validateObjectMetaUpdate', () => {
  const old: ObjectMeta = {
    name: 'web',
    namespace: 'default',
    uid: 'u1',
    resourceVersion: '5',
    creationTimestamp: '2025-01-01T00:00:00Z',
    generation: 2,
  };
  const update = (next: ObjectMeta, prev: ObjectMeta = old) =>
    validateObjectMetaUpdate(next, prev).map(formatFieldError);

  it('accepts an unchanged identity', () => {
    expect(update({ ...old, labels: { a: 'b' } })).toEqual([]);
  });

  it('keeps name, namespace, uid and creationTimestamp immutable', () => {
    expect(
      update({
        ...old,
        name: 'web2',
        namespace: 'other',
        uid: 'u2',
        creationTimestamp: '2025-02-01T00:00:00Z',
      }),
    ).toEqual([
      'metadata.name: Invalid value: "web2": field is immutable',
      'metadata.namespace: Invalid value: "other": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
      'metadata.creationTimestamp: Invalid value: "2025-02-01T00:00:00Z": field is immutable',
    ]);
  });

  it('requires a resourceVersion and forbids decrementing generation', () => {
    expect(update({ ...old, resourceVersion: '', generation: 1 })).toEqual([
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
      'metadata.generation: Invalid value: 1: must not be decremented',
    ]);
  });

  it('forbids new finalizers on an object being deleted', () => {
    const deleting = { ...old, deletionTimestamp: '2025-03-01T00:00:00Z', finalizers: ['a.io/x'] };
    expect(update({ ...deleting, finalizers: ['a.io/x', 'b.io/y', 'a.io/z'] }, deleting)).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"a.io/z", "b.io/y"}',
    ]);
    expect(update({ ...deleting, finalizers: [] }, deleting)).toEqual([]);
  });

  it('reports a cleared deletionTimestamp as null', () => {
    const deleting = { ...old, deletionTimestamp: '2025-03-01T00:00:00Z' };
    expect(update({ ...old }, deleting)).toEqual([
      'metadata.deletionTimestamp: Invalid value: null: field is immutable',
    ]);
  });
});
