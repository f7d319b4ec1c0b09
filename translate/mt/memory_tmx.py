"""The translation memory as TMX 1.4, the format every CAT tool imports: read (the memory.tmx of
earlier versions, a file from another machine or a CAT tool) and written (``l10n memory export``).

Two kinds of units, told apart by TMX's ``segtype``:
Scores are written in full (the shortest text that reads back as the same number), so that an
export imported elsewhere gives the same memory.

- ``sentence``: one model call's input and output, keyed by the package that made it (the prop
  ``x-engine``: its label and version), the language pair and the text the model saw (glossary
  terms as placeholders). The props ``x-log-prob`` (mean log-probability of the output's tokens)
  and ``x-tokens`` keep the model's score;
- ``paragraph``: the whole draft a segment received, with the route that made it (``x-engine``)
  and its confidence (``x-confidence``, 0–1). A draft made from a reviewed translation (Kazakh
  from reviewed Russian) has a third variant: that text.

A unit without ``x-engine`` (a human translation from a CAT tool, say) is not machine output of a
known package: it is left out and counted, never taken for a model's output.
"""

import xml.etree.ElementTree as ET
from dataclasses import astuple
from pathlib import Path

from l10n_article.translate.errors import L10nError
from l10n_article.translate.mt.units import DraftKey, MachineDraft, MachineSentence, MemoryUnits, Origin, SentenceKey
from l10n_article.translate.tmx import XML_LANG, add_variant, new_tmx, read_tmx, tmx_text


def _prop(unit: ET.Element, name: str) -> str | None:
    return next((prop.text or "" for prop in unit.findall("prop") if prop.get("type") == name), None)


def _number(unit: ET.Element, name: str, path: Path) -> float | None:
    value = _prop(unit, name)
    try:
        return None if value is None else float(value)
    except ValueError as exc:
        raise L10nError(f"invalid TMX: prop {name} is not a number: {value!r}", path) from exc


def _variants(unit: ET.Element) -> list[tuple[str, str]]:
    """Each ``tuv``'s language and text (inline codes of a CAT tool's segment included as text)."""
    return [(tuv.get(XML_LANG) or tuv.get("lang") or "", "".join(seg.itertext()))
            for tuv in unit.findall("tuv") if (seg := tuv.find("seg")) is not None]


def _add(units: MemoryUnits, unit: ET.Element, path: Path) -> None:
    """Put ``unit`` into ``units`` when it is machine output; count it as skipped otherwise."""
    engine, variants = _prop(unit, "x-engine"), _variants(unit)
    paragraph = unit.get("segtype") == "paragraph"
    if not engine or len(variants) not in ((2, 3) if paragraph else (2,)):
        units.skipped += 1
        return
    (source_language, source), (target_language, target) = variants[:2]
    if paragraph:
        origin = Origin(*variants[2]) if len(variants) == 3 else None
        units.drafts[DraftKey(target_language, source)] = MachineDraft(
            engine, target, _number(unit, "x-confidence", path), origin)
    else:
        units.sentences[SentenceKey(engine, source_language, target_language, source)] = MachineSentence(
            target, _number(unit, "x-log-prob", path) or 0.0, int(_number(unit, "x-tokens", path) or 0))


def read_units(path: Path) -> MemoryUnits:
    """The machine output a TMX file holds; an L10nError naming the file when it is not TMX."""
    root = read_tmx(path)
    if root.tag != "tmx":
        raise L10nError(f"not a TMX file: its root element is <{root.tag}>, not <tmx>", path)
    units = MemoryUnits()
    for unit in root.iter("tu"):
        _add(units, unit, path)
    return units


def _unit(body: ET.Element, segtype: str, props: dict[str, str], variants: list[tuple[str, str]]) -> None:
    """One ``tu``: its props, then one ``tuv`` per (language, text), the first being the source."""
    unit = ET.SubElement(body, "tu", srclang=variants[0][0], segtype=segtype)
    for name, value in props.items():
        ET.SubElement(unit, "prop", type=name).text = value
    for language, text in variants:
        add_variant(unit, language, text)


def _sentence_unit(body: ET.Element, key: SentenceKey, output: MachineSentence) -> None:
    props = {"x-engine": key.engine}
    if output.tokens:
        props |= {"x-log-prob": repr(output.log_prob), "x-tokens": str(output.tokens)}
    _unit(body, "sentence", props, [(key.source_language, key.text), (key.target_language, output.text)])


def _paragraph_unit(body: ET.Element, source_language: str, key: DraftKey, machine: MachineDraft) -> None:
    props = {"x-engine": machine.route}
    if machine.confidence is not None:
        props["x-confidence"] = repr(machine.confidence)
    variants = [(source_language, key.segment), (key.language, machine.text)]
    if machine.origin is not None:
        variants.append((machine.origin.language, machine.origin.text))
    _unit(body, "paragraph", props, variants)


def units_text(units: MemoryUnits, source_language: str) -> str:
    """The TMX 1.4 document of ``units``: sentence units, then draft units, each in key order."""
    root, body = new_tmx(source_language, "sentence")
    for key, output in sorted(units.sentences.items(), key=lambda item: _order(item[0])):
        _sentence_unit(body, key, output)
    for draft_key, machine in sorted(units.drafts.items(), key=lambda item: _order(item[0])):
        _paragraph_unit(body, source_language, draft_key, machine)
    return tmx_text(root)


def _order(key: SentenceKey | DraftKey) -> tuple[str, ...]:
    return astuple(key)
