/**
 * The form in which rosterkit stores and compares an email address, without
 * validating it: NFKC-folded (fullwidth `ｂｏ` and `𝐛𝐨` become `bo`), trimmed,
 * lower-cased, and with an internationalised domain in its ASCII (punycode)
 * form (`bücher.de` becomes `xn--bcher-kva.de`). For every address that
 * {@link Email} accepts, `normalizeEmail(address) === Email.parse(address)`;
 * for one it refuses, it still returns a folded text and never throws, so a
 * host can look up or compare an address exactly as rosterkit does (a
 * sign-in form, its own user table) instead of copying the rules.
 *
 * Two addresses are the same account when their `normalizeEmail` are equal.
 * Look-alikes that do not fold together (a Cyrillic `о` among Latin letters)
 * are not made equal here: {@link Email} refuses them.
 *
 * @param address - the address as typed.
 * @returns the canonical address.
 *
 * @example
 * ```ts
 * import { normalizeEmail } from '@rosterkit/core';
 *
 * normalizeEmail(' Bo@ACME.io ');       // 'bo@acme.io'
 * normalizeEmail('ｂｏ＠ａｃｍｅ．ｉｏ'); // 'bo@acme.io'
 * normalizeEmail('Dee@Bücher.de');      // 'dee@xn--bcher-kva.de'
 * ```
 */
export function normalizeEmail(address: string): string {
  return canonicalEmail(foldEmail(address));
}

/**
 * The first step of {@link normalizeEmail}: NFKC, trimmed, lower-cased. Its
 * result is what the look-alike checks read (the domain still in Unicode).
 * @internal
 */
export function foldEmail(address: string): string {
  // NFKC before lower-casing: it can give upper-case letters (ℌ → H).
  return address.normalize('NFKC').trim().toLowerCase();
}

/**
 * The second step of {@link normalizeEmail}: a folded address with its domain
 * in ASCII, or unchanged when the domain cannot be converted.
 * @internal
 */
export function canonicalEmail(folded: string): string {
  const at = folded.lastIndexOf('@');
  if (at < 0) return folded;
  const domain = asciiDomain(folded.slice(at + 1));
  return domain === undefined ? folded : `${folded.slice(0, at)}@${domain}`;
}

/**
 * The parts of a folded address: its local part and its domain's labels (in
 * Unicode, as folded). The last `@` separates them.
 * @internal
 */
export function emailParts(folded: string): { local: string; labels: string[] } {
  const at = folded.lastIndexOf('@');
  return at < 0
    ? { local: folded, labels: [] }
    : { local: folded.slice(0, at), labels: folded.slice(at + 1).split(labelSeparator) };
}

// IDNA separates labels with the ideographic full stop too (NFKC has already
// turned the fullwidth and halfwidth ones into '.' and '。').
const labelSeparator = /[.\u3002]/u;
const plainAscii = /^[a-z0-9.-]*$/;
const punycodeLabel = /(?:^|\.)xn--/;
// Only what a domain name is made of goes to the URL parser: URL syntax
// (`%2e`, `/`, `:`, `@`) would be decoded or cut instead of refused.
const idnCharacters = /^[\p{L}\p{M}\p{N}.\u3002-]+$/u;

/**
 * A domain in ASCII by IDNA (UTS #46, as every WHATWG URL parser does it):
 * `undefined` when it is not a valid internationalised domain name. A plain
 * ASCII domain without punycode labels is returned as it is.
 * @internal
 */
export function asciiDomain(domain: string): string | undefined {
  if (plainAscii.test(domain) && !punycodeLabel.test(domain)) return domain;
  if (!idnCharacters.test(domain)) return undefined;
  // The WHATWG URL host parser, not node:url's domainToASCII: the same
  // conversion, available in browsers, Deno, Bun and edge runtimes alike.
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
}
