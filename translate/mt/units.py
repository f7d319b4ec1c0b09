"""What the translation memory of machine output holds: each sentence a model translated, keyed by
the package that translated it, and each segment's latest machine draft."""

import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MachineSentence:
    """A model's output for one sentence, with the mean log-probability of its tokens (0 when
    unknown: a memory written before scores were kept)."""

    text: str
    log_prob: float = 0.0
    tokens: int = 0


@dataclass(frozen=True)
class SentenceKey:
    """What a sentence's output depends on: the package (label and version, ``translate-fr_en
    1.9``), the language pair, and the text the model was given (glossary placeholders included)."""

    engine: str
    source_language: str
    target_language: str
    text: str


@dataclass(frozen=True)
class DraftKey:
    """A segment (its msgid) in one target language."""

    language: str
    segment: str


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


@dataclass
class MemoryUnits:
    """Units on their way into or out of the memory (a TMX file's content), and how many units of
    the file were left out because they are not machine output the memory can use."""

    sentences: dict[SentenceKey, MachineSentence] = field(default_factory=dict)
    drafts: dict[DraftKey, MachineDraft] = field(default_factory=dict)
    skipped: int = 0


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
