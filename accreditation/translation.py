from modeltranslation.translator import TranslationOptions, register

from .models import Accreditation


@register(Accreditation)
class AccreditationTranslation(TranslationOptions):
    fields = ("notes",)
