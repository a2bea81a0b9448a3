/**
 * Go type names of fields whose Go type is a named type rather than a plain string, slice or
 * map. OpenAPI does not record them, but the API server's decode errors print them, e.g.
 *   json: cannot unmarshal string into Go struct field PersistentVolumeClaimSpec.spec.accessModes
 *   of type []v1.PersistentVolumeAccessMode
 *
 * Keys are `<definition>.<field>`; values are the field's Go type with pointers removed (the
 * decoder dereferences pointers before reporting). Read from k8s.io/api and
 * k8s.io/apimachinery type declarations. Fields not listed fall back to the name derived from
 * their schema (string, int32, []string, map[string]string, v1.PodSpec, ...).
 */

const core = 'io.k8s.api.core.v1.';
const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

export const goNamedTypes: Readonly<Record<string, string>> = {
  // metadata
  [meta + 'ObjectMeta.uid']: 'types.UID',
  [meta + 'OwnerReference.uid']: 'types.UID',
  [meta + 'Preconditions.uid']: 'types.UID',
  [meta + 'ManagedFieldsEntry.operation']: 'v1.ManagedFieldsOperationType',
  [meta + 'LabelSelectorRequirement.operator']: 'v1.LabelSelectorOperator',
  [meta + 'DeleteOptions.propagationPolicy']: 'v1.DeletionPropagation',

  // pods and containers
  [core + 'PodSpec.restartPolicy']: 'v1.RestartPolicy',
  [core + 'PodSpec.dnsPolicy']: 'v1.DNSPolicy',
  [core + 'PodSpec.preemptionPolicy']: 'v1.PreemptionPolicy',
  [core + 'PodSpec.overhead']: 'v1.ResourceList',
  [core + 'Container.imagePullPolicy']: 'v1.PullPolicy',
  [core + 'Container.terminationMessagePolicy']: 'v1.TerminationMessagePolicy',
  [core + 'Container.restartPolicy']: 'v1.ContainerRestartPolicy',
  [core + 'EphemeralContainer.imagePullPolicy']: 'v1.PullPolicy',
  [core + 'EphemeralContainer.terminationMessagePolicy']: 'v1.TerminationMessagePolicy',
  [core + 'EphemeralContainer.restartPolicy']: 'v1.ContainerRestartPolicy',
  [core + 'ContainerPort.protocol']: 'v1.Protocol',
  [core + 'ResourceRequirements.limits']: 'v1.ResourceList',
  [core + 'ResourceRequirements.requests']: 'v1.ResourceList',
  [core + 'VolumeResourceRequirements.limits']: 'v1.ResourceList',
  [core + 'VolumeResourceRequirements.requests']: 'v1.ResourceList',
  [core + 'ContainerStatus.allocatedResources']: 'v1.ResourceList',
  [core + 'Capabilities.add']: '[]v1.Capability',
  [core + 'Capabilities.drop']: '[]v1.Capability',
  [core + 'SecurityContext.procMount']: 'v1.ProcMountType',
  [core + 'SeccompProfile.type']: 'v1.SeccompProfileType',
  [core + 'PodSecurityContext.fsGroupChangePolicy']: 'v1.PodFSGroupChangePolicy',
  [core + 'HTTPGetAction.scheme']: 'v1.URIScheme',
  [core + 'Toleration.operator']: 'v1.TolerationOperator',
  [core + 'Toleration.effect']: 'v1.TaintEffect',
  [core + 'Taint.effect']: 'v1.TaintEffect',
  [core + 'NodeSelectorRequirement.operator']: 'v1.NodeSelectorOperator',
  [core + 'TopologySpreadConstraint.whenUnsatisfiable']: 'v1.UnsatisfiableConstraintAction',
  [core + 'PodCondition.type']: 'v1.PodConditionType',
  [core + 'PodCondition.status']: 'v1.ConditionStatus',
  [core + 'PodStatus.phase']: 'v1.PodPhase',
  [core + 'PodStatus.qosClass']: 'v1.PodQOSClass',
  [core + 'EmptyDirVolumeSource.medium']: 'v1.StorageMedium',
  [core + 'HostPathVolumeSource.type']: 'v1.HostPathType',

  // services
  [core + 'ServiceSpec.type']: 'v1.ServiceType',
  [core + 'ServiceSpec.sessionAffinity']: 'v1.ServiceAffinity',
  [core + 'ServiceSpec.externalTrafficPolicy']: 'v1.ServiceExternalTrafficPolicy',
  [core + 'ServiceSpec.internalTrafficPolicy']: 'v1.ServiceInternalTrafficPolicy',
  [core + 'ServiceSpec.ipFamilies']: '[]v1.IPFamily',
  [core + 'ServiceSpec.ipFamilyPolicy']: 'v1.IPFamilyPolicy',
  [core + 'ServicePort.protocol']: 'v1.Protocol',
  [core + 'EndpointPort.protocol']: 'v1.Protocol',

  // storage
  [core + 'PersistentVolumeClaimSpec.accessModes']: '[]v1.PersistentVolumeAccessMode',
  [core + 'PersistentVolumeClaimSpec.volumeMode']: 'v1.PersistentVolumeMode',
  [core + 'PersistentVolumeClaimStatus.accessModes']: '[]v1.PersistentVolumeAccessMode',
  [core + 'PersistentVolumeClaimStatus.phase']: 'v1.PersistentVolumeClaimPhase',
  [core + 'PersistentVolumeClaimStatus.capacity']: 'v1.ResourceList',
  [core + 'PersistentVolumeClaimStatus.allocatedResources']: 'v1.ResourceList',
  [core + 'PersistentVolumeSpec.accessModes']: '[]v1.PersistentVolumeAccessMode',
  [core + 'PersistentVolumeSpec.capacity']: 'v1.ResourceList',
  [core + 'PersistentVolumeSpec.persistentVolumeReclaimPolicy']: 'v1.PersistentVolumeReclaimPolicy',
  [core + 'PersistentVolumeSpec.volumeMode']: 'v1.PersistentVolumeMode',
  [core + 'PersistentVolumeStatus.phase']: 'v1.PersistentVolumePhase',

  // cluster objects
  [core + 'Secret.type']: 'v1.SecretType',
  [core + 'NamespaceSpec.finalizers']: '[]v1.FinalizerName',
  [core + 'NamespaceStatus.phase']: 'v1.NamespacePhase',
  [core + 'NodeStatus.capacity']: 'v1.ResourceList',
  [core + 'NodeStatus.allocatable']: 'v1.ResourceList',
  [core + 'NodeStatus.phase']: 'v1.NodePhase',
  [core + 'NodeCondition.type']: 'v1.NodeConditionType',
  [core + 'NodeCondition.status']: 'v1.ConditionStatus',
  [core + 'NodeAddress.type']: 'v1.NodeAddressType',
  [core + 'ResourceQuotaSpec.hard']: 'v1.ResourceList',
  [core + 'ResourceQuotaSpec.scopes']: '[]v1.ResourceQuotaScope',
  [core + 'ResourceQuotaStatus.hard']: 'v1.ResourceList',
  [core + 'ResourceQuotaStatus.used']: 'v1.ResourceList',
  [core + 'LimitRangeItem.type']: 'v1.LimitType',
  [core + 'LimitRangeItem.max']: 'v1.ResourceList',
  [core + 'LimitRangeItem.min']: 'v1.ResourceList',
  [core + 'LimitRangeItem.default']: 'v1.ResourceList',
  [core + 'LimitRangeItem.defaultRequest']: 'v1.ResourceList',
  [core + 'LimitRangeItem.maxLimitRequestRatio']: 'v1.ResourceList',

  // workloads
  'io.k8s.api.apps.v1.DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'io.k8s.api.apps.v1.StatefulSetSpec.podManagementPolicy': 'v1.PodManagementPolicyType',
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy.type': 'v1.StatefulSetUpdateStrategyType',
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type': 'v1.DaemonSetUpdateStrategyType',
  'io.k8s.api.batch.v1.JobSpec.completionMode': 'v1.CompletionMode',
  'io.k8s.api.batch.v1.JobSpec.podReplacementPolicy': 'v1.PodReplacementPolicy',
  'io.k8s.api.batch.v1.CronJobSpec.concurrencyPolicy': 'v1.ConcurrencyPolicy',
  'io.k8s.api.batch.v1.PodFailurePolicyRule.action': 'v1.PodFailurePolicyAction',
  'io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement.operator':
    'v1.PodFailurePolicyOnExitCodesOperator',

  // networking
  'io.k8s.api.networking.v1.HTTPIngressPath.pathType': 'v1.PathType',
  'io.k8s.api.networking.v1.NetworkPolicySpec.policyTypes': '[]v1.PolicyType',
  'io.k8s.api.networking.v1.NetworkPolicyPort.protocol': 'v1.Protocol',
  'io.k8s.api.discovery.v1.EndpointSlice.addressType': 'v1.AddressType',
  'io.k8s.api.discovery.v1.EndpointPort.protocol': 'v1.Protocol',

  // storage.k8s.io
  'io.k8s.api.storage.v1.StorageClass.reclaimPolicy': 'v1.PersistentVolumeReclaimPolicy',
  'io.k8s.api.storage.v1.StorageClass.volumeBindingMode': 'v1.VolumeBindingMode',
};
