"""The identity a Chinese government website shows at the foot of every page.

The site's codes and filing numbers (网站标识码, ICP 备案, 公安备案), the 党政机关网站 mark and who
sponsors (主办) and operates (承办) the site. They are fields of the Office's footer setting
(`OfficeContact`), not a setting of their own: the footer shows them beside the Office's contact,
the same staff keep both, and the footer reads them from the object it already loads, with no query
more on any page. The admin shows them on a tab of their own.

Every field may stay empty, and the footer leaves out what is: a number nobody has issued must
never appear.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

# The filing system of the Ministry of Industry and Information Technology: where anyone checks an ICP number.
ICP_FILING_URL = "https://beian.miit.gov.cn/"

IDENTITY_FIELDS = (
    "sponsor",
    "operator",
    "website_code",
    "icp_number",
    "public_security_number",
    "public_security_url",
    "government_site_url",
)


class SiteIdentity(models.Model):
    sponsor = models.CharField(
        _("sponsor"), max_length=200, blank=True, help_text=_("Who sponsors the site (主办), by its full name.")
    )
    operator = models.CharField(
        _("operator"),
        max_length=200,
        blank=True,
        help_text=_("Who runs the site for the sponsor (承办), when that is another body."),
    )
    website_code = models.CharField(
        _("website identification code"),
        max_length=20,
        blank=True,
        help_text=_("The code the register of government websites gave this site (网站标识码)."),
    )
    icp_number = models.CharField(
        _("ICP filing number"),
        max_length=60,
        blank=True,
        help_text=_("As the filing gave it (ICP 备案号); the footer links it to the filing system."),
    )
    public_security_number = models.CharField(
        _("public security filing number"),
        max_length=60,
        blank=True,
        help_text=_("As the filing gave it (公安机关备案号)."),
    )
    public_security_url = models.URLField(
        _("public security filing link"),
        blank=True,
        help_text=_("The address of the site's record in the public security filing system."),
    )
    government_site_url = models.URLField(
        _("Party and government website mark link"),
        blank=True,
        help_text=_(
            "The address of the site's entry in the register of Party and government websites (党政机关网站). "
            "When set, the footer shows the mark, linked to it."
        ),
    )

    class Meta:
        abstract = True

    icp_filing_url = ICP_FILING_URL

    @property
    def has_identity(self):
        return any(getattr(self, name) for name in IDENTITY_FIELDS)


identity_panels = [
    MultiFieldPanel([FieldPanel("sponsor"), FieldPanel("operator")], heading=_("Who runs the site")),
    MultiFieldPanel(
        [
            FieldPanel("website_code"),
            FieldPanel("icp_number"),
            FieldPanel("public_security_number"),
            FieldPanel("public_security_url"),
            FieldPanel("government_site_url"),
        ],
        heading=_("Registrations"),
    ),
]
