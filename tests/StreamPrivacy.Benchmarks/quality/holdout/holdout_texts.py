"""Sentence templates and look-alike vocabulary of the held-out corpora.

Written for this corpus from the shapes of real support tickets, chat prompts, e-mails, CRM notes,
meeting notes and model responses. Placeholders in person templates:
  {full} {given} {addr}            the person's full name, given name, and the name used after a title
  {full2} {given2} {full3} …       further people (lists)
  {title}                          an English title for the person (Mr., Ms., Dr., …)
  {pron} {obj} {poss}              she/he/they, her/him/them, her/his/their
  {day} {num} {order} {time}       neutral fillers
"""

# ------------------------------------------------------------------------------------------------
# fillers (capitalised fillers are deliberately few: the person corpus measures names)
# ------------------------------------------------------------------------------------------------
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "tomorrow", "today", "next week"]
TIMES = ["9:30", "10:00", "11:15", "13:45", "14:00", "15:30", "16:20", "08:50"]

JOBS = ["Senior Account Manager", "Customer Success Lead", "Head of Procurement", "Operations Coordinator",
        "Data Protection Officer", "Support Engineer II", "Regional Sales Director", "Office Manager",
        "Payroll Specialist", "Site Reliability Engineer", "Product Owner, Payments", "Clinical Research Associate",
        "Logistics Planner", "Chief Financial Officer", "Head of People", "Solutions Architect",
        "Quality Assurance Analyst", "Facilities Supervisor", "Legal Counsel", "Marketing Coordinator"]
COMPANY_STEMS = ["Northbeam", "Kestrelworks", "Bluefjord", "Tallgrass", "Copperline", "Saltmarsh", "Brightwater",
                 "Ironleaf", "Quayside", "Harbourlight", "Stonebridge", "Cloudberry", "Redkite", "Pinecrest",
                 "Silverstrand", "Westwind", "Greyfield", "Oakhurst", "Lumenfield", "Driftwood"]
COMPANY_KINDS = ["Logistics Oy", "Analytics AB", "Freight AS", "Software ApS", "Consulting Kft.", "Systems SRL",
                 "Foods d.o.o.", "Media s.r.o.", "Energy Ltd", "Holdings Pty Ltd", "Trading Sdn Bhd",
                 "Digital PT", "Insurance Ltd", "Labs Inc.", "Health Services", "Retail Group", "Telecom Plc",
                 "Bank", "Capital LLC", "Manufacturing GmbH"]

CLOSINGS = ["Best regards", "Kind regards", "Regards", "Thanks", "Many thanks", "Warm regards", "Cheers",
            "Sincerely", "Best", "Thank you", "Mit freundlichen Grüßen", "Saludos cordiales", "Cordialement",
            "Med vänliga hälsningar", "Ystävällisin terveisin", "Med venlig hilsen", "Salam hormat",
            "Terima kasih", "Asante sana", "Ngā mihi", "Distinti saluti", "Üdvözlettel", "Cu stimă"]

# ------------------------------------------------------------------------------------------------
# titles (value labelled is the name only, never the title)
# ------------------------------------------------------------------------------------------------
TITLES_EN = {"m": ["Mr.", "Mr", "Dr.", "Dr", "Prof.", "Mx."], "f": ["Ms.", "Ms", "Mrs.", "Mrs", "Miss", "Dr.", "Prof."],
             "x": ["Dr.", "Prof.", "Mx."]}
# European titles used in international mail regardless of the person's culture
TITLES_EU = {"m": ["Herr", "Señor", "Sr.", "Sig.", "Dott.", "M.", "Dr.", "Ing.", "Mag.", "Pan", "Hr."],
             "f": ["Frau", "Señora", "Sra.", "Sig.ra", "Dott.ssa", "Mme", "Mlle", "Dr.", "Ing.", "Mag.", "Pani", "Fru"]}
