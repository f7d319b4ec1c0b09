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
    forms: dict[str, str]  # language → form
    note: str = ""
    line: int = 0


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _load_tbx(path: Path) -> list[Term]:
    try:
        root = ET.fromstring(read_text(path))
    except ET.ParseError as exc:
        raise L10nError(f"invalid TBX: {exc}", path, exc.position[0]) from exc
    terms = []
    for entry in (e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")):
        forms = {}
        for language_set in (e for e in entry if _local(e.tag) in ("langSet", "langSec")):
            term = next((e for e in language_set.iter() if _local(e.tag) == "term"), None)
            if term is not None and term.text and language_set.get(XML_LANG):
                forms[language_set.get(XML_LANG).replace("-", "_")] = term.text.strip()
        note = next((e.text or "" for e in entry.iter() if _local(e.tag) in ("descrip", "note")), "")
        terms.append(Term(forms, note.strip()))
    return terms


def find_glossary(folder: Path) -> Path | None:
    """``glossary.csv`` or ``glossary.tbx`` in ``folder``, whichever exists."""
    return next((path for path in (folder / "glossary.csv", folder / "glossary.tbx") if path.exists()), None)


def load_glossary(path: Path | None) -> list[Term]:
    if path is None or not path.exists():
        return []
    if path.suffix == ".tbx":
        return _load_tbx(path)
    rows = csv.DictReader(io.StringIO(read_text(path)))
    if not rows.fieldnames or len([f for f in rows.fieldnames if f != "note"]) < 2:
        raise L10nError("a glossary needs a header row naming at least two languages (e.g. fr,en,ru,kk)", path, 1)
    terms = []
    for row in rows:
        if None in row:
            raise L10nError("more cells than the header has columns", path, rows.line_num)
        forms = {language: (value or "").strip() for language, value in row.items() if language != "note"}
        terms.append(Term({k: v for k, v in forms.items() if v}, (row.get("note") or "").strip(), rows.line_num))
    return terms


def _stem(word: str, language: str) -> str:
    """Enough of a word to recognise its inflected forms (Токаев → Токаева, Самарқанд → Самарқандта)."""
    if language not in INFLECTED or len(word) <= 3:
        return word
    return word[:max(3, len(word) - 2)]


def appears_in_source(form: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE) is not None


def appears_in_translation(form: str, text: str, language: str) -> bool:
    """Every word of ``form`` begins a word of ``text`` (so declined forms count)."""
    words = [w.casefold() for w in re.findall(r"\w+", text)]
    return all(any(w.startswith(_stem(part.casefold(), language)) for w in words)
               for part in re.findall(r"\w+", form))
