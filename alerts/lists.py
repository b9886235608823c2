"""The lists a visitor may subscribe to: which page type each one announces, and its topics.

A list is one page type of a section (press releases, CNS news, CNS events); a list whose pages
are filed under topics lets the subscriber narrow it to one topic.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from cns.models import ArticlePage, ArticleTopic, EventPage
from pressroom.models import PressReleasePage, PressTopic


@dataclass(frozen=True)
class AlertList:
    key: str
    label: str  # what the visitor subscribes to: "Press releases"
    item_label: str  # one of its pages, in an email's subject: "Press release"
    page_model: type
    summary_field: str
    topic_model: type | None = None
    topic_field: str | None = None  # the Subscription's foreign key to a topic of this list

    def topics(self):
        return self.topic_model.objects.order_by("slug") if self.topic_model else []

    def page_topic_ids(self, page):
        return sorted(topic.pk for topic in page.topics.all()) if self.topic_model else []


LISTS = {
    alert_list.key: alert_list
    for alert_list in (
        AlertList(
            "releases",
            _("Press releases"),
            _("Press release"),
            PressReleasePage,
            "lede",
            PressTopic,
            "press_topic",
        ),
        AlertList("news", _("CNS news"), _("CNS news"), ArticlePage, "intro", ArticleTopic, "article_topic"),
        AlertList("events", _("CNS events"), _("CNS event"), EventPage, "summary"),
    )
}
LIST_CHOICES = [(alert_list.key, alert_list.label) for alert_list in LISTS.values()]
TOPIC_FIELDS = [alert_list.topic_field for alert_list in LISTS.values() if alert_list.topic_field]


def list_of_page(page):
    """The list that announces `page` (a specific page), or None."""
    return next((alert_list for alert_list in LISTS.values() if type(page) is alert_list.page_model), None)
