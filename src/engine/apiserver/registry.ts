/**
 * The generic registry: create, read, update, patch and delete of any built-in resource,
 * running each write through Kubernetes' pipeline (decode → convert → default → admit →
 * validate → persist) and enforcing optimistic concurrency, generation, finalizers and
 * graceful deletion. It is the only code that writes to the store.
 */
import type { FieldError } from '../api/field-errors.ts';
import type { ResourceInfo } from '../api/resources.ts';
import { builtinResources, findKind } from '../api/resources.ts';
import {
  apiVersionOf,
  parseApiVersion,
  type JsonObject,
  type KubeObject,
  type ObjectMeta,
} from '../api/types.ts';
import type { MvccStore } from '../store/mvcc-store.ts';
import { objectKey } from '../store/keys.ts';
import { formatTimestamp } from '../time/clock.ts';
import { conflictMessage, serverSideApply } from '../patch/apply/server-side-apply.ts';
import type { Rng } from '../time/rng.ts';
import { generateName, newUid, randomSuffix } from './identity.ts';
import {
  isAdmissionFailure,
  type AdmissionContext,
  type AdmissionFailure,
  type AdmissionLookup,
  type AdmissionOperation,
  type ObjectPipeline,
} from './pipeline.ts';
import { PatchError, type Patcher, type PatchType } from './ports.ts';
import { statusErrors, successStatus, type QualifiedResource, type Status } from './status.ts';
import {
  defaultGracePeriodSeconds,
  isGracefullyDeleted,
  prepareForCreate,
  prepareForStatusUpdate,
  prepareForUpdate,
  sameJson,
} from './strategy.ts';
import { allocateServiceAddresses, type ServiceAllocator } from './service-allocator.ts';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteOptions {
  readonly dryRun: boolean;
  readonly fieldValidation: FieldValidation;
  readonly fieldManager: string | undefined;
  /** Server-side apply's `force`: take over fields other managers own. */
  readonly force?: boolean;
}

export interface DeleteOptions {
  readonly propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  readonly gracePeriodSeconds?: number;
  readonly preconditions?: { uid?: string; resourceVersion?: string };
  readonly dryRun: boolean;
}

/** A successful write, with any warnings the server attaches (`Warning:` lines in kubectl). */
export interface WriteResult {
  readonly object: KubeObject;
  readonly warnings: readonly string[];
  /** False when an update changed nothing, so nothing was written (etcd's no-op guard). */
  readonly written: boolean;
}

export type Outcome<T> = T | Status;

export function isFailure<T>(value: Outcome<T>): value is Status {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'Status' &&
    (value as { status?: unknown }).status === 'Failure'
  );
}

export interface RegistryDeps {
  readonly store: MvccStore;
  readonly pipeline: ObjectPipeline;
  readonly patcher: Patcher;
  readonly rng: Rng;
  readonly now: () => number;
  readonly services: ServiceAllocator;
}

const MAX_NAME_GENERATION_ATTEMPTS = 8;

export class Registry {
  readonly #deps: RegistryDeps;
  readonly lookup: AdmissionLookup;

  constructor(deps: RegistryDeps) {
    this.#deps = deps;
    this.lookup = {
      get: (group, resource, namespace, name) => {
        const info = storageInfo(group, resource);
        return (
          info &&
          deps.store.get(objectKey(group, resource, info.namespaced ? namespace : undefined, name))?.object
        );
      },
      list: (group, resource, namespace) => deps.store.list(collectionKey(group, resource, namespace)).items,
    };
  }

  key(r: ResourceInfo, namespace: string | undefined, name: string): string {
    return objectKey(r.group, r.plural, r.namespaced ? namespace : undefined, name);
  }

  get(r: ResourceInfo, namespace: string | undefined, name: string): Outcome<KubeObject> {
    const stored = this.#deps.store.get(this.key(r, namespace, name));
    if (!stored) return statusErrors.notFound(gr(r), name);
    return this.#toRequestVersion(stored.object, r);
  }

