"""Sentence templates and corpus builders (written for this harness from typical support tickets,
chat prompts and model responses; not derived from the detector's code or tests)."""
import json
import re
import string
import uuid
from datetime import datetime, timedelta, timezone

from corpus_util import Line, get_path, luhn_ok

# ----------------------------------------------------------------------------------------------
# PERSON: texts per form. Slots are described in generate.py.

TEXTS = {
    "full_name": [
        "Customer {full:a} called about a double charge on the last invoice.",
        "{full:a} reported that the export button does nothing in the web app.",
        "Escalated by {full:a} after two failed password resets.",
        "Please forward this to {full:a} in billing, she handles refunds.",
        "I spoke with {full:a} yesterday and he confirmed the replacement was shipped.",
        "The account owner is {full:a}; the secondary contact is {full:b}.",
        "Meeting notes: {full:a} will own the migration, {full:b} reviews the rollout plan.",
        "Can you write a short thank-you note to {full:a} for fixing the build?",
        "Draft a reply to {full:a} explaining that the refund takes 5-7 business days.",
        "Summarise the complaint from {full:a} in two sentences.",
        "According to the ticket history, {full:a} opened this case and {full:b} closed it.",
        "Assigned to {full:a}.",
        "\"{full:a}\" is listed as the cardholder on the disputed payment.",
        "Our new hire, {full:a}, starts in the support team next week.",
        "Translate this message for {full:a}: the delivery is delayed by two days.",
        "Who is {full:a}? She keeps emailing the helpdesk about the same order.",
        "Forwarded from {full:a}: 'the app crashes whenever I open the settings page'.",
        "I'm writing on behalf of my father, {full:a}, who can't log in any more.",
        "Passenger name on the booking: {full:a}.",
        "Write a recommendation letter for {full:a}, who ran our data platform for three years.",
        "The invoice was addressed to {full:a} instead of our company.",
        "Contact person: {full:a} (operations)",
        "The parcel was signed for by {full:a} at 14:02.",
        "Here is a polite follow-up you could send to {full:a} about the overdue payment.",
        "I can't share details about {full:a}'s account unless they contact us directly.",
        "Reporter {full:a} says the issue started after the update.",
        "The lease is in the name of {full:a}, not mine.",
        "Please add {full:a} as an authorised user on the account.",
        "Interview feedback for {full:a}: strong on SQL, weaker on system design.",
        "When {full:a} joined the call, the screen share stopped working.",
        "The certificate should read: awarded to {full:a}.",
        "As {full:a} mentioned in the last email, the contract renews automatically.",
        "It looks like {full:a} already requested a password reset twice today.",
        "Could you check whether {full:a} is still on the mailing list?",
        "A refund was issued to {full:a}.",
        "The driver, {full:a}, left the package with a neighbour.",
        "We need a signature from {full:a} before we can release the funds",
        "Rewrite this so it sounds friendlier: '{full:a}, your request was denied.'",
        "I think {full:a} and I have the same problem with the mobile app.",
        "Sure. Here's a summary of the call with {full:a}: the router was replaced and the line is stable.",
    ],
    "given_in_context": [
        "Hi, I'm {given:a} and I can't access my account.",
        "Thanks {given:a}, that fixed it!",
        "Can you ask {given:a} to call me back?",
        "My name is {given:a}, my order is stuck in processing.",
        "{given:a} from accounting says the report is wrong.",
        "Please let {given:a} know the ticket is resolved.",
        "This is {given:a} speaking, I ordered the blue one.",
        "{given:a} here. The dashboard is blank again.",
        "Ask {given:a} whether the contract was signed.",
        "Thanks to {given:a} and {given:b} for the quick turnaround.",
        "I was helped by {given:a} last time and she was great.",
        "Could {given:a} take a look at this?",
        "Write a birthday message for my colleague {given:a}.",
        "{given:a} said the delivery never arrived.",
        "I'm {given:a}, the new office manager.",
        "Tell {given:a} the meeting moved to three.",
        "It was {given:a} who set up the printer, not me.",
        "Sorry {given:a}, I missed your message.",
        "Good catch, {given:a}.",
        "Does {given:a} still work on the payments team?",
        "My daughter {given:a} uses the same login.",
        "Please reply to {given:a} directly, she is waiting.",
        "The agent, {given:a}, promised a callback that never came.",
        "Write a short poem for {given:a}, who is retiring after twenty years.",
        "According to {given:a}, the server was restarted twice.",
        "I'd like to speak to {given:a} again please.",
        "Happy to help, {given:a}! Let me know if anything else comes up.",
        "You're welcome, {given:a}. The change should be visible within an hour.",
        "Me and {given:a} both got the same error.",
        "ask {given:a} about the staging keys",
        "I'm {given:a}. What's the status of ticket 4471?",
        "{given:a}? Are you still there?",
    ],
    "title": [
        "{tfull:a} requested a copy of the signed agreement.",
        "Appointment confirmed with {tfam:a} for next week.",
        "Please address the letter to {tfull:a}.",
        "{tfam:a} asked us to cancel the subscription.",
        "Referral from {tfull:a}, cardiology.",
        "We received a complaint from {tfam:a} about the noise at night.",
        "The keynote will be given by {tfull:a}.",
        "Can you summarise the paper by {tfull:a} in plain language?",
        "{tfam:a} would like a call back after 4 pm.",
        "Lab results were sent to {tfull:a} this morning.",
        "I have an appointment with {tfam:a} but the portal shows no booking.",
        "The thesis was supervised by {tfull:a} and examined by {tfull:b}.",
        "Letter: {tfull:a}, Flat 2, reference attached.",
        "Please ask {tfam:a} to sign both copies.",
        "A note from {tfam:a}: the dosage has been reduced.",
    ],
    "salutation": [
        "Dear {tfam:a},\n\nThank you for your patience while we looked into this.",
        "Dear {full:a},\nWe have processed your request and the refund is on its way.",
        "Hi {given:a},\n\nYour order has shipped and should arrive soon.",
        "Hello {given:a}! Welcome aboard, your workspace is ready.",
        "Hey {given:a}, quick question about the invoice you sent.",
        "Good morning {given:a}, hope you are well.",
        "Dear {given:a} and {given:b},\n\nplease find the minutes attached.",
        "{given:a},\n\nplease see the attached report before the review.",
        "Hi {given:a}, thanks for getting back to me so quickly.",
        "Dear {tfull:a},\n\nWe regret to inform you that the item is out of stock.",
        "Hello {full:a},\nyour verification code has expired; please request a new one.",
        "Hi {given:a} and team,\nthe deployment is scheduled for tonight.",
        "Dear Sir or Madam,\n\nI am writing on behalf of {full:a} regarding the claim.",
        "Hiya {given:a}! Got your message.",
        "Hi {given:a} -- the link you sent is broken.",
    ],
    "signature": [
        "The replacement arrived damaged again.\n\nRegards,\n{full:a}",
        "Please cancel my subscription at the end of the month.\n\nBest,\n{given:a}",
        "Thanks for your help with the migration.\n\nKind regards,\n{full:a}\nCustomer Success",
        "I'll send the logs tomorrow. Cheers, {given:a}",
        "Let me know when it's fixed.\n– {given:a}",
        "Attached is the screenshot.\n\n-- \n{full:a}\nSent from my phone",
        "We will confirm the booking shortly.\n\nSincerely,\n{tfull:a}",
        "The payment failed twice.\n\nMany thanks,\n{full:a} | Operations Lead",
        "Happy to jump on a call.\n\nBest regards,\n{full:a}",
        "Can you reset my MFA device?\nThanks,\n{given:a}",
        "That is all for now.\n\nWarm regards,\n{given:a} {family:a}",
        "Please advise.\n\nThank you,\n{full:a}\nAccounts Payable",
        "Still waiting on an answer.\n— {full:a}",
        "See you on the call.\n\nxx {given:a}",
        "We appreciate your business.\n\nYours faithfully,\n{full:a}, Head of Support",
    ],
    "possessive": [
        "{possg:a} laptop won't boot after the update.",
        "Is this {possf:a} account or a shared one?",
        "We moved {possg:a} meeting to the afternoon.",
        "The refund went to {possf:a} old card.",
        "Please update {possg:a} shipping address.",
        "I'm using {possg:a} login because mine is locked.",
        "Can you summarise {possf:a} feedback from the survey?",
        "{possf:a} order arrived with a missing part.",
        "This is about {possg:a} pension transfer.",
        "Why was {possg:a} access removed?",
    ],
    "hyphen_apostrophe": [
        "Customer {full:a} called about the late delivery.",
        "Hi {given:a}, your ticket has been updated.",
        "Regards,\n{full:a}",
        "Please ask {tfam:a} to confirm the address.",
        "The form was signed by {full:a} on page three.",
        "I'm {full:a} and I need help with my bill.",
        "Dear {tfam:a},\n\nthank you for the feedback.",
        "{possf:a} request was approved.",
    ],
    "caps": [
        "{full:a} - priority",
        "URGENT: call back {full:a} before 5pm",
        "ATTN {full:a}: your parcel is held at the depot",
        "customer {full:a} disputes the charge",
        "escalation from {tfull:a} re: contract renewal",
        "do not ship to {full:a} until payment clears",
        "vip account - {full:a} - handle with care",
        "message for {given:a}: call the office",
    ],
    "lower": [
        "hey its {full:a} again, any update on my refund?",
        "hi this is {given:a}, my password reset link expired",
        "tell {given:a} i said thanks",
        "ok so {full:a} and {full:b} both need access to the shared drive",
        "lol {given:a} broke the build again",
        "can u check if {full:a} is on the guest list",
        "thx {given:a}",
        "im {full:a}, my card got declined twice",
        "{given:a} says hi",
        "pls send it to {full:a} not me",
        "my wife {given:a} ordered it on my account",
    ],
    "list": [
        "Attendees: {full:a}, {full:b} and {full:c}.",
        "Please add {given:a}, {given:b} and {given:c} to the channel.",
        "cc {full:a}; {full:b}",
        "{given:a}, {given:b}, and {given:c} approved the change.",
        "The finalists were {full:a}, {full:b}, {full:c}",
        "On call this week: {full:a} / {full:b}",
        "Reviewers: {full:a} & {full:b}",
        "Can you schedule a meeting with {given:a}, {given:b} or {given:c}?",
        "Team: {full:a} (lead), {full:b} (backend), {full:c} (design)",
    ],
}

