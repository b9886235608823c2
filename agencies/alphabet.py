"""A-Z filing of agency names: English by sort name, Chinese by the pinyin of the Chinese name.

Chinese directories are ordered by the pinyin of each name, letter by letter, so a name is
filed under the first letter of its first syllable's pinyin (经济 -> J). Names that start with
anything other than a Latin letter once romanised go under "#", after Z.

pypinyin reads a character the way it is most often read, which is wrong for some of the city's
own place names (长宁 is cháng, not zhǎng; 闵行 is háng, not xíng): PLACE_READINGS gives their
readings. Where a name still files wrong, editors type its pinyin as the Chinese sort name
("changning qu renmin zhengfu"): Latin text files as it is written.
"""

import string
import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, load_phrases_dict

# Shanghai place names whose characters pypinyin reads another way on their own.
PLACE_READINGS = {
    "长宁": "cháng níng",
    "闵行": "mǐn háng",
    "长兴": "cháng xīng",
    "长征": "cháng zhēng",
    "莘庄": "xīn zhuāng",
    "重固": "chóng gù",
    "市长宁": "shì cháng níng",  # 上海市长宁区: not 市长 (mayor)
}
load_phrases_dict({name: [[syllable] for syllable in reading.split()] for name, reading in PLACE_READINGS.items()})

LETTERS = tuple(string.ascii_uppercase)
OTHER = "#"


@lru_cache(maxsize=4096)
def pinyin_key(text):
    """The name romanised syllable by syllable (tones as digits break ties): ("he zuo", "he2 zuo4")."""
    plain = " ".join(lazy_pinyin(text, style=Style.NORMAL, errors="default"))
    toned = " ".join(lazy_pinyin(text, style=Style.TONE3, errors="default", neutral_tone_with_five=True))
    return plain.casefold(), toned.casefold()


def latin_key(text):
    """A case- and accent-insensitive key for Latin-script names ("The" is not dropped: editors set sort names)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def uses_pinyin(language):
    return language.lower().startswith("zh")


def filing_key(text, language):
    """The key a name sorts by in `language`'s directory."""
    text = (text or "").strip()
    if uses_pinyin(language):
        plain, toned = pinyin_key(text)
        return (plain, toned, text)
    return (latin_key(text), "", text)


def letter_for(key):
    """The A-Z letter a filing key belongs under, or "#"."""
    first = key[0].lstrip()[:1].upper()
    return first if first in LETTERS else OTHER
