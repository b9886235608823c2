from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.forms import FormKit, HoneypotForm, SentOnceForm

from .lists import LIST_CHOICES, LISTS
from .models import Subscription

EVERY_TOPIC = ""


def topic_value(alert_list, topic):
    return f"{alert_list.key}:{topic.slug}"


class TopicChoice(forms.ChoiceField):
    """One topic of a list, or every topic: the lists' topics grouped under their names."""

    def __init__(self, lists, **kwargs):
        kwargs.setdefault("label", _("Topic"))
        super().__init__(required=False, **kwargs)
        self.lists = [alert_list for alert_list in lists if alert_list.topic_model]
        groups = [
            (alert_list.label, [(topic_value(alert_list, topic), topic.name) for topic in alert_list.topics()])
            for alert_list in self.lists
        ]
        if len(groups) == 1:
            groups = groups[0][1]
        self.choices = [(EVERY_TOPIC, _("Every topic")), *groups]

    def topic_of(self, value, alert_list):
        """The topic `value` names in `alert_list`, or None for every topic; a ValidationError
        when it names a topic of another list."""
        if value == EVERY_TOPIC:
            return None
        key, _sep, slug = value.partition(":")
        topic = alert_list.topic_model.objects.filter(slug=slug).first() if alert_list.topic_model else None
        if key != alert_list.key or topic is None:
            raise ValidationError(
                _("This topic is not one of “%(list)s”. Choose one of its topics, or every topic.")
                % {"list": alert_list.label},
                code="other_list",
            )
        return topic


def frequency_field():
    return forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )


class SubscribeForm(FormKit, HoneypotForm, SentOnceForm, forms.Form):
    """The visitor's choice of list, topic and frequency, and their address.

    A plain form, not a ModelForm, so that Django never checks it against stored subscriptions
    ("already exists"): nobody learns from the form whether an address is subscribed.
    """

    same_submission_fields = ("email", "list_key")

    list_key = forms.ChoiceField(label=_("Send me"), choices=LIST_CHOICES, widget=forms.RadioSelect)
    frequency = frequency_field()
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"] = TopicChoice(
            LISTS.values(),
            help_text=_("Press releases and CNS news can be narrowed to one topic; events have none."),
        )
        self.order_fields(["list_key", "topic", "frequency", "email"])

    def _stored_with(self, key):
        # SentOnceForm's lookup of an earlier send of this form (it knows a ModelForm's model).
        return Subscription.objects.filter(submission_key=key).first()

    def clean_email(self):
        # Whether this address is subscribed is never told here: the view answers every valid
        # form alike, and tells the address's owner by email.
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        alert_list = LISTS.get(cleaned.get("list_key"))
        if alert_list is not None and "topic" in cleaned:
            try:
                cleaned["topic"] = self.fields["topic"].topic_of(cleaned["topic"], alert_list)
            except ValidationError as error:
                self.add_error("topic", error)
        return cleaned

    @property
    def alert_list(self):
        return LISTS[self.cleaned_data["list_key"]]


class ManageForm(FormKit, forms.Form):
    """What a subscriber may change: how often, and (on a list with topics) the topic."""

    frequency = frequency_field()

    def __init__(self, *args, subscription, **kwargs):
        self.subscription = subscription
        initial = {"frequency": subscription.frequency}
        alert_list = subscription.alert_list
        super().__init__(*args, initial=initial, **kwargs)
        if alert_list.topic_model:
            self.fields["topic"] = TopicChoice([alert_list])
            self.initial["topic"] = topic_value(alert_list, subscription.topic) if subscription.topic else EVERY_TOPIC

    def clean_topic(self):
        return self.fields["topic"].topic_of(self.cleaned_data["topic"], self.subscription.alert_list)
