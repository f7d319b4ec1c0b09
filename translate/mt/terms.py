"""Glossary terms kept out of the model's reach, so that names come out in the glossary's form.

Before a sentence goes to the model, each glossary term found in it becomes a numbered
placeholder (``⟦1⟧``), which a translation model copies through like a number; after the last leg
of the route, the target language's form from the glossary takes its place. The placeholder's
shape is chosen per route among ``PLACEHOLDERS``: the first one every package's tokenizer gives
back intact. When a placeholder does not come out of the model exactly once, the sentence is
translated again without placeholders, and the draft's comment says so.

Forms. A glossary cell may list several forms of a term, separated by ``|`` (``Самарканд|Самарканде``),
the first being the dictionary form. Words glued by the model to a placeholder (``⟦1⟧та``) are
a case ending: in an inflected language, the listed form ending with it is chosen
(``Самарқандта``), or else the first form with that ending appended; with no ending, the first
form. A source term capitalised in the sentence (at its start) starts with a capital letter in the
draft as well.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from l10n_article.translate.quality.glossary import INFLECTED, Term, stem

PLACEHOLDERS = ("⟦{}⟧", "[{}]", "<{}>", "{{{}}}")  # tried in order: the first that every tokenizer keeps
SEPARATOR = "|"


def placeholder_for(keeps: Sequence[Callable[[str], bool]]) -> str | None:
    """The first placeholder shape that every tokenizer of a route gives back intact (``keeps``
    tells whether one gives a text back unchanged); None when none does."""
    for shape in PLACEHOLDERS:
        sample = f"{shape.format(1)} et {shape.format(12)}."
        if all(keep(sample) for keep in keeps):
            return shape
    return None


def forms(cell: str) -> list[str]:
    """The forms a glossary cell lists, dictionary form first."""
    return [form.strip() for form in cell.split(SEPARATOR) if form.strip()]


@dataclass(frozen=True)
class Masked:
    """A sentence as the model sees it: ``text`` with placeholders, and for each placeholder (by
    number, from 1) the term found in the source and its target forms."""

    text: str
    found: tuple[str, ...] = ()
    targets: tuple[tuple[str, ...], ...] = ()


def _pattern(form: str, language: str) -> str:
    """A regular expression for ``form`` in a text of ``language``: whole words, each word also in
    its declined forms when the language is inflected."""
    if language not in INFLECTED:
        return rf"(?<!\w){re.escape(form)}(?!\w)"
    parts = re.split(r"(\w+)", form)
    return r"(?<!\w)" + "".join(rf"{re.escape(stem(part, language))}\w*" if index % 2 else re.escape(part)
                                for index, part in enumerate(parts))


def _capitalised(form: str, found: str) -> str:
    return form[:1].upper() + form[1:] if found[:1].isupper() and form[:1].islower() else form


class TermMasker:
    """Puts placeholders for the glossary's terms into sentences of ``source``, and the forms of
    ``target`` back into the model's output."""

    def __init__(self, terms: Sequence[Term], source: str, target: str, shape: str | None):
        self.shape, self.target = shape, target
        usable = [(form, tuple(forms(term.forms[target]))) for term in terms
                  if term.forms.get(source) and term.forms.get(target) for form in forms(term.forms[source])]
        usable.sort(key=lambda item: -len(item[0]))
        self.terms = [(re.compile(_pattern(form, source), re.IGNORECASE), targets) for form, targets in usable]

    def mask(self, sentence: str) -> Masked:
        """``sentence`` with a placeholder for each term found (longest terms first, never overlapping);
        unchanged when the route has no placeholder shape or the sentence already holds one."""
        if self.shape is None or not self.terms or re.search(self._placeholder(), sentence):
            return Masked(sentence)
        spans: list[tuple[int, int, tuple[str, ...]]] = []
        for pattern, targets in self.terms:
            for match in pattern.finditer(sentence):
                if all(match.end() <= start or match.start() >= end for start, end, _ in spans):
                    spans.append((match.start(), match.end(), targets))
        spans.sort()
        out, cursor = [], 0
        for number, (start, end, _) in enumerate(spans, start=1):
            out += [sentence[cursor:start], self.shape.format(number)]
            cursor = end
        return Masked("".join(out) + sentence[cursor:], tuple(sentence[s:e] for s, e, _ in spans),
                      tuple(targets for _, _, targets in spans))

    def _placeholder(self) -> str:
        before, after = (re.escape(part) for part in (self.shape or "{}").split("{}"))
        return rf"{before}(\d+){after}(?P<ending>[^\W\d_]*)"

    def restore(self, masked: Masked, output: str) -> str | None:
        """The model's ``output`` with each placeholder replaced by the target form; None when a
        placeholder is missing, repeated or unknown (the model did not copy it through)."""
        if not masked.found:
            return output
        matches = list(re.finditer(self._placeholder(), output))
        if sorted(int(m.group(1)) for m in matches) != list(range(1, len(masked.found) + 1)):
            return None
        return re.sub(self._placeholder(), lambda m: self._form(masked, int(m.group(1)) - 1, m.group("ending")), output)

    def _form(self, masked: Masked, index: int, ending: str) -> str:
        """The target form for placeholder ``index``, chosen by the ending the model glued to it."""
        targets = masked.targets[index]
        chosen = targets[0] + ending
        if ending and self.target in INFLECTED:
            chosen = next((form for form in targets if form.endswith(ending)), chosen)
        return _capitalised(chosen, masked.found[index])
