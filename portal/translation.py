from modeltranslation.translator import TranslationOptions, register

from .models import HomeFeaturedLink, HomePage, OfficeContact, PageChangeNote, StandardPage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("hero_title", "hero_intro")


@register(HomeFeaturedLink)
class HomeFeaturedLinkTranslation(TranslationOptions):
    fields = ("title", "description")


@register(StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(OfficeContact)
class OfficeContactTranslation(TranslationOptions):
    fields = ("office_name", "address", "office_hours", "note", "sponsor", "operator")


@register(PageChangeNote)
class PageChangeNoteTranslation(TranslationOptions):
    fields = ("note",)
