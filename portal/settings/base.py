"""Settings shared by every environment; values that differ come from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A form refused for its CSRF token gets the site's own page, in the visitor's language.
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"

# wagtail_modeltranslation and its command overrides must precede every app that
# subclasses Page, or loading fails with "Model Page cannot be registered after its subclass".
INSTALLED_APPS = [
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "portal",
    "portal.search",
    "agencies",
    "pressroom",
    "cns",
    "alerts",
    "page_feedback",
    "accreditation",
    "notices",
    "wagtail.contrib.forms",
    # Section pages serve their listings and forms as routes (townships, registration).
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtailmedia",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modeltranslation",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.pagecache.AnonymousPageCacheMiddleware",
    "portal.generational.ContentGenerationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.csp.CSPMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is only the zero-setup default of a first local run; production and CI set
# DATABASE_URL=postgres://... and are served through psycopg 3.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The site, the worker and the clock share the file locally: WAL lets them read while
    # one writes, and IMMEDIATE makes a writer wait for the lock instead of failing midway.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database server fails a request within seconds (a 503, see
    # portal.views.server_error) instead of holding a worker until gunicorn kills it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "5"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits and the page cache must agree across app servers, so they use Redis
# whenever one is configured.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    _redis = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        # A cache that hangs must not hang the site: give up quickly.
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
    CACHES = {
        # The cache is an accelerator, not a dependency: while Redis is unreachable it answers
        # as an empty cache, so pages are served uncached and publishing works.
        "default": {**_redis, "OPTIONS": {**_redis["OPTIONS"], "IGNORE_EXCEPTIONS": True}},
        # An empty answer would let every attempt through: the rate limits need the error, to
        # count in each process's memory instead (portal.ratelimit).
        "ratelimit": _redis,
    }
else:
    # Both in one store, as they share one Redis in production (clearing either clears both).
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
# Operators must notice an outage that the page cache hides from visitors.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.shared_cache"

# Pages load nothing from other hosts (often unreachable from mainland China) and run
# no inline script. The Wagtail admin, which needs inline script, has its own below (portal.csp).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Live broadcasts: hls.js feeds the <video> through a MediaSource, a blob: URL (pressroom).
        "media-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Under /admin/: Wagtail's inline scripts and styles (panels, date pickers, choosers, the
# translated fields' toggles), previews of uploads (blob:) and of pages (a frame of the site
# itself); no eval, and nothing from any other host. Checked in Chromium on every page type's
# editor, the choosers, the checks panel and the preview: no violation.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Whole pages cached for visitors without a session; 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))

# How many proxies (load balancers) stand in front of the app servers and append to
# X-Forwarded-For; 0 means clients connect directly and REMOTE_ADDR is their address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Every sign-in is counted per account and per address before its password is checked, and
# refused unchecked over either limit (portal.admin_login). (attempts, seconds): strict per
# account, generous per address, so that staff behind one office address do not lock each other out.
AUTHENTICATION_BACKENDS = [
    "portal.admin_login.SignInLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
ADMIN_LOGIN_ACCOUNT_RATE = (5, 15 * 60)
ADMIN_LOGIN_ADDRESS_RATE = (30, 15 * 60)
# Password reset emails: per address asked for, and per client address.
ADMIN_PASSWORD_RESET_EMAIL_RATE = (3, 60 * 60)
ADMIN_PASSWORD_RESET_ADDRESS_RATE = (10, 60 * 60)
# Attempts at the password of a page behind one (Wagtail's page privacy), per client address.
PAGE_PASSWORD_RATE = (10, 15 * 60)
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "portal/password_required.html"

# Languages are declared here once; templates, URLs, the sitemap and the translated
# model fields all derive from this list.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# One slug for every language, so switching language swaps only the URL prefix.
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
# Its picker showed one language at a time; portal.admin_editing shows them side by side.
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Mail is never sent inside a request: Django's EMAIL_BACKEND stores each message as a task
# in the same transaction as what it is about, and the worker hands it to the backend that
# delivers (EMAIL_BACKEND in the environment), retrying while the mail server is away.
EMAIL_BACKEND = "portal.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
if "EMAIL_FILE_PATH" in os.environ:
    # With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend (staging, load tests).
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
# A message the mail server refuses for now is tried again after 1, 2, 4 ... times this many
# seconds (at most an hour apart), up to EMAIL_MAX_ATTEMPTS sends: about a day in all.
EMAIL_RETRY_SECONDS = int(os.environ.get("EMAIL_RETRY_SECONDS", "30"))
EMAIL_MAX_ATTEMPTS = int(os.environ.get("EMAIL_MAX_ATTEMPTS", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "Information Office Portal"
# The public address: the Wagtail Site's host name and port (`manage.py install_site`), and
# every absolute link in JSON-LD, feeds, the sitemap and emails.
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
# "default" serves the admin; "site" is the visitors' per-language index (portal.search).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
    "site": {"BACKEND": "portal.search.backend"},
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "txt", "csv"]
# The admin must know both languages; Chinese is offered for its own interface too.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Staff all work in Beijing time: one zone, so the admin offers no zone choice in a profile
# (a profile set to UTC made lists and review screens disagree).
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Page actions and background tasks log every step at INFO; keep only problems.
    "loggers": {
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # qpdf's notes on the PDFs it reads (pressroom.uploads), and a line at every start.
        "pikepdf": {"level": "WARNING"},
    },
}

# Background work (every email, Wagtail's index updates) runs in `manage.py db_worker`, from a
# queue in the site's own database: a task is stored in the same transaction as its cause.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Work by the clock (`manage.py run_clock`): (name, every how many seconds, management command
# and its arguments), each run once per period across every machine that runs a clock
# (portal.clock). Daily periods start at midnight, Beijing time.
CLOCK_JOBS = [
    ("publish-scheduled", int(os.environ.get("SCHEDULED_PUBLISHING_SECONDS", "60")), ["publish_scheduled"]),
    ("erase-closed-registrations", 24 * 60 * 60, ["erase_closed_registrations"]),
    ("erase-closed-applications", 24 * 60 * 60, ["erase_closed_applications"]),
    ("prune-task-results", 24 * 60 * 60, ["prune_db_task_results", "--min-age-days", "14"]),
    ("prune-search-log", 24 * 60 * 60, ["prune_search_log", "--days", "90"]),
    ("alert-digests", 24 * 60 * 60, ["send_daily_alerts"]),
    ("close-accreditations", 60, ["close_accreditations"]),
    ("site-notice", 60, ["refresh_site_notice"]),
]
CLOCK_TICK_SECONDS = float(os.environ.get("CLOCK_TICK_SECONDS", "10"))

# City News Service
# Resident feedback: at most this many messages per client address per window (seconds);
# a community centre's residents share one address.
CNS_FEEDBACK_RATE_LIMIT = int(os.environ.get("CNS_FEEDBACK_RATE_LIMIT", "60"))
CNS_FEEDBACK_RATE_WINDOW = int(os.environ.get("CNS_FEEDBACK_RATE_WINDOW", "3600"))

# Page feedback (Yes/No and problem reports, counted together), per client address: (answers,
# seconds). 30 visitors of a community centre on one address, each answering ten pages an hour.
PAGE_FEEDBACK_RATE = (300, 3600)

# Pressroom
# Journalists' credential scans: outside MEDIA_ROOT, served only through a permission-checked admin view.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))
PRESSROOM_CREDENTIAL_MAX_BYTES = int(os.environ.get("PRESSROOM_CREDENTIAL_MAX_BYTES", str(5 * 1024 * 1024)))
# Decoding costs memory and time by the pixel (a 154 KB PNG of 6300 x 6300 takes 150 MB and 2.5 s),
# so larger images are refused from their header, before decoding: 16 million is a 12-16 MP phone
# photo or an A4 page scanned at 400 dpi, some 50 MB to decode.
PRESSROOM_CREDENTIAL_MAX_PIXELS = 16_000_000
# (requests, seconds), counted in the shared cache per client address (an IPv6 /64 counting
# as one). A press centre puts 30 journalists or more behind one address, so an address may
# store 60 registrations an hour (each journalist twice) and send the form 300 times (valid or
# not, each send an upload to check; a journalist correcting a long form sends it a few
# times); a script is stopped there. One email address gets at most 3 of our emails an hour
# from the form, whoever fills it in. Status lookups: 200 an hour per address, 10 per reference.
PRESSROOM_REGISTRATION_RATE = (60, 3600)
PRESSROOM_REGISTRATION_SEND_RATE = (300, 3600)
PRESSROOM_REGISTRATION_EMAIL_RATE = (3, 3600)
PRESSROOM_STATUS_RATE = (200, 3600)
PRESSROOM_STATUS_REFERENCE_RATE = (10, 3600)
PRESSROOM_CONFIRMATION_DAYS = 2
PRESSROOM_RETENTION_DAYS = int(os.environ.get("PRESSROOM_RETENTION_DAYS", "365"))

# Email alerts
# (requests, seconds): subscribe forms sent per client address (a press centre shares one), and
# emails the form may cause to one address, whoever fills it in; beyond that, the form answers as
# usual and sends nothing. Confirmation links last ALERTS_CONFIRMATION_DAYS; the worker emails a
# publication's subscribers ALERTS_BATCH_SIZE per task.
ALERTS_SUBSCRIBE_RATE = (60, 3600)
ALERTS_SUBSCRIBE_EMAIL_RATE = (3, 3600)
ALERTS_CONFIRMATION_DAYS = 2
ALERTS_BATCH_SIZE = 200

# Site search
# Text-search configuration per language on PostgreSQL: English is stemmed; languages not
# listed use "simple" (Chinese is split into words by jieba first).
PORTAL_SEARCH_TEXT_CONFIGS = {"en": "english"}

# The admin shows no avatars from gravatar.com: editors work from networks where foreign
# hosts are often unreachable, and no page may ask a third-party host (tests/browser checks).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
