"""The demo states the seeds' facts in the project's own words, never in the seeds' sentences.

Every text of the demo data files (``*/demo/*.toml``) is compared with every seed document under
``docs/seeds/``: no run of 12 consecutive English words (case and punctuation ignored) and no
run of 25 consecutive Chinese characters may appear in both. An official name counts as one word
(`NAMES`): a name is the same in every text, a sentence should not be.
"""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "docs" / "seeds"  # the seed documents, kept with the project so that a clone has them
ENGLISH_RUN = 12  # words
CHINESE_RUN = 25  # Han characters

_WORD = re.compile(r"[a-z0-9]+")

# The seeds' official names of bodies and programmes that run long; each counts as one word.
NAMES = [
    "Office for Cooperation and Exchange Affairs of the Shanghai Municipal People's Government",
    "Administrative Center of the Shanghai R&D Public Service Platforms",
    "Shanghai Municipal Office of Science, Technology and Industry for National Defense",
    "Shanghai Municipal Commission of Economy and Informatization",
    "Shanghai International Community Info-Services Alliance",
    "Information Office of Shanghai Municipality",
    "Huacao International Community Center",
]
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _tokens(text):
    return _WORD.findall(re.sub(r"['’‘`]", "", text.lower()))


def english_words(text):
    """The words of `text`, lower case, with apostrophes and all other punctuation dropped, and each
    official name of `NAMES` as one word."""
    words = _tokens(text)
    for number, name in enumerate(_NAME_TOKENS):
        words = _joined(words, name, f"<name{number}>")
    return words


def _joined(words, name, token):
    out, i = [], 0
    while i < len(words):
        if words[i : i + len(name)] == name:
            out.append(token)
            i += len(name)
        else:
            out.append(words[i])
            i += 1
    return out


_NAME_TOKENS = [_tokens(name) for name in NAMES]


def han_characters(text):
    """The Chinese characters of `text` in order, everything else (punctuation, Latin) dropped."""
    return "".join(_HAN.findall(text))


def runs(sequence, length):
    """Every run of `length` consecutive items of `sequence`, as tuples or strings."""
    return {tuple(sequence[i : i + length]) for i in range(len(sequence) - length + 1)}


def shared_runs(text, seed_english, seed_chinese):
    """The runs of `text` that a seed also contains: English word runs, then Chinese ones."""
    english = [" ".join(run) for run in runs(english_words(text), ENGLISH_RUN) & seed_english]
    chinese = ["".join(run) for run in runs(han_characters(text), CHINESE_RUN) & seed_chinese]
    return english + chinese


def demo_texts():
    """(file, text) of every string in the demo data files, however deeply nested."""
    for path in sorted(ROOT.glob("*/demo/*.toml")):
        with path.open("rb") as data:
            yield from ((path.relative_to(ROOT), text) for text in _strings(tomllib.load(data)))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.fixture(scope="module")
def seed_runs():
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.iterdir()) if path.is_file()]
    assert texts, f"no seed documents in {SEEDS}"
    english, chinese = set(), set()
    for text in texts:
        english |= runs(english_words(text), ENGLISH_RUN)
        chinese |= runs(han_characters(text), CHINESE_RUN)
    return english, chinese


def test_no_demo_text_repeats_a_run_of_words_of_a_seed(seed_runs):
    copied = [(str(path), run) for path, text in demo_texts() for run in shared_runs(text, *seed_runs)]

    assert not copied, "Say these in the project's own words:\n" + "\n".join(f"{p}: {r}" for p, r in copied)


def test_the_check_finds_a_copied_sentence_whatever_its_case_and_punctuation(seed_runs):
    # Responsibility 9 of seed 001, as it was once pasted, with its case and punctuation changed.
    pasted = "FOSTER the advancement of producer-services, and promote the integrated development of the service"
    # A Chinese run against a Chinese "seed" of its own: the seeds themselves are all English.
    chinese_seed = runs(
        han_characters("上海国际社区信息服务联盟由市政府新闻办与城市新闻服务平台共同发起并管理"), CHINESE_RUN
    )

    assert shared_runs(pasted, *seed_runs)
    assert shared_runs("联盟：上海国际社区信息服务联盟由市政府新闻办与城市新闻服务平台共同发起。", set(), chinese_seed)
    assert not shared_runs("Promote producer services and their integration with manufacturing.", *seed_runs)
    assert len(english_words("Int’l visitors' centre, SICIV")) == 4
    assert english_words("the Huacao International Community Center opened") == ["the", "<name6>", "opened"]
