"""The msgmerge rules, in one place: bring a translator's catalog up to date with its template.

- an unchanged source text keeps its translation, comments and flags;
- an edited source text keeps the closest old translation, marked fuzzy, with the old text as
  the previous msgid (``#|``), as GNU msgmerge's fuzzy matching does;
- a removed source text becomes obsolete (``#~``) when it had a translation;
- a new source text arrives untranslated.
"""

import copy
import difflib
import re

import polib

from l10n_article.translate.catalog.pofile import new_catalog, plural_forms
from l10n_article.translate.catalog.progress import has_text

FUZZY_THRESHOLD = 0.6  # GNU msgmerge's


def _key(entry: polib.POEntry) -> tuple:
    return (entry.msgctxt, entry.msgid)


def nplurals(plural_forms: str) -> int:
    """The number of plural forms a ``Plural-Forms`` header declares (2 when it says nothing usable)."""
    match = re.search(r"nplurals\s*=\s*(\d+)", plural_forms or "")
    return int(match.group(1)) if match else 2


def _from_template(source: polib.POEntry, old: polib.POEntry | None, forms: int) -> polib.POEntry:
    """The template's entry carrying what the translator owns in ``old``."""
    entry = copy.copy(source)
    entry.flags = list(source.flags)
    entry.msgstr_plural = {index: "" for index in range(forms)} if source.msgid_plural else {}
    if old is not None:
        entry.msgstr = old.msgstr
        entry.msgstr_plural = dict(old.msgstr_plural) if source.msgid_plural else {}
        entry.tcomment = old.tcomment
        entry.flags += [flag for flag in old.flags if flag not in entry.flags]
        entry.previous_msgid = old.previous_msgid
        entry.previous_msgctxt = old.previous_msgctxt
        entry.previous_msgid_plural = old.previous_msgid_plural
    entry.obsolete = False
    return entry


def _closest(msgid: str, candidates: dict[str, polib.POEntry]) -> polib.POEntry | None:
    match = difflib.get_close_matches(msgid, list(candidates), n=1, cutoff=FUZZY_THRESHOLD)
    return candidates[match[0]] if match else None


def merge(template: polib.POFile, old: polib.POFile | None, language: str) -> polib.POFile:
    """A new catalog: ``template``'s entries in order, with ``old``'s translations carried over."""
    result = new_catalog(template, language)
    if old is None:
        old = polib.POFile()
    else:
        result.header = old.header
        result.metadata = dict(old.metadata)
        result.metadata["POT-Creation-Date"] = template.metadata.get("POT-Creation-Date", "")
        result.metadata.setdefault("Plural-Forms", plural_forms(language))
        result.metadata_is_fuzzy = old.metadata_is_fuzzy
    active = {_key(e): e for e in old if not e.obsolete}
    obsolete = {_key(e): e for e in old if e.obsolete}
    translated = {e.msgid: e for e in old if not e.obsolete and has_text(e)}
    used: set[tuple] = set()
    forms = nplurals(result.metadata.get("Plural-Forms", ""))
    for source in template:
        key = _key(source)
        exact = active.get(key) or obsolete.get(key)
        if exact is not None:
            used.add(key)
            result.append(_from_template(source, exact, forms))
            continue
        closest = _closest(source.msgid, translated)
        entry = _from_template(source, closest, forms)
        if closest is not None:
            used.add(_key(closest))
            entry.previous_msgid = closest.msgid
            entry.previous_msgctxt = closest.msgctxt
            if "fuzzy" not in entry.flags:
                entry.flags.insert(0, "fuzzy")
        result.append(entry)
    for entry in old:
        if _key(entry) in used or not (entry.obsolete or has_text(entry)):
            continue
        gone = copy.copy(entry)
        gone.obsolete = True
        gone.occurrences = []
        gone.comment = ""
        result.append(gone)
    return result
