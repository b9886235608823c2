"""The pressroom listing's filters: releases concerning an agency, releases about a topic.

Each offers only what the pressroom's releases name, and a filter with nothing to offer is left
out. A value it does not offer (an unknown id, a slug with a NUL, "²") is no filter at all: the
listing shows every release, and the form shows no error for it.
"""

import django_filters

from django.utils.translation import gettext_lazy as _

from portal.forms import FilterForm


class ReleaseFilter(django_filters.FilterSet):
    agency = django_filters.ChoiceFilter(label=_("Agency"), empty_label=_("All agencies"), method="concerning")
    topic = django_filters.ChoiceFilter(label=_("Topic"), empty_label=_("All topics"), method="about")

    class Meta:
        form = FilterForm

    def __init__(self, data, releases):
        """`data`: the query string; `releases`: the pressroom's releases, whose agencies and topics are offered."""
        super().__init__(data, queryset=releases)
        offered = {
            "agency": [(str(agency.pk), agency.title) for agency in releases.agencies()],
            "topic": [(topic.slug, topic.name) for topic in releases.topics()],
        }
        for name, choices in offered.items():
            if choices:
                self.filters[name].extra["choices"] = choices
            else:
                del self.filters[name]

    def concerning(self, releases, name, agency_id):
        return releases.concerning(agency_id)

    def about(self, releases, name, slug):
        return releases.about(slug)

    @property
    def chosen(self):
        """{name: value} of the filters applied."""
        self.form.is_valid()  # cleaned_data keeps the valid values only
        return {name: value for name, value in self.form.cleaned_data.items() if value}

    def shown_form(self):
        """The form as the listing shows it: what was chosen selected, and nothing said of the rest."""
        return self.get_form_class()(initial=self.chosen, prefix=self.form_prefix)
