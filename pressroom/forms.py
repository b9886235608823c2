import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from portal.forms import FormKit, HoneypotForm, SentOnceForm

from .models import InterviewRequest, JournalistRegistration
from .uploads import clean_credential

PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()\-.]{4,38}$")


class RegistrationForm(FormKit, HoneypotForm, SentOnceForm, forms.ModelForm):
    same_submission_fields = ("email",)
    # The parts of the page, in its order (the consent closes the form, after the interview requests).
    FIELDSETS = (
        (_("About you"), ("full_name", "native_name", "nationality", "working_languages")),
        (_("Your media outlet"), ("outlet", "outlet_country", "position", "press_card_number", "credential_upload")),
        (_("How to reach you"), ("email", "phone", "wechat_id")),
    )

    credential_upload = forms.FileField(
        label=_("Press card scan"),
        help_text=_("A photo or scan of your press card: JPEG, PNG or PDF, up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the Information Office processes my personal data to handle this registration, as the privacy notice describes."
        ),
        error_messages={"required": _("Your consent is needed before we can handle your registration.")},
    )

    class Meta:
        model = JournalistRegistration
        fields = list(JournalistRegistration.DETAIL_FIELDS)
        help_texts = {
            "full_name": _("As written on your passport."),
            "native_name": _("Your name in the script of your own language, if different."),
            "working_languages": _("For example: English, French, Chinese."),
            "phone": _("With the country code, starting with +."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        autocomplete = {
            "full_name": "name",
            "email": "email",
            "phone": "tel",
            "outlet": "organization",
            "position": "organization-title",
        }
        for name, field in self.fields.items():
            if name in autocomplete:
                field.widget.attrs["autocomplete"] = autocomplete[name]
        self.fields["email"].widget.attrs["spellcheck"] = "false"
        # The errors above the form come in the page's order.
        self.order_fields([name for _legend, names in self.FIELDSETS for name in names])
        self.credential_content_type = ""

    def fieldsets(self):
        """(legend, bound fields) of each part of the page."""
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def clean_email(self):
        # Whether this address has registered before is never told here (anyone could ask about
        # anyone): the view answers every valid form alike and tells the address's owner by email.
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not PHONE_PATTERN.match(phone):
            raise ValidationError(_("Enter a telephone number of digits, with the country code."), code="phone")
        return phone

    def clean_credential_upload(self):
        safe_file, content_type = clean_credential(self.cleaned_data["credential_upload"])
        self.credential_content_type = content_type
        return safe_file


class InterviewRequestForm(FormKit, forms.ModelForm):
    class Meta:
        model = InterviewRequest
        fields = ["topic", "agencies_wished", "preferred_dates", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "agencies_wished": _("The municipal agencies or officials you would like to interview."),
            "preferred_dates": _("For example: any weekday in the week of 9 June."),
        }

    def __init__(self, *args, number=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.number = number
        self.legend = _("Interview request %(number)s") % {"number": number} if number else ""


class InterviewRequests(BaseInlineFormSet):
    # The formset's own messages (the factory's `error_messages` are its forms' fields').
    default_error_messages = {
        "too_few_forms": _("Add at least one interview request."),
        "too_many_forms": _("You can send at most five interview requests at once."),
    }

    def initial_form_count(self):
        # The public form only ever adds requests: a forged INITIAL_FORMS (say -1) must not make
        # Django validate forms it then leaves unsaved.
        return 0

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "number": None if index is None else index + 1}


InterviewRequestFormSet = inlineformset_factory(
    JournalistRegistration,
    InterviewRequest,
    form=InterviewRequestForm,
    formset=InterviewRequests,
    extra=4,  # five in all, as the Q&A promises; the four optional ones fold away (register.html)
    min_num=1,
    max_num=5,
    absolute_max=5,  # a forged TOTAL_FORMS of thousands is refused without building the forms
    validate_min=True,
    validate_max=True,
    can_delete=False,
)


class StatusLookupForm(FormKit, forms.Form):
    reference = forms.CharField(
        label=_("Reference number"), max_length=20, help_text=_("For example PR-ABCD-EFGH-JKMN.")
    )
    email = forms.EmailField(label=_("Email address"), max_length=254)

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def registration(self):
        return (
            JournalistRegistration.objects.confirmed()
            .filter(reference=self.cleaned_data["reference"], email=self.cleaned_data["email"], erased_at__isnull=True)
            .first()
        )


class WithdrawForm(StatusLookupForm):
    """The button under a registration's status that withdraws it: the lookup sent again, hidden."""

    action = forms.CharField(widget=forms.HiddenInput, initial="withdraw")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in ("reference", "email"):
            self.fields[field].widget = forms.HiddenInput()
