"""Quality checks on translated entries, each a small function over one message.

A check returns messages (an empty list when all is well); ``CHECKS`` lists them with their
severity. A translator silences a check on one entry with the flag ``l10n-ignore-<check>``
(``#, l10n-ignore-numbers``), which Poedit, Lokalize and ``l10n update`` keep.
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.dates import format_date, get_month_names
from babel.numbers import format_decimal

from l10n_article.translate.quality.glossary import Term, appears_in_source, appears_in_translation
from l10n_article.translate.source.inline import split_runs
from l10n_article.translate.source.markdown import shared_parser

IGNORE_FLAG = "l10n-ignore-"
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
SCALES = {
    "milliard": {"en": ("billion",), "ru": ("млрд", "миллиард"), "kk": ("млрд", "миллиард")},
    "million": {"en": ("million",), "ru": ("млн", "миллион"), "kk": ("млн", "миллион")},
}
QUOTES = {"en": ("“", "”"), "ru": ("«", "»"), "kk": ("«", "»"), "fr": ("«", "»")}
LENGTH_RATIO = (0.5, 2.0)


@dataclass(frozen=True)
class Message:
    """What a check sees: one entry's source and translation, and the languages of both."""

    source: str
    translation: str
    language: str
    source_language: str
    glossary: tuple[Term, ...] = ()

    @property
    def translation_text(self) -> str:
        """The translation without its markup (link targets, code spans)."""
        return "".join(run.text for run in split_runs(self.translation) if run.translatable)


_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[ \u00a0\u202f.,]\d+)*")


def _value(token: str, language: str) -> Decimal | None:
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


def _dates(text: str, language: str) -> list[date]:
    months = {name.casefold(): number for number, name in get_month_names("wide", locale=language).items()}
    found = []
    for day, month, year in re.findall(r"(\d{1,2})(?:er)?\s+(\w+)\s+(\d{4})", text):
        if month.casefold() in months:
            found.append(date(int(year), months[month.casefold()], int(day)))
    return found


def _date_forms(value: date, language: str) -> set[str]:
    forms = set()
    for pattern in ("long", "d MMMM y", "MMMM d, y"):
        form = _spaces(format_date(value, pattern, locale=language)).removesuffix(" г.")
        forms |= {form, form.replace(" ж. ", " жылғы ")}
    return forms


def check_numbers(m: Message) -> list[str]:
    problems = []
    target = m.translation_text
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
    for value in _dates(m.source, m.source_language):
        forms = _date_forms(value, m.language)
        if not any(form.casefold() in _spaces(target).casefold() for form in forms):
            problems.append(f"date should read {sorted(forms)[0]!r}")
    return problems


def check_glossary(m: Message) -> list[str]:
    problems = []
    for term in m.glossary:
        source, target = term.forms.get(m.source_language), term.forms.get(m.language)
        if source and target and appears_in_source(source, m.source) \
                and not appears_in_translation(target, m.translation_text, m.language):
            problems.append(f"{source!r} should be translated as {target!r} (glossary)")
    return problems


def check_quotes(m: Message) -> list[str]:
    text = m.translation_text
    problems = []
    if '"' in text:
        problems.append('straight quotation marks (") instead of typographic ones')
    expected = QUOTES.get(m.language)
    if expected == ("“", "”") and re.search("[«»„]", text):
        problems.append("« » quotation marks: English uses “ ”")
    if expected == ("«", "»") and re.search("[“”]", text) and "«" not in text:
        problems.append(f"“ ” quotation marks: {Locale.parse(m.language).english_name} uses « »")
    if m.language == "en" and re.search(r"[\w”’)]\s+[:;!?](\s|$)", text):
        problems.append("space before : ; ! or ? (French spacing) in English")
    return problems


def check_whitespace(m: Message) -> list[str]:
    problems = []
    for side, strip in (("leading", str.lstrip), ("trailing", str.rstrip)):
        source_space = len(m.source) - len(strip(m.source))
        target_space = len(m.translation) - len(strip(m.translation))
        if source_space != target_space:
            problems.append(f"{side} white space differs from the source")
    if "  " in m.translation and "  " not in m.source:
        problems.append("doubled space")
    return problems


def _end(text: str) -> str:
    stripped = text.rstrip().rstrip("»”’\"')]*_` \u00a0\u202f")
    return stripped[-1] if stripped and stripped[-1] in ".!?:;…" else ""


def check_punctuation(m: Message) -> list[str]:
    source, target = _end(m.source), _end(m.translation)
    if source != target:
        return [f"ends with {target or 'no punctuation'!r} where the source ends with {source or 'none'!r}"]
    return []


def check_identical(m: Message) -> list[str]:
    if m.language == m.source_language or m.translation != m.source:
        return []
    words = re.findall(r"[^\W\d_]+", m.source)
    names = {term.forms.get(m.source_language) for term in m.glossary}
    if all(word[0].isupper() for word in words) and (len(words) > 1 or m.source in names):
        return []  # names only: they may well be the same in both languages
    return ["translation is identical to the source"]


_MARKUP = {"em_open": "emphasis", "strong_open": "strong emphasis", "link_open": "link",
           "code_inline": "code span", "image": "image"}


def _markup(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for token in shared_parser().parseInline(text)[0].children or []:
        if token.type in _MARKUP:
            counts[_MARKUP[token.type]] = counts.get(_MARKUP[token.type], 0) + 1
    return counts


def check_markup(m: Message) -> list[str]:
    source, target = _markup(m.source), _markup(m.translation)
    return [f"{name}: {source.get(name, 0)} in the source, {target.get(name, 0)} in the translation"
            for name in sorted(set(source) | set(target)) if source.get(name, 0) != target.get(name, 0)]


def check_length(m: Message) -> list[str]:
    if len(m.source) < 20:
        return []
    ratio = len(m.translation) / len(m.source)
    low, high = LENGTH_RATIO
    if not low <= ratio <= high:
        return [f"translation is {ratio:.1f} times as long as the source"]
    return []


def check_script(m: Message) -> list[str]:
    if Locale.parse(m.language).character_order != "left-to-right" or m.language not in ("ru", "kk", "uk", "be"):
        return []
    text = m.translation_text
    source_words = {w.casefold() for w in re.findall(r"[A-Za-z]+", m.source)}
    strays = [w for w in re.findall(r"(?<![\w-])[A-Za-z]{2,}(?![\w-])", text) if w.casefold() not in source_words]
    name = Locale.parse(m.language).english_name
    problems = [f"Latin-script words in {name} text: {', '.join(strays[:5])}"] if strays else []
    letters = [c for c in text if c.isalpha()]
    if m.language == "kk" and len(letters) >= 40 and not KAZAKH_LETTERS & set(letters):
        problems.append("no Kazakh letter (ә ғ қ ң ө ұ ү һ і): Russian left in?")
    return problems


CHECKS = {
    "numbers": ("error", check_numbers),
    "glossary": ("error", check_glossary),
    "quotes": ("error", check_quotes),
    "markup": ("error", check_markup),
    "script": ("error", check_script),
    "whitespace": ("warning", check_whitespace),
    "punctuation": ("warning", check_punctuation),
    "identical": ("warning", check_identical),
    "length": ("warning", check_length),
}


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str
    message: str


def run_checks(message: Message, flags: list[str] = ()) -> list[Finding]:
    """Every finding on one message, but for the checks its flags silence."""
    return [Finding(name, severity, text)
            for name, (severity, check) in CHECKS.items() if IGNORE_FLAG + name not in flags
            for text in check(message)]
