"""Kazakh in the Latin alphabet of 2021, derived letter by letter from the Cyrillic text.

The table is the one adopted by the decree of 2021 (31 letters: ä ğ q ñ ö ū ü ı i ş …). The
Cyrillic letters it does not cover, found in Russian loanwords and names, follow their Kazakh
sound spelled with the table's own letters: ц → ts, ч → ch, щ → şş, ё → io, ю → iu, я → ia,
э → e; the hard and soft signs ъ and ь are dropped. A letter written as two (ts, ch, şş, io,
iu, ia) is all capitals inside a word in capitals (ЦЕНТР → TSENTR) and capitalized otherwise
(Цесна → Tsesna); ё, ю and я start with the table's й, so their capitals are İo, İu, İa.
Everything that is not Cyrillic (Latin, digits, punctuation, Markdown) is left as it is.
"""

from collections.abc import Callable
from dataclasses import dataclass

# The 2021 table: each Cyrillic lowercase letter and its Latin lowercase letter. И and Й are
# both İ i; І is I ı (dotless); Һ and Х are both H h.
KAZAKH_2021: dict[str, str] = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ж": "j",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ",
    "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü",
    "ф": "f", "х": "h", "һ": "h", "ы": "y", "і": "ı", "ш": "ş",
}
# The letters the 2021 table leaves out, spelled with its letters (see the module's docstring).
KAZAKH_LOANS: dict[str, str] = {
    "ц": "ts", "ч": "ch", "щ": "şş", "ё": "io", "ю": "iu", "я": "ia", "э": "e", "ъ": "", "ь": "",
}
# Capitals whose Latin form is not ``str.upper()`` of the lowercase one.
_CAPITALS = {"i": "İ", "ı": "I"}


@dataclass(frozen=True)
class Transliteration:
    """A script edition derived from a language's text: ``tag`` (BCP 47, ``kk-Latn``) is made from
    the text of ``base`` (``kk``) by ``convert``."""

    tag: str
    base: str
    convert: Callable[[str], str]


def _upper(latin: str) -> str:
    return "".join(_CAPITALS.get(char, char.upper()) for char in latin)


def _capital_word(text: str, index: int) -> bool:
    """Whether the letter at ``index`` stands among capitals (a neighbouring letter is a capital)."""
    neighbours = [text[i] for i in (index - 1, index + 1) if 0 <= i < len(text) and text[i].isalpha()]
    return any(char.isupper() for char in neighbours)


def kazakh_letter(text: str, index: int) -> str:
    """The Latin spelling of the character at ``index`` of ``text`` (itself when it is not Cyrillic)."""
    char = text[index]
    lower = char.lower()
    latin = KAZAKH_2021.get(lower, KAZAKH_LOANS.get(lower))
    if latin is None:
        return char
    if char == lower:
        return latin
    if len(latin) > 1 and not _capital_word(text, index):
        return _upper(latin[0]) + latin[1:]
    return _upper(latin)


def kazakh_latin(text: str) -> str:
    """``text`` with its Kazakh Cyrillic letters in the Latin alphabet of 2021."""
    return "".join(kazakh_letter(text, index) for index in range(len(text)))


TRANSLITERATIONS = {"kk-Latn": Transliteration("kk-Latn", "kk", kazakh_latin)}
