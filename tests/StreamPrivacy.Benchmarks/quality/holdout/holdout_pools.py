"""Name pools of the held-out PERSON corpus.

Sources (none of them is a source of the detector's lexicons, nor of the first evaluation's corpora):
  * Python Faker 0.9.3 (Debian package python3-fake-factory / faker, MIT): the provider lists of
    fi_FI, sv_SE, no_NO, dk_DK, lt_LT, lv_LV, et_EE (Estonian part), hu_HU, ro_RO, sl_SI, id_ID,
    en_TH (romanised Thai), and bg_BG, el_GR, ka_GE transliterated here with fixed tables;
  * PHP Faker 1.20.0 (Debian package php-faker, MIT), read as text: is_IS, sk_SK, sr_Latn_RS, me_ME,
    ms_MY (Malay, Malaysian Chinese, Malaysian Indian), en_ZA, en_UG, and kk_KZ, hy_AM transliterated;
  * hand-written lists (HAND below, marked source "hand:…") for cultures neither Faker covers in
    Latin script: Filipino, Swahili/Kenyan, Ethiopian (Amharic), Somali, Sinhala, Tamil, Bengali,
    Punjabi, Nepali, Pashto, Persian, Mongolian, Maori, Samoan, Tongan, Fijian.

Only the lists are read; no Faker random generator is used, so the pools do not depend on Faker's
RNG. Every list is de-duplicated and sorted before sampling, so the corpus is deterministic.
"""
import importlib
import os
import re
import sys
import unicodedata

PHP_DIR = "/usr/share/php/Faker/Provider"
PY_DIST = "/usr/lib/python3/dist-packages"


# ---------------------------------------------------------------------------------------------
# exclusions: tokens that are ordinary English words, or famous places / brands / products.
# Written by hand and checked against a small English word list (lower-case entries of SCOWL
# size 35, Debian wamerican-small) once while writing; the generator itself needs no dictionary.
# ---------------------------------------------------------------------------------------------
ENGLISH_WORDS = set("""
a an and are as at be bent bo but by do even for from go he her his if in into is it lone love
mart mat mats me my no odd of on or so the to up us we were will may june april august
grace hope faith joy rose lily ivy iris daisy violet ruby pearl amber crystal dawn summer autumn
winter sky rain storm river brook forest wood stone hill field king prince duke earl baron bishop
knight page cook baker mason carter hunter fisher miller porter walker young old long short white
black brown green gray grey bell hall wall bank banks mark bill rob pat sue nick jack chase chance
rich sunny honey candy penny lane dale glen cliff heath moss reed ash oak pine major sterling noble
royal gay frank earnest art don dean guy hardy ion gill lama bay bud cam dot fay gene jay kit max
nan ray sal tam agent alas alias ally among angel ants aura azalea ban bat bee berry beta bite bitten
bob bog boil bone boo brand brink burger butler buys carol charity chew chin chow chum contact curt dam
deli despot destiny details die din dodo dolly edit else emerald eve ewe fan fang fern flora franc gal
gale gee gong goon grant gross gun gunner hang heather hen heros hew hi hind ho hoe horn human hunt id
innocent jail jug junior kin kink kiss lap lass law lie lieu line link low lucky lye ma made man mane
mar mare marina marine mas maxim maxima median melody mere mile miracle miss mist mitt moor move mu
must new newton next nor oh one pa palm pan panda pane pang pap park parts patience paw per perch
personal pink pole pop post precious prudence queen raid rash raze rein roar robin roman roots rosemary
rune rut saga said sang sardine sari see sera serene set sever shake sham shaikh sheikh shin sierra
sin sine sing slave smit song soon strand street suits sum sung tan tang tar tea tee they thong tiara
tilde ting tone tong toots tore trinity urban vain valentine valves vane victor villa viola violin wage
wan wee wing woo yam yap yen yew yoga you your anon bob curt
ah ai aw au ok ha eh um uh yo ya ye it ab abd caw goo hung loon pen sun win yet sandy sonata
""".split())

