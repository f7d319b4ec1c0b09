"""The numbers check: amounts, scale words and dates of the source, in the target language's form.

Number symbols, month names and date patterns come from CLDR through Babel; scale words
(milliard → billion / млрд) from the languages' data files. Both texts are read without their
markup, so that a number in emphasis (``*12* milliards``) or alone in a run counts.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from l10n_article.translate.quality.dates import date_forms, find_dates, spaces, suggested_form
from l10n_article.translate.quality.languages import Language, language
from l10n_article.translate.quality.message import Message


@dataclass(frozen=True)
class Number:
    """A number as a text writes it, where it ends, and its value."""

    text: str
    end: int
    value: Decimal


def _number_regex(lang: Language) -> re.Pattern[str]:
    groups = "".join(re.escape(g) for g in sorted(lang.groups))
    return re.compile(rf"(?<![\w.,])(?:\d{{1,3}}(?:[{groups}]\d{{3}})+|\d+)(?:{re.escape(lang.decimal)}\d+)?(?!\d)")


def numbers(text: str, lang: Language) -> list[Number]:
    """The numbers of ``text``, read with ``lang``'s decimal and group separators."""
    found = []
    for match in _number_regex(lang).finditer(text):
        token = match.group(0)
        normal = "".join(lang.group if char in lang.groups else char for char in token)
        try:
            found.append(Number(token, match.end(), parse_decimal(normal, locale=lang.code)))
        except NumberFormatError:
            continue
    return found


def _written(number: Number, source: Language, target: Language) -> str:
    """``number`` of the source as ``target`` writes it, grouped only when the source grouped it
    (a year is not)."""
    grouped = len(number.text.split(source.decimal)[0]) > len(str(int(number.value)))
    return spaces(format_decimal(number.value, locale=target.code, group_separator=grouped))


def _scale(text: str, number: Number, lang: Language) -> str | None:
    """The meaning (billion, million) of the scale word right after ``number`` in ``text``."""
    after = text[number.end:]
    for meaning, words in lang.scales.items():
        if any(re.match(rf"\s*{re.escape(word)}", after, re.IGNORECASE) for word in words):
            return meaning
    return None


def _without_dates(text: str, source: Language) -> str:
    """``text`` with its dates blanked out: the date check looks after their numbers."""
    for found in find_dates(text, source):
        text = text[:found.start] + " " * (found.end - found.start) + text[found.end:]
    return text


def _number_problems(source_text: str, target_text: str, source: Language, target: Language) -> list[str]:
    problems = []
    target_numbers = numbers(target_text, target)
    for number in numbers(_without_dates(source_text, source), source):
        written = _written(number, source, target)
        same = [found for found in target_numbers if found.value == number.value]
        if not same:
            hint = "" if written == spaces(number.text) else f" (in {target.name}: {written})"
            problems.append(f"{spaces(number.text)} of the source is not in the translation{hint}")
            continue
        meaning = _scale(source_text, number, source)
        words = target.scales.get(meaning or "", ())
        if words and not any(_scale(target_text, found, target) == meaning for found in same):
            problems.append(f"{spaces(number.text)} {meaning}: the translation should say {written} {words[0]}")
    return problems


def _date_problems(source_text: str, target_text: str, source: Language, target: Language) -> list[str]:
    problems = []
    for found in find_dates(source_text, source):
        if found.day is None:
            problems.append(f"the source's date {found.text!r} does not exist: ask the author which day is meant")
            continue
        if not any(form.casefold() in spaces(target_text).casefold() for form in date_forms(found.day, target)):
            problems.append(f"the date {found.text!r} should read "
                            f"{suggested_form(found.day, target_text, target)!r}")
    return problems


def check_numbers(m: Message) -> list[str]:
    """A number of the source missing from the translation, or not written in your language's form:
    amounts with their scale word (12 milliards → €12 billion, 12 млрд) and dates (4 avril 2025 →
    April 4, 2025 / 4 апреля 2025 / 2025 жылғы 4 сәуір). Also a date of the source that does not
    exist (31 février)."""
    source, target = language(m.source_language), language(m.language)
    source_text, target_text = m.source_plain, m.translation_plain
    return (_number_problems(source_text, target_text, source, target)
            + _date_problems(source_text, target_text, source, target))
