"""The python-format check: placeholders of interface strings, as Babel and GNU msgfmt check them.

Babel's own checker (``babel.messages.checkers.python_format``) finds a placeholder the source
does not have or one of another type; a ``%`` that begins no placeholder and a placeholder left
out are found here, with msgfmt's rule for plural forms: a form that serves a single number
(English "one") may drop the number's placeholder, every other form keeps them all.
"""

import gettext
import re
from collections import Counter

from babel.messages.catalog import PYTHON_FORMAT, TranslationError
from babel.messages.catalog import Message as BabelMessage
from babel.messages.checkers import python_format

from l10n_article.translate.quality.message import Message

_PLURAL = re.compile(r"plural\s*=\s*([^;]+)")
SAMPLES = range(1001)  # msgfmt's sample: a form used for fewer than 5 of the numbers 0…1000
MANY = 5               # serves a single number, or a few


def _placeholders(text: str) -> list[str]:
    """The placeholders of ``text`` as written (``%(num)d``), in order, without ``%%``."""
    return [found.group(0) for found in PYTHON_FORMAT.finditer(text) if found.group(0) != "%%"]


def _names(text: str) -> list[str]:
    """The names of the named placeholders of ``text``, in order (``%(num)d`` → ``num``)."""
    return [name for name, _, kind in PYTHON_FORMAT.findall(text) if name and kind != "%"]


def check_python_format(m: Message) -> list[str]:
    """In an interface string marked python-format: a placeholder the source does not have
    (``%(lang)s`` for ``%(language)s``) or of another type, one left out, or a lone ``%`` (write
    ``%%`` for a percent sign). The page cannot show such a text."""
    if "python-format" not in m.flags:
        return []
    try:
        python_format(None, BabelMessage(m.source, m.translation, flags=["python-format"]))
    except TranslationError as exc:
        return [f"{exc} (the source has {' '.join(_placeholders(m.source)) or 'no placeholder'})"]
    if "%" in PYTHON_FORMAT.sub("", m.translation):
        return ["a % that begins no placeholder: write %% for a percent sign"]
    if not m.every_placeholder:
        return []
    translated = set(_names(m.translation))
    return [f"placeholder %({name})s of the source is missing"
            for name in dict.fromkeys(_names(m.source)) if name not in translated]


def single_number_forms(plural_forms: str) -> frozenset[int]:
    """The plural forms (msgstr[i]) that serve only one number or a few under a ``Plural-Forms``
    header, as msgfmt counts them (English and Kazakh: form 0, for 1; Russian: none)."""
    found = _PLURAL.search(plural_forms)
    try:
        rule = gettext.c2py(found.group(1).strip() if found else "n != 1")
        uses = Counter(rule(n) for n in SAMPLES)
    except (ValueError, SyntaxError, RecursionError, ZeroDivisionError):
        return frozenset()
    return frozenset(form for form, count in uses.items() if count < MANY)
