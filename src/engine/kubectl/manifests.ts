/**
 * Reads manifests as kubectl does: multi-document YAML (or JSON) with `---` separators,
 * YAML 1.1 scalars as go-yaml resolves them (`0644` is octal, `yes` is true, timestamps
 * stay strings), empty documents skipped, `kind: List` expanded into its items.
 */
import { parseAllDocuments, type YAMLError } from 'yaml';
import type { KubeObject } from '../api/types.ts';

export interface ManifestDocument {
  readonly object: KubeObject;
  /** The file name kubectl shows in messages: the path as given, or `STDIN`. */
  readonly source: string;
}

export type ManifestResult = { documents: ManifestDocument[]; errors: string[] };

/** Parses one file; errors are complete kubectl messages without the leading `error: `. */
export function parseManifests(text: string, source: string): ManifestResult {
  const documents: ManifestDocument[] = [];
  const errors: string[] = [];
  const parsed = parseAllDocuments(text.replace(/\r\n/g, '\n'), {
    version: '1.1',
    // go-yaml keeps the last of repeated keys, so kubectl sends them without complaint.
    uniqueKeys: false,
    customTags: (tags) => tags.filter((t) => (t as { tag?: string }).tag !== 'tag:yaml.org,2002:timestamp'),
  });
  // parseAllDocuments answers an EmptyStream (not an array) for input with no documents.
  const docs = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) {
    if (doc.errors.length) {
      errors.push(
        `error parsing ${source}: error converting YAML to JSON: ${goYamlMessage(doc.errors[0]!, text)}`,
      );
      // kubectl stops reading a stream at its first malformed document.
      break;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      errors.push(
        `error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
      );
      continue;
    }
    const object = value as Partial<KubeObject>;
    const missing = [!object.apiVersion && 'apiVersion not set', !object.kind && 'kind not set'].filter(
      Boolean,
    );
    if (missing.length) {
      const list = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
      errors.push(
        `error validating "${source}": error validating data: ${list}; if you choose to ignore these errors, turn validation off with --validate=false`,
      );
      continue;
    }
    if (
      object.kind === 'List' ||
      (object.kind?.endsWith('List') && Array.isArray((object as { items?: unknown }).items))
    ) {
      for (const item of ((object as { items?: unknown[] }).items ?? []) as KubeObject[]) {
        documents.push({ object: withMetadata(item), source });
      }
      continue;
    }
    documents.push({ object: withMetadata(object as KubeObject), source });
  }
  return { documents, errors };
}

function withMetadata(object: KubeObject): KubeObject {
  return object.metadata && typeof object.metadata === 'object' ? object : { ...object, metadata: {} };
}

/** go-yaml's wording for the common mistakes, with the line it reports. */
function goYamlMessage(error: YAMLError, text: string): string {
  const line = error.linePos?.[0]?.line ?? lineOf(text, error.pos[0]);
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^\n]*/.exec(text.split('\n')[line - 1]?.trim() ?? '')?.[0]?.split(':')[0] ?? '';
      return `yaml: unmarshal errors:\n  line ${line}: key ${JSON.stringify(key)} already set in map`;
    }
    case 'TAB_AS_INDENT':
      return `yaml: line ${line}: found character that cannot start any token`;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return `yaml: line ${line}: mapping values are not allowed in this context`;
    case 'MISSING_CHAR':
    case 'BAD_INDENT':
      return `yaml: line ${line}: did not find expected key`;
    default:
      return `yaml: line ${line}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
