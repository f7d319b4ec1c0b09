"""Dates written out in a text, found and written with each language's CLDR date patterns.

A CLDR pattern (``d MMMM y``, ``MMMM d, y``, ``y 'ж'. d MMMM``) becomes a regular expression that
finds such dates in any language's text, so that the source may be in any language; the same
patterns, formatted by Babel, give the forms a translation may use.
"""

import re
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from l10n_article.translate.quality.languages import Language

_TOKEN = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|.", re.DOTALL)
_FIELDS = set("dMLyE")
SPACE = r"[\s\u00a0\u202f]+"


@dataclass(frozen=True)
class FoundDate:
    """A date as a text writes it (``4 avril 2025``), where it is, and its day (None when no such
    day exists, as for 31 février)."""

    text: str
    start: int
    end: int
    day: date | None


def _tokens(pattern: str) -> list[str]:
    """The pattern's fields and literals, without the literals before the first field and after
    the last (``d MMMM y 'г'.`` → the date proper, ``d MMMM y``)."""
    tokens = [found.group(0) for found in _TOKEN.finditer(pattern)]
    fields = [index for index, token in enumerate(tokens) if token[0] in _FIELDS]
    return tokens[fields[0]:fields[-1] + 1] if fields else []


def core_pattern(pattern: str) -> str:
    """``pattern`` without the literals around the date (``d MMMM y 'г'.`` → ``d MMMM y``)."""
    return "".join(_tokens(pattern))


def _field(token: str, language: Language) -> str:
    letter = token[0]
    if letter == "d":
        suffixes = "|".join(map(re.escape, language.day_suffixes))
        return r"(?P<d>\d{1,2})" + (f"(?:{suffixes})?" if suffixes else "")
    if letter in "ML" and len(token) >= 3:
        names = "|".join(sorted(map(re.escape, language.months), key=len, reverse=True))
        return rf"(?P<M>{names})\.?\w*"
    if letter in "ML":
        return r"(?P<m>\d{1,2})"
    if letter == "y":
        return r"(?P<y>\d{4})"
    return r"\w+\.?"


def _literal(token: str) -> str:
    text = token[1:-1].replace("''", "'") if token.startswith("'") and len(token) > 1 else token
    return SPACE if text.isspace() else re.escape(text).replace(r"\ ", SPACE)


def pattern_regex(pattern: str, language: Language) -> re.Pattern[str]:
    """A regular expression for the dates ``pattern`` writes in ``language``."""
    parts = [_field(token, language) if token[0] in _FIELDS else _literal(token) for token in _tokens(pattern)]
    return re.compile(r"(?<![\w])" + "".join(parts) + r"(?!\d)", re.IGNORECASE)


def _day(found: re.Match[str], language: Language) -> date | None:
    groups = found.groupdict()
    month = language.months.get(groups["M"].casefold()) if groups.get("M") else int(groups.get("m") or 0)
    try:
        return date(int(groups["y"]), month or 0, int(groups["d"]))
    except (ValueError, TypeError):
        return None


def find_dates(text: str, language: Language) -> list[FoundDate]:
    """The dates written out in ``text`` (with day, month and year), impossible ones included."""
    found: list[FoundDate] = []
    for pattern in language.date_patterns:
        regex = pattern_regex(pattern, language)
        if not {"d", "y"} <= set(regex.groupindex):
            continue
        for match in regex.finditer(text):
            if not any(match.start() < other.end and other.start < match.end() for other in found):
                found.append(FoundDate(match.group(0), match.start(), match.end(), _day(match, language)))
    return sorted(found, key=lambda d: d.start)


def spaces(text: str) -> str:
    """``text`` with its no-break spaces as plain ones, for comparing forms."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def date_forms(day: date, language: Language) -> list[str]:
    """The ways ``language`` writes ``day``, its CLDR long form first."""
    forms = [spaces(format_date(day, core_pattern(pattern), locale=language.code)) for pattern in language.date_patterns]
    return list(dict.fromkeys(form for form in forms if form))


def suggested_form(day: date, text: str, language: Language) -> str:
    """The form of ``day`` to suggest for ``text``: in the pattern ``text`` already writes its
    dates in (April 4, 2025 rather than 4 April 2025), else the CLDR long form."""
    for pattern in language.date_patterns:
        if pattern_regex(pattern, language).search(text):
            return spaces(format_date(day, core_pattern(pattern), locale=language.code))
    return date_forms(day, language)[0]
