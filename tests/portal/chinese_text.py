"""What a Chinese reader must never find on a Chinese page: half-width punctuation beside Chinese
characters, and Latin-script text that is not marked as another language.

Read the way a screen reader reads a page: every text node and every read attribute (alt,
aria-label, title, placeholder) in the language of its nearest `lang`. Used by
tests/portal/test_chinese_pages.py over the demo site's sitemap; kept apart so that the rules can
be tested on small pieces of HTML.
"""

import re

from bs4 import Comment, Doctype, NavigableString

from tests.portal.glossary import load_glossary

HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
HALF_WIDTH = r"[:(),;?!]"
# A half-width mark right before or after a Chinese character (a space between them too: "浦东新区 (4)").
HALF_WIDTH_BESIDE_HAN = re.compile(rf"{HAN}[ \t]*{HALF_WIDTH}|{HALF_WIDTH}[ \t]*{HAN}")

# Latin text a Chinese page may hold unmarked: addresses a reader types, not words to read.
URL = r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:org|com|cn|gov|net)(?:/\S*)?"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’.-]*")
# A capital letter alone (a pinyin initial, a class "A类") or a code of capitals and digits (PR-ABCD-EFGH).
CODE = re.compile(r"[A-Z]|[A-Z0-9]+(?:-[A-Z0-9]+)+")
HIDDEN_TAGS = {"script", "style", "template", "noscript"}
READ_ATTRIBUTES = ("alt", "aria-label", "title", "placeholder")
READ_META = {"description", "og:title", "og:description", "og:site_name", "twitter:title", "twitter:description"}


def _allowed_latin():
    glossary = load_glossary()
    return {word for word in glossary.allowed_latin}


def text_language(element, page_language):
    """The language of text inside `element`: its nearest `lang`, else the page's."""
    for node in [element, *element.parents]:
        if getattr(node, "attrs", None) and node.get("lang"):
            return node["lang"]
    return page_language


def is_chinese(language):
    return language.lower().startswith("zh")


def chinese_texts(page):
    """(where, text) for every piece of text on a parsed page that is in Chinese by its `lang`."""
    html = page.find("html")
    page_language = html.get("lang", "") if html else ""
    title = page.find("title")
    if title and is_chinese(page_language):
        yield "<title>", title.get_text()
    # What a search engine or a WeChat share shows of the page.
    for meta in page.select('meta[name="description"], meta[property^="og:"], meta[name^="twitter:"]'):
        key = meta.get("name") or meta.get("property")
        if key in READ_META and meta.get("content") and is_chinese(page_language):
            yield f"<meta {key}>", meta["content"]
    body = page.find("body") or page
    for node in body.descendants:
        if isinstance(node, (Comment, Doctype)):
            continue
        if isinstance(node, NavigableString):
            parent = node.parent
            if any(p.name in HIDDEN_TAGS for p in [parent, *parent.parents] if p.name):
                continue
            if node.strip() and is_chinese(text_language(parent, page_language)):
                yield _where(parent), str(node)
            continue
        for attribute in READ_ATTRIBUTES:
            value = node.get(attribute)
            if value and node.name != "abbr" and is_chinese(text_language(node, page_language)):
                yield f"{_where(node)}[{attribute}]", value


def _where(element):
    label = element.name or "?"
    if element.get("id"):
        label += f"#{element['id']}"
    elif element.get("class"):
        label += "." + ".".join(element["class"])
    return label


def half_width_punctuation(text):
    """The half-width marks beside Chinese characters in `text`, each with a little context."""
    return [text[max(0, m.start() - 6) : m.end() + 6] for m in HALF_WIDTH_BESIDE_HAN.finditer(text)]


def stray_latin(text, allowed=None):
    """Latin-script words in Chinese `text` that are none of: URLs, e-mail addresses and the
    abbreviations the glossary allows (units, formats, codes)."""
    allowed = _allowed_latin() if allowed is None else allowed
    text = re.sub(URL, " ", text)
    text = re.sub(EMAIL, " ", text)
    words = (word.strip(".-'’") for word in LATIN_WORD.findall(text))
    return [word for word in words if word and word not in allowed and not CODE.fullmatch(word)]


def problems(page):
    """Everything on a parsed Chinese page a Chinese reader should not find, as readable lines."""
    allowed = _allowed_latin()
    found = []
    for where, text in chinese_texts(page):
        for snippet in half_width_punctuation(text):
            found.append(f"half-width punctuation in {where}: {snippet!r}")
        latin = stray_latin(text, allowed)
        if latin:
            found.append(f"Latin text without lang=en in {where}: {' '.join(latin)!r} in {text.strip()[:80]!r}")
    return found
