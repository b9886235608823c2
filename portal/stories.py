"""One story, listed once: a press release and the CNS article that retells it are the same story.

Two listed pages tell the same story when they have the same title (in the language shown) or when
one links to the other (a page link in its text or a chooser, as Wagtail's reference index records
it). Lists that mix sections (the home page's "Latest") keep the first page of each story and, of
a page that links to another, the one it links to: the source, not the retelling.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex


def _links_between(pages):
    """(from id, to id) of the page links among `pages`: one query."""
    ids = [str(page.pk) for page in pages]
    page_type = ContentType.objects.get_for_model(Page)
    rows = ReferenceIndex.objects.filter(
        base_content_type=page_type, object_id__in=ids, to_content_type=page_type, to_object_id__in=ids
    ).values_list("object_id", "to_object_id")
    return {(int(source), int(target)) for source, target in rows if source != target}


def _title_key(page):
    return " ".join(page.title.split()).casefold()


def one_per_story(items, page=lambda item: item):
    """`items` in their order without those that tell a story an earlier or linked-to item tells.

    `page` reads the page of an item (the items may be (date, page) pairs).
    """
    items = list(items)
    if len(items) < 2:
        return items
    order = {page(item).pk: position for position, item in enumerate(items)}
    links = _links_between([page(item) for item in items])
    # Of two pages that link to each other, the later in the list goes.
    retellings = {source for source, target in links if (target, source) not in links or order[source] > order[target]}
    kept, titles = [], set()
    for item in items:
        shown = page(item)
        if shown.pk in retellings or _title_key(shown) in titles:
            continue
        kept.append(item)
        titles.add(_title_key(shown))
    return kept
