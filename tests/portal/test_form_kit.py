"""The form kit (portal.forms and templates/includes/forms/): how every public form renders."""

from django import forms
from django.template import Context, Template
from django.utils import translation

from portal.forms import FilterForm, FormKit, HoneypotForm
from tests.kit import parse


class ContactForm(FormKit, HoneypotForm, forms.Form):
    name = forms.CharField(label="Your name", help_text="As on your passport.")
    topic = forms.CharField(label="What is it about?")
    phone = forms.CharField(label="Telephone", required=False)
    agree = forms.BooleanField(label="I agree that the Office stores this.")


class ListingFilter(FilterForm):
    kind = forms.ChoiceField(label="Kind", required=False, choices=[("", "All kinds"), ("office", "Office")])


def summary(form):
    return parse(Template('{% include "includes/forms/error_summary.html" %}').render(Context({"form": form})))


def labels(form):
    return {label["for"]: label.get_text() for label in parse(form).find_all("label")}


def test_optional_fields_say_so_and_required_ones_say_nothing():
    with translation.override("en"):
        shown = labels(ContactForm())

    assert shown["id_name"] == "Your name"
    assert shown["id_phone"] == "Telephone (optional)"
    assert shown["id_agree"] == "I agree that the Office stores this."


def test_a_filter_marks_none_of_its_fields():
    assert labels(ListingFilter()) == {"id_kind": "Kind"}


def test_django_ties_each_widget_to_its_help_and_its_errors():
    page = parse(ContactForm(data={"name": ""}))

    name = page.find("input", attrs={"name": "name"})
    assert name["aria-invalid"] == "true"
    described = [page.find(id=part).get_text(strip=True) for part in name["aria-describedby"].split()]
    assert described == ["As on your passport.", "This field is required."]


def test_the_error_summary_links_each_error_to_its_field_in_the_forms_order():
    page = summary(ContactForm(data={"phone": "+86 21 1234 5678"}))

    box = page.find(role="alert")
    assert box["tabindex"] == "-1" and box.has_attr("autofocus")
    assert [(link["href"], link.get_text()) for link in box.find_all("a")] == [
        ("#id_name", "Your name: This field is required."),
        ("#id_topic", "What is it about? This field is required."),  # no colon after a question
        ("#id_agree", "This field is required."),  # a checkbox's label is a statement
    ]


def test_no_summary_without_errors_or_a_title():
    assert summary(ContactForm()).find(role="alert") is None
    assert summary(ContactForm(data={"name": "Ana", "topic": "Buses", "agree": "on"})).find(role="alert") is None


def test_the_honeypot_is_hidden_from_people_and_gives_a_robot_away():
    page = parse(ContactForm())

    trap = page.find("input", attrs={"name": "website"})
    assert trap["tabindex"] == "-1"
    assert trap.find_parent(attrs={"aria-hidden": "true"}) is not None
    assert ContactForm(data={"website": "http://spam.example"}).is_bot()
    assert not ContactForm(data={"name": "Ana"}).is_bot()


def test_every_form_shares_one_renderer_and_so_its_parsed_templates():
    # A renderer per form would build a template engine per form and parse every widget template again.
    first, second = ContactForm(), ListingFilter()

    assert first.renderer is second.renderer
    assert str(first["name"]) and first.renderer.engine is second.renderer.engine