PLACES_BRANDS = set("""
sofia milan roma lima santiago alma victoria florence adelaide georgia jordan chad india kenya
paris london berlin vienna prague warsaw moscow kiev kyiv riga vilnius tallinn helsinki oslo
stockholm copenhagen reykjavik budapest bucharest belgrade sarajevo zagreb ljubljana bratislava
athens tbilisi yerevan almaty astana jakarta bali java sumatra manila bangkok colombo kathmandu
kabul tehran nairobi mombasa kampala addis harare durban pretoria soweto dakota austin dallas
denver phoenix orlando savannah madison brooklyn chelsea sydney regina aden lagos cairo dubai
mercedes tesla porsche ferrari chanel dior gucci prada armani versace ford dell tata honda toyota
suzuki nokia volvo oracle kia nike lexus skoda dacia lada zara mango ikea lego bosch siemens
philips heineken carlsberg fazer marimekko fiskars kone elisa hermes mars venus apollo atlas nova
alexa siri cortana hilton marriott disney dyson boeing airbus sony canon nikon lenovo asus acer
samsung hyundai lotus jaguar puma adidas reebok fila levi gap costa nestle ferrero lindt cadbury
colgate kraft heinz gillette dove nivea braun miele saab scania ericsson spotify klarna pandora
vestas telia maersk jumbo tui visa amazon uber lyft zoom slack notion figma africa europe asia america
""".split())


def _lower_tokens(name):
    return [t.lower() for t in re.findall(r"[^\W\d_]+", name) if len(t) >= 2]


def _word_tokens(name):
    """Space- and hyphen-separated parts, apostrophes kept ("Sa'id" is not the word "said")."""
    return [t.lower().strip("'") for t in re.split(r"[ \-]+", name) if len(t.strip("'")) >= 2]


EXTRA_EXCLUDED = set()  # filled by the generator with the look-alike vocabulary


def excluded(name):
    return any(t in ENGLISH_WORDS or t in PLACES_BRANDS or t in EXTRA_EXCLUDED for t in _word_tokens(name))


def clean(names, allow_apostrophe=True):
    """Drops empty, abbreviated (with a dot), digit-bearing, single-letter or excluded entries."""
    out = set()
    for n in names:
        n = unicodedata.normalize("NFC", n.strip())
        if not n or "." in n or any(ch.isdigit() for ch in n):
            continue
        if n.islower():  # a few php-faker entries are lower-case (en_ZA 'jacobus')
            n = n[0].upper() + n[1:]
        if not allow_apostrophe and "'" in n:
            continue
        if not re.fullmatch(r"[^\W\d_]+(?:[-' ][^\W\d_]+)*'?|'[^\W\d_]+", n):
            continue
        if any(len(t) < 2 for t in re.findall(r"[^\W\d_]+", n)):
            continue
        if excluded(n):
            continue
        out.add(n)
    return sorted(out)


# ---------------------------------------------------------------------------------------------
# readers
# ---------------------------------------------------------------------------------------------
def py_provider(locale):
    try:
        import faker  # noqa: F401
    except ImportError:
        if PY_DIST not in sys.path:
            sys.path.append(PY_DIST)
    return importlib.import_module(f"faker.providers.person.{locale}").Provider


def php_arrays(locale):
    src = open(os.path.join(PHP_DIR, locale, "Person.php"), encoding="utf-8").read()
    out = {}
    for m in re.finditer(r"protected static \$(\w+)\s*=\s*(\[|array\()", src):
        i, depth, in_str = m.end(), 1, False
        while depth:
            c = src[i]
            if in_str:
                if c == "\\":
                    i += 1
                elif c == "'":
                    in_str = False
            elif c == "'":
                in_str = True
            elif c in "[(":
                depth += 1
            elif c in "])":
                depth -= 1
            i += 1
        body = src[m.end():i - 1]
        out[m.group(1)] = [s.replace("\\'", "'") for s in re.findall(r"'((?:[^'\\]|\\.)*)'", body)]
    return out


