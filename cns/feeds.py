"""The CNS news feed: an Atom feed of the newest articles in the page's language, as the pressroom has
for its releases; every address absolute, from the configured site (`portal.sharing`)."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal import sharing
from portal.listings import rows_between
from portal.routes import route_url

FEED_SIZE = 30


def news_feed(request, cns):
    address = sharing.absolute(request, route_url(cns, "news_feed"))
    feed = Atom1Feed(
        title=_("News: %(site)s") % {"site": cns.title},
        link=sharing.absolute(request, route_url(cns, "news")),
        description=cns.intro,
        language=get_language(),
        feed_url=address,
        feed_guid=address,
    )
    for article in rows_between(cns.articles().defer_streamfields(), 0, FEED_SIZE):
        url = article.get_full_url(request)
        published = timezone.localtime(sharing.day_published(article))  # Beijing time, as on the page
        feed.add_item(
            title=article.title,
            link=url,
            description=article.intro,
            author_name=article.author or None,
            unique_id=url,
            pubdate=published,
            updateddate=timezone.localtime(article.last_published_at) if article.last_published_at else published,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