# titles native to the person's culture (source key prefix -> gender -> titles); Khun, Pak, Ato,
# Encik … take the given name (the source's addressed_by_given, or always for these titles)
TITLES_NATIVE = {
    "py:fi_FI": {"m": ["Herra"], "f": ["Rouva"]},
    "py:sv_SE": {"m": ["Herr"], "f": ["Fru"]},
    "py:dk_DK": {"m": ["Hr."], "f": ["Fru"]},
    "py:no_NO": {"m": ["Hr."], "f": ["Fru"]},
    "py:et_EE": {"m": ["härra"], "f": ["proua"]},
    "py:lt_LT": {"m": ["p."], "f": ["p."]},
    "py:ro_RO": {"m": ["Domnul", "dl."], "f": ["Doamna", "dna."]},
    "py:sl_SI": {"m": ["gospod"], "f": ["gospa"]},
    "php:sk_SK": {"m": ["pán", "Ing.", "Mgr."], "f": ["pani", "Ing.", "Mgr."]},
    "php:sr_Latn_RS": {"m": ["gospodin"], "f": ["gospođa"]},
    "php:me_ME": {"m": ["gospodin"], "f": ["gospođa"]},
    "php:hy_AM": {"m": ["Paron"], "f": ["Tikin"]},
    "hand:persian": {"m": ["Agha-ye"], "f": ["Khanom"]},
    "hand:swahili_kenyan": {"m": ["Bwana"], "f": ["Bi"]},
}
GIVEN_TITLES = {
    "py:ka_GE": {"m": ["Batono"], "f": ["Kalbatono"]},
    "py:id_ID": {"m": ["Pak", "Bapak"], "f": ["Bu", "Ibu"]},
    "py:en_TH": {"m": ["Khun"], "f": ["Khun"], "x": ["Khun"]},
    "php:ms_MY/malay": {"m": ["Encik", "En.", "Datuk", "Dato'", "Tuan"], "f": ["Puan", "Pn.", "Cik", "Datin"]},
    "hand:ethiopian": {"m": ["Ato"], "f": ["Weizero", "W/ro"]},
    "hand:fijian": {"m": ["Ratu"], "f": ["Adi"]},
    "hand:punjabi": {"m": ["Sardar"], "f": ["Sardarni"]},
    "hand:tamil": {"m": ["Thiru"], "f": ["Thirumathi"]},
}

# ------------------------------------------------------------------------------------------------
# person templates per form
# ------------------------------------------------------------------------------------------------
FULL_NAME = [
    "I spoke with {full} this morning about the duplicate charge on the March invoice.",
    "The refund was approved after {full} sent the bank confirmation.",
    "According to the CRM, the account was opened by {full} in 2019 and upgraded last year.",
    "Can you check whether {full} still has admin rights on the shared drive?",
    "We have a delivery exception: the parcel for {full} was returned to the depot.",
    "Please add {full} to the onboarding call on {day} at {time}.",
    "The contract renewal is blocked until {full} signs the data processing addendum.",
    "Summary of the call: {full} wants to move the go-live by two weeks because of the audit.",
    "Noted that {full} prefers to be contacted by e-mail rather than phone.",
    "The ticket was escalated to {full} because the customer asked for a manager.",
    "Reminder that {full} is covering the night shift for the rest of the month.",
    "I found two accounts for {full}; the older one should be merged into the newer one.",
    "Here is a draft reply you could send to {full} about the delayed shipment.",
    "The hotel booking is under the name {full} for three nights.",
    "Yesterday {full} reported that the app crashes when uploading receipts.",
    "The interview panel recommended {full} for the analyst role.",
    "Our records show {full} as the primary contact for billing questions.",
    "It looks like {full} already submitted the expense claim, so no action is needed.",
    "Per the notes, {full} asked us not to call before noon.",
    "Could you forward the signed quote to {full} once finance approves it?",
    "The access badge for {full} expired on {day}; a new one has been requested.",
    "The landlord said {full} can pick up the keys from reception.",
    "Sure, I can summarise the thread: {full} raised the pricing issue and the vendor agreed to a discount.",
    "The lab results for {full} were uploaded to the portal this afternoon.",
    "The driver confirmed that {full} received the package at the front desk.",
    "After reviewing the logs, it seems {full} reset the password twice within an hour.",
    "Translation request from {full}: the brochure needs to be ready by the end of the quarter.",
    "The seat next to {full} is free if you want to join the workshop.",
    "A complaint was filed by {full} regarding the noise from the construction site.",
    "Write a short thank-you note to {full} for hosting the team dinner.",
]

