"""A segment's way through a route: its pieces of markup and sentences, each sentence's model
outputs leg after leg (from the memory), and the draft and confidence they make."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from l10n_article.translate.mt.memory import Memory
from l10n_article.translate.mt.units import MachineSentence, confidence
from l10n_article.translate.mt.routes import PackageInfo, Route
from l10n_article.translate.mt.sentences import Sentence, split_with_spaces
from l10n_article.translate.mt.terms import Masked, TermMasker
from l10n_article.translate.source.inline import split_runs


@dataclass
class Piece:
    """A part of a segment: text kept as it is (markup, spaces), then sentences to translate."""

    kept: str
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class Translated:
    """A sentence's translation, each leg's output, and whether glossary placeholders were lost
    (the sentence was then translated plainly)."""

    text: str
    legs: tuple[MachineSentence, ...]
    plain: bool = False


def pieces(text: str, references: dict) -> list[Piece]:
    """``text`` cut into markup kept as is and runs of sentences to translate; ``references`` are the
    article's link definitions, whose labels are markup."""
    result = []
    for run in split_runs(text, references):
        core = run.text.strip()
        if not run.translatable or not core:
            result.append(Piece(run.text))
            continue
        lead = run.text[:len(run.text) - len(run.text.lstrip())]
        trail = run.text[len(run.text.rstrip()):]
        result.append(Piece(lead, split_with_spaces(core)))
        result.append(Piece(trail))
    return result


class Translator:
    """Sentences through a route, as far as the memory knows them: with glossary placeholders, or
    plainly when the model lost one."""

    def __init__(self, route: Route, memory: Memory, masker: TermMasker):
        self.route, self.memory, self.masker = route, memory, masker
        self.masks: dict[str, Masked] = {}

    def masked(self, sentence: str) -> Masked:
        if sentence not in self.masks:
            self.masks[sentence] = self.masker.mask(sentence)
        return self.masks[sentence]

    def known(self, leg: PackageInfo, text: str) -> MachineSentence | None:
        """What ``leg``'s package made of ``text``, as the memory remembers it."""
        return self.memory.get(leg.label, leg.from_code, leg.to_code, text)

    def through(self, text: str, legs: int) -> str | None:
        """``text`` through the route's first ``legs`` legs, from the memory; None while one is missing."""
        chain = self.chain(text, legs)
        return (chain[-1].text if chain else text) if chain is not None else None

    def chain(self, text: str, legs: int | None = None) -> tuple[MachineSentence, ...] | None:
        """``text`` through every leg (or the first ``legs``), from the memory; None while a leg is missing."""
        outputs: list[MachineSentence] = []
        for leg in self.route.legs[:legs]:
            output = self.known(leg, outputs[-1].text if outputs else text)
            if output is None:
                return None
            outputs.append(output)
        return tuple(outputs)

    def _lost(self, sentence: str) -> bool:
        """Whether the model's output of the masked sentence is known and lacks a placeholder."""
        masked = self.masked(sentence)
        chain = self.chain(masked.text)
        return chain is not None and self.masker.restore(masked, chain[-1].text) is None

    def sentence(self, sentence: str) -> Translated | None:
        """The translation of ``sentence``; None while the memory lacks an output it needs."""
        masked = self.masked(sentence)
        chain = self.chain(masked.text)
        if chain is None:
            return None
        restored = self.masker.restore(masked, chain[-1].text)
        if restored is not None:
            return Translated(restored, chain)
        plain = self.chain(sentence)
        return Translated(plain[-1].text, plain, plain=True) if plain is not None else None

    def inputs(self, segments: Iterable["Segment"]) -> list[str]:
        """What the first leg receives: every sentence, once, with its placeholders."""
        return list(dict.fromkeys(self.masked(s).text for segment in segments for s in segment.sentences()))

    def plain_inputs(self, segments: Iterable["Segment"]) -> list[str]:
        """The sentences to translate again without placeholders, the model having lost one."""
        return list(dict.fromkeys(s for segment in segments for s in segment.sentences() if self._lost(s)))


@dataclass
class Segment:
    """One segment to draft: the text the model starts from (the source, or a reviewed
    translation), in pieces."""

    text: str
    pieces: list[Piece]
    translator: Translator

    @classmethod
    def of(cls, text: str, references: dict, translator: Translator) -> "Segment":
        return cls(text, pieces(text, references), translator)

    def sentences(self) -> list[str]:
        return [sentence.text for piece in self.pieces for sentence in piece.sentences]

    def translations(self) -> list[Translated] | None:
        """Each sentence's translation; None while one is missing."""
        done = [self.translator.sentence(sentence) for sentence in self.sentences()]
        return None if any(t is None for t in done) else [t for t in done if t is not None]

    def draft(self) -> str | None:
        """The segment's draft, markup put back; None while a sentence is missing."""
        done = self.translations()
        if done is None:
            return None
        out, translated = [], iter(done)
        for piece in self.pieces:
            out.append(piece.kept)
            out += [next(translated).text + sentence.gap for sentence in piece.sentences]
        return "".join(out)

    def confidence(self) -> float | None:
        """How sure the models were of the draft (``memory.confidence``); None when unknown."""
        done = self.translations()
        if not done:
            return None
        return confidence([[t.legs[number] for t in done] for number in range(len(self.translator.route.legs))])

    def plain_sentences(self) -> int:
        """How many sentences were translated without placeholders, the model having lost one."""
        return sum(t.plain for t in self.translations() or [])
