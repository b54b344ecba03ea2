/**
 * Display-name impersonation: the display name names a trusted contact (`"Ana Pereira"`), a trusted
 * organisation (`"Contoso Billing"`), or writes a trusted address or domain (`"ap@contoso.com"`),
 * while the mail comes from somewhere that contact or organisation does not send from.
 * Names are folded (case, accents, confusables, order; src/trust-index/name-key.ts) and looked up
 * in maps built at compile time.
 */

import { normalizeDomain } from '../normalize';
import { isSharedProvider, type TrustIndex } from '../trust-index/compile';
import { forEachTokenSubset, nameTokens } from '../trust-index/name-key';
import type { TrustedEntry } from '../types';
import type { Finding } from './compare-labels';

/** Who the mail really comes from. */
export interface SenderIdentity {
  readonly address: string | undefined;
  readonly domain: string;
  readonly registrableDomain: string | null;
}

/** A trusted contact or organisation the display name claims. */
export interface NameCandidate {
  readonly entry: TrustedEntry;
  readonly kind: 'contact' | 'organisation' | 'address';
  readonly findings: readonly Finding[];
}

/** Longest run of consecutive tokens joined into a brand key (`Northwind Traders` → northwindtraders). */
const MAX_BRAND_TOKENS = 3;

/** Whether the sender legitimately sends as `entry`. */
function sendsAs(entry: TrustedEntry, sender: SenderIdentity): boolean {
  if (entry.address !== undefined && sender.address === entry.address) return true;
  if (entry.sharedProvider) return false;
  return sender.registrableDomain !== null && sender.registrableDomain === entry.registrableDomain;
}

/** Finds domains written inside a display name (`ap@contoso.com`, `contoso.com`). */
function embeddedDomains(displayName: string): string[] {
  const out: string[] = [];
  for (const piece of displayName.split(/[\s<>()"',;:[\]]+/u)) {
    if (!piece.includes('.') || piece.length > 254) continue;
    const at = piece.lastIndexOf('@');
    out.push(at >= 0 ? piece.slice(at + 1) : piece);
    if (out.length >= 4) break;
  }
  return out;
}

/** The trusted contact or organisation claimed by the display name, if any and not legitimate. */
export function analyzeDisplayName(
  index: TrustIndex,
  displayName: string,
  sender: SenderIdentity,
): NameCandidate | undefined {
  const tokens = nameTokens(displayName);
  let found: NameCandidate | undefined;
  // Asked only when a finding is built: most display names name nobody trusted.
  const extra = (entry: TrustedEntry): Finding[] =>
    isSharedProvider(index, sender.registrableDomain) ? [{ code: 'freemail', detail: { provider: sender.registrableDomain, trustedDomain: entry.domain } }] : [];

  // 1. A trusted contact's name.
  if (tokens.length >= 2 && index.nameSizes.size > 0) {
    forEachTokenSubset(tokens, index.nameSizes, (key) => {
      const entries = index.names.get(key);
      if (entries === undefined) return false;
      if (entries.some((e) => sendsAs(e, sender))) return false;
      const entry = entries[0]!;
      found = {
        entry,
        kind: 'contact',
        findings: [{ code: 'display-name', detail: { displayName, claims: 'contact', trustedName: entry.name, trustedAddress: entry.address ?? null } }, ...extra(entry)],
      };
      return true;
    });
    if (found !== undefined) return found;
  }

  // 2. An address or domain written in the display name.
  if (displayName.includes('.')) {
    for (const d of embeddedDomains(displayName)) {
      const n = normalizeDomain(d, { privateSuffixes: index.policy.privateSuffixes });
      if (!n.ok || n.registrableDomain === null) continue;
      let host = n.unicode;
      for (;;) {
        const entries = index.hosts.get(host)?.entries;
        if (entries !== undefined && !entries.some((e) => sendsAs(e, sender))) {
          const entry = entries[0]!;
          return {
            entry,
            kind: 'address',
            findings: [{ code: 'display-name', detail: { displayName, claims: 'address', embedded: d, trustedDomain: entry.domain } }, ...extra(entry)],
          };
        }
        if (host === n.registrableDomain) break;
        const dot = host.indexOf('.');
        if (dot < 0) break;
        host = host.slice(dot + 1);
      }
    }
  }

  // 3. A trusted organisation's brand or name (one to three consecutive tokens).
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    for (let j = i; j < Math.min(tokens.length, i + MAX_BRAND_TOKENS); j++) {
      key += tokens[j]!;
      const entries = index.brands.get(key);
      if (entries === undefined) continue;
      if (entries.some((e) => sendsAs(e, sender))) continue;
      const entry = entries[0]!;
      return {
        entry,
        kind: 'organisation',
        findings: [
          { code: 'display-name', detail: { displayName, claims: 'organisation', brand: entry.name ?? entry.label, trustedDomain: entry.domain } },
          ...extra(entry),
        ],
      };
    }
  }
  return undefined;
}

