/**
 * The kubelet's check before creating a container: every ConfigMap and Secret its
 * environment refers to (and is not optional) must exist, otherwise the container waits
 * in CreateContainerConfigError with the API's not-found message.
 */
import { builtinResources } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import { ApiError, isNotFound, type ApiClient } from '../client/api-client.ts';

const CONFIGMAPS = builtinResources.find((r) => r.group === '' && r.plural === 'configmaps')!;
const SECRETS = builtinResources.find((r) => r.group === '' && r.plural === 'secrets')!;

interface Ref {
  name?: string;
  key?: string;
  optional?: boolean;
}

export interface EnvSpec {
  env?: { name: string; valueFrom?: { configMapKeyRef?: Ref; secretKeyRef?: Ref } }[];
  envFrom?: { configMapRef?: Ref; secretRef?: Ref }[];
}

export function missingReference(api: ApiClient, pod: KubeObject, container: EnvSpec): string | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const check = (kind: 'configmap' | 'secret', ref: Ref | undefined): string | undefined => {
    if (!ref?.name || ref.optional) return undefined;
    try {
      const object = api.get(kind === 'configmap' ? CONFIGMAPS : SECRETS, ns, ref.name);
      if (ref.key !== undefined) {
        const data = {
          ...((object.data as Record<string, string> | undefined) ?? {}),
          ...((object.binaryData as Record<string, string> | undefined) ?? {}),
        };
        if (!(ref.key in data))
          return `couldn't find key ${ref.key} in ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${ns}/${ref.name}`;
      }
      return undefined;
    } catch (e) {
      if (isNotFound(e)) return `${kind} "${ref.name}" not found`;
      if (e instanceof ApiError) return undefined;
      throw e;
    }
  };
  for (const from of container.envFrom ?? []) {
    const missing = check('configmap', from.configMapRef) ?? check('secret', from.secretRef);
    if (missing) return missing;
  }
  for (const env of container.env ?? []) {
    const missing =
      check('configmap', env.valueFrom?.configMapKeyRef) ?? check('secret', env.valueFrom?.secretKeyRef);
    if (missing) return missing;
  }
  return undefined;
}
