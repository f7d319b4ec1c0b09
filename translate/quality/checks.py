"""Quality checks on translated entries, each a small function over one message.

A check returns messages (an empty list when all is well); ``CHECKS`` lists them with their
severity, and each check's docstring says what it finds, in a translator's words: together they
are the catalogue of checks. A translator silences checks on one entry with a translator comment
``# l10n: ignore identical`` (see ``suppressions``).
"""

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from babel import Locale

from l10n_article.translate.quality.glossary import appears_in_source, appears_in_translation
from l10n_article.translate.quality.message import Message
from l10n_article.translate.quality.numbers import check_numbers
from l10n_article.translate.quality.placeholders import check_python_format
from l10n_article.translate.source.markdown import shared_parser

__all__ = ["CHECKS", "Finding", "Message", "run_checks"]

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
QUOTES = {"en": ("“", "”"), "ru": ("«", "»"), "kk": ("«", "»"), "fr": ("«", "»")}
LENGTH_RATIO = (0.5, 2.0)


def check_glossary(m: Message) -> list[str]:
    """A term of the term base (locales/glossary.csv) whose form in your language is missing from
    the translation. Declined forms count: Токаева, Самарқандта."""
    problems = []
    for term in m.glossary:
        source, target = term.forms.get(m.source_language), term.forms.get(m.language)
        if source and target and appears_in_source(source, m.source) \
                and not appears_in_translation(target, m.translation_text, m.language):
            problems.append(f"{source!r} should be translated as {target!r} (glossary)")
    return problems


def check_quotes(m: Message) -> list[str]:
    """Quotation marks of another typography than your language's (English “ ”, Russian and
    Kazakh « »), straight quotes ("), or French spacing before : ; ! ? in English."""
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
    """Spaces at the start or end of the translation unlike the source's, or a doubled space."""
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
    """The translation ends with other punctuation than the source (a full stop lost, a question
    mark turned into a full stop)."""
    source, target = _end(m.source), _end(m.translation)
    if source != target:
        return [f"ends with {target or 'no punctuation'!r} where the source ends with {source or 'none'!r}"]
    return []


def check_identical(m: Message) -> list[str]:
    """The translation is the source copied unchanged. Names only (António Costa, a term of the
    term base) are let through: they may well be the same in both languages."""
    if m.language == m.source_language or m.translation != m.source:
        return []
    words = re.findall(r"[^\W\d_]+", m.source)
    names = {term.forms.get(m.source_language) for term in m.glossary}
    if all(word[0].isupper() for word in words) and (len(words) > 1 or m.source in names):
        return []
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
    """Markdown of the source lost or added in the translation: *emphasis*, **strong emphasis**,
    [links](…), `code spans`, images."""
    source, target = _markup(m.source), _markup(m.translation)
    return [f"{name}: {source.get(name, 0)} in the source, {target.get(name, 0)} in the translation"
            for name in sorted(set(source) | set(target)) if source.get(name, 0) != target.get(name, 0)]


def check_length(m: Message) -> list[str]:
    """A translation less than half or more than twice as long as the source (sources of 20
    characters or more): a sentence left out, or one translated twice."""
    if len(m.source) < 20:
        return []
    ratio = len(m.translation) / len(m.source)
    low, high = LENGTH_RATIO
    if not low <= ratio <= high:
        return [f"translation is {ratio:.1f} times as long as the source"]
    return []


def check_script(m: Message) -> list[str]:
    """Latin-script words in Russian or Kazakh that the source does not have, and Kazakh text with
    none of the letters ә ғ қ ң ө ұ ү һ і (Russian left in)."""
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


Check = Callable[[Message], list[str]]
CHECKS: dict[str, tuple[str, Check]] = {
    "numbers": ("error", check_numbers),
    "glossary": ("error", check_glossary),
    "quotes": ("error", check_quotes),
    "markup": ("error", check_markup),
    "script": ("error", check_script),
    "python-format": ("error", check_python_format),
    "whitespace": ("warning", check_whitespace),
    "punctuation": ("warning", check_punctuation),
    "identical": ("warning", check_identical),
    "length": ("warning", check_length),
}


@dataclass(frozen=True)
class Finding:
    """One problem a check found on one translation."""

    check: str
    severity: str
    message: str


def run_checks(message: Message, suppressed: Collection[str] = frozenset()) -> list[Finding]:
    """Every finding on one message, but for the checks named in ``suppressed``."""
    return [Finding(name, severity, text)
            for name, (severity, check) in CHECKS.items() if name not in suppressed
            for text in check(message)]
