from django import forms
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from portal.forms import FilterForm, FormKit, HoneypotForm, MinVisibleLengthValidator, SentOnceForm

from .models import EVERYONE, Audience, Feedback, FeedbackTopic, GuideCategory, Township
from .models.feedback import MESSAGE_MAX_LENGTH, MESSAGE_MIN_LENGTH


class GuideFilterForm(FilterForm):
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All categories"))] + list(GuideCategory.choices)
    )
    audience = forms.ChoiceField(
        label=_("Audience"), required=False, choices=[("", _("Everyone"))] + list(Audience.choices)
    )

    def __init__(self, *args, guides=None, **kwargs):
        """`guides`: the guides filtered; a category or audience none of them is for is not offered."""
        super().__init__(*args, **kwargs)
        if guides is None:
            return
        pairs = set(guides.order_by().values_list("category", "audience").distinct())
        categories = {category for category, _audience in pairs}
        audiences = {audience for _category, audience in pairs}
        if EVERYONE in audiences:  # a guide for everyone is a guide for each audience
            audiences |= set(Audience.values)
        for name, offered in (("category", categories), ("audience", audiences)):
            field = self.fields[name]
            field.choices = [(value, label) for value, label in field.choices if value == "" or value in offered]


class FeedbackForm(FormKit, HoneypotForm, SentOnceForm, forms.ModelForm):
    same_submission_fields = ("message",)

    class Meta:
        model = Feedback
        fields = ["topic", "township", "message", "name", "email", "consent"]
        labels = {
            "topic": _("What is it about?"),
            "township": _("Township"),
            "message": _("Your message"),
            "name": _("Your name"),
            "email": _("Your email"),
            "consent": _(
                "I agree that the Information Office and CNS store this message and, if I gave an "
                "email address, contact me about it."
            ),
        }
        help_texts = {
            "email": _("Only if you would like an answer."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = FeedbackTopic.objects.filter(active=True)
        self.fields["topic"].empty_label = _("Choose a topic")
        self.fields["township"].queryset = Township.objects.for_listing()
        self.fields["township"].empty_label = _("Not about a particular township")
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = _("Please agree so that we can store your message.")
        message = self.fields["message"]
        message.help_text = _(
            "Between %(min)d and %(max)d characters. Please leave out personal details you do not want to share."
        ) % {"min": MESSAGE_MIN_LENGTH, "max": MESSAGE_MAX_LENGTH}
        # Our own length messages replace the field's; its other checks (no NUL characters, which
        # PostgreSQL refuses to store) stay.
        message.validators = [
            validator
            for validator in message.validators
            if not isinstance(validator, (MinLengthValidator, MaxLengthValidator))
        ] + [
            MinVisibleLengthValidator(
                MESSAGE_MIN_LENGTH,
                message=_("Please write at least %(limit_value)d characters (you wrote %(show_value)d)."),
            ),
            MaxLengthValidator(
                MESSAGE_MAX_LENGTH,
                message=_("Please shorten your message to %(limit_value)d characters (it has %(show_value)d)."),
            ),
        ]
        message.error_messages["required"] = _("Please write your message.")
        self.fields["topic"].error_messages["required"] = _("Please choose a topic.")
        for name in ("name", "email", "message"):
            self.fields[name].strip = True

    def save_once(self, language):
        """Stores the message unless a request carrying the same submission key got there first."""
        feedback = self.save(commit=False)
        feedback.language = language
        feedback.submission_key = self.cleaned_data.get("submission_key")
        try:
            with transaction.atomic():
                feedback.save()
        except IntegrityError:
            if not self.already_stored():
                raise
        return feedback
