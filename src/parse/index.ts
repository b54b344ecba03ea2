/**
 * Parse stage: a raw `From:` value, address or domain → mailboxes, text kept as written.
 */
export { LIMITS } from './limits';
export type { ParsedMailbox, ParseFailure, ParseResult, ParseSuccess } from './types';
export { parseSender } from './parse-sender';
export { decodeEncodedWords } from './encoded-words';
