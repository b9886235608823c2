"""Staff roles of the pressroom (applied by ``portal.roles`` after every migrate).

Press officers review journalist registrations and download their credentials; nobody else on
staff sees them (personal data). Press topics are an editorial list, kept by editors and moderators.
Editors and moderators also upload conference recordings to the media library (wagtailmedia) and
choose them, on every collection, as they do images and documents (``portal.roles.MEDIA``).
"""

from django.utils.translation import gettext_noop

from portal.roles import EDITORIAL_ROLES, Role

PRESS_OFFICERS = Role(
    gettext_noop("Press officers"),
    permissions=("pressroom.view_journalistregistration", "pressroom.change_journalistregistration"),
)
MEDIA_LIBRARY = ("wagtailmedia.add_media", "wagtailmedia.change_media")

ROLES = [PRESS_OFFICERS, *(Role(name, collection_permissions=MEDIA_LIBRARY) for name in EDITORIAL_ROLES)]
EDITORIAL_LISTS = ["pressroom.PressTopic"]
