"""The term base: each proper name and key term in every language, from ``locales/glossary.csv``.

The CSV has one column per language code (``fr,en,ru,kk``) and an optional ``note`` column; one
row per term. Spreadsheet programs and CAT tools (Weblate, OmegaT) import and export it as is.
"""

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import L10nError
from .files import read_text

INFLECTED = {"ru", "kk", "uk", "be", "pl", "cs", "fi", "hu", "tr", "ky", "uz"}


@dataclass(frozen=True)
class Term:
    forms: dict[str, str]  # language → form
    note: str = ""
    line: int = 0


def load_glossary(path: Path) -> list[Term]:
    if not path.exists():
        return []
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
