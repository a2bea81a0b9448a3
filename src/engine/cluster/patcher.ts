/** The API server's PATCH support, from the patch module and the schemas' patch metadata. */
import type { JsonObject, JsonValue } from '../api/types.ts';
import { PatchError as ServerPatchError, type Patcher } from '../apiserver/ports.ts';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, PatchError } from '../patch/index.ts';
import { hasSchema, patchMetaFor } from '../schema/index.ts';
import { schemalessPatchMeta } from '../schema/patch-meta.ts';

export const patcher: Patcher = {
  patchMetaFor: (gvk) => (hasSchema(gvk) ? patchMetaFor(gvk) : undefined),
  apply(type, current, patch, meta) {
    try {
      const doc = current as unknown as JsonObject;
      switch (type) {
        case 'json':
          return applyJsonPatch(doc, patch as JsonValue);
        case 'merge':
          return applyMergePatch(doc, patch as JsonValue);
        case 'strategic':
          return applyStrategicMergePatch(doc, patch as JsonValue, meta ?? schemalessPatchMeta);
        case 'apply':
          return new ServerPatchError(
            'server-side apply is not supported by this simulator yet',
            415,
            'UnsupportedMediaType',
          );
      }
    } catch (e) {
      if (!(e instanceof PatchError)) throw e;
      // The handler wraps a JSON patch that does not apply in a generic 422, which keeps none of
      // the operation's own words.
      if (type === 'json' && (e.code || 422) === 422)
        return new ServerPatchError(
          'the server rejected our request due to an error in our request',
          422,
          'Invalid',
        );
      return new ServerPatchError(e.message, e.code || 422, e.reason);
    }
  },
};