GENERIC_SUBJECTS = ["Refund request", "Login problem", "Order not received", "Billing question", "Re: your ticket",
                    "Account access", "Delivery issue", "Question about my plan", "Bug report", "Feedback",
                    "Password reset", "Cancel subscription", "Wrong item shipped", "Invoice copy"]
GENERIC_PROMPTS = ["Summarise the conversation below.", "Draft a reply to this customer.", "Classify this ticket.",
                   "Rewrite this to be more polite.", "Extract the action items.", "What should I answer?"]
GENERIC_RESPONSES = ["Sure, here is a draft you can adapt.", "The ticket is about a billing problem.",
                     "Here are the action items.", "I have rewritten the message below.",
                     "Category: account access. Priority: normal.", "Done. Let me know if you need changes."]
MODELS = [("support-assistant", "2.4.1"), ("ticket-triage", "1.9.0"), ("reply-drafter", "3.0.2"),
          ("chat-llm", "2025-06"), ("summarizer", "0.8.7")]


def case_transform(line, doc, path, mode):
    """Upper- or lower-cases the string at path, and the labels planted there."""
    parts = re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)", path)
    cur = doc
    for k in parts[:-1]:
        cur = cur[k]
    f = str.upper if mode == "upper" else str.lower
    cur[parts[-1]] = f(cur[parts[-1]])
    for e in line.entities:
        if e["path"] == path:
            e["value"] = f(e["value"])
    for k in line.keep:
        if k["path"] == path:
            k["value"] = f(k["value"])


def _id(rng, prefix, n=6):
    return f"{prefix}{rng.randint(10 ** (n - 1), 10 ** n - 1)}"


