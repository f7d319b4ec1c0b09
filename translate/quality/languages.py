"""What the checks know of a language: CLDR's data through Babel, and the rest from data files.

Babel gives number symbols, month names, date patterns and the script of every locale;
``language-data/quotes.toml`` holds CLDR's quotation marks, which Babel does not carry. What CLDR does
not know (scale words such as milliard → billion / млрд, typography, the spelling dictionary,
a check's severity) is in ``language-data/<code>.toml``, which a contributor extends or adds without
touching the code: a language without such a file still gets its quotes, numbers and dates.
"""

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from babel import Locale
from babel.core import get_global

_DATE_PATTERNS = ("long", "medium")
_SPACES = " \u00a0\u202f"


@dataclass(frozen=True)
class Quotes:
    """A language's quotation marks: the usual pair and the one for a quotation inside it."""

    start: str
    end: str
    inner_start: str
    inner_end: str


@dataclass(frozen=True)
class Typography:
    """Where a language wants a no-break space (the safe fixes of ``l10n check --fix``)."""

    space_before: dict[str, str] = field(default_factory=dict)  # mark → the space before it
    space_inside_quotes: str = ""                               # « texte »
    no_break_before: tuple[str, ...] = ()                       # 12 млрд
    no_break_before_dash: bool = False                          # слово — слово


@dataclass(frozen=True)
class Language:
    """Everything the checks use about one language."""

    code: str
    name: str
    script: str                       # ISO 15924: Latn, Cyrl…
    quotes: Quotes | None
    decimal: str
    group: str
    months: dict[str, int]            # every month name, casefolded → its number
    date_patterns: tuple[str, ...]    # CLDR's, then the data file's
    day_suffixes: tuple[str, ...]
    scales: dict[str, tuple[str, ...]]  # meaning (billion) → words
    distinctive_letters: str
    typography: Typography
    dictionary: str
    dictionary_package: str
    severity: dict[str, str]

    @property
    def groups(self) -> set[str]:
        """The group separators a writer of this language may type (any space for a space)."""
        return set(_SPACES) if self.group in _SPACES else {self.group}


def _data_file(name: str) -> dict:
    path = resources.files("l10n_article.translate.quality").joinpath("language-data", name)
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@cache
def _quotes_table() -> dict:
    return _data_file("quotes.toml")


def _quotes(code: str) -> Quotes | None:
    """CLDR's quotation marks of ``code``, or of its parent locale (de_CH → de)."""
    table, parts = _quotes_table(), code.split("_")
    while parts:
        marks = table.get("_".join(parts))
        if marks:
            return Quotes(*marks)
        parts.pop()
    return None


def _script(locale: Locale) -> str:
    """The script a language is written in, from CLDR's likely subtags (ru → Cyrl)."""
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags").get(locale.language, "")
    return next((part for part in likely.split("_") if len(part) == 4 and part.istitle()), "Latn")


def _months(locale: Locale) -> dict[str, int]:
    """Month names of both CLDR contexts (апреля, апрель) and both widths, casefolded."""
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                names.setdefault(name.casefold().rstrip("."), number)
    return names


@cache
def language(code: str) -> Language:
    """The checks' knowledge of the language ``code`` (a CLDR code: en, ru, pt_BR)."""
    locale = Locale.parse(code)
    data = _data_file(f"{code}.toml") or _data_file(f"{locale.language}.toml")
    symbols = locale.number_symbols.get("latn", locale.number_symbols)
    typography = data.get("typography", {})
    spelling = data.get("spelling", {})
    patterns = tuple(locale.date_formats[width].pattern for width in _DATE_PATTERNS)
    return Language(
        code=code,
        name=locale.english_name or code,
        script=_script(locale),
        quotes=_quotes(code),
        decimal=symbols.get("decimal", "."),
        group=symbols.get("group", ","),
        months=_months(locale),
        date_patterns=patterns + tuple(data.get("dates", {}).get("patterns", ())),
        day_suffixes=tuple(data.get("dates", {}).get("day-suffixes", ())),
        scales={meaning: tuple(words) for meaning, words in data.get("scales", {}).items()},
        distinctive_letters=data.get("script", {}).get("distinctive-letters", ""),
        typography=Typography(dict(typography.get("space-before", {})), typography.get("space-inside-quotes", ""),
                              tuple(typography.get("no-break-before", ())),
                              bool(typography.get("no-break-before-dash", False))),
        dictionary=spelling.get("dictionary", str(locale)),
        dictionary_package=spelling.get("package", f"hunspell-{locale.language}"),
        severity=dict(data.get("severity", {})),
    )
