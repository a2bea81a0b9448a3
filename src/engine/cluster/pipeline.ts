/**
 * The API server's object pipeline assembled from its stages: strict decoding against
 * Kubernetes' schemas, version conversion, defaulting, built-in admission and validation.
 */
import type { KubeObject } from '../api/types.ts';
import type { ObjectPipeline } from '../apiserver/pipeline.ts';
import { passThroughPipeline } from '../apiserver/pipeline.ts';
import { admitMutating, admitValidating } from '../apiserver/admission/admission-chain.ts';
import { convert } from '../apiserver/conversion/convert.ts';
import { applyDefaults } from '../apiserver/defaults/apply-defaults.ts';
import { validateCreate, validateUpdate } from '../apiserver/validation/index.ts';
import { decodeStrict, hasSchema } from '../schema/index.ts';

export const objectPipeline: ObjectPipeline = {
  ...passThroughPipeline,
  hasSchema,
  decode(gvk, object) {
    const result = decodeStrict(gvk, object);
    if (!result.ok) return { fatal: result.error, strictErrors: [], object };
    return { strictErrors: result.strictErrors.map((e) => e.message), object: result.object as KubeObject };
  },
  convert,
  applyDefaults,
  admit: admitMutating,
  validateAdmission: admitValidating,
  validateCreate,
  validateUpdate,
};
