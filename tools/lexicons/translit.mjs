// Romanisation tables used by build.mjs. Each function takes one name (a single word or
// several words separated by spaces or hyphens) in its native script and returns an array of
// Latin spellings (usually one; Russian yields two common variants). The tables are written
// from the published standards named beside each function, simplified for personal names:
// apostrophes and soft/hard-sign marks are dropped, as passports and everyday usage do.

const isUpper = (ch) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

// Applies `mapWord` to every run of letters and keeps separators (space, hyphen) in place.
function perWord(text, mapWord) {
  return text.split(/([\s\-]+)/u).map((part, i) => (i % 2 === 1 ? part : mapWord(part))).join('');
}

const capitalise = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

// ---------------------------------------------------------------------------------------------
// Russian: BGN/PCGN 1947 (simplified: no ë diaeresis, no apostrophes for ь/ъ), plus a second
// "passport-like" variant (е/ё → e everywhere, -ий → -i, -ый → -y) because both spellings are
// common in English text (Yelena/Elena, Dmitriy/Dmitri, Fyodor/Fedor).
const RU_VOWELS = new Set([...'аеёиоуыэюяАЕЁИОУЫЭЮЯ']);
const RU_BASE = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', е: 'e', ё: 'yo',
};

function ruWord(word, variant) {
  const chars = [...word];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const lo = ch.toLowerCase();
    const prev = i > 0 ? chars[i - 1] : '';
    const afterVowelOrSign = i === 0 || RU_VOWELS.has(prev) || /[ъьЪЬ]/u.test(prev);
    let r;
    if (!(lo in RU_BASE)) return null;
    if (lo === 'е') r = variant === 'bgn' && afterVowelOrSign ? 'ye' : 'e';
    else if (lo === 'ё') r = variant === 'bgn' ? 'yo' : 'e';
    else r = RU_BASE[lo];
    // Word endings -ий / -ый in the second variant.
    if (variant === 'simple' && lo === 'й' && i === chars.length - 1) {
      const p = prev.toLowerCase();
      if (p === 'и') r = '';
      else if (p === 'ы') r = '';
    }
    if (isUpper(ch)) r = capitalise(r);
    out += r;
  }
  return out;
}

export function romaniseRussian(text) {
  const a = perWord(text, (w) => ruWord(w, 'bgn') ?? '\u0000');
  const b = perWord(text, (w) => ruWord(w, 'simple') ?? '\u0000');
  return [a, b].filter((s) => !s.includes('\u0000'));
}

// ---------------------------------------------------------------------------------------------
// Ukrainian: official national transliteration (Cabinet of Ministers resolution 55 of 2010),
// which BGN/PCGN adopted in 2019. Word-initial Є Ї Й Ю Я are Ye Yi Y Yu Ya, elsewhere ie i i iu ia;
// "зг" is "zgh"; the apostrophe and the soft sign are not written.
const UK_BASE = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: ['ye', 'ie'], ж: 'zh', з: 'z', и: 'y',
  і: 'i', ї: ['yi', 'i'], й: ['y', 'i'], к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '',
  ю: ['yu', 'iu'], я: ['ya', 'ia'], "'": '', '’': '', 'ʼ': '',
};

function ukWord(word) {
  const chars = [...word];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const lo = ch.toLowerCase();
    if (!(lo in UK_BASE)) return null;
    let r = UK_BASE[lo];
    if (Array.isArray(r)) r = i === 0 ? r[0] : r[1];
    if (lo === 'г' && i > 0 && chars[i - 1].toLowerCase() === 'з') r = 'gh';
    if (isUpper(ch)) r = capitalise(r);
    out += r;
  }
  return out;
}

export function romaniseUkrainian(text) {
  const s = perWord(text, (w) => ukWord(w) ?? '\u0000');
  return s.includes('\u0000') ? [] : [s];
}

// ---------------------------------------------------------------------------------------------
// Macedonian: official romanisation (2008), identical to BGN/PCGN 2013 for these letters.
const MK_BASE = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ѓ: 'gj', е: 'e', ж: 'zh', з: 'z', ѕ: 'dz', и: 'i', ј: 'j',
  к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ќ: 'kj',
  у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'ch', џ: 'dzh', ш: 'sh', ѐ: 'e', ѝ: 'i',
};

export function romaniseMacedonian(text) {
  const s = perWord(text, (w) => {
    let out = '';
    for (const ch of w) {
      const lo = ch.toLowerCase();
      if (!(lo in MK_BASE)) return '\u0000';
      out += isUpper(ch) ? capitalise(MK_BASE[lo]) : MK_BASE[lo];
    }
    return out;
  });
  return s.includes('\u0000') ? [] : [s];
}