def _embed(rng, filler, persons, line, form, template, case=None):
    shape = rng.choice(["ticket", "prompt", "response", "output", "comment"])
    used = set()
    if shape == "ticket":
        doc = {"ticket_id": _id(rng, "TCK-"), "channel": rng.choice(["email", "web", "chat"]),
               "priority": rng.choice(["low", "normal", "high"]), "subject": rng.choice(GENERIC_SUBJECTS)}
        path = "$.body"
        doc["body"] = filler.fill(template, persons, path, line, form, used)
    elif shape in ("prompt", "response"):
        doc = {"conversation_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "turn": rng.randint(1, 9)}
        if shape == "prompt":
            path = "$.text.prompt"
            doc["text"] = {"prompt": filler.fill(template, persons, path, line, form, used),
                           "response": rng.choice(GENERIC_RESPONSES)}
        else:
            path = "$.text.response"
            doc["text"] = {"prompt": rng.choice(GENERIC_PROMPTS),
                           "response": filler.fill(template, persons, path, line, form, used)}
    elif shape == "output":
        name, version = rng.choice(MODELS)
        doc = {"request_id": _id(rng, "req_", 8), "model": {"name": name, "version": version}}
        path = "$.output"
        doc["output"] = filler.fill(template, persons, path, line, form, used)
    else:
        doc = {"issue": f"{rng.choice(['OPS', 'SUP', 'PAY', 'WEB'])}-{rng.randint(100, 9999)}"}
        path = "$.comment"
        doc["comment"] = filler.fill(template, persons, path, line, form, used)
    return doc, path


def _text_spec(form, template, case=None):
    def spec(rng, persons, filler, line, form_name):
        doc, path = _embed(rng, filler, persons, line, form_name, template)
        if case:
            case_transform(line, doc, path, case)
        return doc
    return spec


FIELD_SHAPES = [
    lambda p: {"customer": p["a"].full, "issue": "charged twice", "status": "open"},
    lambda p: {"first_name": p["a"].given, "last_name": p["a"].family, "plan": "monthly"},
    lambda p: {"name": p["a"].full, "role": "admin"},
    lambda p: {"author": p["a"].full, "rating": 2, "review": "Stopped working after a week."},
    lambda p: {"assignee": p["a"].full, "reporter": p["b"].full, "state": "in progress"},
    lambda p: {"contact": {"name": p["a"].full, "preferred_channel": "email"}},
    lambda p: {"display_name": p["a"].given, "locale": "en-GB"},
    lambda p: {"requested_by": p["a"].full, "approved_by": p["b"].full},
    lambda p: {"recipient": p["a"].full, "carrier": "courier", "attempts": 2},
    lambda p: {"user": {"first_name": p["a"].given, "last_name": p["a"].family}},
    lambda p: {"signed_by": p["a"].full, "document": "lease"},
    lambda p: {"agent_name": p["b"].given, "customer_name": p["a"].full},
    lambda p: {"full_name": p["a"].full, "age_band": "30-39"},
    lambda p: {"patient": p["a"].full, "visit": "follow-up"},
    lambda p: {"owner": p["a"].full, "repo": "billing-service"},
]
_FIELD_SLOT = {"customer": "full", "first_name": "given", "last_name": "family", "name": "full", "author": "full",
               "assignee": "full", "reporter": "full", "display_name": "given", "requested_by": "full",
               "approved_by": "full", "recipient": "full", "signed_by": "full", "agent_name": "given",
               "customer_name": "full", "full_name": "full", "patient": "full", "owner": "full"}


def _field_spec(shape):
    def spec(rng, persons, filler, line, form_name):
        doc = shape(persons)
        doc = {"record_id": _id(rng, "r"), **doc}
        people_by_text = {}
        for v, p in persons.items():
            people_by_text.setdefault(p.full, p)
            people_by_text.setdefault(p.given, p)
            people_by_text.setdefault(p.family, p)

        def walk(node, path):
            for k, val in node.items():
                if isinstance(val, dict):
                    walk(val, f"{path}.{k}")
                elif k in _FIELD_SLOT:
                    p = people_by_text[val]
                    line.entities.append({"type": "PERSON", "value": val, "path": f"{path}.{k}", "form": "field",
                                          "slot": _FIELD_SLOT[k], "culture": p.culture})
        walk(doc, "$")
        return doc
    return spec


PERSON_TEMPLATES = {form: [_text_spec(form, t) for t in texts] for form, texts in TEXTS.items() if form not in ("caps", "lower")}
PERSON_TEMPLATES["caps"] = [_text_spec("caps", t, "upper") for t in TEXTS["caps"]]
PERSON_TEMPLATES["lower"] = [_text_spec("lower", t, "lower") for t in TEXTS["lower"]]
PERSON_TEMPLATES["field"] = [_field_spec(s) for s in FIELD_SHAPES]

# ----------------------------------------------------------------------------------------------
# PERSON look-alikes: capitalised words that are not names (labelled keep).

LOOKALIKE_WORDS = {
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "month": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"],
    "product": ["iPhone", "iPad", "MacBook", "Galaxy", "Pixel", "Kindle", "Excel", "PowerPoint", "Outlook",
                "Photoshop", "Windows", "Android", "Chromebook", "ThinkPad", "PlayStation", "Xbox", "Alexa",
                "Roomba", "Fitbit", "AirPods", "Surface", "Jira", "Confluence", "Salesforce", "Zendesk", "Shopify",
                "Figma", "Notion", "Dropbox", "OneDrive", "WordPress", "Acrobat", "Siri", "Kubernetes", "Chrome",
                "Firefox", "Safari", "Teams", "Slack", "Zoom", "Instagram", "WhatsApp", "Gmail", "Nintendo Switch",
                "Apple Watch", "Echo Dot", "Nest Thermostat", "Galaxy Buds", "Surface Pro", "Prime Video"],
    "brand": ["Apple", "Tesla", "Adobe", "Samsung", "Google", "Microsoft", "Amazon", "Netflix", "Spotify", "Nike",
              "Adidas", "Toyota", "Honda", "Ford", "Visa", "Mastercard", "PayPal", "Stripe", "Uber", "Lyft",
              "Airbnb", "IKEA", "Philips", "Bosch", "Siemens", "Sony", "Canon", "Nikon", "Dell", "Lenovo", "Cisco",
              "Oracle", "Intel", "Nvidia", "Verizon", "Vodafone", "Comcast", "FedEx", "DHL", "Revolut", "Monzo",
              "Klarna", "Zalando", "Deliveroo", "Booking.com", "Expedia", "Lufthansa", "Ryanair", "Heineken",
              "Nestlé", "Unilever", "Peugeot", "Renault", "Volkswagen", "Hyundai", "Xiaomi", "Huawei", "Lego"],
    "plan": ["Premium plan", "Enterprise tier", "Gold support", "Basic plan", "Pro plan", "Business tier",
             "Starter plan", "Platinum support", "Family plan", "Unlimited plan", "Team plan", "Free tier",
             "Standard plan", "Growth plan", "Priority support", "Silver tier"],
    "team": ["Team Phoenix", "Team Falcon", "Team Atlas", "Squad Orion", "Project Titan", "the Aurora team",
             "Team Nova", "Project Everest", "Team Kestrel", "the Helix squad", "Team Polaris", "Project Mercury",
             "Team Sparrow", "the Voyager team", "Project Horizon"],
    "initial": ["Please", "Thanks", "However", "Unfortunately", "Also", "Sorry", "Yes", "Sure", "Great", "Apologies",
                "Meanwhile", "Additionally", "Regarding", "Attached", "Currently", "Otherwise", "Alternatively",
                "Honestly", "Actually", "Overall", "Finally", "Note", "Again", "Hopefully", "Basically", "Luckily",
                "Instead", "Today", "Yesterday", "Tomorrow", "Recently", "Okay", "Absolutely", "Certainly",
                "Therefore", "Next", "First", "Then", "Sadly", "Thankfully"],
    "place": ["London", "Paris", "Berlin", "Madrid", "Tokyo", "Toronto", "Chicago", "Seattle", "Mumbai", "Lagos",
              "Nairobi", "Cairo", "Istanbul", "Warsaw", "Dublin", "Sydney", "Austin", "Germany", "France", "Spain",
              "Brazil", "Canada", "Mexico", "Japan", "India", "Nigeria", "Kenya", "Poland", "Turkey", "Egypt",
              "Portugal", "Jordan", "Georgia", "Manchester", "Lyon", "Munich", "Milan", "Barcelona", "Osaka",
              "Seoul", "Hanoi", "Accra", "Karachi", "Dubai", "Riyadh", "Boston", "Denver", "Phoenix", "Florence",
              "Victoria", "Chelsea", "Brooklyn", "Singapore", "Amsterdam", "Vienna", "Prague", "Lisbon"],
    "tech": ["Python", "JavaScript", "Java", "Kotlin", "Rust", "Docker", "Terraform", "PostgreSQL", "Redis", "Kafka",
             "React", "Angular", "Django", "Flask", "Spring", "Node", "GraphQL", "NumPy", "Pandas", "TensorFlow",
             "PyTorch", "Linux", "Ubuntu", "Debian", "Nginx", "Apache", "Jenkins", "GitHub", "GitLab", "Bitbucket",
             "Azure", "Lambda", "Swift", "Ruby", "Rails", "Laravel", "Spark", "Airflow", "Grafana", "Prometheus",
             "Elasticsearch", "MongoDB", "SQLite", "Ansible", "Helm", "Webpack", "Vue", "Svelte", "Excel VBA"],
    "heading": ["Summary", "Overview", "Background", "Steps to Reproduce", "Expected Result", "Actual Result",
                "Resolution", "Root Cause", "Next Steps", "Action Items", "Impact", "Timeline", "Workaround",
                "Environment", "Description", "Acceptance Criteria", "Notes", "Context"],
    "holiday": ["Christmas", "Easter", "Thanksgiving", "Ramadan", "Diwali", "Halloween", "Black Friday",
                "Boxing Day", "New Year", "Eid", "Hanukkah", "Labor Day", "Cyber Monday", "Lunar New Year"],
    "ui": ["Settings", "Dashboard", "Billing", "Account Settings", "Privacy Policy", "Terms of Service",
           "Help Center", "Checkout", "Inbox", "Downloads", "Admin Console", "Payment Methods", "Order History",
           "Security", "Notifications", "Profile", "Sign In", "Submit", "Cancel", "Save Changes"],
}

LOOKALIKE_TEXTS = [
    "{kw:weekday} works for me, but not before 10am.",
    "Since the {kw:product} update on {kw:weekday}, the app crashes on launch.",
    "{kw:initial}, the {kw:plan} does not include phone support.",
    "I upgraded to the {kw:plan} in {kw:month} and was charged twice.",
    "Does {kw:brand} ship to {kw:place}?",
    "{kw:heading}:\nThe {kw:product} sync fails when the VPN is on.",
    "Our {kw:team} rollout for {kw:place} starts on {kw:weekday}.",
    "{kw:initial} restart the {kw:product} and try again.",
    "Write a {kw:tech} function that reads a CSV file and sums one column.",
    "Compare {kw:brand} and {kw:brand} for a small business in {kw:place}.",
    "{kw:initial}, I can't help with that, but {kw:brand} support can.",
    "Go to {kw:ui} > {kw:ui} and turn off auto-renew.",
    "We are closed over {kw:holiday}; tickets will be answered on {kw:weekday}.",
    "The {kw:product} I bought in {kw:month} stopped charging.",
    "{kw:initial} we have escalated this to {kw:team}.",
    "My {kw:brand} order was supposed to arrive {kw:weekday} but it's still in {kw:place}.",
    "How do I migrate from {kw:tech} to {kw:tech}?",
    "{kw:heading}\n1. Open {kw:product}\n2. Click {kw:ui}\n3. Nothing happens",
    "Is the {kw:plan} available in {kw:place}?",
    "{kw:initial}! Your {kw:brand} gift card balance is shown under {kw:ui}.",
    "Explain the difference between {kw:tech} and {kw:tech} like I'm five.",
    "The {kw:holiday} sale ends {kw:weekday} at midnight.",
    "{kw:initial}, the {kw:product} app is not supported on older devices.",
    "{kw:team} owns the {kw:tech} pipeline; ping them in the channel.",
    "Flight to {kw:place} was cancelled on {kw:weekday}, {kw:month} 3.",
    "{kw:heading}: customers on the {kw:plan} lost access after the {kw:brand} outage.",
    "Recommend a laptop for {kw:tech} development under 1000 euros, {kw:brand} or {kw:brand}.",
    "{kw:initial} note that {kw:ui} is only visible to admins.",
    "Our office in {kw:place} is closed every {kw:weekday} in {kw:month}.",
    "Sure! Here is a {kw:tech} snippet that calls the {kw:brand} API.",
    # mixed: look-alikes and real names in one text
    "{kw:initial}, {full:a} will call you on {kw:weekday}.",
    "{given:a} from {kw:team} says the {kw:product} integration is live.",
    "Hi {given:a}, the {kw:plan} renews in {kw:month}.",
    "{kw:heading}: {full:a} reported that {kw:ui} hangs in {kw:brand} browsers.",
    "Regards,\n{full:a}\n{kw:brand}, {kw:place}",
    "Thanks {given:a}! {kw:initial} the {kw:product} is back in stock.",
]


def _lookalike_spec(template):
    def spec(rng, persons, filler, line, form_name):
        doc, path = _embed(rng, filler, persons, line, "lookalike", template)
        return doc
    return spec


LOOKALIKE_TEMPLATES = [_lookalike_spec(t) for t in LOOKALIKE_TEXTS]

# ----------------------------------------------------------------------------------------------
# Structured PII and structured look-alikes

STRUCT_SLOT = re.compile(r"\{(EMAIL|PHONE|CARD|IBAN|SSN|IPV4|IPV6|MAC|LA:[a-z_0-9]+)\}")
TYPE_OF = {"EMAIL": "EMAIL_ADDRESS", "PHONE": "PHONE_NUMBER", "CARD": "CREDIT_CARD", "IBAN": "IBAN_CODE",
           "SSN": "US_SSN", "IPV4": "IP_ADDRESS", "IPV6": "IP_ADDRESS", "MAC": "MAC_ADDRESS"}


def structured_value(rng, values, slot):
    """Returns (written, label extras) for a structured PII slot."""
    if slot == "EMAIL":
        return values.email(), {}
    if slot == "PHONE":
        s, d = values.phone()
        return s, {"digits": d}
    if slot == "CARD":
        s, d = values.card()
        return s, {"digits": d}
    if slot == "IBAN":
        c = values.iban()
        return (c if rng.random() < 0.4 else values.iban_print(c)), {"digits": c}
    if slot == "SSN":
        d = values.ssn()
        sep = rng.choice(["-", "-", "-", " ", ""])
        return f"{d[:3]}{sep}{d[3:5]}{sep}{d[5:]}", {"digits": d}
    if slot == "IPV4":
        return values.ipv4(), {}
    if slot == "IPV6":
        return values.ipv6(), {}
    if slot == "MAC":
        return values.mac(), {}
    raise KeyError(slot)


def lookalike_value(rng, values, cat):
    r = rng
    d = values.digits
    if cat == "luhn_fail_16":
        n = values.luhn_failing(16)
        return r.choice([" ", "-", ""]).join([n[i:i + 4] for i in range(0, 16, 4)])
    if cat == "order_id":
        while True:
            v = r.choice([f"ORD-{r.randint(2019, 2026)}-{d(6)}", f"#A{d(2)}-{d(5)}", f"{d(3)}-{d(7)}-{d(7)}",
                          f"SO{d(8)}", f"PO-{d(5)}", f"W{d(9)}"])
            digits = re.sub(r"\D", "", v)
            if not (13 <= len(digits) <= 19 and luhn_ok(digits)):
                return v
    if cat == "version":
        return r.choice([f"v{r.randint(1, 12)}.{r.randint(0, 30)}.{r.randint(0, 20)}",
                         f"{r.randint(1, 20)}.{r.randint(0, 9)}.{r.randint(0, 99)}.{r.randint(0, 9999)}",
                         f"{r.randint(1, 5)}.{r.randint(0, 20)}.{r.randint(0, 9)}-rc.{r.randint(1, 4)}",
                         f"{r.randint(3, 6)}.{r.randint(1, 19)}.0-{r.randint(100, 600)}.el{r.randint(7, 9)}"])
    if cat == "date":
        dt = datetime(2024, 1, 1) + timedelta(days=r.randint(0, 1000))
        return dt.strftime(r.choice(["%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d-%m-%Y"]))
    if cat == "timestamp":
        dt = datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=r.randint(0, 60_000_000))
        return r.choice([dt.strftime("%Y-%m-%dT%H:%M:%SZ"), dt.strftime("%Y-%m-%d %H:%M:%S"), str(int(dt.timestamp())),
                         dt.strftime("%H:%M")])
    if cat == "price":
        return r.choice([f"${r.randint(1, 2999):,}.{d(2)}", f"€{r.randint(1, 999)}.{d(2)}", f"£{r.randint(1, 500)}.{d(2)}",
                         f"{r.randint(1, 99)} {d(3)},{d(2)} €", f"USD {r.randint(1, 99999):,}.00", f"₹{r.randint(100, 99999):,}"])
    if cat == "uuid":
        return str(uuid.UUID(int=r.getrandbits(128), version=4))
    if cat == "hash":
        return r.choice(["".join(r.choice("0123456789abcdef") for _ in range(n)) for n in (7, 12, 40, 64)])
    if cat == "tracking":
        return r.choice(["1Z" + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(16)),
                         f"{d(4)} {d(4)} {d(4)}", f"94{d(2)} {d(4)} {d(4)} {d(4)} {d(4)} {d(2)}",
                         f"JD{d(18)}", f"{d(10)}", f"RR{d(9)}GB", f"LX{d(9)}DE"])
    if cat == "invalid_ssn":
        return values.invalid_ssn()
    if cat == "bad_iban":
        c = values.iban(valid=False)
        return c if r.random() < 0.5 else values.iban_print(c)
    if cat == "invoice":
        return r.choice([f"INV-{d(6)}", f"INV/{r.randint(2023, 2026)}/{d(4)}", f"{r.randint(2023, 2026)}-{d(5)}"])
    if cat == "error_code":
        return r.choice([f"0x{r.randint(0, 0xFFFFFFFF):08X}", f"E{d(4)}", f"ERR_{r.randint(100, 999)}",
                         f"HTTP {r.choice([400, 401, 403, 404, 409, 429, 500, 502, 503])}"])
    if cat == "dimension":
        return r.choice([f"{r.choice([1280, 1366, 1920, 2560, 3840])}x{r.choice([720, 768, 1080, 1440, 2160])}",
                         f"{r.randint(10, 200)} x {r.randint(10, 200)} cm", f"{r.randint(1, 20)}.{d(1)} kg"])
    if cat == "percent":
        return f"{r.randint(0, 100)}.{d(1)}%"
    if cat == "isbn":
        return f"978-{r.randint(0, 9)}-{d(3)}-{d(5)}-{r.randint(0, 9)}"
    if cat == "account_short":
        return r.choice([f"{d(4)}", f"{d(5)}", f"{d(6)}", f"#{d(5)}"])
    raise KeyError(cat)


