"""Person-name pools for the evaluation corpora.

Sources (deliberately different from the lexicons of the detector under test):
  * Python Faker, Debian package `faker` / `python3-fake-factory` (MIT), person providers;
  * PHP Faker, Debian package `php-faker` (MIT), Provider/<locale>/Person.php, read as text
    (no PHP interpreter needed);
  * a short list of romanised Arabic names written by hand for this harness, because neither
    Faker ships Arabic names in Latin script.
Cyrillic (ru_RU, uk_UA) is transliterated with a fixed table; Korean (ko_KR, Hangul) with the
Revised Romanization of the syllable blocks plus the customary spelling of surnames.
"""
import importlib
import os
import re
import sys
import unicodedata

DEBIAN_PY = "/usr/lib/python3/dist-packages"
PHP_FAKER = "/usr/share/php/Faker/Provider"


def _faker_module(locale):
    if DEBIAN_PY not in sys.path:
        sys.path.append(DEBIAN_PY)
    return importlib.import_module(f"faker.providers.person.{locale}").Provider


def python_faker_version():
    if DEBIAN_PY not in sys.path:
        sys.path.append(DEBIAN_PY)
    import faker  # noqa: F401
    return getattr(faker, "VERSION", getattr(faker, "__version__", "?"))


def php_faker_version():
    try:
        with open("/usr/share/doc/php-faker/changelog.Debian.gz", "rb") as f:
            import gzip
            head = gzip.decompress(f.read()).decode().splitlines()[0]
            return head.split("(")[1].split(")")[0]
    except OSError:
        return "?"


def _seq(value):
    if isinstance(value, dict):
        return list(value.keys())
    return list(value)


def py_list(locale, *attrs):
    provider = _faker_module(locale)
    out = []
    for attr in attrs:
        if hasattr(provider, attr):
            out.extend(_seq(getattr(provider, attr)))
    return out


_PHP_STRING = re.compile(r"'((?:\\.|[^'\\])*)'")


def php_list(locale, *names):
    path = os.path.join(PHP_FAKER, locale, "Person.php")
    with open(path, encoding="utf-8") as f:
        source = f.read()
    out = []
    for name in names:
        m = re.search(r"static \$" + name + r"\s*=\s*(?:\[|array\()(.*?)(?:\]|\));", source, re.S)
        if not m:
            continue
        for s in _PHP_STRING.findall(m.group(1)):
            out.append(s.replace("\\'", "'").replace("\\\\", "\\"))
    return out


_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
                ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                 "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "ye", "yi", "g"]))


def translit_cyrillic(word):
    out = []
    for ch in word:
        low = ch.lower()
        if low in _CYR:
            t = _CYR[low]
            out.append(t.capitalize() if ch != low else t)
        else:
            out.append(ch)
    return "".join(out)


_L = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_V = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
      "eu", "ui", "i"]
_T = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
      "t", "t", "k", "t", "p", "t"]
_KO_SURNAMES = {"김": "Kim", "이": "Lee", "박": "Park", "정": "Jung", "최": "Choi", "조": "Cho", "강": "Kang",
                "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo", "신": "Shin",
                "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song", "류": "Ryu", "전": "Jeon", "홍": "Hong",
                "고": "Ko", "문": "Moon", "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek", "허": "Heo",
                "유": "Yoo", "남": "Nam", "심": "Shim", "노": "Noh", "하": "Ha", "곽": "Kwak", "성": "Sung",
                "차": "Cha", "주": "Joo", "우": "Woo", "구": "Koo", "민": "Min", "진": "Jin", "나": "Na",
                "지": "Ji", "엄": "Eom", "채": "Chae", "원": "Won", "천": "Cheon", "방": "Bang", "공": "Kong",
                "현": "Hyun", "함": "Ham", "변": "Byun", "염": "Yeom", "여": "Yeo", "추": "Choo", "도": "Do",
                "소": "So", "석": "Seok", "선": "Sun", "설": "Seol", "마": "Ma", "길": "Gil", "연": "Yeon",
                "위": "Wi", "표": "Pyo", "명": "Myung", "기": "Ki", "반": "Ban", "왕": "Wang", "금": "Geum",
                "옥": "Ok", "육": "Yook", "인": "In", "맹": "Maeng", "제": "Je", "모": "Mo", "탁": "Tak",
                "국": "Kook", "어": "Eo", "은": "Eun", "편": "Pyeon", "용": "Yong"}


