"""Which checks a translator has silenced on an entry.

A translator comment ``# l10n: ignore identical`` (several checks: ``# l10n: ignore identical,
length``) silences the named checks on that entry. Translator comments are kept by every gettext
tool (msgmerge, msgcat, Poedit, Lokalize, Weblate), unlike unknown flags, which msgmerge and
msgcat drop; the older flag form ``#, l10n-ignore-identical`` is still read.
"""

import re

import polib

COMMENT = re.compile(r"^\s*l10n:\s*ignore\s+(.*?)\s*$", re.MULTILINE)
FLAG = "l10n-ignore-"


def suppressed_checks(entry: polib.POEntry) -> frozenset[str]:
    """The names of the checks silenced on ``entry``, by translator comment or by the older flag."""
    named = {name.strip() for found in COMMENT.findall(entry.tcomment or "") for name in found.split(",")}
    named |= {flag.removeprefix(FLAG) for flag in entry.flags if flag.startswith(FLAG)}
    return frozenset(named - {""})