# ---------------------------------------------------------------------------------------------
# transliteration (fixed tables)
# ---------------------------------------------------------------------------------------------
BG = dict(zip("абвгдежзийклмнопрстуфхцчшщъьюя",
              "a b v g d e zh z i y k l m n o p r s t u f h ts ch sh sht a y yu ya".split()))
KK = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "gh", "д": "d", "е": "e", "ё": "yo",
      "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
      "ң": "ng", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
      "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
      "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya"}
KA = dict(zip("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
              "a b g d e v z t i k l m n o p zh r s t u p k gh q sh ch ts dz ts ch kh j h".split()))
HY = {"ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y", "թ": "t",
      "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h", "ձ": "dz", "ղ": "gh",
      "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o", "չ": "ch", "պ": "p", "ջ": "j",
      "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r", "ց": "ts", "ւ": "v", "փ": "p", "ք": "k",
      "օ": "o", "ֆ": "f", "և": "ev"}
EL = {"α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
      "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
      "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o"}


def _cap(s):
    return "-".join(p[:1].upper() + p[1:] for p in s.split("-"))


def _simple(table, word):
    return _cap("".join(table.get(ch, ch) for ch in word.lower()))


def translit_bg(word):
    w = word.lower()
    w = re.sub(r"ия$", "ia", w)
    return _cap("".join(BG.get(ch, ch) for ch in w))


def translit_kk(word):
    return _simple(KK, word)


def translit_ka(word):
    return _simple(KA, word)


def translit_hy(word):
    w = word.lower().replace("ու", "u").replace("եա", "ya").replace("իւ", "yu")
    out = []
    for i, ch in enumerate(w):
        if i == 0 and ch == "ե":
            out.append("ye")
        elif i == 0 and ch == "ո":
            out.append("vo")
        else:
            out.append(HY.get(ch, ch))
    return _cap("".join(out))


def translit_el(word):
    """ELOT 743 without accents: digraphs mp/nt/gk at the start as b/d/g, av/ev before voiced sounds."""
    w = "".join(ch for ch in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(ch) != "Mn")
    voiced = set("αεηιοωυβγδζλμνρ")
    out, i = [], 0
    while i < len(w):
        two = w[i:i + 2]
        nxt = w[i + 2] if i + 2 < len(w) else ""
        if two == "ου":
            out.append("ou"); i += 2; continue
        if two in ("αυ", "ευ", "ηυ"):
            base = {"αυ": "a", "ευ": "e", "ηυ": "i"}[two]
            out.append(base + ("v" if nxt in voiced else "f")); i += 2; continue
        if two == "μπ":
            out.append("b" if i == 0 else "mp"); i += 2; continue
        if two == "ντ":
            out.append("d" if i == 0 else "nt"); i += 2; continue
        if two == "γκ":
            out.append("g" if i == 0 else "gk"); i += 2; continue
        if two == "γγ":
            out.append("ng"); i += 2; continue
        out.append(EL.get(w[i], w[i])); i += 1
    return _cap("".join(out))


