/**
 * Shared mailbox providers (freemail and similar): anyone can get an address there, so an address
 * entry at such a provider trusts that address only, never the provider's whole domain.
 * Data: `email-providers` all.json (8,760 domains), compiled into src/generated at build time.
 * The Set is built on first use (≈ 1 ms), not at import, to keep start-up free.
 */

import { SHARED_PROVIDERS_ALL } from '../generated/shared-providers';

let providers: Set<string> | undefined;

/** RFC 2606 §3 reserved example domains: listed by email-providers, but nobody's mailbox provider. */
const RESERVED = ['example.com', 'example.net', 'example.org'];

/** Whether a registrable domain (lowercase, Unicode) is a known shared mailbox provider. */
export function isSharedProviderDomain(registrableDomain: string): boolean {
  if (providers === undefined) {
    providers = new Set(SHARED_PROVIDERS_ALL.split('\n'));
    for (const d of RESERVED) providers.delete(d);
  }
  return providers.has(registrableDomain);
}
