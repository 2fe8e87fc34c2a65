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
  // Subscription plans and tiers ("upgraded to Pro", "the Growth plan"). "Team" is under team.
  plan: [
    'Basic', 'Bronze', 'Business', 'Deluxe', 'Developer', 'Diamond', 'Elite', 'Enterprise',
    'Essential', 'Essentials', 'Family', 'Free', 'Freemium', 'Gold', 'Growth', 'Hobby',
    'Individual', 'Lite', 'Personal', 'Platinum', 'Plus', 'Premier', 'Premium', 'Pro',
    'Professional', 'Scale', 'Silver', 'Standard', 'Starter', 'Startup', 'Student', 'Trial',
    'Ultimate', 'Ultra', 'Unlimited',
  ],
  team: [
    'Accounting', 'Accounts', 'Admin', 'Administrator', 'Billing', 'Compliance', 'Customer',
    'Engineering', 'Finance', 'Helpdesk', 'Legal', 'Management', 'Marketing', 'Operations', 'Ops',
    'Payroll', 'Procurement', 'Sales', 'Security', 'Service', 'Staff', 'Support', 'Team',
  ],
  greeting: [
    'Dear', 'Greetings', 'Hello', 'Hey', 'Hi', 'Regards', 'Sincerely', 'Thanks', 'Welcome',
  ],
  // Software, cloud, DevOps, data and SaaS names that turn up in logs, tickets and chat
  // ("Kafka consumer lag", "Jenkins build failed"). Most are in simple-icons too; these are
  // listed so that they do not depend on it, and for names simple-icons does not carry.
  tech: [
    // cloud, infrastructure, DevOps
    'Airflow', 'Akamai', 'Ansible', 'ArgoCD', 'AWS', 'Azure', 'BigQuery', 'Bitbucket',
    'Buildkite', 'Cassandra', 'CircleCI', 'Cloudflare', 'CloudFormation', 'Consul', 'Databricks',
    'Datadog', 'DigitalOcean', 'Docker', 'DynamoDB', 'Elasticsearch', 'Fastly', 'Fivetran',
    'Flink', 'Fluentd', 'GCP', 'GitHub', 'GitLab', 'Grafana', 'Hadoop', 'Helm', 'Heroku',
    'Istio', 'Jaeger', 'Jenkins', 'Kafka', 'Kibana', 'Kubernetes', 'Linode', 'Logstash', 'Loki',
    'MariaDB', 'Memcached', 'MongoDB', 'MySQL', 'Netlify', 'New Relic', 'Nginx', 'Nomad',
    'OpenSearch', 'OpenShift', 'OpenTelemetry', 'PagerDuty', 'Podman', 'Postgres', 'PostgreSQL',
    'Prometheus', 'Puppet', 'RabbitMQ', 'Rancher', 'Redis', 'Redshift', 'Sentry', 'Snowflake',
    'SonarQube', 'Spark', 'Splunk', 'SQLite', 'TeamCity', 'Terraform', 'Trino', 'Vagrant',
    'Vault', 'Vercel', 'Zookeeper',
    // frameworks and languages often capitalised in prose
    'Angular', 'Django', 'Flask', 'Golang', 'GraphQL', 'Kotlin', 'Laravel', 'Node.js', 'React',
    'Svelte', 'TypeScript', 'Vue',
    // business SaaS, collaboration, support
    'Airtable', 'Asana', 'Basecamp', 'Calendly', 'ClickUp', 'Confluence', 'DocuSign', 'Dropbox',
    'Figma', 'Freshdesk', 'GoToMeeting', 'HubSpot', 'Intercom', 'Jira', 'Looker', 'Mailchimp',
    'Miro', 'Mixpanel', 'Notion', 'Okta', 'Opsgenie', 'Power BI', 'QuickBooks', 'Salesforce',
    'SendGrid', 'ServiceNow', 'Shopify', 'Slack', 'Smartsheet', 'Stripe', 'Tableau', 'Trello',
    'Twilio', 'Webex', 'WooCommerce', 'Workday', 'Zapier', 'Zendesk', 'Zoho', 'Zoom',
    // AI models and assistants; several are also given names (Claude, Gemini) and stay here with
    // their category so that a detector can weigh them
    'Anthropic', 'ChatGPT', 'Claude', 'DeepSeek', 'GPT', 'Grok', 'Llama', 'Midjourney', 'Mistral',
    'OpenAI', 'Perplexity',
  ],
  // Consumer and office products and features of large vendors, and words of application menus
  // and support flows ("Excel crashed", "my Kindle", "open Settings"). Alexa, Siri, Cortana and
  // Echo are given names too.
  product: [
    // Microsoft
    'Access', 'Bing', 'Copilot', 'Cortana', 'Dynamics', 'Edge', 'Entra', 'Excel', 'Hotmail',
    'Intune', 'Office', 'OneDrive', 'OneNote', 'Outlook', 'PowerPoint', 'SharePoint', 'Skype',
    'Surface', 'Teams', 'Visio', 'Windows', 'Word', 'Xbox', 'Yammer',
    // Google
    'Android', 'Bard', 'Chrome', 'Chromebook', 'Docs', 'Drive', 'Gemini', 'Gmail', 'Meet',
    'Pixel', 'Sheets', 'Slides', 'Workspace', 'YouTube',
    // Apple
    'AirPods', 'AirTag', 'FaceTime', 'iCloud', 'iMac', 'iMessage', 'iOS', 'iPad', 'iPadOS',
    'iPhone', 'iPod', 'iTunes', 'MacBook', 'macOS', 'Safari', 'Siri', 'Xcode',
    // Amazon
    'Alexa', 'Audible', 'Echo', 'Fire TV', 'Kindle', 'Prime Video',
    // others
    'Galaxy', 'PlayStation', 'Roku', 'Spotify', 'WhatsApp',
    // application menus, pages and support flows
    'Analytics', 'Checkout', 'Dashboard', 'Help Center', 'Inbox', 'Integrations', 'Invoices',
    'Knowledge Base', 'Login', 'Logout', 'Notifications', 'Onboarding', 'Preferences',
    'Settings', 'Sign In', 'Sign Up', 'Wishlist',
  ],
  honorific: [
    'Capt', 'Col', 'Dame', 'Dr', 'Fr', 'Frau', 'Gen', 'Herr', 'Hon', 'Lady', 'Lord', 'Lt', 'Madam',
    'Mlle', 'Mme', 'Mr', 'Mrs', 'Ms', 'Mx', 'Prof', 'Rev', 'Sgt', 'Sir', 'Sr', 'Sra', 'Srta',
  ],
};