# ---------------------------------------------------------------------------------------------
# hand-written lists (source "hand:…"); given names by gender, family names (or father's names)
# ---------------------------------------------------------------------------------------------
HAND = {
    "filipino": dict(
        culture="southeast_asian",
        m="Jomar Rodel Arnel Efren Dondon Reymart Jhunrey Ronilo Arvin Jerwin Raffy Rommil Nonoy Jonel Randolf Marvin",
        f="Maricel Marites Lorna Rowena Jonalyn Mylene Rosalinda Analyn Jennylyn Lizbeth Rhodora Marilou Edna Arlene Gemma Charmaine",
        fam="Dimaculangan Panganiban Dimaano Macaraeg Mangubat Lacsamana Magbanua Bulaong Manalo Dizon Pangilinan Mallari "
            "Gatchalian Sumulong Dimagiba Malonzo Cunanan Maglaya Agbayani Tuazon Lagman Dalisay Macaspac Ocampo Dumalagan"),
    "swahili_kenyan": dict(
        culture="east_african",
        m="Juma Baraka Bakari Athumani Hamisi Shabani Kassim Kamau Otieno Kiprotich Wafula Mutua Kioko Njoroge Kimani "
          "Odhiambo Wekesa Barasa Mwangi Rashidi",
        f="Rehema Mwanaisha Zawadi Neema Furaha Tumaini Wanjiku Wambui Achieng Chebet Jeptoo Nafula Mwende Nduku Akinyi "
          "Atieno Njeri Wairimu Nyokabi Mwajuma",
        fam="Mwakyusa Kimaro Massawe Mrema Lyimo Mushi Mwakilema Mwinyi Kombo Kariuki Ndungu Onyango Ouma Korir Rotich "
            "Chepkoech Wanyama Musyoka Mutiso Kilonzo Nyambura Omondi"),
    "ethiopian": dict(
        culture="east_african",
        m="Tesfaye Alemayehu Mulugeta Kebede Girma Dawit Yohannes Berhanu Getachew Tadesse Bekele Mesfin Abebe Fikru "
          "Tewodros Yonas Henok Eyob Biniam Mekonnen Asfaw Wondimu Zerihun",
        f="Tigist Meseret Selamawit Hirut Genet Mekdes Netsanet Alemitu Birtukan Almaz Tsehay Aster Yeshiwork Hiwot "
          "Bezawit Mahlet Rahel Tsion",
        fam=None),  # family name = the father's given name (male list)
    "somali": dict(
        culture="east_african",
        m="Abdirahman Abdiwali Abdikarim Abdullahi Guled Warsame Mohamud Cabdi Maxamed Xuseen Abdirizak Liban Bashiir "
          "Cabdiraxmaan Mahad Abdifatah",
        f="Faadumo Hodan Ubah Hamdi Sahra Ifrah Najma Khadra Deeqa Ladan Sagal Nimco Hibo Istar Fartun Idil",
        fam="Warsame Jama Egal Dirie Samatar Hirsi Elmi Duale Gedi Hersi Qasim Abdi Ismail Mohamed Farah Guleid Osman"),
    "sinhala": dict(
        culture="south_asian",
        m="Chaminda Nuwan Kasun Lahiru Chathura Tharindu Sampath Buddhika Ruwan Asanka Dilshan Gayan Janaka Upul",
        f="Dilani Thilini Sanduni Madushani Nadeesha Chamari Hiruni Sachini Gayani Nirosha Upeksha Dulani Iresha Shanika",
        fam="Wickramasinghe Jayawardena Dissanayake Gunawardena Senanayake Bandara Herath Samarasinghe Ranasinghe "
            "Weerasinghe Rathnayake Karunaratne Abeysekera Wijesinghe Liyanage Ekanayake Amarasinghe Kumarasinghe"),
    "tamil": dict(
        culture="south_asian",
        m="Senthil Karthikeyan Murugan Anbarasan Ilango Vetrivel Sivakumar Saravanan Manikandan Selvam Thirunavukkarasu "
          "Elangovan",
        f="Kavitha Thenmozhi Selvi Tamilselvi Yazhini Kayal Malarvizhi Revathi Sangeetha Meenakshi Vasuki Kalaivani "
          "Poongodi",
        fam="Subramaniam Ramasamy Natarajan Annamalai Arumugam Palanisamy Velusamy Muthusamy Ganesan Chinnasamy "
            "Periyasamy Kandasamy Rajendran Thangavel"),
    "bengali": dict(
        culture="south_asian",
        m="Arnab Tanmoy Anirban Subhankar Sourav Debashis Partha Indranil Abhijit Rajarshi Shuvo Tanvir Mahfuz Rafiqul",
        f="Debjani Sharmistha Rituparna Moumita Payel Sreeja Tanushree Nusrat Farzana Sumaiya Shampa Mithila",
        fam="Chattopadhyay Bandyopadhyay Mukhopadhyay Bhattacharjee Chowdhury Sarkar Majumdar Sengupta Dasgupta "
            "Ghoshal Haldar Mondal Talukdar Bhuiyan Khandaker Hossain Biswas Chakraborty"),
    "punjabi": dict(
        culture="south_asian",
        m="Gurpreet Harjinder Manpreet Jaspreet Navjot Simranjit Baljit Kuldeep Amandeep Paramjit Harpreet Sukhwinder "
          "Jaswinder Tejinder Gurdeep Ravinder",
        f="Harleen Simran Navneet Kirandeep Rupinder Jasleen Manjit Gurleen Sukhjit Parminder",
        fam="Sandhu Dhillon Grewal Sidhu Brar Bains Randhawa Cheema Aulakh Virk Sekhon Bajwa Pannu Khehra Chahal "
            "Dhaliwal Johal Sohal"),
    "nepali": dict(
        culture="south_asian",
        m="Bishnu Prakash Bikash Suman Roshan Anish Sandesh Sujan Bibek Nabin Rabindra",
        f="Sabina Pratima Sunita Bimala Sarita Samjhana Sushmita Rojina Sabitri Anjana",
        fam="Shrestha Adhikari Gurung Tamang Magar Thapa Bhattarai Poudel Khadka Karki Basnet Koirala Dahal Limbu "
            "Maharjan Shakya Bajracharya"),
    "pashto": dict(
        culture="west_asian",
        m="Mirwais Zalmay Ajmal Samiullah Hayatullah Naqibullah Rahmatullah Khushal Wahidullah Asadullah Fawad "
          "Nangialai Zabihullah",
        f="Zarmina Wazhma Gulalai Malalai Spozhmai Shukria Zarghona Palwasha Mursal Pashtana Storai Lailuma",
        fam="Durrani Afridi Khattak Shinwari Mohmand Popalzai Achakzai Ahmadzai Wardak Stanikzai Mangal Safi Kakar "
            "Niazi Barakzai Sultani Noorzai Alokozai"),
    "persian": dict(
        culture="west_asian",
        m="Arash Babak Kourosh Farhad Behnam Omid Siavash Dariush Kaveh Payam Ramin Pouya Mehrdad Shahram",
        f="Parisa Nasrin Roya Mahsa Niloufar Shirin Golnaz Maryam Azadeh Bahareh Sepideh Taraneh Mitra",
        fam="Tehrani Shirazi Hosseini Rahimi Mohammadi Karimi Ghorbani Jafari Sadeghi Mousavi Farahani Nikpour "
            "Rostami Esfahani Kazemi Rezaei Bagheri Nazari Amini Abbasi Moradi Yazdani"),
    "mongolian": dict(
        culture="caucasus_central_asian",
        m="Batbayar Munkhbat Erdenebat Ganbold Gantulga Tumurbaatar Otgonbayar Bat-Erdene Naranbaatar Enkhbold "
          "Ochirbat Davaadorj Tsogtbaatar Bat-Ochir",
        f="Enkhjargal Oyunchimeg Bolormaa Tsetsegmaa Altantsetseg Bayarmaa Narantuya Sarangerel Uranchimeg Gerelmaa "
          "Odgerel Munkhtsetseg Oyun-Erdene",
        fam=None),  # patronymic = the father's given name (male list)
    "maori": dict(
        culture="pacific",
        m="Wiremu Hemi Rawiri Tamati Nikau Manaia Ihaia Rewi Pita Hohepa",
        f="Aroha Mere Anahera Ngaio Kahurangi Awhina Marama Huia Hinemoa Ataahua",
        fam="Ngata Parata Tawhiri Horomona Tipene Rangihuna Paewai Tuhiwai Ruatapu Kereama"),
    "samoan": dict(
        culture="pacific",
        m="Tavita Sefo Fetu Tasi Lui Iosefa",
        f="Losa Malia Lagi Ioana Sina Faalua",
        fam="Tuilagi Faleolo Leiataua Sapolu Tuimavave Afamasaga Fonoti Leota Masoe Lealaiauloto"),
    "tongan": dict(
        culture="pacific",
        m="Viliami Siosaia Sione Semisi Tevita Sitani",
        f="Mele Salote Lesieli Losaline 'Ofa Seini",
        fam="Taufa Fifita Vaipulu Havili Lolohea Kaufusi Fakatava Hufanga Moala"),
    "fijian": dict(
        culture="pacific",
        m="Jone Viliame Josefa Sakiusa Peni Isireli Apisai Epeli",
        f="Losana Akanisi Mereoni Litia Vasemaca Unaisi",
        fam="Ravuvu Naivalu Tuilevuka Vosailagi Rokovunisei Nawalu Koroi Waqa Tikoisuva Matanitobua"),
}
# romanised Malay / Indonesian apostrophe names (hand-written), used by the hyphen/apostrophe form
HAND_APOSTROPHE = dict(
    m="Ma'ruf Mu'min Sa'id Ja'afar Mas'ud Ma'arof Syafi'i",
    f="Nur'aini Sa'adiah Ru'yah Mu'izzah Khoiru'nisa",
    fam="Ma'arof Sya'bani Mu'tasim Ja'afar Mas'ud Nu'man")


