/**
 * Container environment: `env` (ValidateEnv, validateEnvVarValueFrom) and `envFrom`
 * (ValidateEnvFrom). v1.34 has RelaxedEnvironmentVariableValidation on (GA), so names follow
 * IsRelaxedEnvVarName.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { isConfigMapKey, isRelaxedEnvVarName } from '../../validation/names.ts';
import { child, index, isObj, objArr, str } from './access.ts';
import { invalid, required } from './errors.ts';
import { envFieldPaths, validateObjectFieldSelector, validateResourceFieldSelector } from './downward-api.ts';

function validateKeySelector(selector: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(selector.name);
  for (const msg of nameIsDNSSubdomain(name, false)) errs.push(invalid(child(path, 'name'), name, msg));
  const key = str(selector.key);
  if (key === '') errs.push(required(child(path, 'key')));
  else for (const msg of isConfigMapKey(key)) errs.push(invalid(child(path, 'key'), key, msg));
  return errs;
}

function validateValueFrom(envVar: Record<string, unknown>, path: string): FieldError[] {
  const from = envVar.valueFrom;
  if (!isObj(from)) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (isObj(from.fieldRef)) {
    sources++;
    errs.push(...validateObjectFieldSelector(from.fieldRef, envFieldPaths, child(path, 'fieldRef')));
  }
  if (isObj(from.resourceFieldRef)) {
    sources++;
    errs.push(
      ...validateResourceFieldSelector(from.resourceFieldRef, child(path, 'resourceFieldRef'), false),
    );
  }
  if (isObj(from.configMapKeyRef)) {
    sources++;
    errs.push(...validateKeySelector(from.configMapKeyRef, child(path, 'configMapKeyRef')));
  }
  if (isObj(from.secretKeyRef)) {
    sources++;
    errs.push(...validateKeySelector(from.secretKeyRef, child(path, 'secretKeyRef')));
  }
  if (sources === 0) {
    errs.push(
      invalid(
        path,
        '',
        'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ),
    );
  } else if (str(envVar.value) !== '') {
    errs.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

export function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  objArr(env).forEach((envVar, i) => {
    const idxPath = index(path, i);
    const name = str(envVar.name);
    if (name === '') errs.push(required(child(idxPath, 'name')));
    else for (const msg of isRelaxedEnvVarName(name)) errs.push(invalid(child(idxPath, 'name'), name, msg));
    errs.push(...validateValueFrom(envVar, child(idxPath, 'valueFrom')));
  });
  return errs;
}

function validateEnvSourceName(source: Record<string, unknown>, path: string): FieldError[] {
  const name = str(source.name);
  if (name === '') return [required(child(path, 'name'))];
  return nameIsDNSSubdomain(name, true).map((msg) => invalid(child(path, 'name'), name, msg));
}

export function validateEnvFrom(envFrom: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  objArr(envFrom).forEach((source, i) => {
    const idxPath = index(path, i);
    const prefix = str(source.prefix);
    if (prefix !== '')
      for (const msg of isRelaxedEnvVarName(prefix))
        errs.push(invalid(child(idxPath, 'prefix'), prefix, msg));
    let sources = 0;
    if (isObj(source.configMapRef)) {
      sources++;
      errs.push(...validateEnvSourceName(source.configMapRef, child(idxPath, 'configMapRef')));
    }
    if (isObj(source.secretRef)) {
      sources++;
      errs.push(...validateEnvSourceName(source.secretRef, child(idxPath, 'secretRef')));
    }
    if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1)
      errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}
