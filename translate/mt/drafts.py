"""Machine drafts: every untranslated entry of the article catalogs gets a fuzzy draft.

For each target language a route is chosen (direct, or through English); the segments still
empty are cut into markup-free runs and sentences; the sentences the memory does not know go to
the model in batches, leg after leg; each finished batch is saved to the memory and merged into
the catalog, which is re-read just before it is written so that a translator's save is never lost.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import polib

from l10n_article.translate.mt.argos import BATCH_SENTENCES, Engine, installed
from l10n_article.translate.catalog.pofile import save_catalog
from l10n_article.translate.errors import L10nError
from l10n_article.translate.source.inline import split_runs
from l10n_article.translate.catalog.progress import has_text
from l10n_article.translate.mt.memory import Memory
from l10n_article.translate.mt.routes import NoRoute, Route, find_route
from l10n_article.translate.mt.routes import PackageInfo
from l10n_article.translate.mt.sentences import Sentence, split_with_spaces
from l10n_article.translate.catalog.update import update
from l10n_article.translate.source.article import Article
from l10n_article.translate.workspace import Workspace

MACHINE_COMMENT = "machine draft: "


@dataclass
class Plan:
    """What one language would receive: its route (None when there is none, with the problem)."""

    language: str
    route: Route | None
    problem: str | None
    pending: dict[str, list[str]] = field(default_factory=dict)  # domain → msgids

    @property
    def segments(self) -> int:
        return sum(len(msgids) for msgids in self.pending.values())

    def summary(self) -> str:
        """One line for ``translate --dry-run``."""
        if self.route is None:
            return f"{self.language}: {self.problem}"
        return f"{self.language}: {self.route.describe()}: {self.segments} segments to translate"


@dataclass
class Outcome:
    """What one language received."""

    language: str
    route: Route | None = None
    problem: str | None = None
    drafted: int = 0
    sentences: int = 0

    def summary(self) -> str:
        """One line for ``translate``."""
        if self.route is None:
            return f"{self.language}: {self.problem}"
        return f"{self.language}: {self.route.describe()}: {self.drafted} drafts, {self.sentences} sentences translated"


@dataclass
class DraftReport:
    """A whole run: each language's outcome, and how many times a model was called."""

    outcomes: list[Outcome]
    calls: int

    @property
    def partial(self) -> bool:
        """Whether some language could not be drafted."""
        return any(outcome.problem for outcome in self.outcomes)


@dataclass
class Piece:
    """A part of a segment: text kept as it is (markup, spaces), then sentences to translate."""

    kept: str
    sentences: list[Sentence] = field(default_factory=list)


def _has_text(msgid: str) -> bool:
    """Whether there is anything to translate once markup is set aside."""
    return any(run.translatable for run in split_runs(msgid))


def _untouched_draft(entry, memory: Memory, language: str) -> bool:
    """A draft still exactly as the machine wrote it (so ``--refresh`` may redo it)."""
    machine = memory.draft(language, entry.msgid)
    return "fuzzy" in entry.flags and machine is not None and entry.msgstr == machine[1]


def _pending(ws: Workspace, article: Article, language: str, refresh: bool) -> list[str]:
    catalog = ws.catalog(language, article.slug)
    if catalog is None:  # a dry run before the first update: every segment is new
        return [m for m in dict.fromkeys(s.text for s in article.segments) if _has_text(m)]
    memory = ws.memory
    return [entry.msgid for entry in catalog
            if not entry.obsolete and not entry.msgid_plural and _has_text(entry.msgid)
            and (not has_text(entry) or (refresh and _untouched_draft(entry, memory, language)))]


def plan(ws: Workspace, languages: tuple[str, ...], refresh: bool = False,
         packages: list[PackageInfo] | None = None) -> list[Plan]:
    """What ``translate`` would do for each language with ``packages`` (default: those installed),
    changing nothing."""
    packages = installed() if packages is None else packages
    plans = []
    for language in languages:
        try:
            route = find_route(packages, ws.project.source_language, language)
        except NoRoute as missing:
            plans.append(Plan(language, None, str(missing)))
            continue
        plans.append(Plan(language, route, None,
                          {a.slug: _pending(ws, a, language, refresh) for a in ws.articles}))
    return plans


def _pieces(msgid: str) -> list[Piece]:
    """The segment cut into markup kept as is and runs of sentences to translate."""
    pieces = []
    for run in split_runs(msgid):
        core = run.text.strip()
        if not run.translatable or not core:
            pieces.append(Piece(run.text))
            continue
        lead = run.text[:len(run.text) - len(run.text.lstrip())]
        trail = run.text[len(run.text.rstrip()):]
        pieces.append(Piece(lead, split_with_spaces(core)))
        pieces.append(Piece(trail))
    return pieces


class Engines:
    """Each package's model, loaded on first use and then kept for the whole run."""

    def __init__(self, device: str, threads: int, beam: int):
        self.device, self.threads, self.beam = device, threads, beam
        self.loaded: dict[str, Engine] = {}

    def get(self, leg: PackageInfo) -> Engine:
        """The model of ``leg``'s package, loaded now if it is not yet."""
        if leg.label not in self.loaded:
            self.loaded[leg.label] = Engine(leg, self.device, self.threads, self.beam)
        return self.loaded[leg.label]

    @property
    def calls(self) -> int:
        return sum(engine.calls for engine in self.loaded.values())


