export {
  findingMessage,
  hiddenMessage,
  invalidReason,
  toReason,
  trustedReason,
  INVALID_MESSAGES,
  type ExplainContext,
} from './messages';
