"""The translation memory of raw machine output, kept as TMX 1.4 (which every CAT tool imports).

Two kinds of units, told apart by TMX's ``segtype``:
- ``sentence``: one model call's input and output, keyed by the package that made it, its
  version and the language pair, so that an unchanged article costs no model call and a model
  upgrade is a new key. Glossary terms appear as the placeholders the model saw. The props
  ``x-log-prob`` (mean log-probability of the output's tokens) and ``x-tokens`` keep the model's
  score;
- ``paragraph``: the whole draft a segment received, with the route that made it and its
  confidence (``x-confidence``, 0–1), so that the comparison view can show how a translator
  changed it and ``--refresh`` can tell a draft still exactly as the machine wrote it. A draft
  made from a reviewed translation (Kazakh from reviewed Russian) has a third variant: that text.
"""

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import write_text_atomic
from l10n_article.translate.tmx import XML_LANG, add_variant, new_tmx, read_tmx, tmx_text


@dataclass(frozen=True)
class MachineSentence:
    """A model's output for one sentence, with the mean log-probability of its tokens (0 when
    unknown: a memory written before scores were kept)."""

    text: str
    log_prob: float = 0.0
    tokens: int = 0


@dataclass(frozen=True)
class Origin:
    """The reviewed translation a draft was made from, rather than from the source."""

    language: str
    text: str


@dataclass(frozen=True)
class MachineDraft:
    """The latest machine draft of a segment: the route that made it, its text, its confidence
    (0–1, None when unknown) and the reviewed translation it started from, if any."""

    route: str
    text: str
    confidence: float | None = None
    origin: Origin | None = None


def confidence(legs: list[list[MachineSentence]]) -> float | None:
    """How sure the models were of a draft: for each leg of its route, the geometric mean of the
    probabilities of every token the model wrote (``exp`` of their mean log-probability), multiplied
    over the legs; None when a score is unknown."""
    result = 1.0
    for outputs in legs:
        tokens = sum(output.tokens for output in outputs)
        if not outputs or any(output.tokens == 0 for output in outputs):
            return None
        result *= math.exp(sum(output.log_prob * output.tokens for output in outputs) / tokens)
    return result


def _prop(unit: ET.Element, name: str) -> str | None:
    return next((prop.text or "" for prop in unit.findall("prop") if prop.get("type") == name), None)


def _number(unit: ET.Element, name: str, path: Path) -> float | None:
    value = _prop(unit, name)
    try:
        return None if value is None else float(value)
    except ValueError as exc:
        raise L10nError(f"invalid TMX: prop {name} is not a number: {value!r}", path) from exc


class Memory:
    @classmethod
    def in_folder(cls, locales_dir: Path, source_language: str) -> "Memory":
        """The memory of a project whose catalogs are in ``locales_dir``."""
        return cls(locales_dir / "memory.tmx", source_language)

    def __init__(self, path: Path, source_language: str):
        self.path = path
        self.source_language = source_language
        self.sentences: dict[tuple[str, str, str, str], MachineSentence] = {}  # (engine, from, to, text) → output
        self.drafts: dict[tuple[str, str], MachineDraft] = {}  # (language, segment) → draft
        if path.exists():
            self._load()

    def _load(self) -> None:
        for unit in read_tmx(self.path).iter("tu"):
            engine = _prop(unit, "x-engine") or ""
            variants = [(tuv.get(XML_LANG) or "", tuv.findtext("seg") or "") for tuv in unit.findall("tuv")]
            if len(variants) not in (2, 3) or (len(variants) == 3 and unit.get("segtype") != "paragraph"):
                continue
            (source_language, source), (target_language, target) = variants[:2]
            if unit.get("segtype") == "paragraph":
                origin = Origin(*variants[2]) if len(variants) == 3 else None
                self.drafts[(target_language, source)] = MachineDraft(
                    engine, target, _number(unit, "x-confidence", self.path), origin)
            else:
                self.sentences[(engine, source_language, target_language, source)] = MachineSentence(
                    target, _number(unit, "x-log-prob", self.path) or 0.0, int(_number(unit, "x-tokens", self.path) or 0))

    def get(self, engine: str, source_language: str, target_language: str, text: str) -> MachineSentence | None:
        return self.sentences.get((engine, source_language, target_language, text))

    def put(self, engine: str, source_language: str, target_language: str, text: str, output: MachineSentence) -> None:
        self.sentences[(engine, source_language, target_language, text)] = output

    def put_draft(self, route: str, target_language: str, segment: str, draft: str,
                  confidence: float | None = None, origin: Origin | None = None) -> None:
        self.drafts[(target_language, segment)] = MachineDraft(route, draft, confidence, origin)

    def draft(self, target_language: str, segment: str) -> tuple[str, str] | None:
        """(route, draft) of the latest machine draft of ``segment`` in ``target_language``."""
        machine = self.drafts.get((target_language, segment))
        return (machine.route, machine.text) if machine is not None else None

    def machine_draft(self, target_language: str, segment: str) -> MachineDraft | None:
        """The latest machine draft of ``segment`` in ``target_language``, with its confidence and origin."""
        return self.drafts.get((target_language, segment))

    def confidence(self, target_language: str, segment: str) -> float | None:
        """The confidence (0–1) of the latest machine draft of ``segment``; None when unknown."""
        machine = self.drafts.get((target_language, segment))
        return machine.confidence if machine is not None else None

    def _sentence_units(self, body: ET.Element) -> None:
        for (engine, source_language, target_language, source), output in sorted(
                self.sentences.items(), key=lambda item: item[0]):
            props = {"x-engine": engine}
            if output.tokens:
                props |= {"x-log-prob": f"{output.log_prob:.4f}", "x-tokens": str(output.tokens)}
            _unit(body, "sentence", props, [(source_language, source), (target_language, output.text)])

    def _paragraph_units(self, body: ET.Element) -> None:
        for (target_language, source), machine in sorted(self.drafts.items(), key=lambda item: item[0]):
            props = {"x-engine": machine.route}
            if machine.confidence is not None:
                props["x-confidence"] = f"{machine.confidence:.4f}"
            variants = [(self.source_language, source), (target_language, machine.text)]
            if machine.origin is not None:
                variants.append((machine.origin.language, machine.origin.text))
            _unit(body, "paragraph", props, variants)

    def save(self) -> None:
        root, body = new_tmx(self.source_language, "sentence")
        self._sentence_units(body)
        self._paragraph_units(body)
        write_text_atomic(self.path, tmx_text(root))


def _unit(body: ET.Element, segtype: str, props: dict[str, str], variants: list[tuple[str, str]]) -> None:
    """One ``tu``: its props, then one ``tuv`` per (language, text), the first being the source."""
    unit = ET.SubElement(body, "tu", srclang=variants[0][0], segtype=segtype)
    for name, value in props.items():
        ET.SubElement(unit, "prop", type=name).text = value
    for language, text in variants:
        add_variant(unit, language, text)

