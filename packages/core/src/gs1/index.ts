export {
  GS1_AIS,
  GS1_DIGITAL_LINK_ALPHAS,
  type Gs1AiDefinition,
  type Gs1AiPart,
  type Gs1Charset,
  type Gs1DigitalLinkKey,
  type Gs1PartRule,
  gs1Ai,
  gs1AisConflict,
} from './ai-table.js';
export { formatBracketed } from './bracketed.js';
export { toDigitalLink } from './digital-link.js';
export { formatElementString } from './element-string.js';
export { GS1_ERROR_CODES, type Gs1Error, type Gs1ErrorCode, type Gs1ErrorParams } from './errors.js';
export { parseGs1 } from './parse.js';
export type { Gs1Element, Gs1Form, Gs1ParseOptions, Gs1Result } from './types.js';
