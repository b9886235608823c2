"""Site search in every language of the site.

- ``models.PageSearchEntry``: one row per live page and language, holding that language's text
  (no fallback) and, on PostgreSQL, its tsvector (title weight A, body D) behind a GIN index.
  Rows name their object by content type and id, so other models take part too: any model
  Wagtail indexes (``index.Indexed`` with ``search_fields``) that has its own page on the site
  (``get_url(request=None)`` or ``get_absolute_url()``, in the active language), listed under
  its ``search_section_label`` or verbose name (the alliance townships, for one).
- ``analysis``: Chinese is cut into words by jieba at index and at query time (with a list of
  Shanghai place names, ``words_zh.txt``, that jieba's dictionary lacks); English goes
  through PostgreSQL's "english" configuration (stems, matched as prefixes so "registering"
  finds "registration"). SQLite, for the quick local run, matches by substring.
- ``backend``: the Wagtail search backend "site" (WAGTAILSEARCH_BACKENDS), so Wagtail's own
  signals keep the index current on save/publish/unpublish/delete (of pages and of the other
  searchable objects) and ``update_index`` rebuilds
  it; ``signals`` re-indexes on ``page_published`` once inline children are saved.
- ``query`` and ``views``: matching in the visitor's language, sections from Wagtail's page
  types, editors' promotions, highlighted snippets, pagination. A page type that takes no
  subpages (a press conference) and every other searchable model are also found by the name of
  their kind ("press conference", 新闻发布会), weighted between title and body.
- ``synonyms``: editors' groups of equivalent terms per language (乡镇 ⇄ 街镇, a snippet),
  applied as a query is parsed; kept in each process and read again when one is saved.
- ``querylog`` and ``reports``: each search counted per day, language and query with its
  result count (nothing about the visitor), kept 90 days (``prune_search_log``, daily by the
  clock); the admin report *Reports › Search queries* of frequent and zero-result queries.
  Results pages with a query are therefore never served from the page cache.
"""