class Person:
    __slots__ = ("given", "family", "gender", "culture", "source", "family_first", "addressed_by_given", "particle")

    def __init__(self, given, family, gender, culture, source, family_first=False, addressed_by_given=False,
                 particle=""):
        self.given, self.family, self.gender = given, family, gender
        self.culture, self.source = culture, source
        self.family_first, self.addressed_by_given, self.particle = family_first, addressed_by_given, particle

    def full(self):
        fam = f"{self.particle} {self.family}" if self.particle else self.family
        return f"{fam} {self.given}" if self.family_first else f"{self.given} {fam}"

    def addr(self):
        """The name that follows a title: the family name, or the given name where that is the custom."""
        return self.given if self.addressed_by_given else self.family


class Source:
    """One locale or hand list: given names by gender and family names (by gender where they differ)."""

    def __init__(self, key, culture, m, f, fam_m, fam_f=None, *, family_first=False, addressed_by_given=False,
                 patronymic=None, particle=None):
        self.key, self.culture = key, culture
        self.m, self.f = clean(m), clean(f)
        self.fam_m = clean(fam_m) if fam_m is not None else None
        self.fam_f = clean(fam_f) if fam_f is not None else self.fam_m
        self.family_first, self.addressed_by_given = family_first, addressed_by_given
        self.patronymic = patronymic  # function(father_given, gender) -> family, when fam lists are None
        self.particle = particle  # function(gender) -> "bin"/"binti"/"a/l"/…, or None

    def draw(self, rng, gender=None):
        if gender is None:
            gender = rng.choice("mf") if self.m and self.f else ("m" if self.m else "f")
        given = rng.choice(self.m if gender == "m" else self.f)
        if self.patronymic:
            family = self.patronymic(rng.choice(self.patronymic_base), gender)
        else:
            family = rng.choice(self.fam_m if gender == "m" else self.fam_f)
        particle = self.particle(rng, gender) if self.particle else ""
        return Person(given, family, gender, self.culture, self.key, self.family_first, self.addressed_by_given,
                      particle)

    def size(self):
        fam = len(self.patronymic_base) if self.patronymic else len(set(self.fam_m) | set(self.fam_f))
        return len(self.m) + len(self.f), fam


