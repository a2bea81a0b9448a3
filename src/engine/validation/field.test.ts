import { describe, expect, it } from 'vitest';
import { formatFieldError, goQuote, renderBadValue } from '../api/field-errors.ts';
import {
  childPath,
  duplicate,
  forbidden,
  indexPath,
  internalError,
  invalid,
  keyPath,
  notSupported,
  required,
  tooLong,
  tooMany,
} from './field.ts';

describe('field paths', () => {
  it('joins names, indices and keys like field.Path.String()', () => {
    const containers = childPath('spec', 'template', 'spec', 'containers');
    expect(childPath(indexPath(containers, 0), 'image')).toBe('spec.template.spec.containers[0].image');
    expect(keyPath('metadata.labels', 'app')).toBe('metadata.labels[app]');
    expect(childPath('', 'spec')).toBe('spec');
  });
});

describe('formatFieldError (field.Error.Error())', () => {
  it('prints each error type as Go does', () => {
    expect(formatFieldError(required('metadata.name', 'name or generateName is required'))).toBe(
      'metadata.name: Required value: name or generateName is required',
    );
    expect(formatFieldError(required('spec.selector'))).toBe('spec.selector: Required value');
    expect(formatFieldError(forbidden('spec.x', 'may not be set'))).toBe('spec.x: Forbidden: may not be set');
    expect(formatFieldError(invalid('spec.replicas', -1, 'must be greater than or equal to 0'))).toBe(
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(
      formatFieldError(notSupported('spec.restartPolicy', 'Sometimes', ['Always', 'OnFailure', 'Never'])),
    ).toBe(
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
    expect(formatFieldError(duplicate('spec.ports[1].name', 'http'))).toBe(
      'spec.ports[1].name: Duplicate value: "http"',
    );
    expect(formatFieldError(tooLong('metadata.annotations', 262144))).toBe(
      'metadata.annotations: Too long: must have at most 262144 bytes',
    );
    expect(formatFieldError(internalError('metadata.name', 'boom'))).toBe(
      'metadata.name: Internal error: boom',
    );
  });

  it('prints the count for Too many unless it is unknown', () => {
    expect(formatFieldError(tooMany('spec.items', 5, 3))).toBe(
      'spec.items: Too many: 5: must have at most 3 items',
    );
    expect(formatFieldError(tooMany('spec.items', -1, 3))).toBe(
      'spec.items: Too many: must have at most 3 items',
    );
  });

  it('prints maps as JSON with sorted keys and nil as null', () => {
    expect(
      formatFieldError(
        invalid(
          'spec.template.metadata.labels',
          { z: '1', app: 'x' },
          '`selector` does not match template `labels`',
        ),
      ),
    ).toBe(
      'spec.template.metadata.labels: Invalid value: {"app":"x","z":"1"}: `selector` does not match template `labels`',
    );
    expect(formatFieldError(invalid('x', null, 'd'))).toBe('x: Invalid value: null: d');
    expect(formatFieldError(invalid('x', ['a', 'b'], 'd'))).toBe('x: Invalid value: ["a","b"]: d');
  });
});

describe('goQuote / renderBadValue', () => {
  it('escapes like strconv.Quote', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('tab\there\n')).toBe('"tab\\there\\n"');
    expect(goQuote('\x00\x7f')).toBe('"\\x00\\x7f"');
    expect(goQuote('héllo ✓')).toBe('"héllo ✓"');
    expect(goQuote('\u00a0')).toBe('"\\u00a0"');
  });
  it('escapes <, > and & inside JSON like encoding/json', () => {
    expect(renderBadValue({ a: '<b>&' })).toBe('{"a":"\\u003cb\\u003e\\u0026"}');
    expect(renderBadValue(true)).toBe('true');
  });
});