def romanize_hangul(word, syllable_sep=""):
    parts = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            lead, rest = divmod(code, 588)
            vowel, tail = divmod(rest, 28)
            parts.append(_L[lead] + _V[vowel] + _T[tail])
        else:
            parts.append(ch)
    return syllable_sep.join(parts).capitalize()


# Romanised Arabic names, written for this harness (neither Faker has Arabic names in Latin script).
ARABIC_GIVEN = ["Mohammed", "Ahmed", "Mahmoud", "Youssef", "Omar", "Khaled", "Tariq", "Hamza", "Bilal", "Karim",
                "Samir", "Nabil", "Walid", "Rashid", "Faisal", "Mustafa", "Ibrahim", "Yasser", "Ziad", "Hussein",
                "Anas", "Majed", "Saeed", "Adel", "Imad", "Fatima", "Aisha", "Mariam", "Layla", "Noura", "Huda",
                "Salma", "Rania", "Dalia", "Yasmin", "Amira", "Hala", "Lina", "Reem", "Samira", "Nadia", "Zeinab",
                "Hanan", "Ghada", "Rasha", "Suad", "Jamila", "Maha", "Abdullah", "Abdelrahman", "Sultan", "Nasser"]
ARABIC_FAMILY = ["Al-Sayed", "El-Masri", "Haddad", "Khoury", "Nasser", "Saleh", "Mansour", "Hamdan", "Al-Farsi",
                 "Al-Rashid", "Qureshi", "Aziz", "Barakat", "Darwish", "Farouk", "Ghanem", "Habib", "Issa", "Jaber",
                 "Kassab", "Mahfouz", "Najjar", "Obeid", "Rahman", "Sabbagh", "Tamimi", "Yousef", "Zaher",
                 "Abdel-Aziz", "Al-Hashimi", "Bakr", "El-Sharif", "Fakhoury", "Hijazi", "Khalil", "Shalabi"]

# Words that name things in support text as often as they name people: such names are left out of
# the pools so that the person corpus measures names, and so that look-alike words stay unambiguous.
# (Hand-written; not taken from any word list.)
AMBIGUOUS = set("""
will mark bill may june april august rose grace hope faith joy dawn summer autumn winter young white black green
brown gray grey king price long short little love wise best hunter page day night moon star snow rain frank guy art
ray sky golden silver gold bishop pope chase bank banks case ford dodge mercedes porsche tesla apple amazon phoenix
paris london berlin austin dallas houston jordan georgia virginia carolina florence sydney chelsea brooklyn madison
victoria orlando denver lincoln chance hardy noble sharp strong swift rich bond cash cross fox wolf bird lamb bull
hart drake crane finch swan crow bush wood woods field fields hill hills lake rivers river stone brooks marsh dale
glen heath moss reed rush vale bay cliff ash holly ivy olive iris lily daisy jasmine hazel ruby pearl amber crystal
jade opal coral mercy patience prudence constance honor justice liberty angel precious miracle blessing gift comfort
favour favor peace mint sage basil pepper ginger candy honey sugar cherry berry lemon doctor master merchant date
more oak om dad loyal sir major general marshal judge sheriff deacon parson abbott cardinal prince duke earl baron
knight squire queen lord lady miss christian royal sterling monday tuesday wednesday thursday friday saturday sunday
january february march july september october november december happy lucky sunny rocky dusty sandy misty stormy
brandy sherry chanel kindle alexa siri echo nest ring galaxy pixel surface office excel word teams zoom slack target
visa discover wells delta united american spirit frontier alaska jet blue red orange premium platinum basic pro plus
team enterprise starter ok no yes un le la de van von da do di du al el an in on it is as at be by he me my so to up us
we go oh ha ho ma mo na ne nu pa po ta te tu wa ye yo ya am are was per via bo bi li lo lu ok mr mrs ms dr prof
ace max sun son don dean rob penny bob pat sue chip dot kit sly bud buck bunny cole rich gene jean sandy cliff
grant leaf hale dean ivy may major mason early hall church mill wall small good well rice wing chin law mann page
bell lane north south east west english french german polish dutch irish welsh scott turner baker cook cooper
carter fisher foster walker porter potter taylor tanner weaver butler parker fletcher mayor major reeve shepherd
marine sea ocean sand land home house field farm story money penny earl state case close sale sales free
christmas easter diwali ramadan paris milan rome roma berlin vienna may summer
""".split())


