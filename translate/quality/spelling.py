"""The spelling check, with the system's Hunspell dictionaries through pyenchant.

Names are let through (words with a capital letter, the term base's terms, the source's own
words), and so are the project's words for the language: ``locales/<lang>/words.txt``, one word
a line (``#`` begins a comment). Without pyenchant, or without the language's dictionary, the
check finds nothing and ``dictionary_missing`` says how to install what is missing.
"""

import importlib
import re
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Protocol

from l10n_article.translate.files import read_text
from l10n_article.translate.quality.languages import language
from l10n_article.translate.quality.message import Message

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SHOWN = 8  # words named in one finding


class Dictionary(Protocol):
    """What the check asks of a dictionary (``enchant.Dict``)."""

    def check(self, word: str) -> bool: ...


def _enchant() -> ModuleType | None:
    """pyenchant, or None when it (or the enchant library under it) is not installed."""
    try:
        return importlib.import_module("enchant")
    except ImportError:
        return None


@cache
def dictionary(code: str) -> Dictionary | None:
    """The Hunspell dictionary of the language ``code``, or None when it cannot be had."""
    enchant = _enchant()
    tag = language(code).dictionary
    return enchant.Dict(tag) if enchant is not None and enchant.dict_exists(tag) else None


def dictionary_missing(code: str) -> str | None:
    """One line saying how to install what the spelling check of ``code`` lacks (None if nothing)."""
    if dictionary(code) is not None:
        return None
    lang = language(code)
    if _enchant() is None:
        return (f"spelling: not checked in {lang.name}: install pyenchant (pip install pyenchant; "
                f"apt-get install libenchant-2-2 {lang.dictionary_package})")
    return f"spelling: no {lang.name} dictionary ({lang.dictionary}): apt-get install {lang.dictionary_package}"


def project_words(locales: Path, code: str) -> frozenset[str]:
    """The project's own words for ``code``: ``locales/<code>/words.txt``, one a line."""
    path = locales / code / "words.txt"
    if not path.exists():
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in read_text(path).splitlines())
    return frozenset(line for line in lines if line)


def _known(m: Message) -> set[str]:
    """Words the check never questions: the term base's, the source's and the project's."""
    texts = [form for term in m.glossary for form in term.forms.values()] + [m.source]
    return {word.casefold() for text in texts for word in _WORD.findall(text)} | {w.casefold() for w in m.words}


def _stems(known: set[str]) -> tuple[str, ...]:
    """The stems of the known words a declined form starts with (Тоқаевтың of Тоқаев)."""
    return tuple(k[:max(4, len(k) - 2)] for k in known if len(k) >= 4)


def _correct(word: str, checker: Dictionary) -> bool:
    """Whether the dictionary knows ``word``, or each part of a compound (high-level)."""
    word = word.replace("’", "'")
    return checker.check(word) or ("-" in word and all(checker.check(part) for part in word.split("-") if part))


def check_spelling(m: Message) -> list[str]:
    """Words the language's Hunspell dictionary does not know: a typo, or a word to add to the
    project's list (locales/<lang>/words.txt). Names, terms of the term base and words of the
    source are not questioned. Where a dictionary is weak (Kazakh), the findings are advice."""
    checker = dictionary(m.language)
    if checker is None:
        return []
    known = _known(m)
    stems = _stems(known)
    unknown = [word for word in dict.fromkeys(_WORD.findall(m.translation_plain))
               if not any(char.isupper() for char in word) and word.casefold() not in known
               and not word.casefold().startswith(stems) and not _correct(word, checker)]
    if not unknown:
        return []
    more = f" and {len(unknown) - SHOWN} more" if len(unknown) > SHOWN else ""
    return [f"not in the {language(m.language).name} dictionary: {', '.join(unknown[:SHOWN])}{more}"]
