/**
 * API changes between Kubernetes v1.28 (the vendored OpenAPI documents) and v1.34, limited to
 * the kinds this simulator serves (src/engine/api/resources.ts) and the definitions they use.
 *
 * Each entry names the release that first served it and the KEP or pull request it came from.
 * Alpha fields are listed too: a v1.34 API server serves the schema of every field whatever
 * its feature gate, so strict decoding accepts them (the gate only decides whether the
 * value is kept).
 *
 * Not covered here: kinds this simulator does not serve (resource.k8s.io, ServiceCIDR,
 * VolumeAttributesClass, ...), and fields whose release could not be pinned from sources
 * (core ResourceClaim `request` for DRA).
 */
import type { ApiChanges, V2Schema } from './openapi-types.ts';

const core = 'io.k8s.api.core.v1.';
const ref = (name: string): V2Schema => ({ $ref: `#/definitions/${name}` });
const coreRef = (name: string): V2Schema => ref(core + name);
const str: V2Schema = { type: 'string' };
const bool: V2Schema = { type: 'boolean' };
const i32: V2Schema = { type: 'integer', format: 'int32' };
const i64: V2Schema = { type: 'integer', format: 'int64' };
const quantity = ref('io.k8s.apimachinery.pkg.api.resource.Quantity');
const atomicList = (items: V2Schema): V2Schema => ({
  type: 'array',
  items,
  'x-kubernetes-list-type': 'atomic',
});
const object = (properties: Record<string, V2Schema>, required?: string[]): V2Schema =>
  required ? { type: 'object', properties, required } : { type: 'object', properties };

const kep = (n: number): string => `KEP-${n}`;