def _clean(names):
    out = []
    seen = set()
    for n in names:
        n = unicodedata.normalize("NFC", n.strip())
        if not n or n in seen:
            continue
        if not re.fullmatch(r"[^\W\d_]+(?:[-' ’][^\W\d_]+)*", n):
            continue
        if re.search(r"[a-z][A-Z]", n) and not re.match(r"(Mc|Mac|Di|De|Le|La|Van|Von|Da|Du|O')", n):
            continue  # concatenation glitches in the source lists, e.g. 'NaotoHideki'
        if any(tok.lower() in AMBIGUOUS for tok in re.findall(r"[^\W\d_]+", n)):
            continue
        if sum(1 for tok in re.findall(r"[^\W\d_]+", n) if len(tok) >= 2) == 0:
            continue
        if not re.search(r"[^\W\d_]{3,}", n) and len(n) < 3:
            continue
        seen.add(n)
        out.append(n)
    return out


def _latin(names):
    return [n for n in names if all(ord(c) < 0x0250 or c in "’'-" for c in n)]


def build_pools():
    """Returns {culture: [(locale_tag, given_names, family_names, order, middle_names)]}; order 'gf'
    (given family) or 'fg' (family [middle] given, the East Asian order as written in that language)."""
    pools = {}

    def add(culture, tag, given, family, order="gf", middle=()):
        given, family = _clean(given), _clean(family)
        if given and family:
            pools.setdefault(culture, []).append((tag, given, family, order, _clean(middle)))

    for loc in ["en_US", "en_GB", "de_DE", "fr_FR", "it_IT", "nl_NL"]:
        fam = [f for f in py_list(loc, "last_names") if " " not in f]
        add("western", "py:" + loc, py_list(loc, "first_names"), fam)
    add("western", "php:en_US", php_list("en_US", "firstNameMale", "firstNameFemale"),
        [n for n in php_list("en_US", "lastName") if "'" in n])  # the O'… surnames
    for loc in ["es_ES", "es_MX", "pt_BR"]:
        add("hispanic", "py:" + loc, py_list(loc, "first_names"), py_list(loc, "last_names"))
    # Slavic, Latin script
    pl_male_last = py_list("pl_PL", "unisex_last_names", "male_last_names")
    pl_female_last = [re.sub(r"(ski|cki|dzki)$", lambda m: m.group(1)[:-1] + "a", n) for n in pl_male_last]
    add("slavic", "py:pl_PL", py_list("pl_PL", "first_names_male"), pl_male_last)
    add("slavic", "py:pl_PL", py_list("pl_PL", "first_names_female"), pl_female_last)
    add("slavic", "py:cs_CZ", py_list("cs_CZ", "first_names_male"), py_list("cs_CZ", "last_names_male"))
    add("slavic", "py:cs_CZ", py_list("cs_CZ", "first_names_female"), py_list("cs_CZ", "last_names_female"))
    add("slavic", "py:hr_HR", py_list("hr_HR", "first_names"), py_list("hr_HR", "last_names"))
    add("slavic", "py:ru_RU+translit", [translit_cyrillic(n) for n in py_list("ru_RU", "first_names_male")],
        [translit_cyrillic(n) for n in py_list("ru_RU", "last_names_male")])
    add("slavic", "py:ru_RU+translit", [translit_cyrillic(n) for n in py_list("ru_RU", "first_names_female")],
        [translit_cyrillic(n) for n in py_list("ru_RU", "last_names_female")])
    add("slavic", "py:uk_UA+translit", [translit_cyrillic(n) for n in py_list("uk_UA", "first_names")],
        [translit_cyrillic(n) for n in py_list("uk_UA", "last_names") if not n.endswith(("на", "ва"))])
    add("arabic", "hand-written", ARABIC_GIVEN, ARABIC_FAMILY)
    add("turkish", "py:tr_TR", py_list("tr_TR", "first_names"), py_list("tr_TR", "last_names"))
    add("west_african", "py:tw_GH", py_list("tw_GH", "first_names"), py_list("tw_GH", "last_names"))
    add("west_african", "php:en_NG", php_list("en_NG", "firstNameMale", "firstNameFemale"),
        php_list("en_NG", "lastName"))
    add("south_asian", "php:en_IN", php_list("en_IN", "firstNameMale", "firstNameFemale"),
        php_list("en_IN", "lastName"))
    add("east_asian", "py:ja_JP romanized", py_list("ja_JP", "first_romanized_names"),
        py_list("ja_JP", "last_romanized_names"))
    add("east_asian", "py:zh_CN romanized", py_list("zh_CN", "first_romanized_names"),
        py_list("zh_CN", "last_romanized_names"), order="fg")
    add("east_asian", "py:zh_CN romanized", py_list("zh_CN", "first_romanized_names"),
        py_list("zh_CN", "last_romanized_names"))
    ko_given = [romanize_hangul(n) for n in py_list("ko_KR", "first_names") if len(n) == 2]
    ko_family = [_KO_SURNAMES[n] for n in py_list("ko_KR", "last_names") if n in _KO_SURNAMES]
    add("east_asian", "py:ko_KR+romanized", ko_given, ko_family, order="fg")
    add("east_asian", "py:ko_KR+romanized", ko_given, ko_family)
    vi_given = php_list("vi_VN", "firstNameMale", "firstNameFemale")
    add("east_asian", "php:vi_VN", vi_given, php_list("vi_VN", "lastName"), order="fg",
        middle=php_list("vi_VN", "middleNameMale", "middleNameFemale"))
    for culture in pools:
        pools[culture] = [(t, _latin(g), _latin(f), o, _latin(m)) for t, g, f, o, m in pools[culture]]
    return pools


