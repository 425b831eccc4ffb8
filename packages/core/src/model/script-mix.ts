// Whether a piece of text mixes writing systems, after Unicode's UTS #39
// ("Highly Restrictive", section 5.2): Latin with Cyrillic is mixed (the
// look-alike 'bо' with a Cyrillic о), Cyrillic alone is not, and Latin with
// the scripts that Japanese, Chinese or Korean write together is not either.
// Written with the engine's own Unicode data (`\p{Script_Extensions=…}`)
// rather than a confusables package: the npm ones are unmaintained, and a
// skeleton comparison would need a second unique key in every store.

// The ISO 15924 codes of Unicode's scripts (through Unicode 17), Common and
// Inherited aside: those fit with any script.
const scriptCodes = (
  'Adlm Aghb Ahom Arab Armi Armn Avst Bali Bamu Bass Batk Beng Berf Bhks Bopo Brah Brai Bugi ' +
  'Buhd Cakm Cans Cari Cham Cher Chrs Copt Cpmn Cprt Cyrl Deva Diak Dogr Dsrt Dupl Egyp Elba ' +
  'Elym Ethi Gara Geor Glag Gong Gonm Goth Gran Grek Gujr Gukh Guru Hang Hani Hano Hatr Hebr ' +
  'Hira Hluw Hmng Hmnp Hung Ital Java Kali Kana Kawi Khar Khmr Khoj Kits Knda Krai Kthi Lana ' +
  'Laoo Latn Lepc Limb Lina Linb Lisu Lyci Lydi Mahj Maka Mand Mani Marc Medf Mend Merc Mero ' +
  'Mlym Modi Mong Mroo Mtei Mult Mymr Nagm Nand Narb Nbat Newa Nkoo Nshu Ogam Olck Onao Orkh ' +
  'Orya Osge Osma Ougr Palm Pauc Perm Phag Phli Phlp Phnx Plrd Prti Rjng Rohg Runr Samr Sarb ' +
  'Saur Sgnw Shaw Shrd Sidd Sidt Sind Sinh Sogd Sogo Sora Soyo Sund Sunu Sylo Syrc Tagb Takr ' +
  'Tale Talu Taml Tang Tavt Tayo Telu Tfng Tglg Thaa Thai Tibt Tirh Tnsa Todr Tols Toto Tutg ' +
  'Ugar Vaii Vith Wara Wcho Xpeo Xsux Yezi Yiii Zanb'
).split(' ');

let scripts: readonly RegExp[] | undefined;

// Compiled on first use, not at import. A script newer than the engine's
// Unicode data is a syntax error there: it is left out, and its letters
// count as one unknown script.
function scriptPatterns(): readonly RegExp[] {
  scripts ??= scriptCodes.flatMap((code) => {
    try {
      return [new RegExp(`\\p{scx=${code}}`, 'u')];
    } catch {
      return [];
    }
  });
  return scripts;
}

const fitsAny = /[\p{scx=Zyyy}\p{scx=Zinh}]/u;
const ascii = /^\p{ASCII}*$/u;

// UTS #39's Highly Restrictive combinations beyond a single script.
const cjkWithLatin = [
  /^[\p{scx=Latn}\p{scx=Hani}\p{scx=Hira}\p{scx=Kana}\p{scx=Zyyy}\p{scx=Zinh}]*$/u,
  /^[\p{scx=Latn}\p{scx=Hani}\p{scx=Bopo}\p{scx=Zyyy}\p{scx=Zinh}]*$/u,
  /^[\p{scx=Latn}\p{scx=Hani}\p{scx=Hang}\p{scx=Zyyy}\p{scx=Zinh}]*$/u,
];

/**
 * Whether `text` mixes scripts: no single script covers all its letters, nor
 * does Latin with Han and Hiragana/Katakana, Bopomofo or Hangul. Digits,
 * punctuation and combining marks fit any script.
 *
 * @internal
 */
export function mixesScripts(text: string): boolean {
  if (ascii.test(text)) return false;
  const all = scriptPatterns();
  const scriptsOf = (char: string) => {
    const own = all.flatMap((pattern, index) => (pattern.test(char) ? [index] : []));
    return own.length === 0 ? [-1] : own;
  };
  // The scripts every letter so far belongs to, as indexes into `all`; -1 for
  // letters of no script the engine knows. Only the first letter is tested
  // against every script, the next ones against what is left.
  let shared: number[] | undefined;
  for (const char of text) {
    if (fitsAny.test(char)) continue;
    shared =
      shared === undefined
        ? scriptsOf(char)
        : shared.filter((index) =>
            index === -1 ? !all.some((pattern) => pattern.test(char)) : all[index]?.test(char),
          );
    if (shared.length === 0) break;
  }
  if (shared === undefined || shared.length > 0) return false;
  return !cjkWithLatin.some((combination) => combination.test(text));
}
