"""Staff roles of the site search (applied by ``portal.roles`` after every migrate).

Editors and moderators keep the synonyms (an editorial list) and read the search report, which
holds nothing about who searched; moderators, who publish, also keep the promoted results.
"""

from portal.roles import EDITORIAL_ROLES, MODERATORS, Role

REPORT = "portal_search.view_searchlogentry"
PROMOTIONS = tuple(f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete"))

ROLES = [Role(name, permissions=(REPORT,)) for name in EDITORIAL_ROLES] + [
    Role(MODERATORS.name, permissions=PROMOTIONS)
]
EDITORIAL_LISTS = ["portal_search.Synonym"]
