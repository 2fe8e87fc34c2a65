// Small hand-written lists used by build.mjs. Everything here is marked "hand-written" in
// PROVENANCE.md. Keep these lists short and factual; large data must come from a licensed package.

// Placeholder entries of the US Social Security Administration baby-name files, which record
// them where no name was given. They are not given names and are left out.
export const SSA_PLACEHOLDERS = [
  'Baby', 'Babyboy', 'Babygirl', 'Boy', 'Daughter', 'Female', 'Girl', 'Infant', 'Infantboy',
  'Infantgirl', 'Male', 'Nameless', 'Notnamed', 'Son', 'Twin', 'Twina', 'Twinb', 'Unnamed', 'Unknown',
];

// Lower-case particles that stand inside family names ("van der Berg", "de la Cruz",
// "bin Laden"). Written to name-particles.txt and used to find the main token of a surname.
export const SURNAME_PARTICLES = [
  'al', 'ap', 'av', 'af', 'ben', 'bin', 'binti', 'bint', 'da', 'das', 'de', 'dei', 'degli', 'del',
  'della', 'delle', 'dello', 'den', 'der', 'des', 'di', 'do', 'dos', 'du', 'el', 'ibn', 'la', 'le',
  'lo', 'op', "'t", 'te', 'ten', 'ter', 'van', 'vande', 'vanden', 'vander', 'von', 'y', 'zu', 'zum', 'zur',
];

// Month and weekday names for major European languages whose faker-js locale has no date
// definitions (Italian, Polish, Turkish, Finnish, Norwegian Bokmål).
export const MONTHS = {
  it: ['Gennaio', 'Febbraio', 'Marzo', 'Aprile', 'Maggio', 'Giugno', 'Luglio', 'Agosto', 'Settembre', 'Ottobre', 'Novembre', 'Dicembre'],
  pl: ['Styczeń', 'Luty', 'Marzec', 'Kwiecień', 'Maj', 'Czerwiec', 'Lipiec', 'Sierpień', 'Wrzesień', 'Październik', 'Listopad', 'Grudzień'],
  tr: ['Ocak', 'Şubat', 'Mart', 'Nisan', 'Mayıs', 'Haziran', 'Temmuz', 'Ağustos', 'Eylül', 'Ekim', 'Kasım', 'Aralık'],
  fi: ['Tammikuu', 'Helmikuu', 'Maaliskuu', 'Huhtikuu', 'Toukokuu', 'Kesäkuu', 'Heinäkuu', 'Elokuu', 'Syyskuu', 'Lokakuu', 'Marraskuu', 'Joulukuu'],
  nb: ['Januar', 'Februar', 'Mars', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Desember'],
};
export const WEEKDAYS = {
  it: ['Lunedì', 'Martedì', 'Mercoledì', 'Giovedì', 'Venerdì', 'Sabato', 'Domenica'],
  pl: ['Poniedziałek', 'Wtorek', 'Środa', 'Czwartek', 'Piątek', 'Sobota', 'Niedziela'],
  tr: ['Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi', 'Pazar'],
  fi: ['Maanantai', 'Tiistai', 'Keskiviikko', 'Torstai', 'Perjantai', 'Lauantai', 'Sunnuntai'],
  nb: ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag'],
};

// Further small categories of capitalised words that are not person names.
export const CATEGORIES = {
  holiday: [
    'Advent', 'Christmas', 'Diwali', 'Easter', 'Eid', 'Halloween', 'Hanukkah', 'Holi', 'Kwanzaa',
    'Lent', 'Passover', 'Pentecost', 'Ramadan', 'Thanksgiving', 'Xmas', 'Yom Kippur',
  ],
  plan: [
    'Basic', 'Bronze', 'Business', 'Diamond', 'Enterprise', 'Essentials', 'Free', 'Gold', 'Lite',
    'Platinum', 'Plus', 'Premium', 'Pro', 'Professional', 'Silver', 'Standard', 'Starter', 'Trial',
    'Ultimate', 'Unlimited',
  ],
  team: [
    'Accounting', 'Accounts', 'Admin', 'Administrator', 'Billing', 'Compliance', 'Customer',
    'Engineering', 'Finance', 'Helpdesk', 'Legal', 'Management', 'Marketing', 'Operations', 'Ops',
    'Payroll', 'Procurement', 'Sales', 'Security', 'Service', 'Staff', 'Support', 'Team',
  ],
  greeting: [
    'Dear', 'Greetings', 'Hello', 'Hey', 'Hi', 'Regards', 'Sincerely', 'Thanks', 'Welcome',
  ],
  honorific: [
    'Capt', 'Col', 'Dame', 'Dr', 'Fr', 'Frau', 'Gen', 'Herr', 'Hon', 'Lady', 'Lord', 'Lt', 'Madam',
    'Mlle', 'Mme', 'Mr', 'Mrs', 'Ms', 'Mx', 'Prof', 'Rev', 'Sgt', 'Sir', 'Sr', 'Sra', 'Srta',
  ],
};