GIVEN_IN_CONTEXT = [
    "Thanks {given}, that fixed the login problem.",
    "I'll ask {given} to double-check the numbers before we send them.",
    "Is {given} joining the call, or should we start without {obj}?",
    "Got it, {given}. I'll update the ticket and close it once you confirm.",
    "Can someone loop in {given}? {pron_cap} owns the integration.",
    "My colleague {given} will send you the revised quote.",
    "Sorry {given}, the attachment didn't come through. Could you resend it?",
    "Ok so {given} says the printer on the third floor is jammed again.",
    "Please tell {given} that the delivery window moved to the afternoon.",
    "Good catch, {given}! The discount code was applied twice.",
    "Ask {given} — {pron} has the spare keys to the storage room.",
    "We'll wait for {given} to approve the purchase order.",
    "Welcome back, {given}. Your laptop is ready at the help desk.",
    "I think {given} already answered that in the other thread.",
    "Hey {given}, quick question about the shipping address on order {order}.",
    "Thank you for your patience, {given}. The issue has been resolved.",
    "Happy to help, {given}! Let me know if anything else comes up.",
    "The customer, {given}, called back to say the refund arrived.",
    "No worries {given}, we can reschedule to {day}.",
    "Let {given} know that the venue needs the final headcount by {day}.",
    "I'm {given} from the billing team; I'll be handling your case.",
    "This is {given} speaking on behalf of the tenants' association.",
    "Great news, {given}: your application has been approved.",
    "Could you remind {given} to submit the timesheet?",
]

SENTENCE_START = [
    "{full} called twice today about the missing credit note.",
    "{full} will take over the account from next month.",
    "{given} is out of office until {day} and has no access to e-mail.",
    "{given} confirmed the delivery address this morning.",
    "{addr} signed off on the budget, so we can go ahead.",
    "Thanks for the update. {full} will review the draft tonight.",
    "The meeting ran long. {given} suggested we continue on {day}.",
    "{full} has asked for a copy of all personal data we hold.",
    "{given} mentioned that the invoice number was wrong.",
    "Quick update: {full} accepted the offer.",
    "{full} reported a broken screen on the replacement device.",
    "We spoke to the supplier. {addr} promised a new shipment by {day}.",
    "{given} wants to know if the warranty covers water damage.",
    "{full} uploaded the passport scan but the photo page is blurred.",
    "{given} and the rest of the team will be at the offsite.",
    "Noted. {full} is the new point of contact for the tender.",
]

TITLE_EN = [
    "{title} {addr} asked for an itemised receipt.",
    "Please schedule a follow-up with {title} {addr} for {day}.",
    "We received a letter from {title} {addr} disputing the late fee.",
    "The patient was referred by {title} {addr} at the regional clinic.",
    "Can you confirm the booking for {title} {full}?",
    "{title} {full} will chair the panel discussion.",
    "Per {title} {addr}'s instructions, the shipment was held at customs.",
    "Voicemail from {title} {addr}: please call back about the mortgage application.",
    "The consultant, {title} {full}, recommended a second opinion.",
    "I have forwarded your question to {title} {addr}, who manages the account.",
    "Reservation for {title} {full}, table for four at {time}.",
    "Could {title} {addr} sign the form in the presence of a witness?",
]
TITLE_FOREIGN = [
    "{ftitle} {addr} hat um Rückruf gebeten wegen der Rechnung.",
    "Please note that {ftitle} {addr} will attend the audit on {day}.",
    "El pedido de {ftitle} {addr} salió del almacén ayer.",
    "{ftitle} {addr} a confirmé sa présence à la réunion.",
    "We received the signed form from {ftitle} {full}.",
    "La richiesta di {ftitle} {addr} è stata inoltrata all'ufficio legale.",
    "The visitor badge is ready for {ftitle} {addr}.",
    "Can you arrange a taxi for {ftitle} {full} from the airport?",
    "Appointment moved: {ftitle} {addr}, {day} at {time}.",
    "{ftitle} {addr} asked whether the warranty can be extended.",
    "Delivery note signed by {ftitle} {full}.",
    "I called {ftitle} {addr} but nobody picked up.",
]

