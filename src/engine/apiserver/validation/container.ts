/**
 * What every container kind shares (core/validation validateContainerCommon): name, image,
 * termination message policy, ports, env, volume mounts and devices, pull policy, resources,
 * resize policy and security context.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { isValidPortName, isValidPortNum } from '../../validation/names.ts';
import { child, index, isObj, num, objArr, str } from './access.ts';
import { duplicate, forbidden, invalid, notFound, notSupported, required } from './errors.ts';
import { validateDNS1123Label } from './core-names.ts';
import { validateLocalDescendingPath, validatePathNoBacksteps } from './downward-api.ts';
import { validateEnv, validateEnvFrom } from './env.ts';
import { validateContainerResourceName, validateResourceRequirements } from './resources.ts';
import { validateSecurityContext } from './security-context.ts';
import { named } from './values.ts';
import type { VolumeMap } from './volumes.ts';

type Obj = Record<string, unknown>;

export interface ContainerContext {
  volumes: VolumeMap;
  podClaimNames: ReadonlySet<string>;
  podRestartPolicy: string;
  hostUsers: boolean;
}

export const supportedProtocols = ['SCTP', 'TCP', 'UDP'];
const pullPolicies = ['Always', 'IfNotPresent', 'Never'];

function validateContainerPorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  objArr(ports).forEach((port, i) => {
    const idxPath = index(path, i);
    const name = str(port.name);
    if (name !== '') {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) for (const msg of msgs) errs.push(invalid(child(idxPath, 'name'), name, msg));
      else if (names.has(name)) errs.push(duplicate(child(idxPath, 'name'), name));
      else names.add(name);
    }
    const containerPort = num(port.containerPort);
    if (containerPort === 0) errs.push(required(child(idxPath, 'containerPort')));
    else
      for (const msg of isValidPortNum(containerPort))
        errs.push(invalid(child(idxPath, 'containerPort'), containerPort, msg));
    const hostPort = num(port.hostPort);
    if (hostPort !== 0)
      for (const msg of isValidPortNum(hostPort))
        errs.push(invalid(child(idxPath, 'hostPort'), hostPort, msg));
    const protocol = str(port.protocol);
    if (protocol === '') errs.push(required(child(idxPath, 'protocol')));
    else if (!supportedProtocols.includes(protocol)) {
      errs.push(notSupported(child(idxPath, 'protocol'), named(protocol), supportedProtocols));
    }
  });
  return errs;
}

function mountMap(list: unknown, valueField: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of objArr(list)) out.set(str(item.name), str(item[valueField]));
  return out;
}

function validateVolumeMounts(
  container: Obj,
  volumes: VolumeMap,
  devices: Map<string, string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  const privileged = isObj(container.securityContext) && container.securityContext.privileged === true;
  const devicePaths = new Set(devices.values());
  objArr(container.volumeMounts).forEach((mount, i) => {
    const idxPath = index(path, i);
    const name = str(mount.name);
    const mountPath = str(mount.mountPath);
    if (name === '') errs.push(required(child(idxPath, 'name')));
    if (!volumes.has(name)) errs.push(notFound(child(idxPath, 'name'), name));
    if (mountPath === '') errs.push(required(child(idxPath, 'mountPath')));
    if (mountPoints.has(mountPath))
      errs.push(invalid(child(idxPath, 'mountPath'), mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    if (devices.has(name))
      errs.push(invalid(child(idxPath, 'name'), name, 'must not already exist in volumeDevices'));
    if (devicePaths.has(mountPath)) {
      errs.push(
        invalid(child(idxPath, 'mountPath'), mountPath, 'must not already exist as a path in volumeDevices'),
      );
    }
    const subPath = str(mount.subPath);
    const subPathExpr = str(mount.subPathExpr);
    if (isObj(volumes.get(name)?.image)) {
      if (subPath !== '')
        errs.push(invalid(child(idxPath, 'subPath'), subPath, 'not allowed in image volume sources'));
      if (subPathExpr !== '')
        errs.push(invalid(child(idxPath, 'subPathExpr'), subPathExpr, 'not allowed in image volume sources'));
    }
    // Go reports subPath problems under the list path, not the item's.
    if (subPath !== '') errs.push(...validateLocalDescendingPath(subPath, child(path, 'subPath')));
    if (subPathExpr !== '') {
      if (subPath !== '') {
        errs.push(
          invalid(
            child(idxPath, 'subPathExpr'),
            subPathExpr,
            'subPathExpr and subPath are mutually exclusive',
          ),
        );
      }
      errs.push(...validateLocalDescendingPath(subPathExpr, child(path, 'subPathExpr')));
    }
    const propagation = mount.mountPropagation;
    const propagationPath = child(path, 'mountPropagation');
    if (typeof propagation === 'string') {
      const supported = ['Bidirectional', 'HostToContainer', 'None'];
      if (!supported.includes(propagation))
        errs.push(notSupported(propagationPath, named(propagation), supported));
      if (propagation === 'Bidirectional' && !privileged) {
        errs.push(
          forbidden(
            propagationPath,
            'Bidirectional mount propagation is available only to privileged containers',
          ),
        );
      }
    }
    const rro = mount.recursiveReadOnly;
    const rroPath = child(path, 'recursiveReadOnly');
    if (typeof rro === 'string' && rro !== 'Disabled') {
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (mount.readOnly !== true)
          errs.push(forbidden(rroPath, 'may only be specified when readOnly is true'));
        if (typeof propagation === 'string' && propagation !== 'None') {
          errs.push(
            forbidden(rroPath, 'may only be specified when mountPropagation is None or not specified'),
          );
        }
      } else errs.push(notSupported(rroPath, named(rro), ['Disabled', 'Enabled', 'IfPossible']));
    }
  });
  return errs;
}

function validateVolumeDevices(
  container: Obj,
  volumes: VolumeMap,
  mounts: Map<string, string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const devicePaths = new Set<string>();
  const deviceNames = new Set<string>();
  const mountPaths = new Set(mounts.values());
  objArr(container.volumeDevices).forEach((device, i) => {
    const idxPath = index(path, i);
    const name = str(device.name);
    const devicePath = str(device.devicePath);
    const source = volumes.get(name);
    const isPVC = !!source && (isObj(source.persistentVolumeClaim) || isObj(source.ephemeral));
    if (name === '') errs.push(required(child(idxPath, 'name')));
    if (deviceNames.has(name)) errs.push(invalid(child(idxPath, 'name'), name, 'must be unique'));
    if (source && !isPVC) {
      errs.push(
        invalid(
          child(idxPath, 'name'),
          name,
          'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
        ),
      );
    }
    if (!source) errs.push(notFound(child(idxPath, 'name'), name));
    if (devicePath === '') errs.push(required(child(idxPath, 'devicePath')));
    if (devicePaths.has(devicePath))
      errs.push(invalid(child(idxPath, 'devicePath'), devicePath, 'must be unique'));
    if (devicePath !== '' && validatePathNoBacksteps(devicePath, '').length > 0) {
      errs.push(invalid(child(idxPath, 'devicePath'), devicePath, "can not contain backsteps ('..')"));
    } else devicePaths.add(devicePath);
    if (mounts.has(name))
      errs.push(invalid(child(idxPath, 'name'), name, 'must not already exist in volumeMounts'));
    if (mountPaths.has(devicePath)) {
      errs.push(
        invalid(child(idxPath, 'devicePath'), devicePath, 'must not already exist as a path in volumeMounts'),
      );
    }
    if (name !== '') deviceNames.add(name);
  });
  return errs;
}

function validatePullPolicy(policy: string, path: string): FieldError[] {
  if (pullPolicies.includes(policy)) return [];
  if (policy === '') return [required(path)];
  return [notSupported(path, named(policy), pullPolicies)];
}

function validateResizePolicy(list: unknown, path: string, podRestartPolicy: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  objArr(list).forEach((policy, i) => {
    const resource = str(policy.resourceName);
    const restart = str(policy.restartPolicy);
    if (seen.has(resource)) errs.push(duplicate(index(path, i), named(resource)));
    seen.add(resource);
    if (resource === '') errs.push(required(path));
    else if (resource !== 'cpu' && resource !== 'memory')
      errs.push(notSupported(path, named(resource), ['cpu', 'memory']));
    if (restart === '') errs.push(required(path));
    else if (restart !== 'NotRequired' && restart !== 'RestartContainer') {
      errs.push(notSupported(path, named(restart), ['NotRequired', 'RestartContainer']));
    }
    if (podRestartPolicy === 'Never' && restart !== 'NotRequired') {
      errs.push(invalid(path, named(restart), "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    }
  });
  return errs;
}

export function validateContainerCommon(container: Obj, ctx: ContainerContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(container.name);
  const namePath = child(path, 'name');
  if (name === '') errs.push(required(namePath));
  else errs.push(...validateDNS1123Label(name, namePath));
  if (str(container.image) === '') errs.push(required(child(path, 'image')));
  const tmp = str(container.terminationMessagePolicy);
  if (tmp === '') errs.push(required(child(path, 'terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(
      notSupported(child(path, 'terminationMessagePolicy'), named(tmp), ['File', 'FallbackToLogsOnError']),
    );
  }
  const mounts = mountMap(container.volumeMounts, 'mountPath');
  const devices = mountMap(container.volumeDevices, 'devicePath');
  errs.push(...validateContainerPorts(container.ports, child(path, 'ports')));
  errs.push(...validateEnv(container.env, child(path, 'env')));
  errs.push(...validateEnvFrom(container.envFrom, child(path, 'envFrom')));
  errs.push(...validateVolumeMounts(container, ctx.volumes, devices, child(path, 'volumeMounts')));
  errs.push(...validateVolumeDevices(container, ctx.volumes, mounts, child(path, 'volumeDevices')));
  errs.push(...validatePullPolicy(str(container.imagePullPolicy), child(path, 'imagePullPolicy')));
  errs.push(
    ...validateResourceRequirements(
      container.resources,
      validateContainerResourceName,
      ctx.podClaimNames,
      child(path, 'resources'),
    ),
  );
  errs.push(
    ...validateResizePolicy(container.resizePolicy, child(path, 'resizePolicy'), ctx.podRestartPolicy),
  );
  errs.push(
    ...validateSecurityContext(container.securityContext, child(path, 'securityContext'), ctx.hostUsers),
  );
  return errs;
}

/** validateContainerOnlyForPod: pods (not templates) may not pad the image with spaces. */
export function validateContainerOnlyForPod(container: Obj, path: string): FieldError[] {
  const image = str(container.image);
  return image.trim() !== image
    ? [invalid(child(path, 'image'), image, 'must not have leading or trailing whitespace')]
    : [];
}

/** AccumulateUniqueHostPorts over a list of containers. */
export function checkHostPortConflicts(
  containers: Obj[],
  path: string,
  seen = new Set<string>(),
): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((container, ci) => {
    objArr(container.ports).forEach((port, pi) => {
      const hostPort = num(port.hostPort);
      if (hostPort === 0) return;
      const key = `${str(port.protocol)}/${str(port.hostIP)}/${hostPort}`;
      if (seen.has(key))
        errs.push(duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}
