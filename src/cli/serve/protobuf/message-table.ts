/**
 * The shape of the protobuf field table (generated/messages.json, see tools/extract-messages.ts):
 * message name → its fields as `[number, JSON name, type, flags]`. A type is a scalar
 * (`int32`, `string`, `bytes`, …), a message name, or `map:<key>:<value>`.
 */
export const FIELD_FLAGS = {
  repeated: 1,
  /** Go holds the field by value: it is always on the wire, and a zero there means unset. */
  byValue: 2,
  /** An embedded Go struct (`json:",inline"`): its fields belong to the enclosing object in JSON. */
  inline: 4,
} as const;

export type FieldRow = readonly [number: number, name: string, type: string, flags: number];

export type MessageTable = Record<string, readonly FieldRow[]>;