SALUTATION = [
    "Dear {given},\n\nthank you for reaching out. Your order has been shipped.",
    "Hi {given},\n\njust a reminder that the workshop starts at {time}.",
    "Hello {full},\n\nwe have updated your billing details as requested.",
    "Dear {title} {addr},\n\nplease find the revised contract attached.",
    "Good morning {given}! Your appointment is confirmed for {day}.",
    "Hey {given} 👋 quick one about the expense report.",
    "Dear {full},\nWe regret to inform you that the event has been postponed.",
    "Hi {given} and team,\n\nthe release notes are ready for review.",
    "Hello {given}, thanks for your patience while we looked into this.",
    "Dear {ftitle} {addr},\n\nthank you for your letter of 3 May.",
    "Sehr geehrte{r_de} {de_title} {addr},\n\nvielen Dank für Ihre Anfrage.",
    "Estimad{o_es} {es_title} {addr}:\n\nle confirmamos la reserva.",
    "Hej {given}!\n\nTack för din beställning.",
    "Hei {given},\n\nkiitos viestistäsi.",
    "Kia ora {given},\n\nthe documents are ready to sign.",
    "Habari {given}, the payment has been received.",
    "Selamat pagi {given_title} {given}, terima kasih atas pesanan Anda.",
    "Sawasdee {given}, your visa letter is attached.",
    "Salam {given},\n\nyour ticket number is {order}.",
    "Good afternoon {given},\n\nI hope you had a good weekend.",
]

# signatures: {closing}, the name line, job title, company, sometimes a contact line
SIGNATURE_SHAPES = [
    "{body}\n\n{closing},\n{full}\n{job}\n{company}",
    "{body}\n\n{closing},\n{full}\n{job} | {company}\n{phone}",
    "{body}\n\n{closing}\n\n{full}\n{job}\n{company}\nMobile: {phone}",
    "{body}\n\n-- \n{full}\n{job}, {company}",
    "{body}\n\n{closing},\n{given}",
    "{body}\n\n{closing},\n{full} ({job}, {company})",
    "{body}\n\n{closing},\n\n{full}\n{company}",
    "{body}\n\n— {full}\n{job}",
]
SIGNATURE_BODIES = [
    "Please see the updated schedule attached.",
    "Let me know if you have any questions about the quote.",
    "I have attached the minutes from today's call.",
    "The invoice has been paid; the remittance advice is attached.",
    "We will send the courier on Thursday morning.",
    "Thank you for your quick reply.",
    "Looking forward to seeing you at the conference.",
    "I'm out of the office next week, so please contact the support desk for urgent matters.",
    "The samples should arrive within five working days.",
    "Happy to set up a short call if that is easier.",
]

POSSESSIVE = [
    "{full_pos} laptop was left in the meeting room.",
    "We need {given_pos} approval before the order can ship.",
    "The parcel was delivered to {full_pos} neighbour.",
    "Please update {given_pos} phone number in the HR system.",
    "I'm forwarding {full_pos} complaint to the quality team.",
    "{given_pos} flight lands at {time}, so the pickup should be at the north gate.",
    "Per {addr_pos} request, the meeting moved to {day}.",
    "The bank rejected {full_pos} transfer because of a typo in the IBAN.",
    "Is {given_pos} password reset still pending?",
    "{full_pos} subscription renews automatically next month.",
    "That was {given_pos} idea, credit where it's due.",
    "We copied {addr_pos} assistant on the thread.",
]

CAPS = [
    "ATTN: {full} — SHIPMENT ON HOLD PENDING PAYMENT",
    "PLEASE FORWARD TO {full} IMMEDIATELY",
    "DELIVER TO: {full}, UNIT 4, LOADING BAY 2",
    "CALLER: {full}. REQUESTS CALLBACK RE: CLAIM {order}",
    "URGENT!!! {given} NEEDS THE KEYS BEFORE 5PM",
    "FINAL NOTICE FOR {full}: ACCOUNT {order} IS OVERDUE",
    "PASSENGER {full} PLEASE REPORT TO GATE 12",
    "RE: CONTRACT FOR {full} — SIGNED COPY ATTACHED",
    "WELCOME {given}! YOUR ACCOUNT IS NOW ACTIVE",
    "NOTE FROM {full}: DO NOT RING THE DOORBELL",
]

LOWER = [
    "hey is {given} around? need the vpn password",
    "lol {given} just pinged me about the same bug",
    "can u ask {full} about the invoice pls",
    "ty {given}!! that worked",
    "omg {given} the demo is in 10 min",
    "ok so {full} never got the confirmation email",
    "where is {given_pos} charger, anyone seen it",
    "{given} said {pron}'d handle it, dont worry",
    "pls remind {given} abt the standup tmrw",
    "brb, {given} is calling",
    "fyi {full} left the company last week",
    "did {given} push the fix or not",
    "thx {full}, appreciate it",
    "gonna loop in {given} on this one",
]

