/**
 * One plain English sentence per finding, naming the sender, the trusted entry and the exact
 * difference. Codes are stable; sentences may be improved between releases, so tools should match
 * on `code` and read the structured detail, not parse the message.
 * Positions in sentences are 1-based (people count from one); `position` in the detail is 0-based
 * (code points of the label, or of the part named by `where`).
 */

import type { Finding } from '../score';
import type { HiddenChar, InvalidCode, Reason, TrustedEntry } from '../types';

/** What a sentence may mention. */
export interface ExplainContext {
  /** The sender's domain (Unicode). */
  readonly senderDomain: string;
  /** The trusted entry imitated, when there is one. */
  readonly entry?: TrustedEntry;
}

type CharInfo = { char: string; codePoint: string; script: string };

const q = (s: unknown): string => `'${String(s)}'`;
const ord = (n: unknown): number => (typeof n === 'number' ? n + 1 : 0);

/**
 * `Latin 'о' (U+043E)`: the script when all characters share one, the text, the code points.
 * One pass without intermediate arrays (this runs for every homoglyph reason); the same text as
 * building the script Set and joining mapped arrays (`${}` converts like join, with nullish as '').
 */
function chars(list: unknown): string {
  const items = Array.isArray(list) ? (list as CharInfo[]) : [];
  let text = '';
  let cps = '';
  let oneScript = items.length > 0;
  const first = items[0]?.script;
  for (let k = 0; k < items.length; k++) {
    const c = items[k]!;
    text += `${c.char ?? ''}`;
    cps += k === 0 ? `${c.codePoint ?? ''}` : ` ${c.codePoint ?? ''}`;
    if (c.script !== first) oneScript = false;
  }
  return `${oneScript ? `${first} ` : ''}${q(text)} (${cps})`;
}

function trustedName(ctx: ExplainContext): string {
  return ctx.entry === undefined ? 'a trusted entry' : `trusted ${ctx.entry.domain}`;
}

/** The sentence for one finding. */
export function findingMessage(f: Finding, ctx: ExplainContext): string {
  const d = f.detail;
  const s = ctx.senderDomain;
  const t = trustedName(ctx);
  switch (f.code) {
    case 'homoglyph':
      return `${s} uses ${chars(d['senderChars'])} where ${t} has ${chars(d['trustedChars'])}, which look alike.`;
    case 'diacritic':
      return `${s} uses the accented ${chars(d['senderChars'])} where ${t} has plain ${chars(d['trustedChars'])}.`;
    case 'mixed-script':
      return `${s} mixes ${(d['scripts'] as string[]).join(' and ')} letters in one label, a sign of a homoglyph attack.`;
    case 'whole-script':
      return `${s} is written entirely in ${(d['scripts'] as string[]).join('/')} letters that read as Latin, imitating ${t}.`;
    case 'omission':
      return `${s} omits ${q(d['char'])} (character ${ord(d['trustedPosition'])} of ${t}).`;
    case 'insertion':
      return `${s} inserts ${q(d['char'])} at position ${ord(d['position'])} of ${t}${Array.isArray(d['keyboard']) ? ', next to a neighbouring key' : ''}.`;
    case 'repetition':
      return `${s} doubles ${q(d['char'])} at position ${ord(d['position'])} of ${t}.`;
    case 'hyphenation':
      return `${s} adds a hyphen at position ${ord(d['position'])} of ${t}.`;
    case 'replacement': {
      const kb = Array.isArray(d['keyboard']) ? ` (adjacent keys on ${(d['keyboard'] as string[]).join('/')} keyboards)` : '';
      return `${s} has ${q(d['sender'])} where ${t} has ${q(d['trusted'])} at position ${ord(d['position'])}${kb}.`;
    }
    case 'vowel-swap':
      return `${s} swaps the vowel ${q(d['trusted'])} of ${t} for ${q(d['sender'])} at position ${ord(d['position'])}.`;
    case 'bitsquat':
      return `${s} has ${q(d['sender'])} where ${t} has ${q(d['trusted'])}: the two differ by one bit, a bit-flip (bitsquatting) domain.`;
    case 'transposition': {
      const p = d['positions'] as number[];
      return `${s} swaps ${q(d['trusted'])} to ${q(d['sender'])} at positions ${ord(p[0])}-${ord(p[1])} of ${t}.`;
    }
    case 'tld-swap':
      if (d['trustedHost'] !== undefined) return `${s} writes the trusted host ${String(d['trustedHost'])} into its label with hyphens (${q(d['hyphenated'])}) under another suffix.`;
      return d['hyphenated'] !== undefined
        ? `${s} writes the suffix of ${t} into the label (${q(`-${String(d['hyphenated'])}`)}) under another suffix.`
        : `${s} uses the suffix .${String(d['suffix'])} where ${t} uses .${String(d['trustedSuffix'])}.`;
    case 'dot-insertion':
      return `${s} splits the name ${q(ctx.entry?.label ?? d['joined'])} of ${t} with a dot.`;
    case 'subdomain-embedding':
      return d['where'] === 'subdomain'
        ? `${s} puts ${d['embeddedDomain'] !== undefined ? q(d['embeddedDomain']) : `the name ${q(d['token'])}`} of ${t} in front of the unrelated domain ${String(d['registrableDomain'])}.`
        : `${s} embeds the name ${q(d['token'])} of ${t} among other words of its label.`;
    case 'combo': {
      const words = [...(d['prefixWords'] as string[]), ...(d['suffixWords'] as string[])];
      return `${s} combines the name ${q(d['core'])} of ${t} with ${words.length === 1 ? 'the word' : 'the words'} ${words.map(q).join(', ')}.`;
    }
    case 'display-name': {
      const shown = JSON.stringify(d['displayName']);
      if (d['claims'] === 'contact') {
        return `The display name ${shown} matches trusted contact ${String(d['trustedName'])}${d['trustedAddress'] ? ` <${String(d['trustedAddress'])}>` : ''}, but the mail comes from ${s}.`;
      }
      if (d['claims'] === 'address') return `The display name ${shown} shows ${q(d['embedded'])} of ${t}, but the mail comes from ${s}.`;
      return `The display name ${shown} names the trusted organisation ${String(d['brand'])} (${String(d['trustedDomain'])}), but the mail comes from ${s}.`;
    }
    case 'freemail':
      return `${String(d['provider'])} is a free mail provider where anyone can open an address; ${t} does not send from it.`;
    case 'invisible-char':
    case 'bidi-control':
      return hiddenMessage(d as unknown as HiddenChar, s);
  }
}

