/**
 * The parts of Kubernetes' OpenAPI documents the schema tooling reads, plus the shape of the
 * hand-written v1.29–v1.34 changes layered on top of the vendored v1.28 documents.
 */

/** One schema node of an OpenAPI v2 document (`definitions` and their properties). */
export interface V2Schema {
  type?: string;
  format?: string;
  description?: string;
  $ref?: string;
  items?: V2Schema;
  additionalProperties?: V2Schema | boolean;
  properties?: Record<string, V2Schema>;
  required?: string[];
  enum?: string[];
  default?: unknown;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  [extension: string]: unknown;
}

/** The release a change first appeared in, and its maturity in v1.34. */
export interface Provenance {
  /** e.g. 'v1.30' */
  readonly release: string;
  /** Maturity of the feature in v1.34: alpha fields are served (and accepted by strict decoding) even when their gate is off. */
  readonly stageInV134: 'alpha' | 'beta' | 'GA';
  /** The KEP or pull request that introduced it. */
  readonly source: string;
}

/** A new property on an existing (or newly added) definition. */
export interface FieldAddition extends Provenance {
  readonly definition: string;
  readonly field: string;
  /** v2 form; `$ref`s point at `#/definitions/...`. Descriptions are omitted on purpose. */
  readonly schema: V2Schema;
  readonly required?: boolean;
}

/** A definition that did not exist in v1.28. */
export interface DefinitionAddition extends Provenance {
  readonly name: string;
  readonly schema: V2Schema;
}

/** A property that v1.34 no longer has (alpha fields can be removed). */
export interface FieldRemoval extends Provenance {
  readonly definition: string;
  readonly field: string;
}

/** A property whose schema was replaced (for example a struct swapped for a narrower one). */
export interface FieldReplacement extends Provenance {
  readonly definition: string;
  readonly field: string;
  readonly schema: V2Schema;
}

/** A property that stopped being required. */
export interface RequiredRemoval extends Provenance {
  readonly definition: string;
  readonly field: string;
}

export interface ApiChanges {
  readonly definitions: readonly DefinitionAddition[];
  readonly fields: readonly FieldAddition[];
  readonly replacements: readonly FieldReplacement[];
  readonly removals: readonly FieldRemoval[];
  readonly requiredRemovals: readonly RequiredRemoval[];
}