class _Run:
    """One language's drafting: legs of batched model calls, each batch saved as it finishes."""

    def __init__(self, ws: Workspace, plan_: Plan, route: Route, engines: Engines,
                 progress: Callable[[int], None] | None, after_batch: Callable[[], None]):
        self.ws, self.plan, self.route, self.memory = ws, plan_, route, ws.memory
        self.engines, self.progress, self.after_batch = engines, progress, after_batch
        self.outcome = Outcome(plan_.language, route)
        self.written: set[tuple[str, str]] = set()

    def sentences(self) -> list[str]:
        """Every sentence of the pending segments, each once."""
        unique: dict[str, None] = {}
        for msgids in self.plan.pending.values():
            for msgid in msgids:
                for piece in _pieces(msgid):
                    unique.update(dict.fromkeys(sentence.text for sentence in piece.sentences))
        return list(unique)

    def known(self, leg: PackageInfo, text: str) -> str | None:
        """What ``leg``'s package made of ``text``, as the memory remembers it."""
        return self.memory.get(leg.label, leg.from_code, leg.to_code, text)

    def final(self, sentence: str) -> str | None:
        """The sentence through every leg, from the memory; None while a leg is missing."""
        text: str | None = sentence
        for leg in self.route.legs:
            text = self.known(leg, text) if text is not None else None
        return text

    def draft(self, msgid: str) -> str | None:
        """The segment's draft from the memory, markup put back; None while a sentence is missing."""
        out = []
        for piece in _pieces(msgid):
            out.append(piece.kept)
            for sentence in piece.sentences:
                translated = self.final(sentence.text)
                if translated is None:
                    return None
                out.append(translated + sentence.gap)
        return "".join(out)

    def run(self) -> Outcome:
        texts = self.sentences()
        for number, leg in enumerate(self.route.legs):
            todo = [text for text in dict.fromkeys(texts) if self.known(leg, text) is None]
            todo.sort(key=len)
            for start in range(0, len(todo), BATCH_SENTENCES):
                batch = todo[start:start + BATCH_SENTENCES]
                engine = self.engines.get(leg)
                for text, output in zip(batch, engine.translate(batch)):
                    self.memory.put(leg.label, leg.from_code, leg.to_code, text, output)
                self.memory.save()
                self.outcome.sentences += len(batch)
                if self.progress:
                    self.progress(len(batch))
                if number == len(self.route.legs) - 1:
                    self.flush()
                self.after_batch()
            outputs = [self.known(leg, text) for text in texts]
            texts = [output for output in outputs if output is not None]
        self.flush()
        return self.outcome

    def flush(self) -> None:
        """Merge every finished draft into its catalog, as it is on disk now; only entries still empty
        (or drafts the machine wrote and nobody touched, with --refresh) receive it."""
        language = self.plan.language
        for domain, msgids in self.plan.pending.items():
            ready = {m: d for m in msgids if (domain, m) not in self.written and (d := self.draft(m)) is not None}
            if not ready:
                continue
            path = self.ws.project.po_path(language, domain)
            filled: list[polib.POEntry] = []

            def fill(catalog: polib.POFile | None) -> polib.POFile:
                if catalog is None:
                    raise L10nError("the catalog was removed while drafts were being made", path)
                filled.clear()
                for entry in catalog:
                    if entry.obsolete or entry.msgid not in ready:
                        continue
                    if has_text(entry) and not _untouched_draft(entry, self.memory, language):
                        continue
                    entry.msgstr = ready[entry.msgid]
                    if "fuzzy" not in entry.flags:
                        entry.flags.insert(0, "fuzzy")
                    notes = [line for line in entry.tcomment.split("\n")
                             if line and not line.startswith(MACHINE_COMMENT)]
                    entry.tcomment = "\n".join(notes + [MACHINE_COMMENT + self.route.provenance])
                    filled.append(entry)
                return catalog
            _, catalog = save_catalog(path, language, fill)
            self.ws.remember(language, domain, catalog)
            for entry in filled:
                self.memory.put_draft(self.route.provenance, language, entry.msgid, entry.msgstr)
            self.outcome.drafted += len(filled)
            self.written.update((domain, m) for m in ready)
            self.memory.save()


def translate_drafts(ws: Workspace, languages: tuple[str, ...], refresh: bool = False,
                     device: str = "cpu", threads: int = 0, beam: int = 4,
                     progress: Callable[[int], None] | None = None,
                     after_batch: Callable[[], None] = lambda: None,
                     engines: Engines | None = None) -> DraftReport:
    """Draft every untranslated entry of ``languages``: each language's outcome and the model calls made.

    ``engines`` lets a caller that runs several times keep its models loaded between runs.
    """
    packages = installed()  # a damaged package is reported before any catalog is written
    update(ws)
    engines = engines or Engines(device, threads, beam)
    outcomes = []
    for language_plan in plan(ws, languages, refresh, packages):
        if language_plan.route is None:
            outcomes.append(Outcome(language_plan.language, problem=language_plan.problem))
            continue
        outcomes.append(_Run(ws, language_plan, language_plan.route, engines, progress, after_batch).run())
    return DraftReport(outcomes, engines.calls)