// ---------------------------------------------------------------------------------------------
// Greek: ELOT 743 / ISO 843 type 2 (transcription), simplified: accents dropped; αυ ευ ηυ are
// av ev iv before vowels and voiced consonants and af ef if otherwise; γγ γκ γξ γχ are ng gk nx nch;
// μπ is b at the start of a word and mp elsewhere; ου is ou.
const EL_SINGLE = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps',
  ω: 'o',
};
const EL_VOWELS = new Set([...'αεηιουω']);
const EL_VOICED = new Set([...'βγδζλμνρ']);

function elWord(word) {
  // Keep diaeresis information (it blocks a diphthong), drop other accents.
  const base = [];
  for (const ch of word.normalize('NFD')) {
    if (ch === '\u0308') { if (base.length) base[base.length - 1].dia = true; continue; }
    if (/\p{M}/u.test(ch)) continue;
    base.push({ ch: ch.toLowerCase(), up: isUpper(ch), dia: false });
  }
  let out = '';
  for (let i = 0; i < base.length; i++) {
    const c = base[i].ch;
    const n = base[i + 1];
    const nn = base[i + 2];
    if (!(c in EL_SINGLE)) return null;
    let r;
    let used = 1;
    if ((c === 'α' || c === 'ε' || c === 'η') && n && n.ch === 'υ' && !n.dia) {
      const after = nn ? nn.ch : '';
      const soft = after && (EL_VOWELS.has(after) || EL_VOICED.has(after));
      r = { α: 'a', ε: 'e', η: 'i' }[c] + (soft ? 'v' : 'f');
      used = 2;
    } else if (c === 'ο' && n && n.ch === 'υ' && !n.dia) { r = 'ou'; used = 2; }
    else if (c === 'γ' && n && n.ch === 'γ') { r = 'ng'; used = 2; }
    else if (c === 'γ' && n && n.ch === 'κ') { r = 'gk'; used = 2; }
    else if (c === 'γ' && n && n.ch === 'ξ') { r = 'nx'; used = 2; }
    else if (c === 'γ' && n && n.ch === 'χ') { r = 'nch'; used = 2; }
    else if (c === 'μ' && n && n.ch === 'π') { r = i === 0 ? 'b' : 'mp'; used = 2; }
    else r = EL_SINGLE[c];
    if (base[i].up) r = capitalise(r);
    out += r;
    i += used - 1;
  }
  return out;
}

export function romaniseGreek(text) {
  const s = perWord(text, (w) => elWord(w) ?? '\u0000');
  return s.includes('\u0000') ? [] : [s];
}

// ---------------------------------------------------------------------------------------------
// Georgian: national romanisation system (2002), without the apostrophes that mark ejectives
// (as names are usually written: Abashidze, Tsereteli). Georgian script is unicase; the first
// letter of each word is capitalised.
const KA = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm',
  ნ: 'n', ო: 'o', პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q',
  შ: 'sh', ჩ: 'ch', ც: 'ts', ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};

export function romaniseGeorgian(text) {
  const s = perWord(text, (w) => {
    let out = '';
    for (const ch of w) {
      if (!(ch in KA)) return '\u0000';
      out += KA[ch];
    }
    return capitalise(out);
  });
  return s.includes('\u0000') ? [] : [s];
}

// ---------------------------------------------------------------------------------------------
// Armenian (Eastern): BGN/PCGN 1981, simplified (no apostrophes for aspirates). Word-initial
// ե is ye and ո is vo; ու is u; և is yev / ev.
const HY = {
  ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: ['ye', 'e'], զ: 'z', է: 'e', ը: 'y', թ: 't', ժ: 'zh', ի: 'i',
  լ: 'l', խ: 'kh', ծ: 'ts', կ: 'k', հ: 'h', ձ: 'dz', ղ: 'gh', ճ: 'ch', մ: 'm', յ: 'y', ն: 'n',
  շ: 'sh', ո: ['vo', 'o'], չ: 'ch', պ: 'p', ջ: 'j', ռ: 'r', ս: 's', վ: 'v', տ: 't', ր: 'r',
  ց: 'ts', փ: 'p', ք: 'k', օ: 'o', ֆ: 'f', և: ['yev', 'ev'],
};

function hyWord(word) {
  const chars = [...word].map((c) => ({ ch: c.toLowerCase(), up: isUpper(c) }));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const { ch, up } = chars[i];
    let r;
    if (ch === 'ո' && chars[i + 1] && chars[i + 1].ch === 'ւ') { r = 'u'; i++; }
    else {
      if (!(ch in HY)) return null;
      r = HY[ch];
      if (Array.isArray(r)) r = i === 0 ? r[0] : r[1];
    }
    if (up || i === 0) r = capitalise(r);
    out += r;
  }
  return out;
}

