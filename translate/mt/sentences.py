"""A sentence splitter that needs no model and no network (Argos's own splitter downloads one).

It cuts after ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets) when white space
and the start of a new sentence follow; French spacing (``livrables ? Le``) is understood, and
initials (``J. Smith``) and common abbreviations are not taken for sentence ends.
"""

import re

_END = re.compile(r"""(?<=\S)\s?[.!?…]+[»”’"')\]]*(?=\s+[«“"'(\[]?\s?[^\W\d_a-zа-яё]|\s+\d)""")
_ABBREVIATIONS = {"M", "Mme", "Mlle", "Mr", "Mrs", "Ms", "Dr", "St", "etc", "p", "pp", "cf", "ex", "vol", "no",
                  "art", "av", "env", "т", "г", "гг", "им", "др", "см", "ж"}


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``; joining them with single spaces gives the text back when it
    was separated by single spaces (the separators themselves are kept by ``split_with_spaces``)."""
    return [sentence for sentence, _ in split_with_spaces(text)]


def split_with_spaces(text: str) -> list[tuple[str, str]]:
    """(sentence, white space after it) pairs covering ``text`` exactly."""
    pieces, start = [], 0
    for match in _END.finditer(text):
        word = re.search(r"(\w+)\W*$", text[start:match.start()] or " ")
        last = word.group(1) if word else ""
        if (len(last) == 1 and last.isupper()) or last in _ABBREVIATIONS:
            continue
        end = match.end()
        gap = re.match(r"\s+", text[end:]).group(0)
        pieces.append((text[start:end], gap))
        start = end + len(gap)
    if start < len(text):
        pieces.append((text[start:], ""))
    return pieces