LIST = [
    "{full}, {full2} and {full3} will join the kickoff call.",
    "cc: {full}; {full2}",
    "Attendees: {full}, {full2}, {full3}",
    "The following people still need badges:\n- {full}\n- {full2}\n- {full3}",
    "Shortlisted candidates: {full} and {full2}.",
    "{given}, {given2} and {given3} are on call this weekend.",
    "Reviewers: {full} (lead), {full2}",
    "1. {full} — venue\n2. {full2} — catering\n3. {full3} — transport",
    "Thanks to {given} and {given2} for covering the late shift.",
    "Guests: {full}, {full2}.",
    "Action items assigned to {full2} and {full}.",
    "Please add {full}, {full2}, and {full3} to the distribution list.",
]

QUOTED = [
    "The account holder is listed as \"{full}\" in the old system.",
    "Customer (contact: {full}) asked about bulk pricing.",
    "The delivery note was signed “{full}”.",
    "The form says 'Name: {full}' but the ID card shows a different spelling.",
    "Escalated by the night team ({full}, ext. {ext}).",
    "The caller gave the name «{given}» on the phone.",
    "The reference letter from '{full}' is attached.",
    "Quote of the day from our client, “{given}”: 'please stop sending paper invoices'.",
    "Booking under [{full}] for two adults.",
    "The caller (“{given}”) did not leave a number.",
    "Meeting notes (taken by {full}) are in the shared folder.",
    "The message ended with \"regards, {given}\" and no phone number.",
]

LAST_FIRST = [
    "Name: {last_first}",
    "Patient: {last_first} (DOB 1984-03-02), referred for physiotherapy.",
    "Directory entry: {last_first} — Finance, room 3.14",
    "Sorted by surname: {last_first}; {last_first2}; {last_first3}",
    "Applicant {last_first} has not uploaded the transcript yet.",
    "{last_first_caps} — passport renewal, appointment {day}",
    "Candidate list: {last_first} | {last_first2}",
    "Employee: {last_first}, employee number {order}",
    "The invoice is addressed to {last_first}, which matches the tax record.",
    "Visitor log: {last_first} signed in at {time}.",
]

WITH_CONTACT = [
    "{full} <{email}>",
    "From: {full} <{email}>\nTo: support desk\nSubject: login problem",
    "Please call {full} on {phone} after {time}.",
    "Contact: {full}, {phone}",
    "{full} ({phone}) asked for a callback.",
    "{full} | {email} | {phone}",
    "New lead: {full}, {email}, interested in the annual plan.",
    "You can reach {given} at {email} or {phone}.",
    "Emergency contact: {full} - {phone}",
    "Reply-To: \"{full}\" <{email}>",
    "Forwarded message from {full} ({email}):",
    "{full}, tel. {phone}, prefers SMS.",
]

# JSON records with person-naming keys (built in the generator); non-English keys included
FIELD_SHAPES = ["customer_name", "contact_split", "assignee", "reviewer", "owner_obj", "patient_obj",
                "passenger_name", "signatory", "emergency_contact", "attendees", "author_obj", "guest_split",
                "preferred_name", "recipient", "name_on_card", "requested_by", "approver", "driver_name",
                "tenant_name", "beneficiary_name", "applicant_split", "vorname_nachname", "nombre_completo",
                "nom_prenom", "caller_name"]