export function romaniseArmenian(text) {
  const s = perWord(text, (w) => hyWord(w) ?? '\u0000');
  return s.includes('\u0000') ? [] : [s];
}

// ---------------------------------------------------------------------------------------------
// Korean: Revised Romanization of Korean (2000), syllable by syllable as the standard provides
// for personal names (no sound changes across syllables). Given names are returned both joined
// (Jaewon) and with the hyphen the standard allows between the syllables of a given name
// (Jae-won).
const KO_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const KO_VOWEL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const KO_FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

function koSyllable(ch) {
  const code = ch.codePointAt(0) - 0xac00;
  if (code < 0 || code > 11171) return null;
  const ini = Math.floor(code / 588);
  const vow = Math.floor((code % 588) / 28);
  const fin = code % 28;
  return KO_INITIAL[ini] + KO_VOWEL[vow] + KO_FINAL[fin];
}

export function romaniseKoreanGivenName(text) {
  const syl = [...text].map(koSyllable);
  if (syl.some((s) => s === null) || syl.length < 2) return [];
  const joined = capitalise(syl.join(''));
  const hyphened = capitalise(syl[0]) + '-' + syl.slice(1).join('');
  return syl.length === 2 ? [joined, hyphened] : [joined];
}

// ---------------------------------------------------------------------------------------------
// Japanese kana: modified Hepburn as used in passports (long vowels not marked: おう/おお → o,
// うう → u), for names written in hiragana or katakana only. Names written with kanji are kept
// in native script only; their readings cannot be derived reliably.
const KANA = {
  あ: 'a', い: 'i', う: 'u', え: 'e', お: 'o', か: 'ka', き: 'ki', く: 'ku', け: 'ke', こ: 'ko',
  さ: 'sa', し: 'shi', す: 'su', せ: 'se', そ: 'so', た: 'ta', ち: 'chi', つ: 'tsu', て: 'te', と: 'to',
  な: 'na', に: 'ni', ぬ: 'nu', ね: 'ne', の: 'no', は: 'ha', ひ: 'hi', ふ: 'fu', へ: 'he', ほ: 'ho',
  ま: 'ma', み: 'mi', む: 'mu', め: 'me', も: 'mo', や: 'ya', ゆ: 'yu', よ: 'yo', ら: 'ra', り: 'ri',
  る: 'ru', れ: 're', ろ: 'ro', わ: 'wa', ゐ: 'i', ゑ: 'e', を: 'o', ん: 'n', が: 'ga', ぎ: 'gi',
  ぐ: 'gu', げ: 'ge', ご: 'go', ざ: 'za', じ: 'ji', ず: 'zu', ぜ: 'ze', ぞ: 'zo', だ: 'da', ぢ: 'ji',
  づ: 'zu', で: 'de', ど: 'do', ば: 'ba', び: 'bi', ぶ: 'bu', べ: 'be', ぼ: 'bo', ぱ: 'pa', ぴ: 'pi',
  ぷ: 'pu', ぺ: 'pe', ぽ: 'po', ゔ: 'vu',
};
const SMALL_Y = { ゃ: 'a', ゅ: 'u', ょ: 'o' };
const SMALL_V = { ぁ: 'a', ぃ: 'i', ぅ: 'u', ぇ: 'e', ぉ: 'o' };

export function romaniseKana(text) {
  // Katakana → hiragana (same layout, offset 0x60); the prolonged sound mark is dropped.
  const hira = [...text]
    .map((c) => {
      const cp = c.codePointAt(0);
      return cp >= 0x30a1 && cp <= 0x30f6 ? String.fromCodePoint(cp - 0x60) : c;
    })
    .filter((c) => c !== 'ー');
  const parts = [];
  let geminate = false;
  for (let i = 0; i < hira.length; i++) {
    const c = hira[i];
    if (c === 'っ') { geminate = true; continue; }
    let r = KANA[c];
    if (r === undefined) return [];
    const next = hira[i + 1];
    if (next && SMALL_Y[next] && /i$/.test(r) && r.length >= 2) {
      // きゃ kya, しゃ sha, ちゃ cha, じゃ ja
      const stem = r.slice(0, -1);
      r = (/(sh|ch|j)$/.test(stem) ? stem : stem + 'y') + SMALL_Y[next];
      i++;
    } else if (next && SMALL_V[next]) {
      r = r.slice(0, -1) + SMALL_V[next];
      i++;
    }
    if (geminate) { r = (r.startsWith('ch') ? 't' : r[0]) + r; geminate = false; }
    parts.push(r);
  }
  let s = parts.join('');
  if (!s || geminate) return [];
  s = s.replace(/ou/g, 'o').replace(/oo/g, 'o').replace(/uu/g, 'u');
  return [capitalise(s)];
}

export const tables = { RU_BASE, UK_BASE, MK_BASE, EL_SINGLE, KA, HY };
