/**
 * Printing: the API server's Tables for `kubectl get`, and what kubectl does with them and
 * with objects (`-o wide|yaml|json|name`). Faithful to Kubernetes v1.34 / kubectl v1.34.
 */
export { buildTable, type BuildTableOptions, type IncludeObject } from './table/build-table.ts';
export { hasPrinter } from './table/registry.ts';
export {
  humanDuration,
  shortHumanDuration,
  translateTimestampSince,
  translateTimestampUntil,
} from './duration/human-duration.ts';
export {
  noResourcesFoundMessage,
  printGetTables,
  type GetPrintOptions,
  type GetTableItem,
  type TableResource,
} from './kubectl/get-output.ts';
export type { HumanPrintOptions } from './kubectl/table-printer.ts';
export { TabWriter, kubectlTabWriterOptions, type TabWriterOptions } from './kubectl/tabwriter.ts';
export {
  asList,
  formatObject,
  formatResourceName,
  printNames,
  printObjects,
  printObjectStream,
  type ObjectFormat,
  type ObjectOutputOptions,
} from './kubectl/object-output.ts';
export { marshalYaml } from './kubectl/yaml/marshal.ts';
export { marshalJson } from './kubectl/json.ts';
