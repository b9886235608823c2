"""One name for each organisation and term (docs/glossary.toml), in every Chinese text the site
shows: the interface catalogue, the demo content's Chinese fields and the rendered Chinese pages."""

import tomllib
from pathlib import Path

import polib
import pytest

from django.conf import settings

from tests.portal.glossary import load_glossary

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
DEMO_FILES = sorted(path for path in ROOT.glob("*/demo/*.toml"))


def chinese_fields(data, where=""):
    """(where, text) for every Chinese value of a demo TOML document: keys `zh_hans` or `*_zh_hans`."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and (key == "zh_hans" or key.endswith("_zh_hans")):
                yield f"{where}.{key}", value
            else:
                yield from chinese_fields(value, f"{where}.{key}")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from chinese_fields(item, f"{where}[{index}]")


def misnamings(texts):
    glossary = load_glossary()
    return [
        f"{where}: {wrong!r} should be {right!r}" for where, text in texts for wrong, right in glossary.misnamed(text)
    ]


def test_the_glossary_names_each_term_once_and_never_lists_its_own_name_as_wrong():
    glossary = load_glossary()
    names = [term.zh for term in glossary.terms]
    assert len(names) == len(set(names))
    for term in glossary.terms:
        assert term.zh and term.en and term.wrong_zh, term
        assert not any(wrong in term.zh for wrong in term.wrong_zh), term


def test_a_term_written_another_way_is_found():
    glossary = load_glossary()
    assert glossary.misnamed("CNS与“外籍人才在上海”签署协议") == [("CNS", "城市新闻服务平台")]
    assert glossary.misnamed("其中高层次人才约7万人") == [("高层次人才", "高端人才")]
    assert glossary.misnamed("城市新闻服务平台与“外籍人才在上海”签署协议，其中高端人才约7万人") == []


def test_the_catalogue_uses_the_glossary_names():
    catalogue = polib.pofile(str(CATALOGUE))
    texts = [
        (entry.msgid[:60], text)
        for entry in catalogue
        if not entry.obsolete
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
    ]
    assert misnamings(texts) == []


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_the_demo_content_uses_the_glossary_names(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert misnamings(chinese_fields(data, path.name)) == []
