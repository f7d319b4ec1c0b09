"""Machine drafts: every untranslated entry of the article catalogs gets a fuzzy draft.

For each target language, ``planning`` gives the routes and the segments each drafts. The
segments are cut into markup-free runs and sentences; glossary terms become placeholders
(``terms``); the sentences the memory does not know go to the model in batches, leg after leg;
each finished batch is saved to the memory and merged into the catalog, which is re-read just
before it is written so that a translator's save is never lost. Sentences whose placeholders the
model dropped are translated again, plainly.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

import polib

from l10n_article.translate.catalog.pofile import save_catalog
from l10n_article.translate.catalog.progress import has_text
from l10n_article.translate.catalog.update import update
from l10n_article.translate.errors import L10nError
from l10n_article.translate.mt.argos import BATCH_SENTENCES, Engine, installed
from l10n_article.translate.mt.units import Origin
from l10n_article.translate.mt.planning import Job, Plan, plan_language, untouched_draft
from l10n_article.translate.mt.routes import PackageInfo, Route
from l10n_article.translate.mt.segments import Segment, Translator
from l10n_article.translate.mt.terms import TermMasker, placeholder_for
from l10n_article.translate.workspace import Workspace

MACHINE_COMMENT = "machine draft: "
Key = tuple[str, str]  # a segment: its catalog domain and msgid
WINDOW_BATCHES = 8  # the sentences sorted by length together, in batches


class Progress(Protocol):
    """What a run tells a progress display: each leg as it starts, with its language and number of
    sentences, each model as it loads, each batch as it finishes."""

    def leg(self, language: str, leg: PackageInfo, total: int) -> None:
        """A leg of ``language``'s route starts, with ``total`` sentences to translate."""

    def loading(self, leg: PackageInfo) -> None:
        """The model of ``leg`` is being loaded."""

    def advance(self, count: int) -> None:
        """``count`` more sentences are translated."""


class Silent:
    """A progress display that shows nothing."""

    def leg(self, language: str, leg: PackageInfo, total: int) -> None:
        pass

    def loading(self, leg: PackageInfo) -> None:
        pass

    def advance(self, count: int) -> None:
        pass


@dataclass
class Outcome:
    """What one route gave one language, or the problem of the segments no route could draft."""

    language: str
    route: Route | None = None
    problem: str | None = None
    drafted: int = 0
    sentences: int = 0

    def summary(self) -> str:
        """One line for ``translate``."""
        if self.route is None:
            return f"{self.language}: missing: {self.problem}" if self.problem else f"{self.language}: nothing to translate"
        return f"{self.language}: {self.route.describe()}: {self.drafted} drafts, {self.sentences} sentences translated"


@dataclass
class DraftReport:
    """A whole run: each language's outcomes, and how many times a model was called."""

    outcomes: list[Outcome]
    calls: int

    @property
    def partial(self) -> bool:
        """Whether some segments could not be drafted."""
        return any(outcome.problem for outcome in self.outcomes)


def plan(ws: Workspace, languages: tuple[str, ...], refresh: bool = False,
         packages: list[PackageInfo] | None = None) -> list[Plan]:
    """What ``translate`` would do for each language with ``packages`` (default: those installed),
    changing nothing."""
    packages = installed() if packages is None else packages
    return [plan_language(ws, language, packages, refresh) for language in languages]


class Engines:
    """Each package, loaded on first use and then kept for the whole run."""

    def __init__(self, device: str, threads: int, beam: int):
        self.device, self.threads, self.beam = device, threads, beam
        self.loaded: dict[str, Engine] = {}
        self.progress: Progress = Silent()

    def get(self, leg: PackageInfo) -> Engine:
        """The package of ``leg`` (its model loads when first used)."""
        if leg.label not in self.loaded:
            engine = Engine(leg, self.device, self.threads, self.beam)
            engine.loading = lambda info: self.progress.loading(info)
            self.loaded[leg.label] = engine
        return self.loaded[leg.label]

    @property
    def calls(self) -> int:
        return sum(engine.calls for engine in self.loaded.values())


