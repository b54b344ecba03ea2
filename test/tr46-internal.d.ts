// tr46 ships no types; the hidden-characters test reads its internal regexes as an oracle.
declare module 'tr46/lib/regexes.js' {
  const regexes: { readonly bidiDomain: RegExp } & Readonly<Record<string, RegExp>>;
  export = regexes;
}
