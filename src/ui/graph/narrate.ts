/** Words for a trace record: a short token label and a plain-words caption. */
import type { TraceRecord } from '../../engine/index.ts';
import { componentPhrase } from './components.ts';

/** `pods` for `pods/default/x`, `pods/binding` for `pods/default/x/binding`; paths stay as they are. */
function resourceOf(object: string): string {
  if (object.startsWith('/')) return object;
  const [resource = object, , , subresource] = object.split('/');
  return subresource ? `${resource}/${subresource}` : resource;
}

/** `default/x` of `pods/default/x/status`. */
function objectName(object: string): string {
  return object.split('/').slice(1, 3).join('/');
}

function firstWord(text: string): string {
  return text.split(' ')[0] ?? text;
}

/** The etcd revision a storage record wrote, if it says. */
export function storageRevision(record: TraceRecord): number | undefined {
  if (record.type !== 'storage') return undefined;
  const revision = /revision (\d+)/.exec(record.summary)?.[1];
  return revision === undefined ? undefined : Number(revision);
}

/** A few words that fit on a moving token. */
export function tokenLabel(record: TraceRecord): string {
  switch (record.type) {
    case 'request':
      return `${firstWord(record.summary)} ${resourceOf(record.object)}`;
    case 'response':
      return record.summary.split(' ').slice(0, 2).join(' ');
    case 'storage': {
      const revision = storageRevision(record);
      return revision === undefined ? record.verb : `${record.verb} rev ${revision}`;
    }
    case 'watch':
      return `WATCH ${record.verb} ${resourceOf(record.object)}`;
    case 'action':
      return record.verb;
  }
}

/** One sentence narrating what the record shows. */
export function caption(record: TraceRecord): string {
  const from = componentPhrase(record.from);
  const to = componentPhrase(record.to);
  switch (record.type) {
    case 'request':
      if (record.object.endsWith('/binding'))
        return `${capitalise(from)} binds pod ${objectName(record.object)} to a node: ${record.summary}`;
      if (record.object.startsWith('pods/') && record.object.endsWith('/status'))
        return `${capitalise(from)} reports the status of pod ${objectName(record.object)}: ${record.summary}`;
      return `${capitalise(from)} asks ${to}: ${record.summary}`;
    case 'response':
      return `${capitalise(from)} answers ${to}: ${record.summary}`;
    case 'storage':
      return `${capitalise(from)} ${record.verb === 'get' || record.verb === 'list' ? 'reads from' : 'writes to'} ${to}: ${record.summary}`;
    case 'watch':
      return `${capitalise(from)} tells ${to} on its watch: ${record.verb} ${record.object}`;
    case 'action':
      // The scheduler's choice reads as a sentence: "The scheduler chose node-2 for pod …".
      if (record.verb === 'select') return `${capitalise(from)} ${record.summary}`;
      return `${capitalise(from)}: ${record.summary}`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
