import { describe, expect, it } from 'vitest';
import {
  decodeFromUrl,
  encodeForUrl,
  parseSession,
  SESSION_FORMAT,
  sessionFromJson,
} from './session-codec.ts';

const session = {
  format: SESSION_FORMAT,
  seed: 7,
  entries: [
    {
      line: 'kubectl apply -f -',
      stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
      at: 1_000,
    },
    { line: 'sim advance 30s', at: 2_500 },
  ],
  until: 40_000,
  editor: 'kind: Pod\n',
} as const;

describe('saved sessions', () => {
  it('round-trips through a URL-safe string', () => {
    const text = encodeForUrl(session);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeFromUrl(text)).toEqual(session);
  });

  it('refuses damaged or foreign input with a reason', () => {
    expect(() => decodeFromUrl('not-a-session')).toThrow('the link is damaged');
    expect(() => sessionFromJson('{')).toThrow('it is not valid JSON');
    expect(() => parseSession({ ...session, format: 'other' })).toThrow('its format is not');
    expect(() => parseSession({ ...session, entries: [{ line: 3, at: 1 }] })).toThrow(
      'command 1 is not a line with a time',
    );
    expect(() => parseSession({ ...session, seed: 'x' })).toThrow('its seed is not a number');
  });
});