LA_CATS = ["luhn_fail_16", "order_id", "version", "date", "timestamp", "price", "uuid", "hash", "tracking",
           "invalid_ssn", "bad_iban", "invoice", "error_code", "dimension", "percent", "isbn", "account_short"]


def fill_struct(rng, values, template, path, line, form=None):
    out, pos = [], 0
    for m in STRUCT_SLOT.finditer(template):
        out.append(template[pos:m.start()])
        pos = m.end()
        slot = m.group(1)
        if slot.startswith("LA:"):
            v = lookalike_value(rng, values, slot[3:])
            line.keep.append({"value": v, "path": path, "category": slot[3:]})
        else:
            v, extra = structured_value(rng, values, slot)
            e = {"type": TYPE_OF[slot], "value": v, "path": path, **extra}
            if form:
                e["form"] = form
            line.entities.append(e)
        out.append(v)
    out.append(template[pos:])
    return "".join(out)


STRUCT_TEXTS = {
    "EMAIL": ["Please send the receipt to {EMAIL}.", "My new email is {EMAIL}", "contact: {EMAIL}",
              "Reply-To: {EMAIL}", "I registered with {EMAIL} but never got the code.",
              "Can you change the login email from {EMAIL} to my work address?",
              "Sure, I've drafted the message to {EMAIL} below.", "email me at {EMAIL} when it ships",
              "The bounce came back for <{EMAIL}>.", "({EMAIL}) is the billing contact."],
    "PHONE": ["Call me back on {PHONE}.", "My number is {PHONE}", "mobile: {PHONE}", "Tel. {PHONE}",
              "You can reach the store at {PHONE} until 6pm.", "text me at {PHONE} pls",
              "Customer left a voicemail from {PHONE} asking about the refund.",
              "The courier tried {PHONE} twice but nobody answered.", "WhatsApp {PHONE}",
              "Updated the phone on file to {PHONE}, as requested."],
    "CARD": ["My card {CARD} was charged twice.", "Card number: {CARD}", "I paid with {CARD}, exp next year.",
             "please remove the card {CARD} from my account", "The transaction on {CARD} was declined.",
             "Can you refund to {CARD} instead of store credit?", "cc {CARD}",
             "Here is the card you asked for: {CARD}."],
    "IBAN": ["Please wire the refund to {IBAN}.", "IBAN: {IBAN}", "My bank account is {IBAN}, BIC on request.",
             "The direct debit is taken from {IBAN} each month.", "Change payout account to {IBAN}",
             "Beneficiary IBAN {IBAN} (savings)."],
    "SSN": ["SSN: {SSN}", "My social security number is {SSN}.", "Applicant SSN {SSN} does not match the file.",
            "ssn {SSN}", "For the tax form I used {SSN} as my SSN.", "Social Security No. {SSN}",
            "Verify the caller: SSN ends in the digits of {SSN}?"],
    "IPV4": ["Login from {IPV4} was blocked.", "client ip {IPV4}", "The request came from {IPV4} at 02:14 UTC.",
             "Please whitelist {IPV4} for the API.", "src={IPV4} action=deny", "My home IP is {IPV4}"],
    "IPV6": ["Login from {IPV6} was blocked.", "client ip {IPV6}", "The request came from {IPV6} overnight.",
             "Please whitelist {IPV6} for the API.", "src={IPV6} action=deny", "Router shows {IPV6} as WAN address."],
    "MAC": ["Device MAC {MAC} keeps dropping off the Wi-Fi.", "mac address: {MAC}",
            "Please register {MAC} on the guest network.", "The printer ({MAC}) is not getting an IP.",
            "Blocked hardware address {MAC}", "Laptop MAC is {MAC}"],
}
STRUCT_FIELD_KEYS = {"EMAIL": ["email", "contact_email", "billing_email"], "PHONE": ["phone", "mobile", "contact_phone"],
                     "CARD": ["card_number", "payment_card"], "IBAN": ["iban", "payout_account"],
                     "SSN": ["ssn", "tax_id"], "IPV4": ["client_ip", "source_ip"], "IPV6": ["client_ip", "remote_addr"],
                     "MAC": ["mac", "device_mac"]}