# ------------------------------------------------------------------------------------------------
# look-alikes: capitalised non-names (category -> values)
# ------------------------------------------------------------------------------------------------
LOOKALIKES = {
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "month": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"],
    "product": ["ThinkPad", "MacBook Air", "Surface Pro", "Chromebook", "AirPods", "Apple Watch", "PlayStation",
                "Xbox Series", "Nintendo Switch", "Roomba", "Fitbit", "GoPro", "Kobo Clara", "Echo Dot",
                "Galaxy Tab", "Pixel Buds", "Kindle Paperwhite", "Instant Pot", "Thermomix", "Dyson Airwrap",
                "Vision Pro", "Steam Deck", "Oculus Quest"],
    "brand": ["Nokia", "Volvo", "Lego", "Ikea", "Marimekko", "Fazer", "Skoda", "Dacia", "Lenovo", "Huawei",
              "Xiaomi", "Heineken", "Carlsberg", "Lufthansa", "Finnair", "Ryanair", "Decathlon", "Uniqlo",
              "Zalando", "Danone", "Unilever", "Bosch", "Miele", "Electrolux", "Husqvarna", "Spotify", "Klarna",
              "Shopify", "Gojek", "Tokopedia", "Lazada", "Shopee", "Jollibee", "Safaricom", "Petronas", "Maybank",
              "Infosys", "Wipro", "Airtel", "Ericsson"],
    "city": ["Espoo", "Tampere", "Uppsala", "Gothenburg", "Bergen", "Aarhus", "Odense", "Akureyri", "Kaunas",
             "Tartu", "Debrecen", "Timișoara", "Maribor", "Košice", "Novi Sad", "Podgorica", "Thessaloniki",
             "Plovdiv", "Kutaisi", "Gyumri", "Almaty", "Shymkent", "Ulaanbaatar", "Bandung", "Surabaya",
             "Yogyakarta", "Chiang Mai", "Penang", "Ipoh", "Cebu", "Davao", "Johannesburg", "Durban", "Entebbe",
             "Mombasa", "Kisumu", "Arusha", "Dodoma", "Hargeisa", "Bahir Dar", "Kandy", "Galle", "Madurai",
             "Coimbatore", "Chittagong", "Sylhet", "Ludhiana", "Amritsar", "Pokhara", "Lalitpur", "Herat",
             "Tabriz", "Mashhad", "Rotorua", "Wellington", "Apia", "Suva", "Nadi"],
    # cities and regions that are also given names: a cautious tool may hesitate; still not people
    "city_namelike": ["Sofia", "Victoria", "Adelaide", "Charlotte", "Florence", "Regina", "Alexandria",
                      "Augusta", "Lourdes", "Savannah", "Eugene", "Marion", "Orlando", "Austin", "Chelsea"],
    "country": ["Finland", "Iceland", "Lithuania", "Latvia", "Estonia", "Hungary", "Romania", "Slovenia",
                "Slovakia", "Serbia", "Montenegro", "Greece", "Bulgaria", "Armenia", "Kazakhstan", "Mongolia",
                "Indonesia", "Thailand", "Malaysia", "Philippines", "Uganda", "Kenya", "Tanzania", "Ethiopia",
                "Somalia", "Sri Lanka", "Bangladesh", "Nepal", "Afghanistan", "Iran", "Samoa", "Tonga", "Fiji",
                "New Zealand", "South Africa"],
    "language": ["Finnish", "Swedish", "Norwegian", "Danish", "Icelandic", "Lithuanian", "Latvian", "Estonian",
                 "Hungarian", "Romanian", "Slovene", "Slovak", "Serbian", "Greek", "Bulgarian", "Georgian",
                 "Armenian", "Kazakh", "Mongolian", "Indonesian", "Thai", "Malay", "Tagalog", "Swahili",
                 "Amharic", "Somali", "Sinhala", "Tamil", "Bengali", "Punjabi", "Nepali", "Pashto", "Farsi",
                 "Maori", "Samoan", "Tongan", "Fijian", "Zulu", "Afrikaans", "Luganda"],
    "team": ["Team Nimbus", "Team Kestrel", "Team Basalt", "Team Aurora", "Team Fjord", "Team Tundra",
             "Team Monsoon", "Team Falcon", "Team Glacier", "Team Cobalt", "Team Ember", "Team Orca"],
    "plan": ["Starter plan", "Business Plus", "Enterprise tier", "Pro plan", "Family plan", "Growth plan",
             "Essentials plan", "Premium Annual", "Scale tier", "Team plan", "Platinum support", "Basic tier"],
    "project": ["Project Halcyon", "Project Meridian", "Operation Bluebird", "Project Tundra", "Project Basalt",
                "Project Lighthouse", "Project Quicksilver", "Project Driftwood", "Project Keystone",
                "Project Northstar", "Project Sandpiper", "Project Cinder"],
    "initial": ["Unfortunately", "Please", "Regarding", "Attached", "Apologies", "Following", "Hopefully",
                "Meanwhile", "Alternatively", "Additionally", "Otherwise", "Absolutely", "Noted", "Understood",
                "Reminder", "However", "Yesterday", "Tonight", "Kindly", "Luckily", "Honestly", "Basically",
                "Overall", "Currently", "Originally", "Surprisingly", "Sadly", "Thankfully"],
    "ui_label": ["Save Changes", "Cancel", "Submit", "Settings", "Sign In", "Log Out", "Dashboard", "Billing",
                 "Preferences", "Export CSV", "Forgot Password", "Add to Cart", "Checkout", "Continue", "Apply",
                 "Edit Profile", "Notifications", "Help Center", "Download Invoice", "Manage Subscription",
                 "Privacy Settings", "Two-Factor Authentication"],
    "heading": ["Summary", "Action Items", "Next Steps", "Background", "Root Cause", "Resolution", "Timeline",
                "Impact", "Agenda", "Decisions", "Open Questions", "Risks", "Overview", "Appendix", "Changelog",
                "Known Issues", "Acceptance Criteria", "Lessons Learned"],
    "holiday": ["Christmas", "Easter", "Diwali", "Ramadan", "Hanukkah", "Lunar New Year", "Midsummer", "Juhannus",
                "Vappu", "Thanksgiving", "Boxing Day", "Songkran", "Vesak", "Nowruz", "Tsagaan Sar", "Meskel",
                "Timkat", "Loy Krathong", "Hari Raya", "Deepavali", "Holi", "Pongal", "Vaisakhi", "Matariki",
                "Waitangi Day", "Independence Day"],
    "tech": ["Python", "Kotlin", "Rust", "Haskell", "Erlang", "Elixir", "Scala", "Perl", "Kubernetes",
             "Terraform", "Ansible", "Grafana", "Kibana", "Postgres", "Redis", "Docker", "Jira", "Confluence",
             "GitLab", "Svelte", "Flask", "Laravel", "Prometheus", "Jupyter", "Pandas", "TypeScript", "Webpack",
             "Elasticsearch", "Nginx", "Airflow"],
    # tools and languages named like people
    "tech_namelike": ["Julia", "Ruby", "Jenkins", "Kafka", "Cassandra", "Django", "Ada", "Hugo", "Pascal",
                      "Jasmine", "Sinatra"],
    # voice assistants named like people
    "assistant": ["Alexa", "Siri", "Cortana", "Bixby"],
    "organisation": ["UNICEF", "Red Cross", "World Bank", "Eurostat", "Interpol", "Greenpeace", "Oxfam",
                     "Amnesty International", "African Union", "ASEAN", "Wikimedia Foundation", "Mozilla Foundation",
                     "Apache Software Foundation", "Linux Foundation", "Rotary Club", "Salvation Army",
                     "Nordic Council", "Skatteverket", "Kela", "Ministry of Finance", "Tax Agency",
                     "European Commission", "Médecins Sans Frontières", "Save the Children"],
    "drug": ["Ibuprofen", "Paracetamol", "Amoxicillin", "Metformin", "Atorvastatin", "Omeprazole", "Lisinopril",
             "Cetirizine", "Loratadine", "Salbutamol", "Ventolin", "Panadol", "Nurofen", "Xanax", "Zoloft",
             "Prozac", "Lipitor", "Ozempic", "Humira", "Eliquis", "Augmentin", "Doxycycline", "Prednisolone",
             "Warfarin"],
    "street": ["Bahnhofstrasse", "Kungsgatan", "Storgatan", "Drottninggatan", "Strøget", "Vesterbrogade",
               "Hämeenkatu", "Váci utca", "Calea Victoriei", "Laisvės alėja", "Brīvības iela", "Orchard Road",
               "Silom Road", "Jalan Alor", "Galle Road", "Ermou Street", "Vitosha Boulevard", "Lambton Quay",
               "Cuba Street", "Ponsonby Road", "Karangahape Road", "Long Street"],
    "work_title": ["Dune", "Kalevala", "Frozen", "Inception", "Parasite", "The Matrix", "Solaris", "Interstellar",
                   "Arrival", "Gravity", "Avatar", "Encanto", "Wicked", "The Odyssey", "Moomins", "Spirited Away",
                   "War and Peace", "Things Fall Apart", "The Little Prince", "Pride and Prejudice"],
    # books and films titled with a given name
    "work_title_namelike": ["Emma", "Rebecca", "Matilda", "Heidi", "Coraline", "Hamlet", "Othello", "Lolita",
                            "Carrie", "Amelie", "Moana", "Mulan"],
    "department": ["Customer Success", "Accounts Payable", "Human Resources", "Legal", "Finance", "Logistics",
                   "Quality Assurance", "Site Reliability", "Procurement", "Internal Audit", "Facilities",
                   "Research and Development", "Treasury", "Compliance"],
}

