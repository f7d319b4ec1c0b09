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


def _carried(source: polib.POEntry, old: polib.POEntry, forms: int) -> tuple[str, dict[int, str]]:
    """The old translation in the template entry's shape (msgstr, msgstr[N]), as msgmerge carries
    it: a singular fills every plural form, a plural gives its first form to a singular."""
    if source.msgid_plural:
        if old.msgid_plural:
            return "", dict(old.msgstr_plural)
        return "", {index: old.msgstr for index in range(forms)}
    return (old.msgstr_plural.get(0, "") if old.msgid_plural else old.msgstr), {}


def _from_template(source: polib.POEntry, old: polib.POEntry | None, forms: int, matched: bool) -> polib.POEntry:
    """The template's entry carrying what the translator owns in ``old``; ``matched`` when ``old``
    has the same msgctxt and msgid (otherwise it is the closest, found by fuzzy matching).

    Like msgmerge, an entry is fuzzy when it was found by fuzzy matching or changed between
    singular and plural (or plural text); its previous source text (``#|``) is the old entry's own
    when that was fuzzy already, else the old entry's msgctxt, msgid and msgid_plural."""
    entry = copy.copy(source)
    entry.flags = list(source.flags)
    entry.msgstr_plural = {index: "" for index in range(forms)} if source.msgid_plural else {}
    entry.obsolete = False
    if old is None:
        return entry
    entry.msgstr, entry.msgstr_plural = _carried(source, old, forms)
    entry.tcomment = old.tcomment
    # A format flag (python-format, no-c-format…) describes the source text: msgmerge takes it from
    # the template; the translator's other flags (no-wrap, fuzzy…) stay.
    entry.flags += [flag for flag in old.flags if flag not in entry.flags and not flag.endswith("-format")]
    changed = not matched or (source.msgid_plural or None) != (old.msgid_plural or None)
    previous = (old.previous_msgctxt, old.previous_msgid, old.previous_msgid_plural)
    if changed and "fuzzy" not in old.flags:
        previous = (old.msgctxt, old.msgid, old.msgid_plural or None)
        entry.flags.insert(0, "fuzzy")
    entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural = previous
    return entry


def _closest(msgid: str, candidates: dict[str, polib.POEntry]) -> polib.POEntry | None:
    """The candidate closest to ``msgid`` above msgmerge's threshold, as ``difflib.get_close_matches``
    chooses it but without its "autojunk" heuristic, which ignores frequent characters in strings
    over 200 characters and so misses edited paragraphs (cpython#90825; Babel does the same).

    The exact ratio is costly: candidates are tried from the highest upper bound (``quick_ratio``)
    down, and the search stops where no candidate left can beat the best one found."""
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(msgid)
    bounds = []
    for text in candidates:
        matcher.set_seq1(text)
        if matcher.real_quick_ratio() >= FUZZY_THRESHOLD and (bound := matcher.quick_ratio()) >= FUZZY_THRESHOLD:
            bounds.append((bound, text))
    best: tuple[float, str] | None = None
    for bound, text in sorted(bounds, reverse=True):
        if best is not None and bound < best[0]:
            break
        matcher.set_seq1(text)
        if (score := matcher.ratio()) >= FUZZY_THRESHOLD and (best is None or (score, text) > best):
            best = (score, text)
    return candidates[best[1]] if best else None


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
            result.append(_from_template(source, exact, forms, matched=True))
            continue
        closest = _closest(source.msgid, translated)
        if closest is not None:
            used.add(_key(closest))
        result.append(_from_template(source, closest, forms, matched=False))
    for entry in old:
        if _key(entry) in used or not (entry.obsolete or has_text(entry)):
            continue
        gone = copy.copy(entry)
        gone.obsolete = True
        gone.occurrences = []
        gone.comment = ""
        result.append(gone)
    return result
