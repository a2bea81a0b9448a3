/**
 * Container and pod security contexts (core/validation ValidateSecurityContext,
 * validatePodSpecSecurityContext), seccomp and AppArmor profiles, sysctls.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { boolOpt, child, index, isObj, objArr, str, strArr } from './access.ts';
import { duplicate, forbidden, invalid, notSupported, required, tooLong } from './errors.ts';
import { validateLocalDescendingPath } from './downward-api.ts';
import { isValidGroupID, isValidUserID } from './names-extra.ts';
import { goStruct, named } from './values.ts';

type Obj = Record<string, unknown>;

export function validateSeccompProfile(profile: unknown, path: string): FieldError[] {
  if (!isObj(profile)) return [];
  const errs: FieldError[] = [];
  const type = str(profile.type);
  const types = ['Localhost', 'RuntimeDefault', 'Unconfined'];
  if (type === '') errs.push(required(child(path, 'type'), 'type is required when seccompProfile is set'));
  else if (!types.includes(type)) errs.push(notSupported(child(path, 'type'), named(type), types));
  const localhost = profile.localhostProfile;
  if (type === 'Localhost') {
    if (typeof localhost !== 'string') {
      errs.push(required(child(path, 'localhostProfile'), 'must be set when seccomp type is Localhost'));
    } else errs.push(...validateLocalDescendingPath(localhost, child(path, 'localhostProfile')));
  } else if (typeof localhost === 'string') {
    errs.push(
      invalid(child(path, 'localhostProfile'), profile, 'can only be set when seccomp type is Localhost'),
    );
  }
  return errs;
}

export function validateAppArmorProfile(profile: unknown, path: string): FieldError[] {
  if (!isObj(profile)) return [];
  const errs: FieldError[] = [];
  const type = str(profile.type);
  const localhost = profile.localhostProfile;
  switch (type) {
    case 'Localhost':
      if (typeof localhost !== 'string') {
        errs.push(required(child(path, 'localhostProfile'), 'must be set when AppArmor type is Localhost'));
      } else {
        if (localhost.trim() !== localhost) {
          errs.push(
            invalid(child(path, 'localhostProfile'), localhost, 'must not be padded with whitespace'),
          );
        } else if (localhost === '') {
          errs.push(required(child(path, 'localhostProfile'), 'must be set when AppArmor type is Localhost'));
        }
        if (localhost.length > 4095) errs.push(tooLong(child(path, 'localhostProfile'), 4095));
      }
      break;
    case 'RuntimeDefault':
    case 'Unconfined':
      if (typeof localhost === 'string') {
        errs.push(
          invalid(
            child(path, 'localhostProfile'),
            localhost,
            'can only be set when AppArmor type is Localhost',
          ),
        );
      }
      break;
    case '':
      errs.push(required(child(path, 'type'), 'type is required when appArmorProfile is set'));
      break;
    default:
      errs.push(
        notSupported(child(path, 'type'), named(type), ['Localhost', 'RuntimeDefault', 'Unconfined']),
      );
  }
  return errs;
}

function idErrors(value: unknown, path: string, check: (n: number) => string[]): FieldError[] {
  return typeof value === 'number' ? check(value).map((msg) => invalid(path, value, msg)) : [];
}

/** The internal SecurityContext as Go renders it when the whole struct is the bad value. */
function securityContextValue(sc: Obj): unknown {
  const field = (name: string) => (sc[name] === undefined ? null : sc[name]);
  return goStruct(
    ['Capabilities', field('capabilities')],
    ['Privileged', field('privileged')],
    ['SELinuxOptions', field('seLinuxOptions')],
    ['WindowsOptions', field('windowsOptions')],
    ['RunAsUser', field('runAsUser')],
    ['RunAsGroup', field('runAsGroup')],
    ['RunAsNonRoot', field('runAsNonRoot')],
    ['ReadOnlyRootFilesystem', field('readOnlyRootFilesystem')],
    ['AllowPrivilegeEscalation', field('allowPrivilegeEscalation')],
    ['ProcMount', field('procMount')],
    ['SeccompProfile', field('seccompProfile')],
    ['AppArmorProfile', field('appArmorProfile')],
  );
}

/** ValidateSecurityContext for one container. Privileged containers are allowed, as on kubeadm clusters. */
export function validateSecurityContext(
  securityContext: unknown,
  path: string,
  hostUsers: boolean,
): FieldError[] {
  if (!isObj(securityContext)) return [];
  const sc = securityContext;
  const errs: FieldError[] = [];
  errs.push(...idErrors(sc.runAsUser, child(path, 'runAsUser'), isValidUserID));
  errs.push(...idErrors(sc.runAsGroup, child(path, 'runAsGroup'), isValidGroupID));
  if (typeof sc.procMount === 'string') {
    if (sc.procMount !== 'Default' && sc.procMount !== 'Unmasked') {
      errs.push(notSupported(child(path, 'procMount'), named(sc.procMount), ['Default', 'Unmasked']));
    }
    if (hostUsers && sc.procMount === 'Unmasked') {
      errs.push(
        invalid(child(path, 'procMount'), named(sc.procMount), '`hostUsers` must be false to use `Unmasked`'),
      );
    }
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, child(path, 'seccompProfile')));
  if (boolOpt(sc.allowPrivilegeEscalation) === false) {
    if (sc.privileged === true) {
      errs.push(
        invalid(
          path,
          securityContextValue(sc),
          'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
        ),
      );
    }
    const caps = isObj(sc.capabilities) ? strArr(sc.capabilities.add) : [];
    for (const cap of caps) {
      if (cap === 'CAP_SYS_ADMIN') {
        errs.push(
          invalid(
            path,
            securityContextValue(sc),
            'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
          ),
        );
      }
    }
  }
  errs.push(...validateAppArmorProfile(sc.appArmorProfile, child(path, 'appArmorProfile')));
  return errs;
}