# look-alike templates: {cat} or {cat:2} slots; one label per slot. {name} / {full} optional person.
LOOKALIKE_TEMPLATES = [
    "On {weekday} the {plan} renewal failed for the {city} office.",
    "The {product} we ordered in {month} still hasn't arrived.",
    "{initial}, the {brand} warehouse in {city} is closed until {weekday}.",
    "Can you move the {team} retro to {weekday} afternoon?",
    "{project} is paused until after {holiday}.",
    "## {heading}\nThe {tech} job failed because of a memory limit.",
    "{heading}: the outage affected customers in {country} for two hours.",
    "Click \"{ui_label}\" and then \"{ui_label:2}\" to finish the setup.",
    "The pharmacy substituted {drug} with {drug:2}; is that okay?",
    "Our new office is on {street} in {city}.",
    "Have you watched {work_title}? The soundtrack is great.",
    "{department} needs the signed forms before {month} 15.",
    "The brochure needs a {language} translation for the {country} launch.",
    "{initial}, we cannot ship {product} units to {country} yet.",
    "Support hours over {holiday} are reduced; see the {ui_label} page.",
    "{team} owns the {tech} migration; {team:2} owns monitoring.",
    "I switched from the {plan} to the {plan:2} in {month}.",
    "The {organisation} grant report is due on the last {weekday} of {month}.",
    "We're hiring {language} speakers for the {city} call centre.",
    "Is {drug} safe to take with {drug:2}?",
    "{heading}\n- migrate {tech} to the new cluster\n- update the {ui_label} screen",
    "Deliveries to {street} are delayed because of roadworks.",
    "The {brand} outlet near {street} is offering a {holiday} discount.",
    "{initial} the {department} team approved the new vendor.",
    "The {product} keeps disconnecting since the {month} update.",
    "Flights from {city} to {city:2} are cancelled on {weekday}.",
    "The {organisation} office in {city} asked for the {language} version.",
    "Please book the room for the {project} demo on {weekday}.",
    "We use {tech} for the backend and {tech:2} for dashboards.",
    "Book club this month: {work_title}.",
    "{initial}, the {plan} does not include phone support.",
    "The {country} subsidiary closes for {holiday}.",
    "Price list ({month}): {product} and {product:2} are out of stock.",
    "Reminder: {holiday} falls on a {weekday} this year.",
    "{department} asked whether {brand} invoices are exempt from VAT.",
    "Our {tech_namelike} pipeline broke after the upgrade.",
    "I moved to {city_namelike} in {month}.",
    "The kids loved {work_title_namelike}, we watched it twice.",
    "We migrated the queue from RabbitMQ to {tech_namelike}.",
    "The conference is in {city_namelike} this year.",
    "My essay on {work_title_namelike} is due on {weekday}.",
    "Ask {assistant} to set a timer for ten minutes.",
    "{assistant} keeps mishearing my commands since the update.",
    "Does the doorbell work with {assistant}, or only with the app?",
    "{initial}, {team} missed the {month} deadline.",
    "The {language} subtitles for {work_title} are out of sync.",
    "Store #{num} on {street} reports low stock of {drug}.",
    "Go to {ui_label} > {ui_label:2} to download your data.",
    "The {organisation} volunteers arrive on {weekday}.",
    "{heading}\nWe will close {project} by the end of {month}.",
    "Shipping to {country} and {country:2} takes 5–7 days.",
    "Can the {department} team review the {brand} contract before {holiday}?",
    "The {city} branch sells more {product} units than any other store.",
    "{initial} {language} is now available in the app settings.",
    "Our {plan} customers in {city} get priority routing.",
    "The {city_namelike} office is closed for the public holiday.",
    "Hotels in {city_namelike} are fully booked because of the trade fair.",
    "The build needs {tech_namelike} installed on every runner.",
    "We are rewriting the {tech_namelike} scripts in {tech}.",
    "Has anyone read {work_title_namelike}? It is this month's pick.",
]

# look-alikes as JSON field values under non-person keys
LOOKALIKE_FIELDS = {
    "city": "city", "city_namelike": "city", "country": "country", "plan": "plan", "product": "product",
    "team": "team", "holiday": "holiday", "department": "department", "drug": "medication", "street": "street",
    "language": "preferred_language", "brand": "vendor", "project": "project", "month": "billing_month",
    "weekday": "delivery_day", "tech": "stack", "tech_namelike": "runtime", "organisation": "organisation",
    "work_title": "title", "work_title_namelike": "title", "heading": "section", "ui_label": "button_label",
}
