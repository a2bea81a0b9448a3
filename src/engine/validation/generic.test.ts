import { describe, expect, it } from 'vitest';
import {
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateNonnegativeField,
} from './generic.ts';

describe('name validation functions', () => {
  it('allow a trailing dash only for generateName prefixes', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toHaveLength(1);
    expect(nameIsDNS1035Label('svc-', true)).toEqual([]);
    expect(nameIsDNSLabel('-', true)).toEqual([]);
  });

  it('mask the last two characters, as Go does, before checking a prefix', () => {
    // "a.b-" becomes "a.a": still a subdomain, so a label check says "must not contain dots".
    expect(nameIsDNSLabel('a.b-', true)).toEqual(['must not contain dots']);
    // "ab_-" becomes "aba": the bad character before the dash is masked away too.
    expect(nameIsDNSSubdomain('ab_-', true)).toEqual([]);
  });
});

describe('validateNonnegativeField', () => {
  it('reports negatives only', () => {
    expect(validateNonnegativeField(0, 'spec.replicas')).toEqual([]);
    expect(validateNonnegativeField(-2, 'spec.replicas')).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'spec.replicas',
        badValue: -2,
        detail: 'must be greater than or equal to 0',
      },
    ]);
  });
});