/** The sentence for a hidden character. */
export function hiddenMessage(h: HiddenChar & { readonly count?: number }, senderDomain: string): string {
  const what = h.kind === 'bidi' ? 'bidirectional control character' : 'invisible character';
  if (h.count !== undefined && h.count > 1) {
    return `The ${h.where} of ${senderDomain} contains the ${what} ${h.codePoint} ${h.name} ${h.count} times (first at position ${h.position + 1}), which changes how it displays.`;
  }
  return `The ${h.where} of ${senderDomain} contains the ${what} ${h.codePoint} ${h.name} at position ${h.position + 1}, which changes how it displays.`;
}

/**
 * A Reason from a finding: `code`, `message`, then the detail's fields in their order (without
 * `code` and `message`), and `trustedDomain` filled in, in place when the detail has it unset, else
 * last. Built in one object rather than copy, delete, then spread; with `chars` in one pass this
 * took a reason from 0.26 to 0.19 µs (typo lookalikes) and 0.57 to 0.27 µs (homoglyphs) in the
 * benchmark streams.
 */
export function toReason(f: Finding, ctx: ExplainContext): Reason {
  const reason: Record<string, unknown> = { code: f.code, message: findingMessage(f, ctx) };
  const detail = f.detail;
  for (const key in detail) {
    if (key === 'code' || key === 'message' || !Object.hasOwn(detail, key)) continue;
    reason[key] = detail[key];
  }
  if (ctx.entry !== undefined) reason['trustedDomain'] ??= ctx.entry.domain;
  return reason as unknown as Reason;
}

/** Messages for input that cannot be checked. */
export const INVALID_MESSAGES: Readonly<Record<InvalidCode, string>> = Object.freeze({
  empty: 'The sender is empty.',
  'too-long': 'The sender exceeds the RFC 5321 length limits and was not examined.',
  unparseable: 'The sender is not an RFC 5322 address, mailbox or domain.',
  'no-domain': 'The address has no domain.',
  'invalid-domain': 'The domain is not a valid hostname under UTS #46.',
  'invalid-local-part': 'The local part of the address is not valid.',
  'ip-literal': 'The address uses an IP literal instead of a domain name, so it cannot be matched against trusted names.',
});

/** A Reason for an invalid input; `message` overrides the default sentence. */
export function invalidReason(code: InvalidCode, message?: string): Reason {
  return { code, message: message ?? INVALID_MESSAGES[code] };
}

/**
 * A Reason stating why a sender is trusted. `trustedDomain` is `entry.domain`; a caller that holds
 * it already passes it, so that a trusted check need not read the entry (a cache miss on large lists).
 */
export function trustedReason(entry: TrustedEntry, senderDomain: string, byAddress: boolean, trustedDomain: string = entry.domain): Reason {
  if (byAddress) {
    return { code: 'trusted-address', message: `The address ${String(entry.address)} is trusted.`, trustedDomain };
  }
  return {
    code: 'trusted-domain',
    message:
      senderDomain === trustedDomain
        ? `${senderDomain} is trusted.`
        : `${senderDomain} is a subdomain of trusted ${trustedDomain}.`,
    trustedDomain,
  };
}
