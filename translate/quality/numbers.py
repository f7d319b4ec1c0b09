"""The numbers check: amounts, scale words and dates of the source, in the target language's form.

Number symbols, month names and date patterns come from CLDR through Babel; the scale words
(milliard → billion / млрд) are the only language data kept here.
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.dates import format_date, get_month_names
from babel.numbers import format_decimal

from l10n_article.translate.quality.message import Message

SCALES = {
    "milliard": {"en": ("billion",), "ru": ("млрд", "миллиард"), "kk": ("млрд", "миллиард")},
    "million": {"en": ("million",), "ru": ("млн", "миллион"), "kk": ("млн", "миллион")},
}
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[ \u00a0\u202f.,]\d+)*")
_DATE = re.compile(r"(\d{1,2})(?:er)?\s+(\w+)\s+(\d{4})")


@dataclass(frozen=True)
class SourceDate:
    """A date as the source writes it (``4 avril 2025``), and its day: None when no such day exists."""

    text: str
    day: date | None


def _value(token: str, language: str) -> Decimal | None:
    """The value of a number written in ``language``'s form (``12,5`` in French is 12.5)."""
    symbols = Locale.parse(language).number_symbols.get("latn", Locale.parse(language).number_symbols)
    group, decimal = symbols.get("group", ","), symbols.get("decimal", ".")
    text = token
    for separator in {group, " ", "\u00a0", "\u202f"} - {decimal}:
        text = text.replace(separator, "")
    try:
        return Decimal(text.replace(decimal, "."))
    except InvalidOperation:
        return None


def _spaces(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def source_dates(text: str, language: str) -> list[SourceDate]:
    """The dates written out in ``text`` (day, month name, year), impossible ones included."""
    months = {name.casefold(): number for number, name in get_month_names("wide", locale=language).items()}
    return [SourceDate(found.group(0), _day(int(found.group(3)), months[found.group(2).casefold()],
                                            int(found.group(1))))
            for found in _DATE.finditer(text) if found.group(2).casefold() in months]


def _date_forms(value: date, language: str) -> set[str]:
    forms = set()
    for pattern in ("long", "d MMMM y", "MMMM d, y"):
        form = _spaces(format_date(value, pattern, locale=language)).removesuffix(" г.")
        forms |= {form, form.replace(" ж. ", " жылғы ")}
    return forms


def _number_problems(m: Message, target: str) -> list[str]:
    problems = []
    values = [v for v in (_value(t, m.language) for t in _NUMBER.findall(target)) if v is not None]
    for token in _NUMBER.findall(m.source):
        value = _value(token, m.source_language)
        if value is None:
            continue
        if value not in values:
            expected = format_decimal(value, locale=m.language)
            problems.append(f"number {token} is missing (expected {expected})")
            continue
        for scale, words in SCALES.items():
            after = re.search(rf"{re.escape(token)}\s+(?:de\s+)?{scale}", m.source)
            if after and m.language in words and not re.search(
                    rf"{re.escape(format_decimal(value, locale=m.language))}\s*({'|'.join(words[m.language])})",
                    target):
                problems.append(f"{token} {scale}s should read {value} {words[m.language][0]}")
    return problems


def _date_problems(m: Message, target: str) -> list[str]:
    problems = []
    for found in source_dates(m.source, m.source_language):
        if found.day is None:
            problems.append(f"the source's date {found.text!r} does not exist: ask the author which day is meant")
            continue
        forms = _date_forms(found.day, m.language)
        if not any(form.casefold() in _spaces(target).casefold() for form in forms):
            problems.append(f"date should read {sorted(forms)[0]!r}")
    return problems


def check_numbers(m: Message) -> list[str]:
    """A number of the source missing from the translation, or not written in your language's form:
    amounts with their scale word (12 milliards → €12 billion, 12 млрд) and dates (4 avril 2025 →
    April 4, 2025 / 4 апреля 2025 / 2025 жылғы 4 сәуір). Also a date of the source that does not
    exist (31 février)."""
    target = m.translation_text
    return _number_problems(m, target) + _date_problems(m, target)
