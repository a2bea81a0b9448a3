/** The shape of one kind's server-side printer: its columns and how one object fills a row. */
import type { JsonValue, KubeObject, TableColumnDefinition, TableRowCondition } from '../../api/types.ts';
import { translateTimestampSince } from '../duration/human-duration.ts';

export interface RowContext {
  /** Virtual time, ms since the epoch; ages are measured against it. */
  readonly now: number;
}

export interface KindPrinter {
  readonly columns: readonly TableColumnDefinition[];
  /** One cell per column, wide columns included: the server always prints wide. */
  row(object: KubeObject, ctx: RowContext): JsonValue[];
  conditions?(object: KubeObject): TableRowCondition[] | undefined;
}

/** The AGE cell. */
export function age(object: KubeObject, ctx: RowContext): string {
  return translateTimestampSince(object.metadata.creationTimestamp, ctx.now);
}

export function nameOf(object: KubeObject): string {
  return object.metadata.name ?? '';
}
