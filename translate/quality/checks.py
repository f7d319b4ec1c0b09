"""Quality checks on translated entries, each a small function over one message.

A check returns messages (an empty list when all is well); ``CHECKS`` lists them with their
severity, and each check's docstring says what it finds, in a translator's words: together they
are the catalogue of checks that ``l10n check --list`` prints. A language's data file may lower a
check's severity (``[severity] spelling = "advisory"`` where its dictionary is weak). A translator
silences checks on one entry with a translator comment ``# l10n: ignore identical`` (see
``suppressions``).
"""

import inspect
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from l10n_article.translate.quality.characters import check_invisible, check_mixed_scripts, check_script
from l10n_article.translate.quality.glossary import appears_in_source, appears_in_translation
from l10n_article.translate.quality.languages import language
from l10n_article.translate.quality.limits import check_max_length
from l10n_article.translate.quality.message import Message
from l10n_article.translate.quality.numbers import check_numbers
from l10n_article.translate.quality.placeholders import check_python_format
from l10n_article.translate.quality.spelling import check_spelling
from l10n_article.translate.quality.structure import (check_brackets, check_doubled_words, check_links,
                                                      check_markup, check_sentences)
from l10n_article.translate.quality.typography import QUOTE_MARKS, check_typography

__all__ = ["CHECKS", "Check", "Finding", "Message", "run_checks"]

LENGTH_RATIO = (0.5, 2.0)
SEVERITIES = ("error", "warning", "advisory")


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
    Kazakh « », German „ “, from CLDR), straight quotes ("), inner marks used outside, or French
    spacing before : ; ! ? in a language that does not space them."""
    lang = language(m.language)
    text = m.translation_text
    problems = []
    if '"' in text:
        problems.append('straight quotation marks (") instead of typographic ones (l10n check --fix replaces them)')
    if lang.quotes is not None:
        q = lang.quotes
        foreign = sorted({char for char in text if char in QUOTE_MARKS} - {q.start, q.end, q.inner_start, q.inner_end})
        if foreign:
            problems.append(f"{' '.join(foreign)} quotation marks: {lang.name} uses {q.start} {q.end}")
        elif (q.inner_start, q.inner_end) != (q.start, q.end) and q.inner_start in text and q.start not in text:
            problems.append(f"{q.inner_start} {q.inner_end} are {lang.name}'s marks for a quotation inside a "
                            f"quotation: use {q.start} {q.end}")
    if not lang.typography.space_before and re.search(r"[\w”’)]\s+[:;!?](\s|$)", text):
        problems.append(f"space before : ; ! or ? (French spacing) in {lang.name}")
    return problems


def check_whitespace(m: Message) -> list[str]:
    """Spaces at the start or end of the translation unlike the source's (doubled spaces inside are
    the typography check's)."""
    problems = []
    for side, strip in (("leading", str.lstrip), ("trailing", str.rstrip)):
        source_space = len(m.source) - len(strip(m.source))
        target_space = len(m.translation) - len(strip(m.translation))
        if source_space != target_space:
            problems.append(f"{side} white space differs from the source")
    return problems


def _end(text: str) -> str:
    stripped = text.rstrip().rstrip("»”’\"')]*_` \u00a0\u202f")
    return stripped[-1] if stripped and stripped[-1] in ".!?:;…" else ""


def check_punctuation(m: Message) -> list[str]:
    """The translation ends with other punctuation than the source (a full stop lost, a question
    mark turned into a full stop)."""
    source, target = _end(m.source), _end(m.translation)
    if source == target:
        return []
    if not target:
        return [f"the source ends with {source!r}, the translation with no punctuation"]
    if not source:
        return [f"the translation ends with {target!r}, the source with no punctuation"]
    return [f"the translation ends with {target!r} where the source ends with {source!r}"]


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


@dataclass(frozen=True)
class Check:
    """A check, its severity, and what it finds (its docstring, which ``l10n check --list`` prints)."""

    name: str
    severity: str
    function: Callable[..., list]

    @property
    def summary(self) -> str:
        """The first paragraph of the check's docstring, on one line."""
        return " ".join((inspect.getdoc(self.function) or "").split("\n\n")[0].split())

    def severity_in(self, code: str) -> str:
        """The check's severity in the language ``code`` (its data file may lower it)."""
        return language(code).severity.get(self.name, self.severity)


def _registry(*checks: Check) -> dict[str, Check]:
    return {check.name: check for check in checks}


CHECKS = _registry(
    Check("numbers", "error", check_numbers),
    Check("glossary", "error", check_glossary),
    Check("quotes", "error", check_quotes),
    Check("markup", "error", check_markup),
    Check("links", "error", check_links),
    Check("script", "error", check_script),
    Check("mixed-scripts", "error", check_mixed_scripts),
    Check("invisible", "error", check_invisible),
    Check("python-format", "error", check_python_format),
    Check("max-length", "error", check_max_length),
    Check("brackets", "warning", check_brackets),
    Check("sentences", "warning", check_sentences),
    Check("doubled-words", "warning", check_doubled_words),
    Check("typography", "warning", check_typography),
    Check("spelling", "warning", check_spelling),
    Check("whitespace", "warning", check_whitespace),
    Check("punctuation", "warning", check_punctuation),
    Check("identical", "warning", check_identical),
    Check("length", "warning", check_length),
)


@dataclass(frozen=True)
class Finding:
    """One problem a check found on one translation."""

    check: str
    severity: str
    message: str


def run_checks(message: Message, suppressed: Collection[str] = frozenset()) -> list[Finding]:
    """Every finding on one message, but for the checks named in ``suppressed``."""
    return [Finding(check.name, check.severity_in(message.language), text)
            for check in CHECKS.values() if check.name not in suppressed
            for text in check.function(message)]
