/**
 * The diff appended to `pod updates may not change fields other than …`. Kubernetes prints
 * go-cmp's report of the internal PodSpec; go-cmp deliberately varies its whitespace between
 * runs, so only its shape is kept here: the struct name, one `-`/`+` pair per changed field
 * (Go field names, values as Go literals) and counts of the identical fields between them.
 */
import { isObj } from './access.ts';
import { deepEqual } from './access.ts';

/** PodSpec fields in the internal type's declaration order, with their JSON names. */
const podSpecFields: readonly (readonly [string, string])[] = [
  ['volumes', 'Volumes'],
  ['initContainers', 'InitContainers'],
  ['containers', 'Containers'],
  ['ephemeralContainers', 'EphemeralContainers'],
  ['restartPolicy', 'RestartPolicy'],
  ['terminationGracePeriodSeconds', 'TerminationGracePeriodSeconds'],
  ['activeDeadlineSeconds', 'ActiveDeadlineSeconds'],
  ['dnsPolicy', 'DNSPolicy'],
  ['nodeSelector', 'NodeSelector'],
  ['serviceAccountName', 'ServiceAccountName'],
  ['automountServiceAccountToken', 'AutomountServiceAccountToken'],
  ['nodeName', 'NodeName'],
  ['securityContext', 'SecurityContext'],
  ['imagePullSecrets', 'ImagePullSecrets'],
  ['hostname', 'Hostname'],
  ['subdomain', 'Subdomain'],
  ['setHostnameAsFQDN', 'SetHostnameAsFQDN'],
  ['affinity', 'Affinity'],
  ['schedulerName', 'SchedulerName'],
  ['tolerations', 'Tolerations'],
  ['hostAliases', 'HostAliases'],
  ['priorityClassName', 'PriorityClassName'],
  ['priority', 'Priority'],
  ['preemptionPolicy', 'PreemptionPolicy'],
  ['dnsConfig', 'DNSConfig'],
  ['readinessGates', 'ReadinessGates'],
  ['runtimeClassName', 'RuntimeClassName'],
  ['overhead', 'Overhead'],
  ['enableServiceLinks', 'EnableServiceLinks'],
  ['topologySpreadConstraints', 'TopologySpreadConstraints'],
  ['os', 'OS'],
  ['schedulingGates', 'SchedulingGates'],
  ['resourceClaims', 'ResourceClaims'],
  ['resources', 'Resources'],
  ['hostnameOverride', 'HostnameOverride'],
];

const pointerFields = new Set([
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'automountServiceAccountToken',
  'securityContext',
  'setHostnameAsFQDN',
  'affinity',
  'priority',
  'preemptionPolicy',
  'dnsConfig',
  'runtimeClassName',
  'enableServiceLinks',
  'os',
  'resources',
  'hostnameOverride',
]);

/** A value as a Go literal: strings quoted, absent pointers nil, composites in braces. */
function literal(value: unknown, pointer: boolean): string {
  if (value === undefined || value === null) return 'nil';
  const amp = pointer ? '&' : '';
  if (typeof value === 'string') return pointer ? `&${JSON.stringify(value)}` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return `${amp}${String(value)}`;
  if (Array.isArray(value)) return `{${value.map((v) => literal(v, false)).join(', ')}}`;
  if (isObj(value)) {
    const parts = Object.entries(value).map(
      ([k, v]) => `${k.charAt(0).toUpperCase()}${k.slice(1)}: ${literal(v, false)}`,
    );
    return `${amp}{${parts.join(', ')}}`;
  }
  return String(value);
}

export function podSpecDiff(old: Record<string, unknown>, next: Record<string, unknown>): string {
  const lines = ['  core.PodSpec{'];
  let identical = 0;
  const flush = () => {
    if (identical > 0)
      lines.push(`  \t... // ${identical} identical ${identical === 1 ? 'field' : 'fields'}`);
    identical = 0;
  };
  for (const [json, go] of podSpecFields) {
    if (deepEqual(old[json], next[json])) {
      identical++;
      continue;
    }
    flush();
    const pointer = pointerFields.has(json);
    lines.push(`- \t${go}: ${literal(old[json], pointer)},`);
    lines.push(`+ \t${go}: ${literal(next[json], pointer)},`);
  }
  flush();
  lines.push('  }');
  return lines.join('\n');
}
