/**
 * Version conversion between the served versions of one stored resource. Most kinds are
 * served in a single version, where conversion only restamps apiVersion; the HPA (v1 ↔ v2)
 * and the Event (core ↔ events.k8s.io) change shape.
 */
import type { KubeObject } from '../../api/types.ts';
import { parseApiVersion } from '../../api/types.ts';
import { coreEventToEventsV1, eventsV1ToCoreEvent } from './event-conversion.ts';
import { hpaV1ToV2, hpaV2ToV1 } from './hpa-conversion.ts';

type Converter = (object: KubeObject) => KubeObject;

/** Keyed by `<Kind> <from apiVersion> <to apiVersion>`. */
const converters: ReadonlyMap<string, Converter> = new Map<string, Converter>([
  ['HorizontalPodAutoscaler autoscaling/v2 autoscaling/v1', hpaV2ToV1],
  ['HorizontalPodAutoscaler autoscaling/v1 autoscaling/v2', hpaV1ToV2],
  ['Event v1 events.k8s.io/v1', coreEventToEventsV1],
  ['Event events.k8s.io/v1 v1', eventsV1ToCoreEvent],
]);

export function canConvert(kind: string, fromApiVersion: string, toApiVersion: string): boolean {
  return (
    fromApiVersion === toApiVersion ||
    converters.has(`${kind} ${fromApiVersion} ${toApiVersion}`) ||
    parseApiVersion(fromApiVersion).group === parseApiVersion(toApiVersion).group
  );
}

/**
 * `object` in `toApiVersion`. The input is not modified; converting to the version it is
 * already in returns it as is. A pair with no known conversion is a programming error.
 */
export function convert(object: KubeObject, toApiVersion: string): KubeObject {
  if (object.apiVersion === toApiVersion) return object;
  const converter = converters.get(`${object.kind} ${object.apiVersion} ${toApiVersion}`);
  if (converter) return converter(object);
  if (parseApiVersion(object.apiVersion).group === parseApiVersion(toApiVersion).group) {
    return { ...object, apiVersion: toApiVersion };
  }
  throw new Error(`no conversion of ${object.kind} from ${object.apiVersion} to ${toApiVersion}`);
}
