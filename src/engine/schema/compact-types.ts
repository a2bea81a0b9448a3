/**
 * The compact schema format the generator writes to `generated/` and the engine reads.
 * It keeps what decoding, strategic merge patch and validation need from Kubernetes'
 * OpenAPI definitions — field names and types, required fields, list/map extensions and the
 * Go type names that appear in decode errors — and drops descriptions.
 */

/**
 * Codes for values that are not structs. A code may carry the Go type name after a colon
 * when the Go field has a named type, e.g. `s:v1.RestartPolicy`.
 */
export type PrimitiveCode =
  | 's' // string
  | 'b' // bool
  | 'i32' // int32
  | 'i64' // int64
  | 'f64' // float64
  | 'by' // []byte (base64 in JSON)
  | 'q' // resource.Quantity
  | 'is' // intstr.IntOrString
  | 't' // metav1.Time (RFC 3339)
  | 'mt' // metav1.MicroTime
  | 'any'; // any JSON (runtime.RawExtension, FieldsV1, preserve-unknown-fields)

/**
 * A field's type: a definition index, a primitive code, or an object with exactly one of
 * `d` (definition), `a` (array of) or `m` (map of string to) plus the OpenAPI extensions.
 */
export type CompactType = number | string | CompactComposite;

export interface CompactComposite {
  d?: number;
  a?: CompactType;
  m?: CompactType;
  /** x-kubernetes-patch-strategy, e.g. 'merge' or 'merge,retainKeys'. */
  ps?: string;
  /** x-kubernetes-patch-merge-key */
  mk?: string;
  /** x-kubernetes-list-type */
  lt?: string;
  /** x-kubernetes-list-map-keys */
  lk?: string[];
  /** x-kubernetes-map-type */
  mt?: string;
  /** The Go type name when it is a named type (e.g. `v1.ResourceList`). */
  go?: string;
}

export interface CompactDefinition {
  /** Properties in the order the OpenAPI document lists them. */
  f: Record<string, CompactType>;
  /** Required properties. */
  r?: string[];
}

export interface CompactSchemaData {
  /** Kubernetes version the schema describes. */
  version: string;
  /** Full OpenAPI definition names, e.g. `io.k8s.api.core.v1.PodSpec`, indexed like `defs`. */
  names: string[];
  defs: CompactDefinition[];
  /** `group/version/Kind` (group empty for core) → index of the kind's definition. */
  kinds: Record<string, number>;
}
