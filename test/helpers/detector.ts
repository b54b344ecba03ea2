import { createDetector } from '../../src/detector';
import type { CheckResult } from '../../src/types';

/** A realistic small-company trusted list used across detector tests. */
export const TRUSTED_LIST = `
# our own domain and its people
Contoso Ltd <contoso.com>
"Ana Pereira" <ana.pereira@contoso.com>
Pereira, Rui <rui.pereira@contoso.com>
# partners and vendors
northwind-traders.co.uk
fabrikam.com.br
tailspin.co
münchen-bau.de
# big brands we get mail from
microsoft.com
paypal.com
ups.com
wellsfargo.com
dropbox.com
apple.com
# a contact at a freemail provider: only this address is trusted
"Bob Smith" <bob.smith@gmail.com>
`;

export const detector = createDetector(TRUSTED_LIST, { file: 'trusted.txt' });

/** The reason codes of a result, in order, without duplicates. */
export function codes(result: CheckResult): string[] {
  return [...new Set(result.reasons.map((r) => r.code))];
}

/** One row of a detector table. */
export interface DetectorCase {
  readonly description: string;
  readonly sender: string;
  readonly verdict: CheckResult['verdict'];
  /** Codes that must all be present. */
  readonly codes?: readonly string[];
  /** Codes that must be absent. */
  readonly notCodes?: readonly string[];
  /** The trusted domain that must be named as the match. */
  readonly match?: string;
}

/** Asserts one table row; returns the result for extra checks. */
export function expectCase(c: DetectorCase, check: (s: string) => CheckResult = (s) => detector.check(s)): CheckResult {
  const r = check(c.sender);
  const summary = `${c.sender} → ${r.verdict} [${codes(r).join(', ')}] ${r.match?.domain ?? ''}`;
  if (r.verdict !== c.verdict) throw new Error(`verdict ${r.verdict}, expected ${c.verdict}: ${summary}`);
  for (const code of c.codes ?? []) {
    if (!codes(r).includes(code)) throw new Error(`missing code ${code}: ${summary}`);
  }
  for (const code of c.notCodes ?? []) {
    if (codes(r).includes(code)) throw new Error(`unexpected code ${code}: ${summary}`);
  }
  if (c.match !== undefined && r.match?.domain !== c.match) throw new Error(`match ${r.match?.domain}, expected ${c.match}: ${summary}`);
  for (const reason of r.reasons) {
    if (typeof reason.message !== 'string' || reason.message.length < 10) throw new Error(`reason without a sentence: ${JSON.stringify(reason)}`);
  }
  return r;
}
