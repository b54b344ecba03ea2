export {
  compileTrustedList,
  editBudget,
  isSharedProvider,
  DEFAULT_INDEX_POLICY,
  type CompileOptions,
  type IndexPolicy,
  type TrustIndex,
} from './compile';
export { buildDeleteIndex, queryDeleteIndex, scanTargets, type DeleteIndex, type DeleteIndexHit } from './delete-index';
export { TrustedListError, TRUSTED_LIST_ERROR_MESSAGES, type TrustedListErrorCode } from './errors';
export { nameKey, nameTokens } from './name-key';
export { osaAlign, osaWithin, type AlignOp } from './osa';
export { parseTrustedList, type ParseTrustedListOptions } from './parse-trusted-list';
export { isSharedProviderDomain } from './shared-providers';
