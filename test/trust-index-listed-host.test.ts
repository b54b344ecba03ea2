import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileTrustedList } from '../src/trust-index/compile';
import { HOST_TAG_ADDRESS_LOOKUP, HOST_TAG_AS_LISTED, hostTag, partsFromTag, type HostParts, type ListedHost } from '../src/trust-index/listed-host';
import { StringTable } from '../src/trust-index/string-table';

const require = createRequire(import.meta.url);
const disposable: string[] = require('disposable-email-domains');

/** The parts a check reads of a record (HostParts), without its entries and flags. */
const partsOf = (r: ListedHost): HostParts => ({
  unicode: r.unicode,
  ascii: r.ascii,
  registrableDomain: r.registrableDomain,
  publicSuffix: r.publicSuffix,
  subdomain: r.subdomain,
  label: r.label,
  writtenLabel: r.writtenLabel,
});

const special = ['contoso.com', 'mail.fabrikam.co.uk', 'a.b.c.northwind.com', 'münchen.de', 'github.io', 'ap@tailspin.com', 'billing@gmail.com'];

describe('host tags: a listed host in 32 bits', () => {
  const index = compileTrustedList([...special, ...disposable.slice(0, 20_000)]);
  const record = (host: string): ListedHost => index.hosts.get(host)!;

  it.each([
    { description: 'a registrable domain', host: 'contoso.com', tagged: true, addressLookup: false },
    { description: 'a subdomain under a two-label suffix', host: 'mail.fabrikam.co.uk', tagged: true, addressLookup: false },
    { description: 'a deep subdomain', host: 'a.b.c.northwind.com', tagged: true, addressLookup: false },
    { description: 'a domain with address entries', host: 'tailspin.com', tagged: true, addressLookup: true },
    { description: 'an IDN host (written several ways: its record is read)', host: 'münchen.de', tagged: false, addressLookup: false },
    { description: 'a private suffix read ICANN-only (its record is read)', host: 'github.io', tagged: false, addressLookup: false },
  ])('$description', ({ host, tagged, addressLookup }) => {
    const tag = hostTag(record(host));
    expect(tag !== 0).toBe(tagged);
    if (!tagged) return;
    expect(tag & HOST_TAG_AS_LISTED).toBe(HOST_TAG_AS_LISTED);
    expect((tag & HOST_TAG_ADDRESS_LOOKUP) !== 0).toBe(addressLookup);
    expect(partsFromTag(host, tag)).toEqual(partsOf(record(host)));
  });

  it('gives the record’s parts for every tagged host of a 20,000-entry list, and tags every host written as listed', () => {
    let tagged = 0;
    for (const [host, r] of index.hosts) {
      const tag = hostTag(r);
      expect(tag !== 0, host).toBe(r.asListed);
      if (tag === 0) continue;
      tagged++;
      expect(partsFromTag(host, tag), host).toEqual(partsOf(r));
    }
    expect(tagged).toBeGreaterThan(19_000);
  });

  it('keeps the tags in the hosts table, whose slots return them with the host’s first entry', () => {
    const table = index.hostTable;
    expect(table).toBeInstanceOf(StringTable);
    for (const host of ['contoso.com', 'tailspin.com', 'münchen.de', disposable[123]!, disposable[19_999]!]) {
      const id = table!.indexOf(host);
      expect(id).toBeGreaterThanOrEqual(0);
      expect(table!.lastTag).toBe(hostTag(record(host)));
      expect(index.hostEntries[id]).toBe(record(host).entry);
    }
    expect(table!.indexOf('contoso.net')).toBe(-1);
  });

  it('has no hosts table on small lists (a V8 map, whose records are in cache)', () => {
    expect(compileTrustedList(special).hostTable).toBeUndefined();
  });
});
