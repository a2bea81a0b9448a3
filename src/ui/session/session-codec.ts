/**
 * A saved session — the seed, every command with the virtual time it ran at, the time it
 * was saved, and the editor's text — as JSON (files, browser storage) and as a compact,
 * URL-safe string for shared links. Anything else is refused with a reason.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { SessionEntry } from '../../worker/protocol.ts';

export const SESSION_FORMAT = 'kubesim-session/v1';

export interface SavedSession {
  readonly format: typeof SESSION_FORMAT;
  readonly seed: number;
  readonly entries: readonly SessionEntry[];
  /** Virtual time when the session was saved. */
  readonly until: number;
  readonly editor?: string;
}

export class SessionError extends Error {}

/** Checks an untrusted value field by field; throws SessionError saying what is wrong. */
export function parseSession(value: unknown): SavedSession {
  if (typeof value !== 'object' || value === null) throw new SessionError('it is not a JSON object');
  const v = value as Record<string, unknown>;
  if (v.format !== SESSION_FORMAT) throw new SessionError(`its format is not "${SESSION_FORMAT}"`);
  if (!Number.isSafeInteger(v.seed) || (v.seed as number) < 0)
    throw new SessionError('its seed is not a number');
  if (!Array.isArray(v.entries)) throw new SessionError('it has no list of commands');
  const entries = v.entries.map((e: unknown, i): SessionEntry => {
    const entry = e as Record<string, unknown> | null;
    if (typeof entry?.line !== 'string' || typeof entry.at !== 'number' || !Number.isFinite(entry.at)) {
      throw new SessionError(`command ${i + 1} is not a line with a time`);
    }
    if (entry.stdin !== undefined && typeof entry.stdin !== 'string') {
      throw new SessionError(`command ${i + 1} has a standard input that is not text`);
    }
    return { line: entry.line, at: entry.at, ...(entry.stdin !== undefined ? { stdin: entry.stdin } : {}) };
  });
  const until = typeof v.until === 'number' && Number.isFinite(v.until) ? v.until : (entries.at(-1)?.at ?? 0);
  if (v.editor !== undefined && typeof v.editor !== 'string')
    throw new SessionError('its editor text is not text');
  return {
    format: SESSION_FORMAT,
    seed: v.seed as number,
    entries,
    until,
    ...(v.editor !== undefined ? { editor: v.editor } : {}),
  };
}

export function sessionFromJson(text: string): SavedSession {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SessionError('it is not valid JSON');
  }
  return parseSession(value);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function encodeForUrl(session: SavedSession): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(session)), { level: 9 }));
}

export function decodeFromUrl(text: string): SavedSession {
  let json: string;
  try {
    json = strFromU8(inflateSync(fromBase64Url(text)));
  } catch {
    throw new SessionError('the link is damaged (it could not be decompressed)');
  }
  return sessionFromJson(json);
}
