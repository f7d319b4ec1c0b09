"""The translation memory of raw machine output, kept as TMX 1.4 (which every CAT tool imports).

Two kinds of units, told apart by TMX's ``segtype``:
- ``sentence``: one model call's input and output, keyed by the package that made it, its
  version and the language pair, so that an unchanged article costs no model call and a model
  upgrade is a new key;
- ``paragraph``: the whole draft a segment received, with the route that made it, so that the
  comparison view can show how a translator changed it and ``--refresh`` can tell a draft still
  exactly as the machine wrote it.
"""

import xml.etree.ElementTree as ET
from pathlib import Path

from l10n_article.translate import __version__
from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import read_text, write_text_atomic

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class Memory:
    def __init__(self, path: Path, source_language: str):
        self.path = path
        self.source_language = source_language
        self.sentences: dict[tuple[str, str, str, str], str] = {}  # (engine, from, to, text) → output
        self.drafts: dict[tuple[str, str], tuple[str, str]] = {}  # (language, segment) → (route, draft)
        if path.exists():
            self._load()

    def _load(self) -> None:
        try:
            root = ET.fromstring(read_text(self.path))
        except ET.ParseError as exc:
            raise L10nError(f"invalid TMX: {exc}", self.path, exc.position[0]) from exc
        for unit in root.iter("tu"):
            engine = next((prop.text or "" for prop in unit.findall("prop") if prop.get("type") == "x-engine"), "")
            variants = [(tuv.get(XML_LANG) or "", tuv.findtext("seg") or "") for tuv in unit.findall("tuv")]
            if len(variants) != 2:
                continue
            (source_language, source), (target_language, target) = variants
            if unit.get("segtype") == "paragraph":
                self.drafts[(target_language, source)] = (engine, target)
            else:
                self.sentences[(engine, source_language, target_language, source)] = target

    def get(self, engine: str, source_language: str, target_language: str, text: str) -> str | None:
        return self.sentences.get((engine, source_language, target_language, text))

    def put(self, engine: str, source_language: str, target_language: str, text: str, output: str) -> None:
        self.sentences[(engine, source_language, target_language, text)] = output

    def put_draft(self, route: str, target_language: str, segment: str, draft: str) -> None:
        self.drafts[(target_language, segment)] = (route, draft)

    def draft(self, target_language: str, segment: str) -> tuple[str, str] | None:
        """(route, draft) of the latest machine draft of ``segment`` in ``target_language``."""
        return self.drafts.get((target_language, segment))

    def _units(self):
        for (engine, source_language, target_language, source), target in sorted(self.sentences.items()):
            yield "sentence", engine, source_language, target_language, source, target
        for (target_language, source), (route, draft) in sorted(self.drafts.items()):
            yield "paragraph", route, self.source_language, target_language, source, draft

    def save(self) -> None:
        root = ET.Element("tmx", version="1.4")
        ET.SubElement(root, "header", {"creationtool": "l10n", "creationtoolversion": __version__,
                                       "segtype": "sentence", "adminlang": "en", "srclang": self.source_language,
                                       "datatype": "plaintext", "o-tmf": "l10n"})
        body = ET.SubElement(root, "body")
        for segtype, engine, source_language, target_language, source, target in self._units():
            unit = ET.SubElement(body, "tu", srclang=source_language, segtype=segtype)
            ET.SubElement(unit, "prop", type="x-engine").text = engine
            for language, text in ((source_language, source), (target_language, target)):
                variant = ET.SubElement(unit, "tuv", {XML_LANG: language})
                ET.SubElement(variant, "seg").text = text
        ET.indent(root)
        write_text_atomic(self.path, '<?xml version="1.0" encoding="UTF-8"?>\n'
                          + ET.tostring(root, encoding="unicode") + "\n")

