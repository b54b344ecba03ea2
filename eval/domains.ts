/**
 * Real domains for the evaluation, from packages that `npm ci` installs (no network at run time):
 *   - `email-providers` all.json: 8,760 mailbox providers (ISPs, webmail, universities, companies);
 *   - `disposable-email-domains`: 121,570 throw-away mail domains.
 * Each is reduced to its registrable domain (Public Suffix List, as the detector sees it) and
 * de-duplicated; then every registrable domain is assigned for good, by seeded hash, either to the
 * trusted-candidate pool or to the unrelated (negative) pool, so a negative is never on a trusted list.
 *
 * Trusted lists of size N take the first N trusted candidates, email-providers first (the closest
 * thing to company domains in the data), then disposable domains (only the 10,000 list needs them),
 * each in seeded-hash order. So the lists are nested: T100 ⊂ T1000 ⊂ T10000.
 */

import { createRequire } from 'node:module';
import { normalizeDomain } from '../src/normalize';
import { hashOrder, hashUnit } from './seed';

const require = createRequire(import.meta.url);

/** Which package a domain came from (email-providers wins when both list it). */
export type DomainSource = 'email-providers' | 'disposable';

/** One real registrable domain. */
export interface RealDomain {
  /** Registrable domain, Unicode, lowercase. */
  readonly domain: string;
  /** Registrable label (`yahoo` in `yahoo.co.uk`). */
  readonly label: string;
  /** Public suffix (`co.uk`). */
  readonly suffix: string;
  readonly source: DomainSource;
}

/** Share of registrable domains kept as trusted candidates; the rest are unrelated negatives. */
export const TRUSTED_POOL_SHARE = 0.5;

/** The two disjoint pools. */
export interface DomainPools {
  readonly trustedCandidates: readonly RealDomain[];
  readonly unrelated: readonly RealDomain[];
  /** Counts before and after reduction, for the report. */
  readonly counts: Readonly<Record<string, number>>;
}

function loadJson(id: string): string[] {
  const data: unknown = require(id);
  if (!Array.isArray(data) || !data.every((x) => typeof x === 'string')) throw new Error(`${id} is not an array of strings`);
  return data as string[];
}

let cached: DomainPools | undefined;

/** Loads, reduces and splits the real domains (cached for the process). */
export function loadDomainPools(): DomainPools {
  if (cached !== undefined) return cached;
  const providers = loadJson('email-providers/all.json');
  const disposable = loadJson('disposable-email-domains/index.json');
  const byDomain = new Map<string, RealDomain>();
  let rejected = 0;
  const add = (raw: string, source: DomainSource): void => {
    const n = normalizeDomain(raw, { privateSuffixes: true });
    if (!n.ok || n.registrableDomain === null || n.label === null || n.publicSuffix === null) {
      rejected++;
      return;
    }
    if (byDomain.has(n.registrableDomain)) return;
    byDomain.set(n.registrableDomain, { domain: n.registrableDomain, label: n.label, suffix: n.publicSuffix, source });
  };
  for (const d of providers) add(d, 'email-providers');
  for (const d of disposable) add(d, 'disposable');
  const all = [...byDomain.values()];
  const trusted: RealDomain[] = [];
  const unrelated: RealDomain[] = [];
  for (const d of all) (hashUnit(`pool:${d.domain}`) < TRUSTED_POOL_SHARE ? trusted : unrelated).push(d);
  const ordered = [
    ...hashOrder(trusted.filter((d) => d.source === 'email-providers'), (d) => d.domain, 'trusted:'),
    ...hashOrder(trusted.filter((d) => d.source === 'disposable'), (d) => d.domain, 'trusted:'),
  ];
  cached = {
    trustedCandidates: ordered,
    unrelated: hashOrder(unrelated, (d) => d.domain, 'unrelated:'),
    counts: {
      emailProvidersListed: providers.length,
      disposableListed: disposable.length,
      rejected,
      registrableDomains: all.length,
      trustedCandidates: ordered.length,
      unrelated: unrelated.length,
    },
  };
  return cached;
}

/** The trusted list of `size` real domains (nested across sizes). */
export function trustedList(pools: DomainPools, size: number): RealDomain[] {
  if (size > pools.trustedCandidates.length) throw new Error(`only ${pools.trustedCandidates.length} trusted candidates, asked for ${size}`);
  return pools.trustedCandidates.slice(0, size);
}

/** The same unrelated sample for every trusted-list size: the first `size` negatives in hash order. */
export function unrelatedSample(pools: DomainPools, size: number): RealDomain[] {
  return pools.unrelated.slice(0, Math.min(size, pools.unrelated.length));
}