LA_TEXTS = {
    "luhn_fail_16": ["Reference number {LA:luhn_fail_16}.", "Your confirmation code is {LA:luhn_fail_16}",
                     "Gift card {LA:luhn_fail_16} has a zero balance."],
    "order_id": ["Order {LA:order_id} has not shipped yet.", "re: order {LA:order_id}", "Order number: {LA:order_id}"],
    "version": ["The bug appeared in {LA:version}.", "Running version {LA:version} on all nodes.", "After upgrading to {LA:version} the app froze."],
    "date": ["The charge on {LA:date} is wrong.", "Delivery scheduled for {LA:date}.", "Contract valid until {LA:date}"],
    "timestamp": ["Last seen {LA:timestamp}.", "Error logged at {LA:timestamp}", "Job finished {LA:timestamp}"],
    "price": ["I was charged {LA:price} instead of the quoted price.", "Total: {LA:price}", "The upgrade costs {LA:price} per month."],
    "uuid": ["Request id {LA:uuid}", "Trace {LA:uuid} shows a timeout.", "session={LA:uuid}"],
    "hash": ["Fixed in commit {LA:hash}.", "sha256 {LA:hash}", "Checksum mismatch: {LA:hash}"],
    "tracking": ["Tracking number {LA:tracking}", "The parcel {LA:tracking} is stuck in customs.", "Shipment ref {LA:tracking}"],
    "invalid_ssn": ["Test record id {LA:invalid_ssn}", "Form field shows {LA:invalid_ssn} (placeholder)."],
    "bad_iban": ["Example account from the docs: {LA:bad_iban}", "The form rejected {LA:bad_iban} as invalid."],
    "invoice": ["Invoice {LA:invoice} is attached.", "Please pay {LA:invoice} by the end of the month."],
    "error_code": ["The installer fails with {LA:error_code}.", "Got {LA:error_code} again"],
    "dimension": ["Screen resolution {LA:dimension}", "The box is {LA:dimension}."],
    "percent": ["Battery health is {LA:percent}.", "CPU at {LA:percent} all day"],
    "isbn": ["The book ISBN is {LA:isbn}.", "ISBN {LA:isbn}"],
    "account_short": ["Ticket {LA:account_short} was merged.", "Room {LA:account_short}, building B"],
}


def _shape_doc(rng, text, fill):
    """A document with one free-text field whose content comes from fill(path)."""
    shape = rng.choice(["ticket", "prompt", "response", "output", "comment"])
    if shape == "ticket":
        doc = {"ticket_id": _id(rng, "TCK-"), "subject": rng.choice(GENERIC_SUBJECTS)}
        doc["body"] = fill("$.body")
    elif shape == "prompt":
        doc = {"conversation_id": str(uuid.UUID(int=rng.getrandbits(128), version=4))}
        doc["text"] = {"prompt": fill("$.text.prompt"), "response": rng.choice(GENERIC_RESPONSES)}
    elif shape == "response":
        doc = {"conversation_id": str(uuid.UUID(int=rng.getrandbits(128), version=4))}
        doc["text"] = {"prompt": rng.choice(GENERIC_PROMPTS), "response": fill("$.text.response")}
    elif shape == "output":
        name, version = rng.choice(MODELS)
        doc = {"request_id": _id(rng, "req_", 8), "model": {"name": name, "version": version}, "output": fill("$.output")}
    else:
        doc = {"issue": f"SUP-{rng.randint(100, 9999)}", "comment": fill("$.comment")}
    return doc


