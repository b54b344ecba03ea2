export { analyzeDomain, standaloneScriptFindings, type DomainCandidate, type DomainView } from './analyze-domain';
export { analyzeDisplayName, type NameCandidate, type SenderIdentity } from './analyze-display-name';
export { compareLabels, isOneBitFlip, type Finding, type LabelComparison } from './compare-labels';
export { scoreFor, VERDICT_RANK } from './verdict';