@dataclass(frozen=True)
class Finished:
    """A segment's draft, ready to be written: its text, translator comment, confidence and origin."""

    text: str
    comment: str
    confidence: float | None
    origin: Origin | None

    @classmethod
    def of(cls, route: Route, segment: Segment, text: str) -> "Finished":
        """The draft ``text`` of ``segment``, with a comment saying how it was made, how sure the
        model was, and whether a glossary placeholder was lost."""
        comment, confidence, lost = MACHINE_COMMENT + route.provenance, segment.confidence(), segment.plain_sentences()
        if confidence is not None:
            comment += f", confidence {confidence:.2f}"
        if lost:
            comment += f"; glossary placeholders lost by the model, plain translation of {lost} sentence{'s' * (lost > 1)}"
        return cls(text, comment, confidence, Origin(route.source, segment.text) if route.reviewed else None)


def _in_windows(texts: list[str]) -> list[str]:
    """``texts`` (in article order) sorted by length within windows of ``WINDOW_BATCHES`` batches:
    a batch holds sentences of similar length (less padding for the model), and an article's
    sentences stay within a window or two, so its catalog is written once or twice, not after
    every batch of the run."""
    window = WINDOW_BATCHES * BATCH_SENTENCES
    return [text for start in range(0, len(texts), window) for text in sorted(texts[start:start + window], key=len)]


