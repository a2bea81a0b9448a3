/**
 * Label and field selectors. A nil metav1 selector matches nothing and an empty one matches
 * everything (`labelSelectorAsSelector`); a parsed empty string matches everything.
 */
export { parseRequirements, parseSelector } from './parser.ts';
export { LabelSelector, everything, nothing } from './selector.ts';
export { Requirement, binaryOperators, newRequirement, validRequirementOperators } from './requirement.ts';
export type { Labels, Operator } from './requirement.ts';
export {
  formatLabelSelector,
  labelSelectorAsSelector,
  selectorFromSet,
  validatedSelectorFromSet,
} from './metav1.ts';
export type { LabelSelectorOperator, LabelSelectorRequirement, MetaLabelSelector } from './metav1.ts';
export {
  FieldSelector,
  escapeFieldValue,
  everythingFields,
  fieldSelectorFromSet,
  oneTermEqualSelector,
  parseFieldSelector,
  unescapeFieldValue,
} from './field-selector.ts';
export type { FieldGetter, FieldRequirement, TransformFunc } from './field-selector.ts';
export { aggregateMessage } from './result.ts';
export type { Result } from './result.ts';
