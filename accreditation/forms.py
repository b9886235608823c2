"""The two ways to apply: with a registration's reference and email, or registering and applying
in one go (the pressroom's registration form, with this conference's questions added)."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from pressroom.forms import InterviewRequestForm, InterviewRequests, RegistrationForm, StatusLookupForm
from pressroom.models import InterviewRequest, JournalistRegistration

from .models import Application

# Registrations that may apply with their reference: confirmed, and not closed by a refusal or a withdrawal.
MAY_APPLY = [
    JournalistRegistration.Status.SUBMITTED,
    JournalistRegistration.Status.UNDER_REVIEW,
    JournalistRegistration.Status.APPROVED,
]


def application_fields(accreditation):
    categories = accreditation.categories()
    return {
        "media_category": forms.ChoiceField(
            label=_("You work for"),
            choices=categories,
            initial=categories[0][0] if len(categories) == 1 else None,
            widget=forms.RadioSelect,
        ),
        "note": forms.CharField(
            label=_("Anything the press officers should know"),
            help_text=_("For example: a camera crew, or an interpreter you bring."),
            max_length=1000,
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        ),
    }


class ReferenceApplicationForm(StatusLookupForm):
    """For a journalist already registered: the reference, the email, and this conference's questions."""

    def __init__(self, *args, accreditation, **kwargs):
        # Added before the form is built, so that the kit checks their text as it checks every field's.
        self.base_fields = {**self.base_fields, **application_fields(accreditation)}
        super().__init__(*args, **kwargs)

    def registration(self):
        return JournalistRegistration.objects.filter(
            status__in=MAY_APPLY,
            reference=self.cleaned_data["reference"],
            email=self.cleaned_data["email"],
            erased_at__isnull=True,
        ).first()


class RegisterAndApplyForm(RegistrationForm):
    """The pressroom's registration form, with this conference's questions after the outlet."""

    FIELDSETS = (
        *RegistrationForm.FIELDSETS,
        (_("This press conference"), ("media_category", "note")),
    )

    def __init__(self, *args, accreditation, **kwargs):
        self.base_fields = {**self.base_fields, **application_fields(accreditation)}
        super().__init__(*args, **kwargs)


# Registering to apply asks for no interview request: an empty formset, saved with the registration.
NoInterviewRequests = inlineformset_factory(
    JournalistRegistration,
    InterviewRequest,
    form=InterviewRequestForm,
    formset=InterviewRequests,
    extra=0,
    min_num=0,
    max_num=0,
    absolute_max=0,
    validate_min=False,
    validate_max=True,
    can_delete=False,
)


def no_interview_requests():
    prefix = "interviews"
    return NoInterviewRequests({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}, prefix=prefix)


class WithdrawApplicationForm(StatusLookupForm):
    """The button beside an application on the status page: the lookup sent again, hidden."""

    application = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in ("reference", "email"):
            self.fields[field].widget = forms.HiddenInput()

    def application_to_withdraw(self):
        return (
            Application.objects.select_related("accreditation__conference", "registration")
            .filter(
                pk=self.cleaned_data["application"],
                registration__reference=self.cleaned_data["reference"],
                registration__email=self.cleaned_data["email"],
                registration__erased_at__isnull=True,
            )
            .exclude(state=Application.State.UNCONFIRMED)
            .first()
        )
