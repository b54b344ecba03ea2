/**
 * Words that fraudsters glue to a brand to make a "combo" domain (`contoso-invoices.com`,
 * `contosopayments.com`, `login-contoso.net`).
 *
 * Provenance: hand-written for sosie. Collected from the combo/dictionary word lists of dnstwist
 * (`dictionaries/english.dict`, which users pass with `--dictionary`), urlinsane's `-x words`
 * examples and ail-typo-squatting's `addDynamicDns`/`wrongSld` inputs as described in
 * shared reference notes, narrowed to business-email-compromise themes: billing and payment,
 * account security, logistics, corporate functions. All lowercase ASCII, 2+ characters.
 * Shared by the detector (combo detection) and the variant generator (`combo` fuzzer), so both
 * speak the same vocabulary. Users extend it through options (`words`).
 */
export const BUSINESS_WORDS: readonly string[] = Object.freeze([
  // billing and payment
  'account', 'accounts', 'ap', 'ar', 'bank', 'banking', 'bill', 'billing', 'bills', 'checkout', 'finance',
  'financial', 'fund', 'funds', 'invoice', 'invoices', 'invoicing', 'pay', 'payable', 'payables', 'payment',
  'payments', 'payroll', 'portal', 'receivable', 'receivables', 'refund', 'refunds', 'remit', 'remittance',
  'settlement', 'statement', 'statements', 'transfer', 'treasury', 'wallet', 'wire', 'tax', 'vat',
  // account security
  'auth', 'authentication', 'confirm', 'id', 'identity', 'login', 'logon', 'mfa', 'password', 'recovery',
  'reset', 'secure', 'security', 'signin', 'sso', 'unlock', 'update', 'verify', 'verification', 'validate',
  'alert', 'alerts', 'notice', 'notification', 'notifications', 'service', 'services', 'support', 'help',
  'helpdesk', 'admin', 'it',
  // mail and collaboration
  'mail', 'email', 'webmail', 'docs', 'document', 'documents', 'file', 'files', 'share', 'sharing', 'drive',
  'cloud', 'online', 'web', 'app', 'apps', 'mobile', 'office', 'team', 'teams', 'message', 'messages',
  // corporate functions and logistics
  'corp', 'corporate', 'group', 'global', 'inc', 'ltd', 'llc', 'co', 'hq', 'hr', 'legal', 'contract',
  'contracts', 'procurement', 'purchasing', 'order', 'orders', 'supplier', 'suppliers', 'vendor', 'vendors',
  'partner', 'partners', 'shipping', 'delivery', 'logistics', 'tracking', 'customer', 'customers', 'client',
  'clients', 'sales', 'info', 'news', 'official', 'direct', 'net', 'my', 'the', 'get', 'go', 'new',
  'us', 'uk', 'eu', 'usa', 'intl', 'international', 'claims', 'rewards', 'gift', 'card', 'cards', 'offer',
  'offers', 'promo', 'store', 'shop', 'market',
]);
