"""StreamField blocks of the CNS pages: the ordered steps of a guide."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from portal.blocks import OptionalPageChooserBlock, OptionalSnippetChooserBlock


class WhereToGoBlock(blocks.StructBlock):
    platform = OptionalSnippetChooserBlock(
        "cns.ServicePlatform",
        label=_("Service platform"),
        required=False,
        help_text=_("A platform from the service directory."),
    )
    page = OptionalPageChooserBlock(
        label=_("Page"),
        required=False,
        help_text=_("An agency's profile or any other page of the site."),
    )
    place = blocks.CharBlock(
        label=_("Place"),
        required=False,
        max_length=250,
        help_text=_("Where to go in words, such as “your local police station”."),
    )

    class Meta:
        label = _("Where to go")
        icon = "site"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    description = blocks.RichTextBlock(label=_("What to do"), features=["bold", "italic", "link", "ul", "ol"])
    documents = blocks.ListBlock(
        blocks.CharBlock(label=_("Document"), max_length=250),
        label=_("Documents to bring"),
        min_num=0,
        default=[],
    )
    fees = blocks.CharBlock(
        label=_("Fees"),
        required=False,
        max_length=250,
        help_text=_("Only an amount the office publishes; otherwise say to check the current fee with the office."),
    )
    where_to_go = WhereToGoBlock()

    class Meta:
        label = _("Step")
        icon = "list-ol"

    def clean(self, value):
        value = super().clean(value)
        where = value.get("where_to_go") or {}
        if where.get("platform") and where.get("page"):
            raise StructBlockValidationError(
                non_block_errors=ErrorList([ValidationError(_("Choose a service platform or a page, not both."))])
            )
        return value


class GuideStepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        min_num = 1
