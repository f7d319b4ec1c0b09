"""Cosmetic or material: what an edit of an already translated source text changes for readers.

An edit is *material* when it changes a fact a reader could act on: a number or an amount (with
its scale and currency), a date, a name of the term base, the words of a quotation, or a
negation. Spelling, punctuation and wording that keep all of these are *cosmetic*: the last
reviewed translation still says the same thing. Both texts are read without their Markdown.
"""

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from babel import Locale

from l10n_article.translate.quality.dates import find_dates
from l10n_article.translate.quality.glossary import Term, appears_in_source
from l10n_article.translate.quality.languages import Language, language
from l10n_article.translate.quality.numbers import numbers
from l10n_article.translate.source.inline import plain_text

# Words that turn a statement into its opposite. Negation bound into a word's ending (Kazakh -ма,
# -ме, -ба…) is not seen: such an edit changes a word, and counts as cosmetic unless a fact moves.
NEGATIONS = {
    "fr": {"ne", "n", "pas", "jamais", "aucun", "aucune", "rien", "sans", "ni", "non", "nullement", "guère"},
    "en": {"not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "cannot", "t"},
    "ru": {"не", "нет", "ни", "никогда", "ничего", "никто", "никакой", "без", "нельзя"},
    "kk": {"жоқ", "емес", "ешқашан", "ешкім", "ештеңе", "ешбір", "онсыз"},
    "de": {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "nichts", "ohne", "weder"},
}
CURRENCY_SYMBOLS = "€$£¥₸₽₴₺₹"
_WORDS = re.compile(r"\w+", re.UNICODE)
_NEAR = 40  # characters after a number in which its scale and currency are read


class ChangeKind(StrEnum):
    COSMETIC = "cosmetic"  # the last reviewed translation still tells the same facts
    MATERIAL = "material"  # a number, date, amount, name, quotation or negation changed


@dataclass(frozen=True, order=True)
class Fact:
    """One fact a text states: its kind (number, date, name, quotation, negation) and value."""

    kind: str
    value: str


@dataclass(frozen=True)
class SourceChange:
    """How ``current`` differs from ``previous``: the kind of change, the words removed and added,
    and the facts that only one of the two texts states."""

    kind: ChangeKind
    removed_words: tuple[str, ...]
    added_words: tuple[str, ...]
    removed_facts: tuple[Fact, ...]
    added_facts: tuple[Fact, ...]

    @property
    def material(self) -> bool:
        return self.kind == ChangeKind.MATERIAL


def _currency_words(code: str) -> tuple[str, ...]:
    """The first word of each currency name CLDR gives in ``code`` (euro, dollar, евро, теңге)."""
    names = Locale.parse(code).currencies.values()
    return tuple(sorted({name.split()[0].casefold() for name in names if len(name.split()[0]) >= 4}))


def _amount(text: str, end: int, lang: Language, currencies: tuple[str, ...]) -> str:
    """The scale (billion) and currency (euro, €) read right after a number ending at ``end``."""
    after = text[end:end + _NEAR].casefold()
    scale = next((meaning for meaning, words in lang.scales.items()
                  if any(re.match(rf"\s*{re.escape(word.casefold())}", after) for word in words)), "")
    words = _WORDS.findall(after)[:4]
    currency = next((word for word in words for name in currencies if word.startswith(name)), "")
    symbol = next((char for char in after[:3] + text[max(0, end - 20):end][-3:] if char in CURRENCY_SYMBOLS), "")
    return " ".join(part for part in (scale, currency or symbol) if part)


def _dates_and_numbers(text: str, lang: Language) -> list[Fact]:
    facts = []
    for found in find_dates(text, lang):
        facts.append(Fact("date", found.day.isoformat() if found.day else found.text))
        text = text[:found.start] + " " * (found.end - found.start) + text[found.end:]
    currencies = _currency_words(lang.code)
    for number in numbers(text, lang):
        unit = _amount(text, number.end, lang, currencies)
        facts.append(Fact("number", f"{number.value.normalize():f} {unit}".strip()))
    return facts


def _quotations(text: str, lang: Language) -> list[Fact]:
    pairs = {("«", "»"), ("“", "”"), ("„", "“"), ('"', '"')}
    if lang.quotes:
        pairs |= {(lang.quotes.start, lang.quotes.end), (lang.quotes.inner_start, lang.quotes.inner_end)}
    facts = []
    for start, end in sorted(pairs):
        for found in re.finditer(rf"{re.escape(start)}(.+?){re.escape(end)}", text):
            facts.append(Fact("quotation", " ".join(_WORDS.findall(found.group(1).casefold()))))
    return facts


def facts(text: str, source_language: str, glossary: Iterable[Term] = ()) -> Counter[Fact]:
    """The facts ``text`` (inline Markdown in ``source_language``) states, each with its count."""
    plain = plain_text(text)
    lang = language(source_language)
    found = _dates_and_numbers(plain, lang) + _quotations(plain, lang)
    for term in glossary:
        form = term.forms.get(source_language, "")
        if form and appears_in_source(form, plain):
            found.append(Fact("name", form))
    negations = NEGATIONS.get(source_language, NEGATIONS.get(lang.code.split("_")[0], set()))
    found += [Fact("negation", word) for word in _WORDS.findall(plain.casefold()) if word in negations]
    return Counter(found)


def changed_words(previous: str, current: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of ``previous`` that ``current`` no longer has, and the words it adds."""
    old, new = plain_text(previous).split(), plain_text(current).split()
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation != "equal":
            removed += old[old_start:old_end]
            added += new[new_start:new_end]
    return tuple(removed), tuple(added)


def classify_change(previous: str, current: str, source_language: str,
                    glossary: Iterable[Term] = ()) -> SourceChange:
    """Whether the edit of a source text from ``previous`` to ``current`` is cosmetic or material,
    with the words and the facts it changed (``glossary``: the term base, whose names count)."""
    terms = tuple(glossary)
    before = facts(previous, source_language, terms)
    after = facts(current, source_language, terms)
    removed, added = changed_words(previous, current)
    kind = ChangeKind.COSMETIC if before == after else ChangeKind.MATERIAL
    return SourceChange(kind, removed, added, tuple(sorted((before - after).elements())),
                        tuple(sorted((after - before).elements())))
