"""A sentence splitter that needs no model and no network (Argos's own splitter downloads one).

It cuts after ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets, French ``. »``
included) when white space and the start of a new sentence follow; French spacing
(``livrables ? Le``) is understood, and initials (``J. Smith``) and common abbreviations are not
taken for sentence ends (``M. Tokaïev``, ``av. J.-C.``, ``Env. 12``, in any case), but for
``etc.`` before a capital letter, which ends its sentence (``etc. Puis``).
"""

import re
from dataclasses import dataclass

_END = re.compile(r"""(?<=\S)\s?[.!?…]+(?:\s?»|[”’"')\]])*(?P<gap>\s+)(?=[«“"'(\[]?\s?[^\W\d_a-zа-яё]|\d)""")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_ABBREVIATIONS = {"m", "mme", "mlle", "mr", "mrs", "ms", "dr", "st", "etc", "p", "pp", "cf", "ex", "vol", "no",
                  "art", "av", "env", "т", "г", "гг", "им", "др", "см", "ж"}  # compared in lower case
_FINAL = {"etc"}  # abbreviations that end their sentence when a capital letter follows


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text and the white space that follows it there."""

    text: str
    gap: str = ""


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, without the white space between them."""
    return [sentence.text for sentence in split_with_spaces(text)]


def _abbreviated(before: str, after: str) -> bool:
    """Whether the text before a full stop ends with an initial or a known abbreviation that does
    not end the sentence here (``after`` is the text that follows)."""
    word = _LAST_WORD.search(before)
    last = word.group(1) if word else ""
    if last.casefold() in _FINAL:
        return not after.lstrip("«“\"'( ")[:1].isupper()
    return (len(last) == 1 and last.isupper()) or last.casefold() in _ABBREVIATIONS


def split_with_spaces(text: str) -> list[Sentence]:
    """The sentences of ``text`` with the white space after each: together they cover it exactly."""
    pieces, start = [], 0
    for match in _END.finditer(text):
        if _abbreviated(text[start:match.start()], text[match.end():]):
            continue
        pieces.append(Sentence(text[start:match.start("gap")], match.group("gap")))
        start = match.end()
    if start < len(text):
        pieces.append(Sentence(text[start:]))
    return pieces
