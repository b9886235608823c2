import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

django_application = get_wsgi_application()

# Cached pages are answered in front of Django (portal.pagecache); the module needs the apps loaded.
from portal.pagecache import FrontDoor  # noqa: E402

application = FrontDoor(django_application)

# Read the release's digest as the process starts, not on a visitor's first request.
from portal.release import current_release  # noqa: E402

current_release()
