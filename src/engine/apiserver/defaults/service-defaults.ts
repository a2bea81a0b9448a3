/**
 * Service defaults (core/v1 SetDefaults_Service). Cluster IPs, node ports and IP families
 * are assigned later by the registry's allocator, not here.
 */
import type { Obj } from './json.ts';
import { child, children, defaultPointer, defaultString, ensureChild, isUnset } from './json.ts';

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

export function defaultService(service: Obj): void {
  const spec = ensureChild(service, 'spec');
  defaultString(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const clientIP = child(child(spec, 'sessionAffinityConfig') ?? {}, 'clientIP');
    if (!clientIP || isUnset(clientIP.timeoutSeconds)) {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
    }
  }
  defaultString(spec, 'type', 'ClusterIP');
  for (const port of children(spec, 'ports')) {
    defaultString(port, 'protocol', 'TCP');
    const target = port.targetPort;
    if (isUnset(target) || target === 0 || target === '') port.targetPort = port.port;
  }
  const type = spec.type;
  const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs : [];
  const externallyAccessible =
    type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && externalIPs.length > 0);
  if (externallyAccessible) defaultString(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') {
    defaultPointer(spec, 'internalTrafficPolicy', 'Cluster');
  }
  if (type === 'LoadBalancer') {
    defaultPointer(spec, 'allocateLoadBalancerNodePorts', true);
    const loadBalancer = child(child(service, 'status') ?? {}, 'loadBalancer');
    for (const ingress of loadBalancer ? children(loadBalancer, 'ingress') : []) {
      if (typeof ingress.ip === 'string' && ingress.ip !== '') defaultPointer(ingress, 'ipMode', 'VIP');
    }
  }
}