def gender_sets():
    """Given names listed only as male or only as female by the sources (for choosing a title)."""
    male, female = set(), set()
    for loc in ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "pl_PL", "cs_CZ", "ru_RU", "tr_TR", "tw_GH", "nl_NL",
                "pt_BR", "hr_HR", "uk_UA", "it_IT", "ja_JP"]:
        conv = translit_cyrillic if loc in ("ru_RU", "uk_UA") else (lambda x: x)
        male.update(conv(n) for n in py_list(loc, "first_names_male", "first_romanized_names_male"))
        female.update(conv(n) for n in py_list(loc, "first_names_female", "first_romanized_names_female"))
    for loc in ["en_US", "en_GB", "en_IN", "en_NG", "vi_VN"]:
        male.update(php_list(loc, "firstNameMale"))
        female.update(php_list(loc, "firstNameFemale"))
    male.update(ARABIC_GIVEN[:25] + ARABIC_GIVEN[48:])
    female.update(ARABIC_GIVEN[25:48])
    return male - female, female - male


if __name__ == "__main__":
    for culture, subs in build_pools().items():
        for tag, g, f, o, m in subs:
            print(f"{culture:13} {tag:24} given={len(g):4} family={len(f):4} {o}  e.g. {g[:3]} {f[:3]} {m[:3]}")
