"""Consistency across the project: checks over every translation of a language at once."""

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from l10n_article.translate.quality.checks import Check

MIN_WORDS = 3  # shorter texts ("Newsletter") may well be translated alike for different sources


@dataclass(frozen=True)
class Translated:
    """One translated entry of one catalog, as the project-wide checks see it."""

    path: Path
    line: int
    language: str
    domain: str
    msgid: str
    msgstr: str
    draft: bool
    suppressed: frozenset[str]


@dataclass(frozen=True)
class Inconsistency:
    """A project-wide finding on one entry."""

    entry: Translated
    check: Check
    message: str


def _where(entry: Translated) -> str:
    return f"{entry.path}:{entry.line}"


def check_same_source(entries: list[Translated]) -> list[tuple[Translated, str]]:
    """The same source text translated differently in two places (two articles, or an article and
    the pages): a reader sees two names for one thing. Make them agree, or silence the check on
    the entry whose context wants another wording."""
    groups: dict[tuple[str, str], list[Translated]] = defaultdict(list)
    for entry in entries:
        groups[(entry.language, entry.msgid)].append(entry)
    return [(entry, f"translated differently at {_where(first)}: {first.msgstr!r}")
            for group in groups.values() for first in group[:1] for entry in group[1:]
            if entry.msgstr != first.msgstr]


def check_same_translation(entries: list[Translated]) -> list[tuple[Translated, str]]:
    """Two different source texts given the same translation: one of them is likely a copy of
    the other's translation, pasted in the wrong place."""
    groups: dict[tuple[str, str], list[Translated]] = defaultdict(list)
    for entry in entries:
        if len(entry.msgstr.split()) >= MIN_WORDS:
            groups[(entry.language, entry.msgstr)].append(entry)
    return [(entry, f"same translation as at {_where(first)}, whose source differs: {first.msgid!r}")
            for group in groups.values() for first in group[:1] for entry in group[1:]
            if entry.msgid != first.msgid]


PROJECT_CHECKS = {check.name: check for check in (Check("consistency", "warning", check_same_source),
                                                   Check("same-translation", "warning", check_same_translation))}


def check_consistency(entries: list[Translated]) -> list[Inconsistency]:
    """Every project-wide finding on ``entries``, but on entries that silence the check."""
    return [Inconsistency(entry, check, message)
            for check in PROJECT_CHECKS.values()
            for entry, message in check.function(entries) if check.name not in entry.suppressed]
