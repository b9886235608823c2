"""Atom feeds of a section's newest pages, in the page's language; every address absolute, from the
configured site (`portal.sharing`), never from the request's Host header."""

from dataclasses import dataclass
from datetime import datetime

from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language

from . import sharing

FEED_SIZE = 30


@dataclass
class Entry:
    page: object
    summary: str
    published: datetime
    updated: datetime
    author: str = ""


def atom_response(request, *, title, link, feed_path, description, entries):
    """The feed of `entries` (newest first); `link` and `feed_path` are the section's and the feed's paths."""
    address = sharing.absolute(request, feed_path)
    feed = Atom1Feed(
        title=title,
        link=sharing.absolute(request, link),
        description=description,
        language=get_language(),
        feed_url=address,
        feed_guid=address,
    )
    for entry in entries:
        url = sharing.absolute(request, entry.page.get_url(request))
        feed.add_item(
            title=entry.page.title,
            link=url,
            description=entry.summary,
            author_name=entry.author or None,
            unique_id=url,
            pubdate=entry.published,
            updateddate=entry.updated,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
