"""TMX 1.4 files, the translation-memory format every CAT tool imports: read strictly, written whole."""

import xml.etree.ElementTree as ET
from pathlib import Path

from l10n_article.translate import __version__
from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import read_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_tmx(path: Path) -> ET.Element:
    """The root of the TMX file at ``path``; an L10nError naming the line where it is not XML."""
    try:
        return ET.fromstring(read_text(path))
    except ET.ParseError as exc:
        raise L10nError(f"invalid TMX: {exc}", path, exc.position[0]) from exc


def new_tmx(source_language: str, segtype: str) -> tuple[ET.Element, ET.Element]:
    """An empty TMX document made by l10n: its root and its ``body``."""
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {"creationtool": "l10n", "creationtoolversion": __version__,
                                   "segtype": segtype, "adminlang": "en", "srclang": source_language,
                                   "datatype": "plaintext", "o-tmf": "l10n"})
    return root, ET.SubElement(root, "body")


def add_variant(unit: ET.Element, language: str, text: str) -> None:
    """One language's text of a translation unit."""
    variant = ET.SubElement(unit, "tuv", {XML_LANG: language})
    ET.SubElement(variant, "seg").text = text


def tmx_text(root: ET.Element) -> str:
    """The document as the file holds it: an XML declaration, then the indented tree."""
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
