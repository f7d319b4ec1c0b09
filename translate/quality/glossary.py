"""The term base: each proper name and key term in every language.

Either ``locales/glossary.csv``, with one column per language code (``fr,en,ru,kk``) and an
optional ``note`` column, one row per term (spreadsheets and Weblate read it as is); or
``locales/glossary.tbx``, the TermBase eXchange file CAT tools export (TBX-Basic and TBX v3:
one ``termEntry``/``conceptEntry`` per term, one ``langSet``/``langSec`` per language).
"""

import csv
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import read_text

INFLECTED = {"ru", "kk", "uk", "be", "pl", "cs", "fi", "hu", "tr", "ky", "uz"}


@dataclass(frozen=True)
class Term:
    """One term in every language the term base gives, with its note and line (0 in a TBX file)."""

    forms: dict[str, str]  # language → form
    note: str = ""
    line: int = 0


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BOM = "\ufeff"  # Excel's "CSV UTF-8" begins the file with one


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _load_tbx(path: Path, text: str) -> list[Term]:
    """The terms of a TBX file: one per ``termEntry`` (TBX-Basic) or ``conceptEntry`` (TBX v3)."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise L10nError(f"invalid TBX: {exc}", path, exc.position[0]) from exc
    terms = []
    for entry in (e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")):
        forms = {}
        for language_set in (e for e in entry if _local(e.tag) in ("langSet", "langSec")):
            term = next((e for e in language_set.iter() if _local(e.tag) == "term"), None)
            language = language_set.get(XML_LANG)
            if term is not None and term.text and language:
                forms[language.replace("-", "_")] = term.text.strip()
        note = next((e.text or "" for e in entry.iter() if _local(e.tag) in ("descrip", "note")), "")
        terms.append(Term(forms, note.strip()))
    return terms


def find_glossary(folder: Path) -> Path | None:
    """``glossary.csv`` or ``glossary.tbx`` in ``folder``, whichever exists."""
    return next((path for path in (folder / "glossary.csv", folder / "glossary.tbx") if path.exists()), None)


def load_glossary(path: Path | None) -> list[Term]:
    """The terms of a CSV or TBX term base (none without a file); L10nError at a damaged line."""
    if path is None or not path.exists():
        return []
    text = read_text(path).removeprefix(BOM)
    if path.suffix == ".tbx":
        return _load_tbx(path, text)
    lines = io.StringIO(text, newline="").readlines()
    rows = csv.DictReader(lines, strict=True)
    terms: list[Term] = []
    done = 0  # the last line of the rows read so far
    try:
        if not rows.fieldnames or len([f for f in rows.fieldnames if f != "note"]) < 2:
            raise L10nError("a glossary needs a header row naming at least two languages (e.g. fr,en,ru,kk)", path, 1)
        done = rows.line_num
        for row in rows:
            terms.append(_term(row, path, rows.line_num))
            done = rows.line_num
    except csv.Error as exc:
        raise _csv_error(exc, lines, done, path) from exc
    return terms


def _term(row: dict, path: Path, line: int) -> Term:
    if None in row:
        raise L10nError("more cells than the header has columns", path, line)
    forms = {language: (value or "").strip() for language, value in row.items() if language != "note"}
    return Term({k: v for k, v in forms.items() if v}, (row.get("note") or "").strip(), line)


def _csv_error(exc: csv.Error, lines: list[str], done: int, path: Path) -> L10nError:
    """The one-line error for a row the csv module cannot read; ``done`` is the last line of the
    rows read before it."""
    if "field larger than field limit" in str(exc):
        return L10nError(f"a cell longer than {csv.field_size_limit():,} characters", path, done + 1)
    if "unexpected end of data" in str(exc):
        return L10nError('a quotation mark (") opened here is never closed', path, _unclosed_quote(lines, done))
    return L10nError(f"not a CSV row: {exc}", path, done + 1)


def _unclosed_quote(lines: list[str], done: int) -> int:
    """The line where the quoted cell that runs to the end of the file opens, reading the rows
    after line ``done`` as the csv module does (a quote opens a cell only at its start, ``""``
    inside it is a quotation mark, a lone one closes it)."""
    opened, quoted, cell_start = done + 1, False, True
    for number, line in enumerate(lines[done:], start=done + 1):
        escaped = False
        for index, char in enumerate(line):
            if escaped:
                escaped = False
            elif quoted and char == '"':
                escaped = line[index + 1:index + 2] == '"'
                quoted = escaped
            elif char == '"' and cell_start:
                quoted, opened = True, number
            cell_start = not quoted and char in ",\r\n"
    return opened


def stem(word: str, language: str) -> str:
    """Enough of a word to recognise its inflected forms (Токаев → Токаева, Самарқанд → Самарқандта)."""
    if language not in INFLECTED or len(word) <= 3:
        return word
    return word[:max(3, len(word) - 2)]


def variants(cell: str) -> list[str]:
    """The forms a term base cell lists, separated by ``|``, the dictionary form first
    (``Самарканд|Самарканде``)."""
    return [form.strip() for form in cell.split("|") if form.strip()]


def appears_in_source(form: str, text: str) -> bool:
    """One of the cell's forms stands in ``text`` as whole words."""
    return any(re.search(rf"(?<!\w){re.escape(variant)}(?!\w)", text, re.IGNORECASE) is not None
               for variant in variants(form))


def appears_in_translation(form: str, text: str, language: str) -> bool:
    """Every word of one of the cell's forms begins a word of ``text`` (so declined forms count)."""
    return any(_words_begin(variant, text, language) for variant in variants(form))


def _words_begin(form: str, text: str, language: str) -> bool:
    words = [w.casefold() for w in re.findall(r"\w+", text)]
    return all(any(w.startswith(stem(part.casefold(), language)) for w in words)
               for part in re.findall(r"\w+", form))