export const apiChangesV134: ApiChanges = {
  definitions: [
    // v1.29
    {
      name: core + 'SleepAction',
      schema: object({ seconds: i64 }, ['seconds']),
      release: 'v1.29',
      stageInV134: 'beta',
      source: kep(3960),
    },
    {
      name: core + 'ClusterTrustBundleProjection',
      schema: object(
        {
          name: str,
          signerName: str,
          labelSelector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector'),
          optional: bool,
          path: str,
        },
        ['path'],
      ),
      release: 'v1.29',
      stageInV134: 'beta',
      source: kep(3257),
    },
    {
      name: core + 'ModifyVolumeStatus',
      schema: object({ targetVolumeAttributesClassName: str, status: str }, ['status']),
      release: 'v1.29',
      stageInV134: 'GA',
      source: kep(3751),
    },
    {
      // PersistentVolumeClaimSpec.resources moved to this type, which has no `claims`.
      name: core + 'VolumeResourceRequirements',
      schema: object({
        limits: { type: 'object', additionalProperties: quantity },
        requests: { type: 'object', additionalProperties: quantity },
      }),
      release: 'v1.29',
      stageInV134: 'GA',
      source: 'kubernetes/kubernetes#118653',
    },
    // v1.30
    {
      name: core + 'AppArmorProfile',
      schema: object({ localhostProfile: str, type: str }, ['type']),
      release: 'v1.30',
      stageInV134: 'GA',
      source: kep(24),
    },
    {
      name: core + 'VolumeMountStatus',
      schema: object({ name: str, mountPath: str, readOnly: bool, recursiveReadOnly: str }, [
        'name',
        'mountPath',
      ]),
      release: 'v1.30',
      stageInV134: 'beta',
      source: kep(3857),
    },
    {
      name: core + 'NodeRuntimeHandlerFeatures',
      schema: object({ recursiveReadOnly: bool, userNamespaces: bool }),
      release: 'v1.30',
      stageInV134: 'beta',
      source: `${kep(3857)} (userNamespaces: ${kep(127)}, v1.32)`,
    },
    {
      name: core + 'NodeRuntimeHandler',
      schema: object({ name: str, features: coreRef('NodeRuntimeHandlerFeatures') }),
      release: 'v1.30',
      stageInV134: 'beta',
      source: kep(3857),
    },
    {
      name: 'io.k8s.api.batch.v1.SuccessPolicyRule',
      schema: object({ succeededIndexes: str, succeededCount: i32 }),
      release: 'v1.30',
      stageInV134: 'GA',
      source: kep(3998),
    },
    {
      name: 'io.k8s.api.batch.v1.SuccessPolicy',
      schema: object({ rules: atomicList(ref('io.k8s.api.batch.v1.SuccessPolicyRule')) }, ['rules']),
      release: 'v1.30',
      stageInV134: 'GA',
      source: kep(3998),
    },
    // v1.31
    {
      name: core + 'ImageVolumeSource',
      schema: object({ reference: str, pullPolicy: str }),
      release: 'v1.31',
      stageInV134: 'beta',
      source: kep(4639),
    },
    {
      name: core + 'LinuxContainerUser',
      schema: object({ uid: i64, gid: i64, supplementalGroups: atomicList(i64) }, ['uid', 'gid']),
      release: 'v1.31',
      stageInV134: 'beta',
      source: kep(3619),
    },
    {
      name: core + 'ContainerUser',
      schema: object({ linux: coreRef('LinuxContainerUser') }),
      release: 'v1.31',
      stageInV134: 'beta',
      source: kep(3619),
    },
    {
      name: core + 'NodeFeatures',
      schema: object({ supplementalGroupsPolicy: bool }),
      release: 'v1.31',
      stageInV134: 'beta',
      source: kep(3619),
    },
    {
      name: core + 'ResourceHealth',
      schema: object({ resourceID: str, health: str }, ['resourceID']),
      release: 'v1.31',
      stageInV134: 'alpha',
      source: kep(4680),
    },
    {
      name: core + 'ResourceStatus',
      schema: object(
        {
          name: str,
          resources: {
            type: 'array',
            items: coreRef('ResourceHealth'),
            'x-kubernetes-list-type': 'map',
            'x-kubernetes-list-map-keys': ['resourceID'],
          },
        },
        ['name'],
      ),
      release: 'v1.31',
      stageInV134: 'alpha',
      source: kep(4680),
    },
    // v1.33
    {
      name: core + 'NodeSwapStatus',
      schema: object({ capacity: i64 }),
      release: 'v1.33',
      stageInV134: 'beta',
      source: 'kubernetes/kubernetes#129954',
    },
    {
      name: 'io.k8s.api.discovery.v1.ForNode',
      schema: object({ name: str }, ['name']),
      release: 'v1.33',
      stageInV134: 'beta',
      source: kep(3015),
    },
    // v1.34
    {
      name: core + 'ContainerRestartRuleOnExitCodes',
      schema: object(
        { operator: str, values: { type: 'array', items: i32, 'x-kubernetes-list-type': 'set' } },
        ['operator'],
      ),
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(5307),
    },
    {
      name: core + 'ContainerRestartRule',
      schema: object({ action: str, exitCodes: coreRef('ContainerRestartRuleOnExitCodes') }, ['action']),
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(5307),
    },
    {
      name: core + 'FileKeySelector',
      schema: {
        ...object({ volumeName: str, path: str, key: str, optional: bool }, ['volumeName', 'path', 'key']),
        'x-kubernetes-map-type': 'atomic',
      },
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(3721),
    },
    {
      name: core + 'PodCertificateProjection',
      schema: object(
        {
          signerName: str,
          keyType: str,
          maxExpirationSeconds: i32,
          credentialBundlePath: str,
          keyPath: str,
          certificateChainPath: str,
        },
        ['signerName', 'keyType'],
      ),
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(4317),
    },
    {
      name: core + 'ContainerExtendedResourceRequest',
      schema: object({ containerName: str, resourceName: str, requestName: str }, [
        'containerName',
        'resourceName',
        'requestName',
      ]),
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(5004),
    },
    {
      name: core + 'PodExtendedResourceClaimStatus',
      schema: object(
        { requestMappings: atomicList(coreRef('ContainerExtendedResourceRequest')), resourceClaimName: str },
        ['requestMappings', 'resourceClaimName'],
      ),
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(5004),
    },
  ],

  fields: [
    // v1.29
    {
      definition: core + 'LifecycleHandler',
      field: 'sleep',
      schema: coreRef('SleepAction'),
      release: 'v1.29',
      stageInV134: 'beta',
      source: kep(3960),
    },
    {
      definition: core + 'PodAffinityTerm',
      field: 'matchLabelKeys',
      schema: atomicList(str),
      release: 'v1.29',
      stageInV134: 'beta',
      source: kep(3633),
    },
    {
      definition: core + 'PodAffinityTerm',
      field: 'mismatchLabelKeys',
      schema: atomicList(str),
      release: 'v1.29',
      stageInV134: 'beta',
      source: kep(3633),
    },
    {
      definition: core + 'LoadBalancerIngress',
      field: 'ipMode',
      schema: str,
      release: 'v1.29',
      stageInV134: 'GA',
      source: kep(1860),
    },
    {
      definition: core + 'VolumeProjection',
      field: 'clusterTrustBundle',
      schema: coreRef('ClusterTrustBundleProjection'),
      release: 'v1.29',
      stageInV134: 'beta',
      source: kep(3257),
    },
    {
      definition: core + 'PersistentVolumeClaimSpec',
      field: 'volumeAttributesClassName',
      schema: str,
      release: 'v1.29',
      stageInV134: 'GA',
      source: kep(3751),
    },
    {
      definition: core + 'PersistentVolumeSpec',
      field: 'volumeAttributesClassName',
      schema: str,
      release: 'v1.29',
      stageInV134: 'GA',
      source: kep(3751),
    },
    {
      definition: core + 'PersistentVolumeClaimStatus',
      field: 'currentVolumeAttributesClassName',
      schema: str,
      release: 'v1.29',
      stageInV134: 'GA',
      source: kep(3751),
    },
    {
      definition: core + 'PersistentVolumeClaimStatus',
      field: 'modifyVolumeStatus',
      schema: coreRef('ModifyVolumeStatus'),
      release: 'v1.29',
      stageInV134: 'GA',
      source: kep(3751),
    },
    // v1.30
    {
      definition: core + 'PodSecurityContext',
      field: 'appArmorProfile',
      schema: coreRef('AppArmorProfile'),
      release: 'v1.30',
      stageInV134: 'GA',
      source: kep(24),
    },
    {
      definition: core + 'SecurityContext',
      field: 'appArmorProfile',
      schema: coreRef('AppArmorProfile'),
      release: 'v1.30',
      stageInV134: 'GA',
      source: kep(24),
    },
    {
      definition: core + 'VolumeMount',
      field: 'recursiveReadOnly',
      schema: str,
      release: 'v1.30',
      stageInV134: 'beta',
      source: kep(3857),
    },
    {
      definition: core + 'ContainerStatus',
      field: 'volumeMounts',
      schema: {
        type: 'array',
        items: coreRef('VolumeMountStatus'),
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['mountPath'],
        'x-kubernetes-patch-merge-key': 'mountPath',
        'x-kubernetes-patch-strategy': 'merge',
      },
      release: 'v1.30',
      stageInV134: 'beta',
      source: kep(3857),
    },
    {
      definition: core + 'NodeStatus',
      field: 'runtimeHandlers',
      schema: atomicList(coreRef('NodeRuntimeHandler')),
      release: 'v1.30',
      stageInV134: 'beta',
      source: kep(3857),
    },
    {
      definition: core + 'ServiceSpec',
      field: 'trafficDistribution',
      schema: str,
      release: 'v1.30',
      stageInV134: 'GA',
      source: kep(4444),
    },
    {
      definition: 'io.k8s.api.batch.v1.JobSpec',
      field: 'successPolicy',
      schema: ref('io.k8s.api.batch.v1.SuccessPolicy'),
      release: 'v1.30',
      stageInV134: 'GA',
      source: kep(3998),
    },
    {
      definition: 'io.k8s.api.batch.v1.JobSpec',
      field: 'managedBy',
      schema: str,
      release: 'v1.30',
      stageInV134: 'beta',
      source: kep(4368),
    },
    // v1.31
    {
      definition: core + 'Volume',
      field: 'image',
      schema: coreRef('ImageVolumeSource'),
      release: 'v1.31',
      stageInV134: 'beta',
      source: kep(4639),
    },
    {
      definition: core + 'ContainerStatus',
      field: 'user',
      schema: coreRef('ContainerUser'),
      release: 'v1.31',
      stageInV134: 'beta',
      source: kep(3619),
    },
    {
      definition: core + 'PodSecurityContext',
      field: 'supplementalGroupsPolicy',
      schema: str,
      release: 'v1.31',
      stageInV134: 'beta',
      source: kep(3619),
    },
    {
      definition: core + 'NodeStatus',
      field: 'features',
      schema: coreRef('NodeFeatures'),
      release: 'v1.31',
      stageInV134: 'beta',
      source: kep(3619),
    },
    {
      definition: core + 'ContainerStatus',
      field: 'allocatedResourcesStatus',
      schema: {
        type: 'array',
        items: coreRef('ResourceStatus'),
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        'x-kubernetes-patch-merge-key': 'name',
        'x-kubernetes-patch-strategy': 'merge',
      },
      release: 'v1.31',
      stageInV134: 'alpha',
      source: kep(4680),
    },
    {
      definition: core + 'PodResourceClaim',
      field: 'resourceClaimName',
      schema: str,
      release: 'v1.31',
      stageInV134: 'beta',
      source: kep(4381),
    },
    {
      definition: core + 'PodResourceClaim',
      field: 'resourceClaimTemplateName',
      schema: str,
      release: 'v1.31',
      stageInV134: 'beta',
      source: kep(4381),
    },
    {
      definition: 'io.k8s.api.coordination.v1.LeaseSpec',
      field: 'strategy',
      schema: str,
      release: 'v1.31',
      stageInV134: 'alpha',
      source: kep(4355),
    },
    {
      definition: 'io.k8s.api.coordination.v1.LeaseSpec',
      field: 'preferredHolder',
      schema: str,
      release: 'v1.31',
      stageInV134: 'alpha',
      source: kep(4355),
    },
    // v1.32
    {
      definition: core + 'PodSpec',
      field: 'resources',
      schema: coreRef('ResourceRequirements'),
      release: 'v1.32',
      stageInV134: 'beta',
      source: kep(2837),
    },
    {
      definition: core + 'PodSecurityContext',
      field: 'seLinuxChangePolicy',
      schema: str,
      release: 'v1.32',
      stageInV134: 'beta',
      source: kep(1710),
    },
    {
      definition: 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
      field: 'ignoreStoreReadErrorWithClusterBreakingPotential',
      schema: bool,
      release: 'v1.32',
      stageInV134: 'alpha',
      source: kep(3926),
    },
    // v1.33
    {
      definition: core + 'Lifecycle',
      field: 'stopSignal',
      schema: str,
      release: 'v1.33',
      stageInV134: 'alpha',
      source: kep(4960),
    },
    {
      definition: core + 'ContainerStatus',
      field: 'stopSignal',
      schema: str,
      release: 'v1.33',
      stageInV134: 'alpha',
      source: kep(4960),
    },
    {
      definition: core + 'PodStatus',
      field: 'observedGeneration',
      schema: i64,
      release: 'v1.33',
      stageInV134: 'beta',
      source: kep(5067),
    },
    {
      definition: core + 'PodCondition',
      field: 'observedGeneration',
      schema: i64,
      release: 'v1.33',
      stageInV134: 'beta',
      source: kep(5067),
    },
    {
      definition: core + 'NodeSystemInfo',
      field: 'swap',
      schema: coreRef('NodeSwapStatus'),
      release: 'v1.33',
      stageInV134: 'beta',
      source: 'kubernetes/kubernetes#129954',
    },
    {
      definition: 'io.k8s.api.discovery.v1.EndpointHints',
      field: 'forNodes',
      schema: atomicList(ref('io.k8s.api.discovery.v1.ForNode')),
      release: 'v1.33',
      stageInV134: 'beta',
      source: kep(3015),
    },
    {
      definition: 'io.k8s.api.autoscaling.v2.HPAScalingRules',
      field: 'tolerance',
      schema: quantity,
      release: 'v1.33',
      stageInV134: 'alpha',
      source: kep(4951),
    },
    {
      definition: 'io.k8s.api.apps.v1.DeploymentStatus',
      field: 'terminatingReplicas',
      schema: i32,
      release: 'v1.33',
      stageInV134: 'alpha',
      source: kep(3973),
    },
    {
      definition: 'io.k8s.api.apps.v1.ReplicaSetStatus',
      field: 'terminatingReplicas',
      schema: i32,
      release: 'v1.33',
      stageInV134: 'alpha',
      source: kep(3973),
    },
    {
      definition: 'io.k8s.api.storage.v1.CSIDriverSpec',
      field: 'nodeAllocatableUpdatePeriodSeconds',
      schema: i64,
      release: 'v1.33',
      stageInV134: 'beta',
      source: kep(4876),
    },
    {
      definition: 'io.k8s.api.storage.v1.VolumeError',
      field: 'errorCode',
      schema: i32,
      release: 'v1.33',
      stageInV134: 'beta',
      source: 'kubernetes/kubernetes#130007',
    },
    // v1.34
    {
      definition: core + 'Container',
      field: 'restartPolicyRules',
      schema: atomicList(coreRef('ContainerRestartRule')),
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(5307),
    },
    {
      definition: core + 'EphemeralContainer',
      field: 'restartPolicyRules',
      schema: atomicList(coreRef('ContainerRestartRule')),
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(5307),
    },
    {
      definition: core + 'PodSpec',
      field: 'hostnameOverride',
      schema: str,
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(4762),
    },
    {
      definition: core + 'EnvVarSource',
      field: 'fileKeyRef',
      schema: coreRef('FileKeySelector'),
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(3721),
    },
    {
      definition: core + 'VolumeProjection',
      field: 'podCertificate',
      schema: coreRef('PodCertificateProjection'),
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(4317),
    },
    {
      definition: core + 'PodStatus',
      field: 'extendedResourceClaimStatus',
      schema: coreRef('PodExtendedResourceClaimStatus'),
      release: 'v1.34',
      stageInV134: 'alpha',
      source: kep(5004),
    },
  ],

  replacements: [
    {
      definition: core + 'PersistentVolumeClaimSpec',
      field: 'resources',
      schema: coreRef('VolumeResourceRequirements'),
      release: 'v1.29',
      stageInV134: 'GA',
      source: 'kubernetes/kubernetes#118653',
    },
  ],

  removals: [
    // The alpha ClaimSource indirection was flattened into PodResourceClaim.
    {
      definition: core + 'PodResourceClaim',
      field: 'source',
      release: 'v1.31',
      stageInV134: 'beta',
      source: kep(4381),
    },
  ],

  requiredRemovals: [
    {
      definition: 'io.k8s.api.batch.v1.PodFailurePolicyRule',
      field: 'onPodConditions',
      release: 'v1.31',
      stageInV134: 'GA',
      source: kep(3329),
    },
  ],
};
