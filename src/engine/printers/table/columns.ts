/**
 * Column definitions as the server sends them in a meta.k8s.io/v1 Table. Names keep the
 * server's spelling (`Up-to-date`, `Port(s)`); kubectl upper-cases them. Priority 1 marks
 * the columns only `-o wide` shows.
 */
import type { TableColumnDefinition } from '../../api/types.ts';

export function column(
  name: string,
  type: string,
  description: string,
  opts: { format?: string; priority?: number } = {},
): TableColumnDefinition {
  return { name, type, format: opts.format ?? '', description, priority: opts.priority ?? 0 };
}

/** A priority-1 (wide only) column. */
export function wide(name: string, type: string, description: string): TableColumnDefinition {
  return column(name, type, description, { priority: 1 });
}

export const nameColumn = column(
  'Name',
  'string',
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically.',
  { format: 'name' },
);

export const ageColumn = column(
  'Age',
  'string',
  'CreationTimestamp is a timestamp representing the server time when this object was created.',
);

export const containersColumn = wide('Containers', 'string', 'Names of each container in the template.');
export const imagesColumn = wide('Images', 'string', 'Images referenced by each container in the template.');
