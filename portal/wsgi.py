import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Read the release's digest as the process starts, not on a visitor's first request.
from portal.release import current_release  # noqa: E402

current_release()
