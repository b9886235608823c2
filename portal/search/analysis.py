"""How text and queries are cut into words, per language, and how matches are highlighted.

Chinese is written without spaces, so it goes through jieba at index and at query time:
the index keeps jieba's search-mode words (long words and the shorter words inside them),
and a query word matches either itself or all of the shorter words inside it. Other languages
are left to PostgreSQL's text-search configuration (English: stemming). On SQLite matching is
by substring, which needs no segmentation. A word or phrase of a query that editors gave
synonyms becomes a :class:`Group`, which matches when any of its terms does.
"""

import logging
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import mark_safe

WORD = re.compile(r"\w", re.UNICODE)
TOKEN = re.compile(r"\w+", re.UNICODE)

# Words a visitor types that say nothing about the page they want.
CHINESE_STOPWORDS = frozenset(
    "的 了 和 与 及 或 是 在 等 之 其 把 被 对 为 也 就 都 而 以 从 向 吗 呢 吧 啊 "
    "如何 怎么 怎样 怎么样 哪里 哪儿 在哪 在哪里 什么 请问 我 我们 你 您 想 要 可以 能 一下".split()
)
# Used only on SQLite; PostgreSQL's "english" configuration has its own list.
ENGLISH_STOPWORDS = frozenset(
    "a an and are as at be by can do does for from how i in is it my of on or the to what "
    "when where which who why with you your".split()
)
ENGLISH_SUFFIXES = (
    "ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ers", "er", "ies", "es", "ed", "s"
)  # fmt: skip


def text_config(language):
    """PostgreSQL text-search configuration for a language ("simple" unless settings say otherwise)."""
    return settings.PORTAL_SEARCH_TEXT_CONFIGS.get(language, "simple")


def is_segmented(language):
    """Languages written without spaces between words, which jieba splits (Chinese)."""
    return language.split("-")[0] == "zh"


# Place names jieba's own dictionary lacks or keeps only whole ("闵行区" but not "闵行"; "华漕"
# not at all): Shanghai's districts and the alliance townships, short and full. Loaded in every
# process before any text is cut, so index and queries are cut alike.
PLACE_NAMES = Path(__file__).with_name("words_zh.txt")


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    jieba.load_userdict(str(PLACE_NAMES))
    return jieba


def segment(text):
    """Chinese text as jieba's words, lower-cased, punctuation dropped, for search mode."""
    return [token.lower() for token in _jieba().cut_for_search(text) if WORD.search(token)]


def analyse(text, language):
    """Text as the index should see it: space-separated words for Chinese, unchanged otherwise."""
    if not text:
        return ""
    if is_segmented(language):
        return " ".join(segment(text))
    return text


@dataclass
class Term:
    """One word of a query.

    ``lexemes``: the word as stored in the index; ``parts``: shorter words that together also
    count as a match (Chinese); ``prefix``: the lexeme matches any word starting with it
    (English stems); ``highlight``: regular expressions marking it in a page's text.
    """

    word: str
    lexeme: str
    parts: list = field(default_factory=list)
    prefix: bool = False
    highlight: list = field(default_factory=list)


@dataclass
class Group:
    """A word or phrase of a query that editors gave synonyms: it matches when any one of its
    ``alternatives`` does, an alternative being a list of terms that must all match (the words
    as typed come first; "press conference" or "news conference")."""

    word: str
    alternatives: list

    @property
    def highlight(self):
        return [pattern for alternative in self.alternatives for term in alternative for pattern in term.highlight]


@dataclass
class ParsedQuery:
    text: str
    language: str
    terms: list  # Term and Group

    def __bool__(self):
        return bool(self.terms)

    def highlight_pattern(self):
        patterns = [pattern for term in self.terms for pattern in term.highlight]
        if not patterns:
            return None
        # Longest first, so "工作许可" is marked whole rather than as "工作".
        patterns.sort(key=len, reverse=True)
        return re.compile("|".join(patterns), re.IGNORECASE)


def words(text, language):
    """The words of `text` as synonyms are looked up: jieba's words for Chinese, else runs of letters."""
    if is_segmented(language):
        return [word for word in (w.strip().lower() for w in _jieba().cut(text)) if WORD.search(word)]
    return TOKEN.findall(text.lower())


def parse_query(text, language, synonyms=None):
    """The query's terms. `synonyms` ({words of a term: [words of each term of its group, itself
    first]}, see :mod:`portal.search.synonyms`) make a word or phrase that has some a :class:`Group`."""
    text = " ".join(text.split())
    pieces = _with_synonyms(words(text, language), synonyms or {})
    word_lists = [piece for piece in pieces if isinstance(piece, list)]
    word_lists += [listed for piece in pieces if isinstance(piece, tuple) for listed in piece[1]]
    stems = None if is_segmented(language) else _stems({word for listed in word_lists for word in listed}, language)

    def make_terms(listed):
        return _chinese_terms(listed) if stems is None else _stemmed_terms(listed, stems)

    terms, seen = [], set()
    for piece in pieces:
        if isinstance(piece, list):
            found = [term for term in make_terms(piece) if term.lexeme not in seen]
            seen.update(term.lexeme for term in found)
            terms.extend(found)
            continue
        phrase, equivalents = piece
        alternatives = [found for listed in equivalents if (found := make_terms(listed))]
        if alternatives:
            terms.append(Group(word=phrase, alternatives=alternatives))
    return ParsedQuery(text=text, language=language, terms=terms)


