import { describe, expect, it } from 'vitest';
import { fieldPath, fieldsInError, locateErrors } from './error-location.ts';

const manifests = `apiVersion: v1
kind: ConfigMap
metadata:
  name: first
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: -1
  template:
    spec:
      containers:
      - name: c
        image: nginx
        imagePullPolcy: Always
`;

describe('error locations', () => {
  it('splits field paths with list indices', () => {
    expect(fieldPath('spec.template.spec.containers[0].image')).toEqual([
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'image',
    ]);
  });

  it('reads the fields of strict decoding and validation errors', () => {
    expect(
      fieldsInError(
        'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.a", unknown field "spec.b"',
      ),
    ).toEqual({ kind: 'Deployment', fields: ['spec.a', 'spec.b'] });
    expect(
      fieldsInError(
        'The Deployment "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value]',
      ),
    ).toEqual({ kind: 'Deployment', name: 'web', fields: ['spec.replicas', 'spec.selector'] });
  });

  it('points at the key in the document of the named kind', () => {
    const strict = locateErrors(
      manifests,
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolcy"',
    );
    expect(strict.map((l) => [l.startLine, l.startColumn, l.endColumn])).toEqual([[17, 9, 23]]);
    const invalid = locateErrors(
      manifests,
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(invalid.map((l) => l.startLine)).toEqual([11]);
    expect(locateErrors(manifests, 'error: something else')).toEqual([]);
  });
});