  list(r: ResourceInfo, namespace: string | undefined): { items: KubeObject[]; revision: number } {
    const { items, revision } = this.#deps.store.list(
      collectionKey(r.group, r.plural, r.namespaced ? namespace : undefined),
    );
    return { items: items.map((o) => this.#toRequestVersion(o, r)), revision };
  }

  toRequestVersion(object: KubeObject, r: ResourceInfo): KubeObject {
    return this.#toRequestVersion(object, r);
  }

  create(
    r: ResourceInfo,
    namespace: string | undefined,
    body: unknown,
    options: WriteOptions,
  ): Outcome<WriteResult> {
    const decoded = this.#decode(r, body, namespace, undefined, options);
    if (isFailure(decoded)) return decoded;
    let object = decoded.object;
    const warnings = decoded.warnings;

    if (!object.metadata.name && !object.metadata.generateName) {
      return statusErrors.invalid(r.group, r.kind, '', [
        { type: 'FieldValueRequired', field: 'metadata.name', detail: 'name or generateName is required' },
      ]);
    }
    const prepared = this.#prepareNew(r, object, namespace);
    if (isFailure(prepared)) return prepared;
    object = prepared;

    const generate = !object.metadata.name && object.metadata.generateName;
    for (let attempt = 0; ; attempt++) {
      const candidate: KubeObject = generate
        ? {
            ...object,
            metadata: {
              ...object.metadata,
              name: generateName(this.#deps.rng, object.metadata.generateName!),
            },
          }
        : object;
      const errors = this.#deps.pipeline.validateCreate(candidate);
      if (errors.length) return this.#invalid(r, candidate, errors);
      const refused = this.#validateAdmission(r, candidate, 'CREATE', undefined);
      if (refused) return refused;
      const final =
        r.plural === 'services' && r.group === ''
          ? allocateServiceAddresses(this.#deps.services, candidate)
          : candidate;
      if (isFailure(final)) return final;
      if (options.dryRun) return { object: this.#toRequestVersion(final, r), warnings, written: false };
      const result = this.#deps.store.create(
        this.key(r, final.metadata.namespace, final.metadata.name!),
        final,
      );
      if (result.ok) return { object: this.#toRequestVersion(result.object, r), warnings, written: true };
      if (!generate || attempt + 1 >= MAX_NAME_GENERATION_ATTEMPTS) {
        if (r.plural === 'services') this.#deps.services.release(final);
        return statusErrors.alreadyExists(gr(r), final.metadata.name!);
      }
    }
  }

  /** PUT: replace the object (or its status, with `subresource: 'status'`). */
  update(
    r: ResourceInfo,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions,
    subresource?: string,
  ): Outcome<WriteResult> {
    const stored = this.#deps.store.get(this.key(r, namespace, name));
    if (!stored) return statusErrors.notFound(gr(r), name);
    const decoded = this.#decode(r, body, namespace, name, options);
    if (isFailure(decoded)) return decoded;
    const incoming = decoded.object;
    const expected = incoming.metadata.resourceVersion;
    if (expected !== undefined && expected !== '' && expected !== stored.object.metadata.resourceVersion) {
      return statusErrors.staleConflict(gr(r), name);
    }
    const result = this.#replace(r, stored.object, incoming, options, subresource);
    if (isFailure(result)) return result;
    return { ...result, warnings: [...decoded.warnings, ...result.warnings] };
  }

  /** Applies a patch to a document that is not stored itself (a subresource's view). */
  /**
   * What a server-side apply makes of the object (`live` undefined when it creates it): the
   * merged object with its managedFields, or the 409 for fields other managers own.
   */
  applied(
    r: ResourceInfo,
    live: KubeObject | undefined,
    configuration: unknown,
    options: WriteOptions,
  ): Outcome<KubeObject> {
    if (typeof configuration !== 'object' || configuration === null || Array.isArray(configuration)) {
      return statusErrors.badRequest('error decoding YAML: the applied configuration must be an object');
    }
    const outcome = serverSideApply({
      live: live as unknown as JsonObject | undefined,
      applied: configuration as JsonObject,
      meta: this.#deps.patcher.patchMetaFor({ group: r.group, version: r.version, kind: r.kind }),
      manager: options.fieldManager ?? '',
      force: options.force ?? false,
      now: formatTimestamp(this.#deps.now()),
      apiVersion: apiVersionOf(r.group, r.version),
    });
    if ('conflicts' in outcome)
      return statusErrors.applyConflict(outcome.conflicts, conflictMessage(outcome.conflicts));
    return outcome.object as unknown as KubeObject;
  }

  applyPatch(type: PatchType, document: KubeObject, patch: unknown): unknown | PatchError {
    return this.#deps.patcher.apply(type, document, patch, undefined);
  }

  patch(
    r: ResourceInfo,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    options: WriteOptions,
    subresource?: string,
  ): Outcome<WriteResult> {
    const stored = this.#deps.store.get(this.key(r, namespace, name));
    if (!stored) return statusErrors.notFound(gr(r), name);
    const current = this.#toRequestVersion(stored.object, r);
    const meta = this.#deps.patcher.patchMetaFor({ group: r.group, version: r.version, kind: r.kind });
    const patched =
      type === 'apply'
        ? this.applied(r, current, patch, options)
        : this.#deps.patcher.apply(type, current, patch, meta);
    if (isFailure(patched as Outcome<unknown>)) return patched as Status;
    if (patched instanceof PatchError) {
      return {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: patched.message,
        ...(patched.reason ? { reason: patched.reason } : {}),
        code: patched.code,
      } as Status;
    }
    if (typeof patched !== 'object' || patched === null || Array.isArray(patched)) {
      return patchInvalid('patch result is not an object', 422);
    }
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    const decoded = this.#deps.pipeline.decode(gvk, patched as KubeObject);
    if (decoded.fatal) return statusErrors.badRequest(decoded.fatal);
    if (decoded.strictErrors.length && options.fieldValidation === 'Strict') {
      // A patch that introduces unknown fields is reported against the whole patched object.
      const detail = `strict decoding error: ${decoded.strictErrors.join(', ')}`;
      return statusErrors.invalid('', '', '', [
        { type: 'FieldValueInvalid', field: 'patch', badValue: JSON.stringify(patched), detail },
      ]);
    }
    const warnings = options.fieldValidation === 'Warn' ? [...decoded.strictErrors] : [];
    const incoming = decoded.object;
    const expected = incoming.metadata?.resourceVersion;
    if (expected && expected !== stored.object.metadata.resourceVersion)
      return statusErrors.staleConflict(gr(r), name);
    const result = this.#replace(r, stored.object, incoming, options, subresource);
    if (isFailure(result)) return result;
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }

  /**
   * pods/binding: the scheduler's write. It sets spec.nodeName and the PodScheduled
   * condition directly in storage (as the pod registry's assignPod does), so it is allowed
   * although spec is otherwise immutable, and refused once a pod has a node.
   */
  bind(
    r: ResourceInfo,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions,
  ): Outcome<WriteResult> {
    const key = this.key(r, namespace, name);
    const stored = this.#deps.store.get(key);
    if (!stored) return statusErrors.notFound(gr(r), name);
    const binding = body as
      { target?: { name?: string }; metadata?: { annotations?: Record<string, string> } } | undefined;
    const node = binding?.target?.name;
    if (!node) {
      return statusErrors.invalid('', 'Binding', name, [
        { type: 'FieldValueRequired', field: 'target.name' },
      ]);
    }
    const pod = stored.object;
    const bindingResource = { group: '', resource: 'pods/binding' };
    if (pod.metadata.deletionTimestamp) {
      return statusErrors.conflict(
        bindingResource,
        name,
        `pod ${name} is being deleted, cannot be assigned to a host`,
      );
    }
    const spec = (pod.spec ?? {}) as { nodeName?: string };
    if (spec.nodeName) {
      return statusErrors.conflict(
        bindingResource,
        name,
        `pod ${name} is already assigned to node "${spec.nodeName}"`,
      );
    }
    const status = (pod.status ?? {}) as { conditions?: { type: string }[] };
    const scheduled = {
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: formatTimestamp(this.#deps.now()),
    };
    const conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), scheduled];
    const annotations = { ...(pod.metadata.annotations ?? {}), ...(binding?.metadata?.annotations ?? {}) };
    const next: KubeObject = {
      ...pod,
      metadata: { ...pod.metadata, ...(Object.keys(annotations).length ? { annotations } : {}) },
      spec: { ...spec, nodeName: node },
      status: { ...status, conditions },
    };
    if (options.dryRun) return { object: next, warnings: [], written: false };
    const written = this.#deps.store.update(key, next, stored.modRevision);
    if (!written.ok) return statusErrors.staleConflict(gr(r), name);
    return { object: written.object, warnings: [], written: true };
  }

  delete(
    r: ResourceInfo,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions,
  ): Outcome<WriteResult> {
    const key = this.key(r, namespace, name);
    const stored = this.#deps.store.get(key);
    if (!stored) return statusErrors.notFound(gr(r), name);
    const current = stored.object;
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== current.metadata.uid) {
      return statusErrors.conflict(
        gr(r),
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid ?? ''}`,
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
      return statusErrors.conflict(
        gr(r),
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion ?? ''}`,
      );
    }
    const admitted = this.#admit(r, current, 'DELETE', current);
    if (isFailure(admitted)) return admitted;
    const refused = this.#validateAdmission(r, current, 'DELETE', current);
    if (refused) return refused;

    const finalizers = new Set(current.metadata.finalizers ?? []);
    if (options.propagationPolicy === 'Orphan') {
      finalizers.add('orphan');
      finalizers.delete('foregroundDeletion');
    } else if (options.propagationPolicy === 'Foreground') {
      finalizers.add('foregroundDeletion');
      finalizers.delete('orphan');
    }
    const grace = options.gracePeriodSeconds ?? defaultGracePeriodSeconds(r, current);
    const graceful = isGracefullyDeleted(r) && grace > 0;

    if (finalizers.size > 0 || graceful) {
      const alreadyDeleting = current.metadata.deletionTimestamp !== undefined;
      const meta: ObjectMeta = { ...current.metadata, finalizers: [...finalizers] };
      if (finalizers.size === 0) delete meta.finalizers;
      if (!alreadyDeleting) {
        meta.deletionTimestamp = formatTimestamp(this.#deps.now() + (graceful ? grace * 1000 : 0));
        meta.deletionGracePeriodSeconds = graceful ? grace : 0;
      } else if (graceful && (current.metadata.deletionGracePeriodSeconds ?? Infinity) > grace) {
        // A second delete may only shorten the grace period, never lengthen it.
        meta.deletionTimestamp = formatTimestamp(this.#deps.now() + grace * 1000);
        meta.deletionGracePeriodSeconds = grace;
      }
      const next: KubeObject = { ...current, metadata: meta };
      if (r.plural === 'namespaces' && r.group === '')
        next.status = { ...(current.status as object), phase: 'Terminating' };
      if (options.dryRun) return { object: this.#toRequestVersion(next, r), warnings: [], written: false };
      if (sameJson(next, current))
        return { object: this.#toRequestVersion(current, r), warnings: [], written: false };
      const written = this.#deps.store.update(key, next, stored.modRevision);
      if (!written.ok) return statusErrors.staleConflict(gr(r), name);
      return { object: this.#toRequestVersion(written.object, r), warnings: [], written: true };
    }
    // Namespaces wait for the namespace controller to empty them (spec.finalizers).
    if (r.plural === 'namespaces' && r.group === '') {
      const specFinalizers = (current.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
      if (specFinalizers.length > 0) {
        const next: KubeObject = {
          ...current,
          metadata: {
            ...current.metadata,
            deletionTimestamp: current.metadata.deletionTimestamp ?? formatTimestamp(this.#deps.now()),
          },
          status: { ...(current.status as object), phase: 'Terminating' },
        };
        if (options.dryRun || sameJson(next, current))
          return { object: this.#toRequestVersion(next, r), warnings: [], written: false };
        const written = this.#deps.store.update(key, next, stored.modRevision);
        if (!written.ok) return statusErrors.staleConflict(gr(r), name);
        return { object: this.#toRequestVersion(written.object, r), warnings: [], written: true };
      }
    }
    if (options.dryRun) return { object: this.#toRequestVersion(current, r), warnings: [], written: false };
    const removed = this.#deps.store.delete(key, stored.modRevision);
    if (!removed.ok) return statusErrors.staleConflict(gr(r), name);
    if (r.plural === 'services' && r.group === '') this.#deps.services.release(current);
    return { object: this.#toRequestVersion(current, r), warnings: [], written: true };
  }

  /** The Status a DELETE answers with for kinds that do not return the deleted object. */
  deletedStatus(r: ResourceInfo, object: KubeObject): Status {
    return successStatus({
      name: object.metadata.name ?? '',
      group: r.group,
      kind: r.plural,
      uid: object.metadata.uid ?? '',
    });
  }

  #replace(
    r: ResourceInfo,
    old: KubeObject,
    incoming: KubeObject,
    options: WriteOptions,
    subresource: string | undefined,
  ): Outcome<WriteResult> {
    const name = old.metadata.name!;
    let object = this.#deps.pipeline.convert(incoming, apiVersionOf(r.group, r.storageVersion));
    // Server-owned metadata is kept from the stored object whatever the client sent.
    object = {
      ...object,
      metadata: {
        ...object.metadata,
        name,
        namespace: old.metadata.namespace,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        deletionTimestamp: old.metadata.deletionTimestamp,
        deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
        generation: old.metadata.generation,
        resourceVersion: old.metadata.resourceVersion,
      },
    };
    stripUndefined(object.metadata as Record<string, unknown>);
    if (!r.namespaced) delete object.metadata.namespace;
    if (subresource === 'status') {
      object = prepareForStatusUpdate(r, object, old);
    } else if (subresource === 'finalize') {
      // Only spec.finalizers moves through /finalize; the namespace controller uses it last.
      const finalizers = (object.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
      object = { ...old, spec: { ...(old.spec as object), finalizers } };
    } else {
      object = this.#deps.pipeline.applyDefaults(object);
      const admitted = this.#admit(r, object, 'UPDATE', old);
      if (isFailure(admitted)) return admitted;
      object = prepareForUpdate(r, admitted, old);
    }
    if (old.metadata.deletionTimestamp !== undefined) {
      // New finalizers cannot be added to an object that is already being deleted.
      const added = (object.metadata.finalizers ?? []).filter(
        (f) => !(old.metadata.finalizers ?? []).includes(f),
      );
      if (added.length) {
        return this.#invalid(r, object, [
          {
            type: 'FieldValueForbidden',
            field: 'metadata.finalizers',
            detail: `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`,
          },
        ]);
      }
    }
    const errors = this.#deps.pipeline.validateUpdate(object, old);
    if (errors.length) return this.#invalid(r, object, errors);
    if (subresource === undefined) {
      const refused = this.#validateAdmission(r, object, 'UPDATE', old);
      if (refused) return refused;
    }
    if (sameJson(object, old))
      return { object: this.#toRequestVersion(old, r), warnings: [], written: false };
    if (options.dryRun) return { object: this.#toRequestVersion(object, r), warnings: [], written: false };

    const key = this.key(r, old.metadata.namespace, name);
    const stored = this.#deps.store.get(key)!;
    const finished =
      object.metadata.deletionTimestamp !== undefined &&
      (object.metadata.finalizers ?? []).length === 0 &&
      !awaitsGracefulDeletion(r, object) &&
      !awaitsNamespaceFinalizers(r, object);
    if (finished) {
      // The last finalizer is gone from an object being deleted: the update completes the delete.
      const removed = this.#deps.store.delete(key, stored.modRevision);
      if (!removed.ok) return statusErrors.staleConflict(gr(r), name);
      return { object: this.#toRequestVersion(object, r), warnings: [], written: true };
    }
    const written = this.#deps.store.update(key, object, stored.modRevision);
    if (!written.ok) return statusErrors.staleConflict(gr(r), name);
    return { object: this.#toRequestVersion(written.object, r), warnings: [], written: true };
  }

  /** Decodes a create/update body: kind and namespace checks, then strict schema decoding. */
  #decode(
    r: ResourceInfo,
    body: unknown,
    namespace: string | undefined,
    urlName: string | undefined,
    options: WriteOptions,
  ): Outcome<{ object: KubeObject; warnings: string[] }> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return statusErrors.badRequest(`Object 'Kind' is missing in '${JSON.stringify(body ?? null)}'`);
    }
    const raw = body as Partial<KubeObject>;
    if (typeof raw.kind !== 'string' || raw.kind === '') {
      return statusErrors.badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
    }
    const expectedVersion = apiVersionOf(r.group, r.version);
    const { group, version } = parseApiVersion(raw.apiVersion ?? '');
    if (raw.apiVersion && (group !== r.group || version !== r.version || raw.kind !== r.kind)) {
      const bodyKind = findKind(group, version, raw.kind);
      if (!bodyKind || bodyKind.plural !== r.plural) {
        return statusErrors.badRequest(
          `the API version in the data (${raw.apiVersion}) does not match the expected API version (${expectedVersion})`,
        );
      }
    }
    const object: KubeObject = {
      ...(raw as KubeObject),
      apiVersion: raw.apiVersion || expectedVersion,
      metadata: { ...((raw.metadata as object | undefined) ?? {}) },
    };
    if (r.namespaced) {
      const bodyNs = object.metadata.namespace;
      if (bodyNs && namespace && bodyNs !== namespace) {
        return statusErrors.badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      object.metadata.namespace = bodyNs || namespace;
    } else {
      delete object.metadata.namespace;
    }
    if (urlName !== undefined && object.metadata.name !== undefined && object.metadata.name !== urlName) {
      return statusErrors.badRequest(
        `the name of the object (${object.metadata.name}) does not match the name on the URL (${urlName})`,
      );
    }
    if (urlName !== undefined && !object.metadata.name) object.metadata.name = urlName;
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    const decoded = this.#deps.pipeline.decode(gvk, object);
    const cannotHandle = `${r.kind} in version "${r.version}" cannot be handled as a ${r.kind}`;
    if (decoded.fatal) return statusErrors.badRequest(`${cannotHandle}: ${decoded.fatal}`);
    const unknown = decoded.strictErrors;
    if (unknown.length && options.fieldValidation === 'Strict') {
      return statusErrors.badRequest(`${cannotHandle}: strict decoding error: ${unknown.join(', ')}`);
    }
    return { object: decoded.object, warnings: options.fieldValidation === 'Warn' ? [...unknown] : [] };
  }

  /** The create-only steps: server identity, storage version, defaults, admission, fresh status. */
  #prepareNew(r: ResourceInfo, decoded: KubeObject, _namespace: string | undefined): Outcome<KubeObject> {
    let object = this.#deps.pipeline.convert(decoded, apiVersionOf(r.group, r.storageVersion));
    object = {
      ...object,
      metadata: {
        ...object.metadata,
        uid: newUid(this.#deps.rng),
        creationTimestamp: formatTimestamp(this.#deps.now()),
      },
    };
    delete object.metadata.resourceVersion;
    delete object.metadata.deletionTimestamp;
    delete object.metadata.deletionGracePeriodSeconds;
    object = this.#deps.pipeline.applyDefaults(object);
    const admitted = this.#admit(r, object, 'CREATE', undefined);
    if (isFailure(admitted)) return admitted;
    return prepareForCreate(r, admitted);
  }

  #admissionContext(
    object: KubeObject,
    operation: AdmissionOperation,
    old: KubeObject | undefined,
  ): AdmissionContext {
    return {
      operation,
      oldObject: old,
      lookup: this.lookup,
      namespace: object.metadata.namespace,
      randomSuffix: () => randomSuffix(this.#deps.rng),
    };
  }

  #admit(
    r: ResourceInfo,
    object: KubeObject,
    operation: AdmissionOperation,
    old: KubeObject | undefined,
  ): Outcome<KubeObject> {
    const result = this.#deps.pipeline.admit(object, this.#admissionContext(object, operation, old));
    return isAdmissionFailure(result) ? admissionStatus(r, object, result) : result;
  }

  #validateAdmission(
    r: ResourceInfo,
    object: KubeObject,
    operation: AdmissionOperation,
    old: KubeObject | undefined,
  ): Status | undefined {
    const result = this.#deps.pipeline.validateAdmission(
      object,
      this.#admissionContext(object, operation, old),
    );
    return result && admissionStatus(r, object, result);
  }

  #invalid(r: ResourceInfo, object: KubeObject, errors: FieldError[]): Status {
    return statusErrors.invalid(r.group, r.kind, object.metadata.name ?? '', errors);
  }

  #toRequestVersion(object: KubeObject, r: ResourceInfo): KubeObject {
    const wanted = apiVersionOf(r.group, r.version);
    return object.apiVersion === wanted ? object : this.#deps.pipeline.convert(object, wanted);
  }
}

function gr(r: ResourceInfo): QualifiedResource {
  return { group: r.group, resource: r.plural };
}

function collectionKey(group: string, resource: string, namespace: string | undefined): string {
  const info = storageInfo(group, resource);
  const ns = info?.namespaced ? namespace : undefined;
  const base = objectKey(group, resource, undefined, '');
  return ns ? `${base}${ns}/` : base;
}

function storageInfo(group: string, resource: string): { namespaced: boolean } | undefined {
  return findResourceAnyVersion(group, resource);
}

function findResourceAnyVersion(group: string, resource: string): ResourceInfo | undefined {
  return builtinResources.find((r) => r.group === group && r.plural === resource);
}

function awaitsGracefulDeletion(r: ResourceInfo, object: KubeObject): boolean {
  // A pod's kubelet finishes its deletion with a grace-period-0 delete, not an update.
  return isGracefullyDeleted(r) && (object.metadata.deletionGracePeriodSeconds ?? 0) > 0;
}

function awaitsNamespaceFinalizers(r: ResourceInfo, object: KubeObject): boolean {
  if (r.plural !== 'namespaces' || r.group !== '') return false;
  return ((object.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length > 0;
}

function admissionStatus(r: ResourceInfo, object: KubeObject, failure: AdmissionFailure): Status {
  const details = failure.details ?? {
    name: object.metadata.name ?? object.metadata.generateName ?? '',
    kind: r.plural,
    ...(r.group ? { group: r.group } : {}),
  };
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: failure.message,
    reason: failure.reason,
    details: { ...details, causes: details.causes ? [...details.causes] : undefined } as Status['details'],
    code: failure.code,
  };
}

function patchInvalid(message: string, code: number): Status {
  return { ...statusErrors.invalid('', '', '', []), message, code, details: { causes: [] } } as Status;
}

function stripUndefined(record: Record<string, unknown>): void {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
}