const sysctlRegexp = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
const sysctlRegexpText = '^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$';

function sysctlNamespace(name: string): 'net' | 'ipc' | undefined {
  const n = name.replace(/\//g, '.');
  if (n.startsWith('net.')) return 'net';
  if (
    n.startsWith('kernel.shm') ||
    n.startsWith('kernel.msg') ||
    n === 'kernel.sem' ||
    n.startsWith('fs.mqueue.')
  )
    return 'ipc';
  return undefined;
}

/** validatePodSpecSecurityContext; `spec` gives hostNetwork/hostPID/hostIPC, which v1 keeps on the spec. */
export function validatePodSecurityContext(spec: Obj, path: string): FieldError[] {
  const sc = spec.securityContext;
  const errs: FieldError[] = [];
  const ctx: Obj = isObj(sc) ? sc : {};
  errs.push(...idErrors(ctx.fsGroup, child(path, 'fsGroup'), isValidGroupID));
  errs.push(...idErrors(ctx.runAsUser, child(path, 'runAsUser'), isValidUserID));
  errs.push(...idErrors(ctx.runAsGroup, child(path, 'runAsGroup'), isValidGroupID));
  (Array.isArray(ctx.supplementalGroups) ? ctx.supplementalGroups : []).forEach((gid, g) => {
    errs.push(...idErrors(gid, index(child(path, 'supplementalGroups'), g), isValidGroupID));
  });
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(
      invalid(
        child(path, 'shareProcessNamespace'),
        true,
        'ShareProcessNamespace and HostPID cannot both be enabled',
      ),
    );
  }
  const sysctls = objArr(ctx.sysctls);
  const seen = new Set<string>();
  sysctls.forEach((s, i) => {
    const name = str(s.name);
    const namePath = child(index(child(path, 'sysctls'), i), 'name');
    if (name === '') errs.push(required(namePath));
    else if (name.length > 253 || !sysctlRegexp.test(name)) {
      errs.push(
        invalid(namePath, name, `must have at most 253 characters and match regex ${sysctlRegexpText}`),
      );
    } else if (seen.has(name)) errs.push(duplicate(namePath, name));
    const ns = sysctlNamespace(name);
    if (spec.hostNetwork === true && ns === 'net')
      errs.push(invalid(namePath, name, "may not be specified when 'hostNetwork' is true"));
    else if (spec.hostIPC === true && ns === 'ipc')
      errs.push(invalid(namePath, name, "may not be specified when 'hostIPC' is true"));
    seen.add(name);
  });
  if (
    typeof ctx.fsGroupChangePolicy === 'string' &&
    !['Always', 'OnRootMismatch'].includes(ctx.fsGroupChangePolicy)
  ) {
    errs.push(
      notSupported(child(path, 'fsGroupChangePolicy'), named(ctx.fsGroupChangePolicy), [
        'Always',
        'OnRootMismatch',
      ]),
    );
  }
  errs.push(...validateSeccompProfile(ctx.seccompProfile, child(path, 'seccompProfile')));
  errs.push(...validateAppArmorProfile(ctx.appArmorProfile, child(path, 'appArmorProfile')));
  if (
    typeof ctx.supplementalGroupsPolicy === 'string' &&
    !['Merge', 'Strict'].includes(ctx.supplementalGroupsPolicy)
  ) {
    errs.push(
      notSupported(child(path, 'supplementalGroupsPolicy'), named(ctx.supplementalGroupsPolicy), [
        'Merge',
        'Strict',
      ]),
    );
  }
  if (
    typeof ctx.seLinuxChangePolicy === 'string' &&
    !['MountOption', 'Recursive'].includes(ctx.seLinuxChangePolicy)
  ) {
    errs.push(
      notSupported(child(path, 'seLinuxChangePolicy'), named(ctx.seLinuxChangePolicy), [
        'MountOption',
        'Recursive',
      ]),
    );
  }
  return errs;
}

/** validateHostUsers: user namespaces exclude the host namespaces. */
export function validateHostUsers(spec: Obj, path: string): FieldError[] {
  const sc = spec.securityContext;
  if (!isObj(sc) || sc.hostUsers !== false) return [];
  const errs: FieldError[] = [];
  if (spec.hostNetwork === true)
    errs.push(forbidden(child(path, 'hostNetwork'), 'when `pod.Spec.HostUsers` is false'));
  if (spec.hostPID === true)
    errs.push(forbidden(child(path, 'HostPID'), 'when `pod.Spec.HostUsers` is false'));
  if (spec.hostIPC === true)
    errs.push(forbidden(child(path, 'HostIPC'), 'when `pod.Spec.HostUsers` is false'));
  return errs;
}

export function hostUsersOf(spec: Obj): boolean {
  return !(isObj(spec.securityContext) && spec.securityContext.hostUsers === false);
}