class _Run:
    """One route's drafting for one language: legs of batched model calls, each batch saved as it
    finishes."""

    def __init__(self, ws: Workspace, language: str, job: Job, engines: Engines,
                 progress: Progress, after_batch: Callable[[], None]):
        self.ws, self.language, self.job, self.memory = ws, language, job, ws.memory
        self.engines, self.progress, self.after_batch = engines, progress, after_batch
        route = job.route
        shape = placeholder_for([engines.get(leg).keeps for leg in route.legs])
        self.translator = Translator(route, self.memory, TermMasker(ws.glossary, route.source, route.target, shape))
        references = {article.slug: article.references for article in ws.articles}
        self.segments = {(domain, msgid): Segment.of(text, references.get(domain, {}), self.translator)
                         for domain, texts in job.pending.items() for msgid, text in texts.items()}
        self.outcome = Outcome(language, route)
        self.written: set[Key] = set()

    def run(self) -> Outcome:
        self.flush(self.segments)  # the segments whose every sentence the memory already knows
        self.through_legs(self.translator.inputs)
        self.through_legs(self.translator.plain_inputs)
        self.flush(self.segments)
        return self.outcome

    def through_legs(self, inputs: Callable[[Iterable[Segment]], list[str]]) -> None:
        """Translate the sentences ``inputs`` gives for the segments still waiting, leg after leg,
        in batches of all articles' sentences; each last-leg batch flushes the drafts it completes."""
        legs = self.job.route.legs
        texts = inputs(self.waiting().values())
        for number, leg in enumerate(legs):
            todo = _in_windows([text for text in dict.fromkeys(texts) if self.translator.known(leg, text) is None])
            owners = self.owners(inputs, number) if todo and number == len(legs) - 1 else {}
            if todo:
                self.progress.leg(self.language, leg, len(todo))
            for start in range(0, len(todo), BATCH_SENTENCES):
                batch = todo[start:start + BATCH_SENTENCES]
                for text, output in zip(batch, self.engines.get(leg).translate(batch)):
                    self.memory.put(leg.label, leg.from_code, leg.to_code, text, output)
                self.memory.save()
                self.outcome.sentences += len(batch)
                self.progress.advance(len(batch))
                self.flush({key: self.segments[key] for text in batch for key in owners.get(text, ())})
                self.after_batch()
            outputs = [self.translator.known(leg, text) for text in texts]
            texts = [output.text for output in outputs if output is not None]

    def waiting(self) -> dict[Key, Segment]:
        """The segments whose draft is not written yet."""
        return {key: segment for key, segment in self.segments.items() if key not in self.written}

    def owners(self, inputs: Callable[[Iterable[Segment]], list[str]], leg: int) -> dict[str, set[Key]]:
        """Which waiting segments each text the leg numbered ``leg`` receives belongs to."""
        result: dict[str, set[Key]] = {}
        for key, segment in self.waiting().items():
            for text in inputs([segment]):
                reached = self.translator.through(text, leg)
                if reached is not None:
                    result.setdefault(reached, set()).add(key)
        return result

    def flush(self, segments: dict[Key, Segment]) -> None:
        """Merge the finished drafts of ``segments`` into their catalogs, as they are on disk now;
        only entries still empty (or drafts the machine wrote and nobody touched) receive them."""
        ready: dict[str, dict[str, Finished]] = {}
        for (domain, msgid), segment in segments.items():
            if (domain, msgid) not in self.written and (text := segment.draft()) is not None:
                ready.setdefault(domain, {})[msgid] = Finished.of(self.job.route, segment, text)
        for domain, drafts in ready.items():
            self.write(domain, drafts)

    def write(self, domain: str, ready: dict[str, Finished]) -> None:
        """Put the drafts of ``ready`` into the catalog of ``domain``, and into the memory."""
        language = self.language
        path = self.ws.project.po_path(language, domain)
        filled: list[polib.POEntry] = []

        def fill(catalog: polib.POFile | None) -> polib.POFile:
            if catalog is None:
                raise L10nError("the catalog was removed while drafts were being made", path)
            filled.clear()
            for entry in catalog:
                if entry.obsolete or entry.msgid not in ready:
                    continue
                if has_text(entry) and not untouched_draft(entry, self.memory, language):
                    continue
                entry.msgstr = ready[entry.msgid].text
                if "fuzzy" not in entry.flags:
                    entry.flags.insert(0, "fuzzy")
                notes = [line for line in entry.tcomment.split("\n") if line and not line.startswith(MACHINE_COMMENT)]
                entry.tcomment = "\n".join(notes + [ready[entry.msgid].comment])
                filled.append(entry)
            return catalog
        _, catalog = save_catalog(path, language, fill)
        self.ws.remember(language, domain, catalog)
        for entry in filled:
            done = ready[entry.msgid]
            self.memory.put_draft(self.job.route.provenance, language, entry.msgid, entry.msgstr,
                                  done.confidence, done.origin)
        self.outcome.drafted += len(filled)
        self.written.update((domain, msgid) for msgid in ready)
        self.memory.save()


def translate_drafts(ws: Workspace, languages: tuple[str, ...], refresh: bool = False,
                     device: str = "cpu", threads: int = 0, beam: int = 4,
                     progress: Progress | None = None,
                     after_batch: Callable[[], None] = lambda: None,
                     engines: Engines | None = None) -> DraftReport:
    """Draft every untranslated entry of ``languages``: each route's outcome and the model calls made.

    ``engines`` lets a caller that runs several times keep its models loaded between runs.
    """
    packages = installed()  # a damaged package is reported before any catalog is written
    update(ws)
    engines = engines or Engines(device, threads, beam)
    progress = progress or Silent()
    engines.progress = progress
    outcomes = []
    for language_plan in plan(ws, languages, refresh, packages):
        for job in language_plan.jobs:
            if job.segments:
                outcomes.append(_Run(ws, language_plan.language, job, engines, progress, after_batch).run())
            else:
                outcomes.append(Outcome(language_plan.language, job.route))
        if language_plan.problem:
            outcomes.append(Outcome(language_plan.language, problem=language_plan.problem))
        elif not language_plan.jobs:
            outcomes.append(Outcome(language_plan.language))  # nothing to draft, and no route needed
    return DraftReport(outcomes, engines.calls)