def _with_synonyms(query_words, synonyms):
    """The query's words in runs: lists of plain words, and (phrase, its group's terms) for each
    longest run of words that is a term of a synonym group."""
    longest = max((len(key) for key in synonyms), default=0)
    pieces, plain, start = [], [], 0
    while start < len(query_words):
        for size in range(min(longest, len(query_words) - start), 0, -1):
            key = tuple(query_words[start : start + size])
            if key in synonyms:
                if plain:
                    pieces.append(plain)
                    plain = []
                pieces.append((" ".join(key), synonyms[key]))
                start += size
                break
        else:
            plain.append(query_words[start])
            start += 1
    if plain:
        pieces.append(plain)
    return pieces


def _chinese_terms(query_words):
    terms, seen = [], set()
    for word in query_words:
        if word in CHINESE_STOPWORDS or word in seen:
            continue
        seen.add(word)
        parts = [part for part in segment(word) if part != word and len(part) > 1]
        if not _covers(parts, word):
            # "信息" alone is not "信息化": shorter words count only when they cover the whole word.
            parts = []
        highlights = [re.escape(word)] + [re.escape(part) for part in parts]
        terms.append(Term(word=word, lexeme=word, parts=parts, highlight=highlights))
    return terms


def _covers(parts, word):
    covered = set()
    for part in parts:
        start = word.find(part)
        while start >= 0:
            covered.update(range(start, start + len(part)))
            start = word.find(part, start + 1)
    return len(covered) == len(word)


def _stems(all_words, language):
    """{word: stem or None for a stop word}, in one query on PostgreSQL whatever the synonyms."""
    all_words = sorted(all_words)
    if connection.vendor == "postgresql":
        stems = _postgres_stems(all_words, text_config(language))
    else:
        stems = [None if word in ENGLISH_STOPWORDS else _light_stem(word) for word in all_words]
    return dict(zip(all_words, stems, strict=True))


def _stemmed_terms(query_words, stems):
    terms = []
    for word in dict.fromkeys(query_words):
        stem = stems[word]
        if not stem:
            continue
        # Stems of one family differ in their last letter ("regist" from "registering",
        # "registr" from "registration"), so a long stem drops it and matches as a prefix.
        prefix = stem[:-1] if len(stem) > 5 else stem
        terms.append(Term(word=word, lexeme=prefix, prefix=True, highlight=[rf"\b{re.escape(prefix)}\w*"]))
    return terms


def _postgres_stems(words, config):
    """Each word's stem under the configuration's dictionary; None for a stop word."""
    if not words:
        return []
    if config == "simple":
        return list(words)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT string_agg(lexeme, ' ') FROM unnest(to_tsvector(%s::regconfig, word))) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS w(word, n) ORDER BY n",
            [config, words],
        )
        return [row[0].split(" ")[0] if row[0] else None for row in cursor.fetchall()]


def _light_stem(word):
    for suffix in ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def tsquery(parsed, operator="and"):
    """The query as raw tsquery text for the "simple" configuration (lexemes are already final)."""
    joiner = " & " if operator == "and" else " | "
    return joiner.join(_clause(term) for term in parsed.terms)


def _clause(term):
    if isinstance(term, Group):
        return "(" + " | ".join("(" + " & ".join(map(_clause, terms)) + ")" for terms in term.alternatives) + ")"
    clause = _lexeme(term.lexeme, term.prefix)
    if term.parts:
        clause = f"({clause} | ({' & '.join(_lexeme(part) for part in term.parts)}))"
    return clause


def _lexeme(value, prefix=False):
    quoted = "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + (":*" if prefix else "")


def highlight(text, pattern):
    """`text` escaped, with every match of `pattern` wrapped in <mark>."""
    if not text:
        return ""
    if pattern is None:
        return escape(text)
    spans = []
    for match in pattern.finditer(text):
        if match.start() == match.end():
            continue
        if spans and match.start() == spans[-1][1]:
            spans[-1][1] = match.end()  # "工作" + "许可" read as one marked word
        else:
            spans.append([match.start(), match.end()])
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def snippet(text, pattern, language, width=None):
    """A short passage of `text` around its first match, highlighted."""
    if not text:
        return ""
    segmented = is_segmented(language)
    width = width or (90 if segmented else 220)
    match = pattern.search(text) if pattern is not None else None
    start = 0
    if match and match.start() > width // 3:
        start = match.start() - width // 3
        if not segmented:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < match.start() else start
    if segmented:
        # Chinese can be cut anywhere, but not inside a Latin word ("…ws Service").
        while start and match and start < match.start() and _inside_latin_word(text, start):
            start += 1
    end = start + width
    if end < len(text) and not segmented:
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    elif segmented:
        while end < len(text) and end > start + 1 and _inside_latin_word(text, end):
            end -= 1
    passage = text[start:end].strip()
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + highlight(passage, pattern) + suffix)  # noqa: S308 - highlight() escapes


def _inside_latin_word(text, position):
    before, after = text[position - 1], text[position]
    return before.isascii() and after.isascii() and before.isalnum() and after.isalnum()
