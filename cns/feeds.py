"""The CNS news feed: an Atom feed of the newest articles in the page's language, as the pressroom has
for its releases (`portal.feeds`)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from portal import feeds, sharing
from portal.listings import rows_between
from portal.routes import route_url


def news_feed(request, cns):
    articles = rows_between(cns.articles().defer_streamfields(), 0, feeds.FEED_SIZE)
    return feeds.atom_response(
        request,
        title=_("News: %(site)s") % {"site": cns.title},
        link=route_url(cns, "news"),
        feed_path=route_url(cns, "news_feed"),
        description=cns.intro,
        entries=[_entry(article) for article in articles],
    )


def _entry(article):
    published = timezone.localtime(sharing.day_published(article))  # Beijing time, as on the page
    updated = timezone.localtime(article.last_published_at) if article.last_published_at else published
    return feeds.Entry(article, article.intro, published, updated, article.author)
