/**
 * Probes and lifecycle hooks (core/validation validateProbe, validateHandler,
 * validateLifecycle), including the port checks shared with Services.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from '../../validation/names.ts';
import { arr, child, isObj, num, objArr, str } from './access.ts';
import { forbidden, invalid, notSupported, required, validateNonnegative } from './errors.ts';
import { named } from './values.ts';

/** ValidatePortNumOrName for an IntOrString port. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((msg) => invalid(path, port, msg));
  if (typeof port === 'string') return isValidPortName(port).map((msg) => invalid(path, port, msg));
  // A missing IntOrString is the int 0.
  return isValidPortNum(0).map((msg) => invalid(path, 0, msg));
}

type Handler = Record<string, unknown>;

function validateHandler(
  handler: Handler,
  kinds: readonly string[],
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const action = handler[kind];
    if (!isObj(action)) continue;
    const actionPath = child(path, kind);
    if (count > 0) {
      errs.push(forbidden(actionPath, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    switch (kind) {
      case 'exec':
        if (arr(action.command).length === 0) errs.push(required(child(actionPath, 'command')));
        break;
      case 'httpGet': {
        if (str(action.path) === '') errs.push(required(child(actionPath, 'path')));
        errs.push(...validatePortNumOrName(action.port, child(actionPath, 'port')));
        const scheme = str(action.scheme);
        if (scheme !== 'HTTP' && scheme !== 'HTTPS') {
          errs.push(notSupported(child(actionPath, 'scheme'), named(scheme), ['HTTP', 'HTTPS']));
        }
        for (const header of objArr(action.httpHeaders)) {
          for (const msg of isHTTPHeaderName(str(header.name))) {
            errs.push(invalid(child(actionPath, 'httpHeaders'), str(header.name), msg));
          }
        }
        break;
      }
      case 'tcpSocket':
        errs.push(...validatePortNumOrName(action.port, child(actionPath, 'port')));
        break;
      case 'grpc':
        errs.push(
          ...isValidPortNum(num(action.port)).map((msg) =>
            invalid(child(actionPath, 'port'), num(action.port), msg),
          ),
        );
        break;
      case 'sleep': {
        const seconds = num(action.seconds);
        if (gracePeriod !== undefined && (seconds < 0 || seconds > gracePeriod)) {
          errs.push(
            invalid(
              actionPath,
              seconds,
              `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`,
            ),
          );
        }
        break;
      }
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

const probeHandlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const lifecycleHandlers = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function validateProbe(probe: Handler, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs = validateHandler(probe, probeHandlers, gracePeriod, path);
  for (const field of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    errs.push(...validateNonnegative(num(probe[field]), child(path, field)));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (typeof grace === 'number' && grace <= 0) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), grace, 'must be greater than 0'));
  }
  return errs;
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** validateLivenessProbe / validateReadinessProbe / validateStartupProbe. */
export function validateProbeOf(
  kind: ProbeKind,
  probe: unknown,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  if (!isObj(probe)) return [];
  const errs = validateProbe(probe, gracePeriod, path);
  if (kind === 'readinessProbe') {
    if (probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds !== null) {
      errs.push(
        invalid(
          child(path, 'terminationGracePeriodSeconds'),
          probe.terminationGracePeriodSeconds,
          'must not be set for readinessProbes',
        ),
      );
    }
  } else if (num(probe.successThreshold) !== 1) {
    errs.push(invalid(child(path, 'successThreshold'), num(probe.successThreshold), 'must be 1'));
  }
  return errs;
}

export function validateLifecycle(
  lifecycle: Record<string, unknown>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const handler = lifecycle[hook];
    if (isObj(handler))
      errs.push(...validateHandler(handler, lifecycleHandlers, gracePeriod, child(path, hook)));
  }
  return errs;
}
