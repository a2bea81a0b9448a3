/**
 * batch/v1 CronJobs: the robfig/cron schedule, the time zone, the job template (whose
 * selector is always generated) and the 52-character name limit.
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { isObj, objOr, str } from './access.ts';
import { invalid, notSupported, required, validateNonnegative } from './errors.ts';
import { validateJobSpecBody } from './batch.ts';
import { cronScheduleError } from './cron.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { selectorValue } from './selector.ts';
import { named } from './values.ts';

type Obj = Record<string, unknown>;

const validTimeZonePart = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateTimeZone(timeZone: unknown, path: string): FieldError[] {
  if (typeof timeZone !== 'string') return [];
  if (timeZone === '') return [invalid(path, timeZone, 'timeZone must be nil or non-empty string')];
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !validTimeZonePart.test(part)) {
      return [invalid(path, timeZone, `unknown time zone ${timeZone}`)];
    }
  }
  if (timeZone.toLowerCase() === 'local') {
    return [
      invalid(
        path,
        timeZone,
        'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ),
    ];
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return [invalid(path, timeZone, `unknown time zone ${timeZone}`)];
  }
  return [];
}

function validateCronJobSpec(s: Obj, old: Obj | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = str(s.schedule);
  if (schedule === '') errs.push(required('spec.schedule'));
  else {
    const error = cronScheduleError(schedule);
    if (error !== undefined) errs.push(invalid('spec.schedule', schedule, error));
    const allowTZ = old !== undefined && str(old.schedule).includes('TZ');
    if (allowTZ && schedule.includes('TZ') && typeof s.timeZone === 'string') {
      errs.push(
        invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'),
      );
    } else if (!allowTZ && schedule.includes('TZ')) {
      errs.push(
        invalid(
          'spec.schedule',
          schedule,
          'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        ),
      );
    }
  }
  if (typeof s.startingDeadlineSeconds === 'number')
    errs.push(...validateNonnegative(s.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (old === undefined || old.timeZone !== s.timeZone)
    errs.push(...validateTimeZone(s.timeZone, 'spec.timeZone'));
  const policy = str(s.concurrencyPolicy);
  if (policy === '') errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) {
    errs.push(notSupported('spec.concurrencyPolicy', named(policy), ['Allow', 'Forbid', 'Replace']));
  }
  const jobSpec = objOr(objOr(s.jobTemplate).spec);
  errs.push(...validateJobSpecBody(jobSpec, 'spec.jobTemplate.spec'));
  if (isObj(jobSpec.selector)) {
    errs.push(
      invalid(
        'spec.jobTemplate.spec.selector',
        selectorValue(jobSpec.selector),
        '`selector` will be auto-generated',
      ),
    );
  }
  if (jobSpec.manualSelector === true)
    errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (typeof s[f] === 'number') errs.push(...validateNonnegative(s[f] as number, `spec.${f}`));
  }
  return errs;
}

export function validateCronJob(cj: KubeObject): FieldError[] {
  const errs = validateMeta(cj.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateCronJobSpec(objOr(cj.spec), undefined));
  if ((cj.metadata.name ?? '').length > 52)
    errs.push(invalid('metadata.name', cj.metadata.name ?? '', 'must be no more than 52 characters'));
  return errs;
}

export function validateCronJobUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateMetaUpdate(next.metadata, old.metadata),
    ...validateCronJobSpec(objOr(next.spec), objOr(old.spec)),
  ];
}

export function validateCronJobStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return validateMetaUpdate(next.metadata, old.metadata);
}
