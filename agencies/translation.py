from modeltranslation.translator import TranslationOptions, register

from .models import AgencyIndexPage, AgencyOtherName, AgencyPage, AgencyResponsibility


@register(AgencyIndexPage)
class AgencyIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(AgencyPage)
class AgencyPageTranslation(TranslationOptions):
    fields = (
        "short_name",
        "summary",
        "parent_authority_name",
        "establishing_document",
        "establishing_document_number",
        "address",
        "body",
    )


@register(AgencyOtherName)
class AgencyOtherNameTranslation(TranslationOptions):
    fields = ("name",)


@register(AgencyResponsibility)
class AgencyResponsibilityTranslation(TranslationOptions):
    fields = ("text",)