def _py(locale, *names):
    P = py_provider(locale)
    return [list(getattr(P, n)) for n in names]


def _icelandic_patronymic(father, gender):
    base = father[:-2] if father.endswith("ur") else father
    if not base.endswith("s"):
        base += "s"
    return base + ("son" if gender == "m" else "dóttir")


def _kazakh_family(father, gender):
    return father + ("uly" if gender == "m" else "kyzy")


def build_sources():
    S = []
    # --- nordic ---------------------------------------------------------------------------
    m, f, fam = _py("fi_FI", "first_names_male", "first_names_female", "last_names")
    S.append(Source("py:fi_FI", "nordic", m, f, fam))
    m, f, fam = _py("sv_SE", "first_names_male", "first_names_female", "last_names")
    S.append(Source("py:sv_SE", "nordic", m, f, fam))
    m, f, fam = _py("no_NO", "first_names_male", "first_names_female", "last_names")
    S.append(Source("py:no_NO", "nordic", m, f, fam))
    m, f, fam = _py("dk_DK", "first_names_male", "first_names_female", "last_names")
    S.append(Source("py:dk_DK", "nordic", m, f, fam))
    a = php_arrays("is_IS")
    src = Source("php:is_IS", "nordic", a["firstNameMale"], a["firstNameFemale"], None, addressed_by_given=True,
                 patronymic=_icelandic_patronymic)
    src.patronymic_base = clean(a["firstNameMale"])
    S.append(src)
    # --- baltic ---------------------------------------------------------------------------
    first, fam = _py("lt_LT", "first_names", "last_names")
    # lt_LT lists are not split by gender; Lithuanian female given names end in -a/-ė, male in -s
    S.append(Source("py:lt_LT", "baltic", [n for n in first if n.endswith("s")],
                    [n for n in first if not n.endswith("s")], fam,
                    [_lt_female(x) for x in fam]))
    first, fam = _py("lv_LV", "first_names", "last_names")
    S.append(Source("py:lv_LV", "baltic", [n for n in first if n.endswith("s")],
                    [n for n in first if not n.endswith("s")], fam,
                    [_lv_female(x) for x in fam]))
    m, f, fam = _py("et_EE", "first_names_male_est", "first_names_female_est", "last_names_est")
    S.append(Source("py:et_EE", "baltic", m, f, fam))
    # --- hungarian / romanian ---------------------------------------------------------------
    m, f, fam = _py("hu_HU", "first_names_male", "first_names_female", "last_names")
    S.append(Source("py:hu_HU", "hungarian_romanian", m, f, fam))
    m, f, fam = _py("ro_RO", "first_names_male", "first_names_female", "last_names")
    S.append(Source("py:ro_RO", "hungarian_romanian", m, f, fam))
    # --- slovene / slovak / serbian / montenegrin -------------------------------------------
    m, f, fam = _py("sl_SI", "first_names_male", "first_names_female", "last_names")
    S.append(Source("py:sl_SI", "south_slavic_slovak", m, f, fam))
    a = php_arrays("sk_SK")
    S.append(Source("php:sk_SK", "south_slavic_slovak", a["firstNameMale"], a["firstNameFemale"], a["lastNameMale"],
                    a["lastNameFemale"]))
    a = php_arrays("sr_Latn_RS")
    S.append(Source("php:sr_Latn_RS", "south_slavic_slovak", a["firstNameMale"], a["firstNameFemale"], a["lastName"]))
    a = php_arrays("me_ME")
    S.append(Source("php:me_ME", "south_slavic_slovak", a["firstNameMale"], a["firstNameFemale"], a["lastName"]))
    # --- greek / bulgarian (transliterated) ----------------------------------------------------
    m, f, fm, ff = _py("el_GR", "first_names_male", "first_names_female", "last_names_male", "last_names_female")
    S.append(Source("py:el_GR", "greek_bulgarian", [translit_el(x) for x in m], [translit_el(x) for x in f],
                    [translit_el(x) for x in fm], [translit_el(x) for x in ff]))
    m, f, fm = _py("bg_BG", "first_names_male", "first_names_female", "last_names_male")
    fm_l = [translit_bg(x) for x in fm]
    S.append(Source("py:bg_BG", "greek_bulgarian", [translit_bg(x) for x in m], [translit_bg(x) for x in f],
                    fm_l, [x + "a" if re.search(r"(ov|ev|in)$", x) else x for x in fm_l]))
    # --- caucasus / central asia ---------------------------------------------------------------
    m, f, fam = _py("ka_GE", "first_names_male", "first_names_female", "last_names")
    S.append(Source("py:ka_GE", "caucasus_central_asian", [translit_ka(x) for x in m], [translit_ka(x) for x in f],
                    [translit_ka(x) for x in fam]))
    a = php_arrays("hy_AM")
    S.append(Source("php:hy_AM", "caucasus_central_asian", [translit_hy(x) for x in a["firstNameMale"]],
                    [translit_hy(x) for x in a["firstNameFemale"]], [translit_hy(x) for x in a["lastName"]]))
    a = php_arrays("kk_KZ")
    src = Source("php:kk_KZ", "caucasus_central_asian", [translit_kk(x) for x in a["firstNameMale"]],
                 [translit_kk(x) for x in a["firstNameFemale"]], None, patronymic=_kazakh_family)
    src.patronymic_base = clean([translit_kk(x) for x in a["lastName"]])
    S.append(src)
    # --- southeast asian ----------------------------------------------------------------------
    m, f, fm, ff = _py("id_ID", "first_names_male", "first_names_female", "last_names_male", "last_names_female")
    S.append(Source("py:id_ID", "southeast_asian", m, f, fm, ff))
    first, fam = _py("en_TH", "first_names", "last_names")
    S.append(Source("py:en_TH", "southeast_asian", first, first, fam))
    a = php_arrays("ms_MY")
    S.append(Source("php:ms_MY/malay", "southeast_asian", a["firstNameMaleMalay"], a["firstNameFemaleMalay"],
                    a["lastNameMalay"], addressed_by_given=True,
                    particle=lambda rng, g: "bin" if g == "m" else "binti"))
    chinese_m = [f"{x} {y}" for x in clean(a["firstNameMaleChinese"])[::7] for y in clean(a["firstNameChinese"])[::29]]
    chinese_f = [f"{x} {y}" for x in clean(a["firstNameFemaleChinese"])[::5] for y in clean(a["firstNameChinese"])[::29]]
    S.append(Source("php:ms_MY/chinese", "southeast_asian", chinese_m, chinese_f, a["lastNameChinese"],
                    family_first=True))
    S.append(Source("php:ms_MY/indian", "southeast_asian", a["firstNameMaleIndian"], a["firstNameFemaleIndian"],
                    a["lastNameIndian"],
                    particle=lambda rng, g: rng.choice(["", "", "a/l" if g == "m" else "a/p"])))
    # --- african ------------------------------------------------------------------------------
    a = php_arrays("en_ZA")
    S.append(Source("php:en_ZA", "southern_african", a["firstNameMale"], a["firstNameFemale"],
                    [x for x in a["lastName"] if " " not in x]))
    a = php_arrays("en_UG")
    S.append(Source("php:en_UG", "east_african", a["firstNameMale"], a["firstNameFemale"],
                    a["lastNameMale"] + a["lastName"], a["lastNameFemale"] + a["lastName"]))
    # --- hand-written -------------------------------------------------------------------------
    for key, h in HAND.items():
        by_given = key in ("ethiopian", "mongolian")
        if h["fam"] is None:
            src = Source("hand:" + key, h["culture"], h["m"].split(), h["f"].split(), None,
                         addressed_by_given=by_given, patronymic=lambda father, g: father)
            src.patronymic_base = clean(h["m"].split())
        else:
            src = Source("hand:" + key, h["culture"], h["m"].split(), h["f"].split(), h["fam"].split())
        S.append(src)
    src = Source("hand:apostrophe", "southeast_asian", HAND_APOSTROPHE["m"].split(), HAND_APOSTROPHE["f"].split(),
                 HAND_APOSTROPHE["fam"].split())
    S.append(src)
    for s in S:
        if not s.patronymic:
            s.patronymic_base = None
    return S


def _lt_female(fam):
    # Kazlauskas -> Kazlauskienė (married form), Pocius -> Pocienė
    for suf, rep in (("as", "ienė"), ("is", "ienė"), ("ius", "ienė"), ("us", "uvienė")):
        if fam.endswith(suf):
            return fam[: -len(suf)] + rep
    return fam


def _lv_female(fam):
    if fam.endswith("š"):
        return fam[:-1] + "a"
    if fam.endswith("s") and not fam.endswith("is"):
        return fam[:-1] + "a"
    if fam.endswith("is"):
        return fam[:-2] + "e"
    return fam


def all_tokens(sources):
    toks = set()
    for s in sources:
        for lst in (s.m, s.f, s.fam_m or [], s.fam_f or [], s.patronymic_base or []):
            for n in lst:
                toks.update(_lower_tokens(n))
    return toks
