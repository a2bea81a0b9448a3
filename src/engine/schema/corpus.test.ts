import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findKind } from '../api/resources.ts';
import { parseApiVersion } from '../api/types.ts';
import { decodeStrict, hasSchema } from './index.ts';

/** The shared manifest corpus lives beside the repository (../shared/corpus from the repo root). */
const corpusDir = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const present = existsSync(corpusDir + 'index.json');

interface CorpusEntry {
  path: string;
  expect: 'apply' | 'partial' | 'reject';
  features?: string[];
}

describe.skipIf(!present)('manifest corpus (../shared/corpus)', () => {
  const entries = present
    ? (JSON.parse(readFileSync(corpusDir + 'index.json', 'utf8')) as CorpusEntry[])
    : [];

  it('has files to check', () => {
    expect(entries.length).toBeGreaterThan(300);
  });

  it('decodes every served document strictly, with no unknown fields and no type errors', () => {
    const problems: string[] = [];
    let decoded = 0;
    const unserved: string[] = [];
    for (const entry of entries) {
      // kubectl reads YAML like go-yaml v2: YAML 1.1 scalars, and a repeated key silently
      // replaces the earlier one (one corpus Deployment repeats `selector`).
      const parsed = parseAllDocuments(readFileSync(corpusDir + entry.path, 'utf8'), {
        version: '1.1',
        uniqueKeys: false,
      });
      const docs = (Array.isArray(parsed) ? parsed : [parsed]).map((d) => {
        if (d.errors.length) problems.push(`${entry.path}: YAML: ${d.errors[0]?.message ?? ''}`);
        return d.toJS() as unknown;
      });
      for (const doc of docs) {
        if (doc === null || typeof doc !== 'object') continue;
        const { apiVersion, kind } = doc as { apiVersion: string; kind: string };
        const gv = parseApiVersion(apiVersion);
        const gvk = { ...gv, kind };
        if (!findKind(gv.group, gv.version, kind)) {
          unserved.push(`${entry.path}: ${apiVersion} ${kind}`);
          if (entry.expect === 'apply') problems.push(`${entry.path}: ${apiVersion} ${kind} is not served`);
          continue;
        }
        expect(hasSchema(gvk)).toBe(true);
        const result = decodeStrict(gvk, doc);
        decoded++;
        if (!result.ok) problems.push(`${entry.path}: ${result.error}`);
        else if (result.strictErrors.length)
          problems.push(`${entry.path}: ${result.strictErrors.map((e) => e.message).join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
    expect(decoded).toBeGreaterThan(400);
    // Only the removed API versions the index marks as rejected or partial are not served.
    expect(unserved.map((u) => u.split(': ')[1])).toEqual(
      expect.arrayContaining([
        'batch/v1beta1 CronJob',
        'extensions/v1beta1 DaemonSet',
        'policy/v1beta1 PodDisruptionBudget',
      ]),
    );
    expect(unserved).toHaveLength(3);
  });
});