def build_structured(rng, values, people, per_type=260, lookalikes=1300):
    rows = []
    slots = [s for s in STRUCT_TEXTS for _ in range(per_type if s not in ("IPV4", "IPV6") else per_type // 2 + 10)]
    rng.shuffle(slots)
    la_pool = [c for c in LA_CATS for _ in range(lookalikes // len(LA_CATS) + 1)]
    rng.shuffle(la_pool)
    while slots or la_pool:
        line = Line()
        if slots and rng.random() < 0.15:
            slot = slots.pop()
            key = rng.choice(STRUCT_FIELD_KEYS[slot])
            doc = {"record_id": _id(rng, "r")}
            v, extra = structured_value(rng, values, slot)
            doc[key] = v
            line.entities.append({"type": TYPE_OF[slot], "value": v, "path": f"$.{key}", "form": "field", **extra})
            if la_pool:
                cat = la_pool.pop()
                doc["note"] = fill_struct(rng, values, rng.choice(LA_TEXTS[cat]), "$.note", line)
            rows.append((doc, line))
            continue
        parts = []
        if slots:
            parts.append(rng.choice(STRUCT_TEXTS[slots.pop()]))
        for _ in range(rng.choice([0, 1, 1, 2]) if parts else 2):
            if la_pool:
                parts.append(rng.choice(LA_TEXTS[la_pool.pop()]))
        rng.shuffle(parts)
        text = " ".join(p if p[-1] in ".?!)" else p + "." for p in parts[:-1]) + (" " if len(parts) > 1 else "") + parts[-1]
        doc = _shape_doc(rng, text, lambda path: fill_struct(rng, values, text, path, line, "sentence"))
        rows.append((doc, line))
    return rows


# ----------------------------------------------------------------------------------------------
# Hostile: Unicode digits/separators/invisible characters, JSON numbers, unusual e-mail forms

NBSP, THIN, NNBSP = "\u00a0", "\u2009", "\u202f"
ZWSP, ZWJ, WJ, SHY = "\u200b", "\u200d", "\u2060", "\u00ad"
EN, EM, MINUS = "\u2013", "\u2014", "\u2212"


def _map_digits(s, zero):
    return "".join(chr(zero + int(c)) if c.isascii() and c.isdigit() else c for c in s)


def _insert_invisible(rng, s, ch):
    positions = sorted(rng.sample(range(1, len(s)), min(len(s) - 1, rng.randint(1, 3))))
    out, last = [], 0
    for p in positions:
        out.append(s[last:p])
        out.append(ch)
        last = p
    out.append(s[last:])
    return "".join(out)


HOSTILE_SENTENCES = ["Please use {V} for this.", "My {K} is {V}", "{K}: {V}", "Updated {K} -> {V}.",
                     "can you check {V}?", "The {K} on file is {V}, please confirm."]
KIND_WORDS = {"CARD": ["card", "card number"], "PHONE": ["phone", "number"], "SSN": ["SSN", "social security number"],
              "IBAN": ["IBAN", "account"], "EMAIL": ["email", "address"]}


def build_hostile(rng, values, people, per_form=100):
    rows = []

    def spaced(kind):
        """A value whose separators are plain spaces (to be replaced), with its canonical digits."""
        if kind == "CARD":
            n, grouping = values.card_number()
            return values.group(n, grouping, " "), n
        if kind == "PHONE":
            a, e, n = values.us_parts()
            s = rng.choice([f"{a} {e} {n}", f"+1 {a} {e} {n}", f"({a}) {e} {n}", f"+44 20 {rng.choice('378')}{values.digits(3)} {values.digits(4)}",
                            f"+49 30 {values.digits(4)} {values.digits(4)}", f"+91 {rng.choice('6789')}{values.digits(4)} {values.digits(5)}"])
            return s, re.sub(r"\D", "", s)
        if kind == "SSN":
            d = values.ssn()
            return f"{d[:3]} {d[3:5]} {d[5:]}", d
        if kind == "IBAN":
            c = values.iban()
            return values.iban_print(c), c
        raise KeyError(kind)

    def sentence(kind, v):
        return rng.choice(HOSTILE_SENTENCES).replace("{K}", rng.choice(KIND_WORDS[kind])).replace("{V}", v)

    def text_row(kind, written, digits, form):
        line = Line()
        doc = _shape_doc(rng, None, lambda path: sentence(kind, written))  # separators stay plain JSON text
        path = next(p for p in ("$.body", "$.text.prompt", "$.text.response", "$.output", "$.comment")
                    if isinstance(get_path(doc, p), str) and written in get_path(doc, p))
        e = {"type": TYPE_OF[kind] if kind in TYPE_OF else kind, "value": written, "path": path, "form": form}
        if digits is not None:
            e["digits"] = digits
        line.entities.append(e)
        rows.append((doc, line))

    def number_row(key_path, raw, etype, digits, form):
        line = Line()
        keys = key_path.split(".")
        doc = {"record_id": _id(rng, "r")}
        cur = doc
        for k in keys[:-1]:
            cur = cur.setdefault(k, {})
        cur[keys[-1]] = "__NUMBER__"
        text = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).replace('"__NUMBER__"', raw)
        line.entities.append({"type": etype, "value": raw, "path": "$." + key_path, "form": form, "digits": digits})
        rows.append((text, line))

    sep_forms = [("nbsp", NBSP), ("thin_space", THIN), ("narrow_nbsp", NNBSP)]
    for form, ch in sep_forms:
        for i in range(per_form):
            kind = ["CARD", "PHONE", "SSN", "IBAN"][i % 4]
            s, d = spaced(kind)
            text_row(kind, s.replace(" ", ch), d, form)
    for form, ch in [("zero_width_space", ZWSP), ("zero_width_joiner", ZWJ), ("word_joiner", WJ), ("soft_hyphen", SHY)]:
        for i in range(per_form):
            kind = ["CARD", "PHONE", "SSN", "IBAN", "EMAIL"][i % 5]
            if kind == "EMAIL":
                e = values.email()
                text_row(kind, _insert_invisible(rng, e, ch), None, form)
            else:
                s, d = spaced(kind)
                s = s.replace(" ", rng.choice([" ", "-", ""])) if kind != "IBAN" else s
                text_row(kind, _insert_invisible(rng, s, ch), d, form)
    for form, zero in [("fullwidth_digits", 0xFF10), ("arabic_indic_digits", 0x0660),
                       ("ext_arabic_indic_digits", 0x06F0), ("devanagari_digits", 0x0966)]:
        for i in range(per_form):
            kind = ["CARD", "PHONE", "SSN"][i % 3]
            s, d = spaced(kind)
            s = s.replace(" ", rng.choice([" ", "-", ""]))
            if form == "fullwidth_digits" and rng.random() < 0.3:
                s = s.replace("-", "\uff0d")
            text_row(kind, _map_digits(s, zero), d, form)
    for i in range(per_form):
        e = values.email()
        text_row("EMAIL", e.replace("@", "\uff20"), None, "fullwidth_at")
    for form, ch in [("en_dash", EN), ("em_dash", EM), ("minus_sign", MINUS)]:
        for i in range(per_form):
            kind = ["CARD", "PHONE", "SSN"][i % 3]
            s, d = spaced(kind)
            if kind == "PHONE" and s.startswith("("):
                s = s.replace("(", "").replace(")", "")
            text_row(kind, s.replace(" ", ch).replace("+1" + ch, "+1 ").replace("+44" + ch, "+44 ")
                     .replace("+49" + ch, "+49 ").replace("+91" + ch, "+91 "), d, form)
    card_keys = ["card_number", "pan", "payment.card", "cc", "card", "billing.card_number", "value", "ref"]
    visa_mc = [b for b in values.CARD_BRANDS if b[0] in ("visa", "mastercard")]
    for form in ("card_json_integer", "card_json_float", "card_json_exponent"):
        for i in range(per_form):
            while True:
                n, _ = values.card_number(rng.choice(visa_mc))
                if len(n) == 16 and int(n) < 2 ** 53:
                    break
            raw = n if form == "card_json_integer" else f"{n}.0" if form == "card_json_float" else f"{n[0]}.{n[1:].rstrip('0') or '0'}e15"
            number_row(card_keys[i % len(card_keys)], raw, "CREDIT_CARD", n, form)
    ssn_keys = ["ssn", "SSN", "social_security_number", "applicant.ssn", "employee.ssn", "ssn_number"]
    for i in range(per_form):
        while True:
            d = values.ssn()
            if d[0] != "0":
                break
        number_row(ssn_keys[i % len(ssn_keys)], d, "US_SSN", d, "ssn_json_number")
    for i in range(per_form):
        d = values.ssn()
        sep = [EN, "/", "_"][i % 3]
        text_row("SSN", f"{d[:3]}{sep}{d[3:5]}{sep}{d[5:]}", d, "ssn_separators")
    idn_domains = ["bücher.de", "müller-bau.de", "café-paris.fr", "zürich-versicherung.ch", "søk.no", "ñandú.es",
                   "straßenbahn.at", "göteborg-energi.se", "łódź-media.pl", "çiçek.com.tr", "örnek.com.tr", "ĺudia.sk"]
    for i in range(per_form):
        g, f = people.ascii_pair()
        text_row("EMAIL", f"{g.lower()}.{f.lower()}@{rng.choice(idn_domains)}", None, "idn_domain_email")
    unicode_tlds = ["example.москва", "пример.рф", "shop.онлайн", "firma.рус", "store.中国", "site.香港",
                    "mail.한국", "info.भारत", "beispiel.みんな", "company.ไทย"]
    for i in range(per_form):
        g, f = people.ascii_pair()
        text_row("EMAIL", f"{g.lower()}{rng.randint(1, 99)}@{rng.choice(unicode_tlds)}", None, "unicode_tld_email")
    unicode_mail = ["用户@例子.广告", "пользователь@пример.рф", "δοκιμή@παράδειγμα.δοκιμή", "अजय@डाटा.भारत",
                    "josé.garcía@correo.es", "françois@exemple.fr", "müller@beispiel.de", "用户名@邮件.中国",
                    "さくら@例え.jp", "사용자@예시.한국", "иван.петров@почта.рф", "θεοδωρος@email.gr",
                    "zoë@example.com", "jürgen.groß@firma.de", "ahmet.yılmaz@örnek.com.tr"]
    for i in range(per_form):
        base = unicode_mail[i % len(unicode_mail)]
        local, dom = base.split("@")
        if i >= len(unicode_mail):
            local = f"{local}{rng.randint(1, 999)}"
        text_row("EMAIL", f"{local}@{dom}", None, "unicode_email")
    for i in range(per_form):
        g, f = people.ascii_pair()
        dom = rng.choice(values.EMAIL_DOMAINS)
        local = rng.choice([f'"{g.lower()}.{f.lower()}"', f'"{g.lower()} {f.lower()}"', f'"{g.lower()}..{f.lower()}"',
                            f'"{g.lower()}@home"'])
        text_row("EMAIL", f"{local}@{dom}", None, "quoted_local_part")
    for i in range(per_form):
        c = values.iban()
        text_row("IBAN", values.iban_print(c, "-"), c, "iban_dashes")
    for i in range(per_form):
        s, d = spaced("PHONE")
        sep = ["_", "~"][i % 2]
        s = s.replace("(", "").replace(")", "")
        text_row("PHONE", s.replace(" ", sep), d, "phone_underscore_tilde")
    for form, sep in [("card_sep_space", " "), ("card_sep_dash", "-"), ("card_sep_dot", "."), ("card_sep_slash", "/"),
                      ("card_sep_underscore", "_"), ("card_no_sep", "")]:
        for i in range(per_form):
            n, grouping = values.card_number()
            text_row("CARD", values.group(n, grouping, sep), n, form)
    phone_keys = ["phone", "phone_number", "contact.phone", "mobile", "customer.phone"]
    for i in range(per_form):
        kind = i % 3
        if kind == 0:
            a, e, n = values.us_parts()
            d = a + e + n
        elif kind == 1:
            a, e, n = values.us_parts()
            d = "1" + a + e + n
        else:
            d = rng.choice(["447", "4420", "4915", "3361", "9198"]) + values.digits(rng.choice([8, 9]) if True else 8)
        number_row(phone_keys[i % len(phone_keys)], d, "PHONE_NUMBER", d, "phone_json_integer")
    return rows


# ----------------------------------------------------------------------------------------------
# Adjacent entities

ADJ_PAIRS = [
    ("PHONE", "IPV4", [" "]), ("IPV6", "PHONE", [" "]), ("EMAIL", "PHONE", [" ", ", ", " / "]),
    ("CARD", "LA:date", [" ", ", exp "]), ("PHONE", "PHONE", [" ", ", ", ",", "/", "; "]),
    ("PERSON", "PHONE", [" ", ", ", " - "]), ("PERSON", "EMAIL", [" ", " <"]), ("SSN", "PHONE", [" ", ", "]),
    ("CARD", "CARD", [", ", " "]), ("IPV4", "IPV4", [" ", ", ", " -> "]), ("MAC", "IPV4", [" ", " / "]),
    ("IPV4", "MAC", [", ", " "]), ("IBAN", "CARD", [" ", "; "]), ("EMAIL", "EMAIL", [", ", ";", " "]),
    ("PHONE", "EMAIL", [" ", ", "]), ("SSN", "CARD", [" ", ", "]), ("PHONE", "CARD", [" "]),
    ("EMAIL", "IPV4", [" ", " from "]), ("IPV6", "IPV6", [" ", ", "]), ("PERSON", "SSN", [", ", " "]),
]
ADJ_FRAMES = ["{X}", "Contact: {X}", "call or text {X} anytime", "{X} (customer details)", "details -> {X}",
              "Please update the record: {X}.", "Caller left {X} for the callback.", "log: {X}",
              "Sure, I've saved {X} to the profile.", "From the form: {X}"]


def build_adjacent(rng, values, people, lines=400):
    rows = []
    for i in range(lines):
        x, y, joiners = ADJ_PAIRS[i % len(ADJ_PAIRS)]
        j = rng.choice(joiners)
        line = Line()
        person = people.draw()
        pieces = []
        for slot in (x, y):
            if slot == "PERSON":
                pieces.append((person.full, {"type": "PERSON", "value": person.full, "culture": person.culture}))
            elif slot.startswith("LA:"):
                pieces.append((lookalike_value(rng, values, slot[3:]), None))
            else:
                v, extra = structured_value(rng, values, slot)
                if slot == "EMAIL" and x == "PERSON":
                    v = values.email(people.ascii_pair())
                pieces.append((v, {"type": TYPE_OF[slot], "value": v, **extra}))
        joined = pieces[0][0] + j + pieces[1][0] + (">" if j == " <" else "")
        frame = rng.choice(ADJ_FRAMES)
        text = frame.replace("{X}", joined)
        doc = _shape_doc(rng, text, lambda path: text)
        path = next(p for p in ("$.body", "$.text.prompt", "$.text.response", "$.output", "$.comment")
                    if get_path(doc, p) == text)
        form = f"{x}+{y}".replace("LA:date", "DATE") + ("" if j.strip() else " (space)") + (f" ({j.strip()})" if j.strip() else "")
        for v, e in pieces:
            if e is None:
                line.keep.append({"value": v, "path": path, "category": "date"})
            else:
                line.entities.append({**e, "path": path, "form": form})
        if not line.consistent(doc):
            continue
        rows.append((doc, line))
    return rows


# ----------------------------------------------------------------------------------------------
# Realistic inference events (about 30 % carry PII)

CLEAN_PROMPTS = [
    "Explain the difference between a Roth IRA and a traditional IRA.", "Write a haiku about autumn rain.",
    "Summarise the release notes for {LA:version} in three bullet points.",
    "My order {LA:order_id} hasn't shipped. What are my options?", "Convert {LA:price} to euros.",
    "Why does my build fail with exit code 137?", "Give me a packing list for a week in {kw:place} in {kw:month}.",
    "What's a good {kw:tech} library for parsing dates?", "Draft an out-of-office message until {kw:weekday}.",
    "Translate 'where is the train station' into Spanish.", "How do I reset my {kw:product}?",
    "Is the {kw:plan} worth it for a team of five?", "The installer fails with {LA:error_code}. Any idea?",
    "Write a SQL query that returns the top 10 customers by revenue.", "Suggest three names for a bakery.",
    "What does trace {LA:uuid} mean in the logs?", "Help me write a cover letter for a data analyst role.",
    "How long does a refund usually take?", "Recommend a book like The Martian.",
    "Fix this regex: ^[a-z]+@[a-z]+$", "Explain Kubernetes pods to a beginner.",
    "what's the weather usually like in {kw:place} in {kw:month}", "tracking {LA:tracking} says delivered but nothing came",
    "Invoice {LA:invoice} shows {LA:price}, is that right?", "Plan a 3-day itinerary for {kw:place}.",
    "Can you proofread: 'Their going to the meeting on {kw:weekday}.'",
]
CLEAN_RESPONSES = [
    "Here are three options you could consider, depending on your budget.", "Sure! Here's a draft you can adapt.",
    "The most likely cause is the container running out of memory.", "Refunds are usually processed within 5-7 business days.",
    "{kw:initial}, I don't have access to order details, but support can check it for you.",
    "Category: billing. Priority: normal.", "Here is the corrected sentence.", "Step 1: open {kw:ui}. Step 2: choose {kw:ui}.",
    "I recommend the {kw:plan} if you need priority support.", "Done. Let me know if you'd like a shorter version.",
    "That version ({LA:version}) has a known issue; upgrading should fix it.",
]
PII_PROMPTS = [
    "Please update my email to {EMAIL} and my phone to {PHONE}.", "My card {CARD} was charged twice for order {LA:order_id}.",
    "Can you verify my identity? SSN {SSN}, name {full:a}.", "Send the invoice to {full:a}, {EMAIL}.",
    "I can't connect to the VPN from {IPV4}, laptop MAC {MAC}.", "Transfer the refund to {IBAN} please.",
    "Write an email to {full:a} confirming the meeting on {kw:weekday}.", "my number is {PHONE} call me",
    "Hi, I'm {given:a}. My account email {EMAIL} stopped receiving codes.",
    "Summarise this ticket: customer {full:a} ({PHONE}) wants a refund for {LA:price}.",
    "The login from {IPV6} wasn't me, please lock the account.", "Draft a reply to {tfam:a} about the delayed parcel.",
    "Pay the rent from {IBAN} on the first {kw:weekday} of each month.", "please cancel the card ending {CARD} asap",
    "Thanks {given:a}! Could you also send it to {EMAIL}?", "Reply to {full:a}: the parcel {LA:tracking} is on its way.",
]
PII_RESPONSES = [
    "I've noted your new phone number {PHONE}.", "Thanks {given:a}, I've sent the confirmation to {EMAIL}.",
    "Here is a draft:\n\nDear {tfam:a},\nyour refund has been approved.\n\nBest regards,\n{full:a}",
    "The account linked to {EMAIL} has been locked.", "I updated the payout account to {IBAN}.",
    "Hi {given:a}, your appointment is confirmed for {kw:weekday}.", "We'll call you back on {PHONE} within the hour.",
    "The device {MAC} was registered on the guest network.", "I can see a login from {IPV4} at 03:12.",
]
EVENT_MODELS = [("support-assistant", ["2.4.1", "2.5.0"]), ("chat-llm", ["2025-06", "2025-09"]),
                ("ticket-triage", ["1.9.0"]), ("credit-risk", ["3.2.0", "3.3.0"])]
LABELS = {"support-assistant": ["answer", "handoff"], "chat-llm": ["ok", "refused"], "ticket-triage": ["billing", "access", "delivery", "bug"],
          "credit-risk": ["approve", "review", "decline"]}


def build_realistic(rng, values, people, filler, events=2000, pii_share=0.3):
    rows = []
    t0 = datetime(2026, 11, 1, tzinfo=timezone.utc)
    while len(rows) < events:
        line = Line()
        persons = {v: people.draw() for v in "abc"}
        used = set()
        with_pii = rng.random() < pii_share
        model, versions = rng.choice(EVENT_MODELS)
        ev = {
            "event_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "event_time": (t0 + timedelta(seconds=len(rows) * 37 + rng.randint(0, 30))).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            "model": {"name": model, "version": rng.choice(versions)},
            "subject_id": f"user-{rng.randint(100000, 999999)}",
            "features": {"age": rng.randint(18, 85), "income": round(rng.uniform(12000, 180000), 2),
                         "tenure_months": rng.randint(0, 240), "num_products": rng.randint(1, 6),
                         "region": rng.choice(["north", "south", "east", "west"]),
                         "device": rng.choice(["ios", "android", "web"])},
            "prediction": {"label": rng.choice(LABELS[model]), "score": round(rng.random(), 4)},
        }

        def fill(template, path):
            s = fill_struct(rng, values, template, path, line)
            return filler.fill(s, persons, path, line, "realistic", used)
        where = rng.choice(["prompt", "response", "both", "attributes"]) if with_pii else None
        prompt_t = rng.choice(PII_PROMPTS if where in ("prompt", "both") else CLEAN_PROMPTS)
        response_t = rng.choice(PII_RESPONSES if where in ("response", "both") else CLEAN_RESPONSES)
        ev["text"] = {"prompt": fill(prompt_t, "$.text.prompt"), "response": fill(response_t, "$.text.response")}
        attrs = {"session_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                 "locale": rng.choice(["en-US", "en-GB", "de-DE", "fr-FR", "es-MX", "hi-IN"]),
                 "app_version": f"{rng.randint(3, 6)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
                 "latency_ms": rng.randint(40, 4000)}
        if where == "attributes":
            kind = rng.choice(["client_ip", "email", "phone", "customer_name"])
            if kind == "client_ip":
                v = values.ipv4() if rng.random() < 0.7 else values.ipv6()
                attrs["client_ip"] = v
                line.entities.append({"type": "IP_ADDRESS", "value": v, "path": "$.attributes.client_ip"})
            elif kind == "email":
                v = values.email()
                attrs["email"] = v
                line.entities.append({"type": "EMAIL_ADDRESS", "value": v, "path": "$.attributes.email"})
            elif kind == "phone":
                v, d = values.phone()
                attrs["phone"] = v
                line.entities.append({"type": "PHONE_NUMBER", "value": v, "path": "$.attributes.phone", "digits": d})
            else:
                attrs["customer_name"] = persons["a"].full
                line.entities.append({"type": "PERSON", "value": persons["a"].full, "path": "$.attributes.customer_name",
                                      "culture": persons["a"].culture})
        ev["attributes"] = attrs
        if line.consistent(ev):
            rows.append((ev, line))
    return rows
