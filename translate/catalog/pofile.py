"""Catalogs: reading PO/POT files strictly, making templates, and writing them as GNU gettext does."""

import re
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import polib
from babel import Locale
from babel.messages.plurals import get_plural

from l10n_article.translate import __version__
from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import decode, read_text, rewrite, write_if_changed
from l10n_article.translate.catalog.format import format_catalog
from l10n_article.translate.catalog.syntax import Message, check_syntax

GENERATOR = f"l10n {__version__}"
TEMPLATE_FIELDS = {
    "Project-Id-Version": "",
    "Report-Msgid-Bugs-To": "",
    "POT-Creation-Date": "",
    "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
    "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
    "Language-Team": "LANGUAGE <LL@li.org>",
    "Language": "",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=INTEGER; plural=EXPRESSION;",
    "X-Generator": GENERATOR,
}


def now() -> str:
    """A header timestamp, in the form xgettext and msginit write."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M+0000")


def plural_forms(language: str) -> str:
    """The Plural-Forms header for ``language``, from CLDR's data in Babel."""
    return get_plural(Locale.parse(language)).plural_forms


def header_line(text: str, field: str) -> int | None:
    """The line of the file where header ``field`` is written, for error messages."""
    for number, line in enumerate(text.split("\n"), start=1):
        if re.match(rf'\s*(msgstr\s+)?"{re.escape(field)}:', line):
            return number
    return None


def read_catalog(path: Path, language: str | None = None) -> polib.POFile:
    """Read a PO or POT file; raise L10nError at the line of the first problem.

    With ``language``, the file's Language header must name it (a catalog in the wrong folder
    would otherwise be published as another language).
    """
    return parse_catalog(read_text(path), path, language)


def parse_catalog(text: str, path: Path, language: str | None = None) -> polib.POFile:
    """The catalog in ``text`` (read from ``path``), checked as ``read_catalog`` checks a file."""
    messages = check_syntax(text, path)
    catalog = polib.pofile(text, wrapwidth=79)
    catalog.fpath = str(path)
    _decode_escapes(catalog, messages)
    if language is not None:
        declared = catalog.metadata.get("Language", "").strip()
        if declared.replace("-", "_") != language:
            raise L10nError(f"Language header says {declared or 'nothing'!r} but the catalog is in the "
                            f"folder of {language!r}", path, header_line(text, "Language") or 1)
    return catalog


def _decode_escapes(catalog: polib.POFile, messages: list[Message]) -> None:
    """Give entries the strings msgfmt reads where polib leaves an escape undecoded (octal or hex
    bytes such as ``\\342\\200\\224``, ``\\a``): ``messages`` are the file's entries in order,
    the header (which polib takes out of the list) included."""
    if not any(message.beyond_polib for message in messages):
        return
    header = next((m for m in messages if not m.obsolete and m.msgid == ""), None)
    entries = [m for m in messages if m is not header]
    for entry, message in zip(catalog, entries):
        if message.beyond_polib:
            entry.msgctxt, entry.msgid, entry.msgid_plural = message.msgctxt, message.msgid, message.msgid_plural
            entry.msgstr, entry.msgstr_plural = message.msgstr, dict(message.msgstr_plural)


def write_catalog(catalog: polib.POFile, path: Path) -> bool:
    """Write atomically, in GNU gettext's layout; say whether the file changed."""
    return write_if_changed(path, format_catalog(catalog))


def save_catalog(path: Path, language: str,
                 produce: Callable[[polib.POFile | None], polib.POFile]) -> tuple[bool, polib.POFile]:
    """Write ``produce(the catalog as it is on disk)``, safe against a translator's save meanwhile;
    return whether the file changed, and the catalog it now holds.

    ``produce`` gets the file's current catalog (None when there is none yet) and returns the new
    one; should the file change before it is replaced, ``produce`` runs again on the new content,
    so that what the translator saved is merged, never overwritten.
    """
    made: list[polib.POFile] = []

    def make(data: bytes | None) -> bytes:
        current = None if data is None else parse_catalog(decode(data, path), path, language)
        made[:] = [produce(current)]
        return format_catalog(made[0]).encode("utf-8")
    changed = rewrite(path, make)
    return changed, made[0]


def new_template(domain: str, entries: list[polib.POEntry], description: str) -> polib.POFile:
    """A POT from extracted entries; identical texts merge as xgettext merges them."""
    template = polib.POFile(wrapwidth=79)
    template.header = (f"Translations template for {description}.\n"
                       f"This file is generated by l10n extract: translate in the PO files, not here.")
    template.metadata = dict(TEMPLATE_FIELDS, **{"Project-Id-Version": domain, "POT-Creation-Date": now()})
    template.metadata_is_fuzzy = ["fuzzy"]
    merged: dict[tuple, polib.POEntry] = {}
    for entry in entries:
        key = (entry.msgctxt, entry.msgid)
        if key not in merged:
            merged[key] = entry
            template.append(entry)
            continue
        kept = merged[key]
        kept.occurrences += [o for o in entry.occurrences if o not in kept.occurrences]
        comments = kept.comment.split("\n") if kept.comment else []
        kept.comment = "\n".join(comments + [c for c in entry.comment.split("\n") if c and c not in comments])
    return template


def write_template(template: polib.POFile, path: Path) -> bool:
    """Write the POT unless only its creation date would change (so committed files do not churn)."""
    if path.exists():
        old = read_catalog(path)
        date = template.metadata["POT-Creation-Date"]
        template.metadata["POT-Creation-Date"] = old.metadata.get("POT-Creation-Date", date)
        if format_catalog(template) == read_text(path):
            return False
        template.metadata["POT-Creation-Date"] = date
    return write_catalog(template, path)


def new_catalog(template: polib.POFile, language: str) -> polib.POFile:
    """An empty translation catalog for ``language``, with the header msginit would write."""
    catalog = polib.POFile(wrapwidth=79)
    name = Locale.parse(language).get_display_name("en")
    project = template.metadata.get("Project-Id-Version", "")
    catalog.header = f"{name} translation of {project}."
    catalog.metadata = dict(TEMPLATE_FIELDS, **{
        "Project-Id-Version": project,
        "POT-Creation-Date": template.metadata.get("POT-Creation-Date", ""),
        "PO-Revision-Date": now(),
        "Last-Translator": "Automatically generated",
        "Language-Team": "none",
        "Language": language,
        "Plural-Forms": plural_forms(language),
    })
    return catalog
