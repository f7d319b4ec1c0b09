"""What ``translate`` would draft for each language, by which route, and why that route.

A language's segments go to a direct package (fr→xx) when there is one, else through English
(fr→en→xx). For Kazakh, a segment whose Russian translation is reviewed starts from that Russian
instead, when a ru→kk package is installed: a pivot a human has checked. An untouched machine
draft is redone when the reviewed Russian it would start from is not the one it was made from
(the Russian was re-reviewed, or reviewed since), and, with ``--refresh``, always.
"""

from dataclasses import dataclass, field

import polib

from l10n_article.translate.catalog.progress import has_text, publishable
from l10n_article.translate.mt.memory import Memory
from l10n_article.translate.mt.routes import PIVOT, NoRoute, PackageInfo, Route, find_route, reviewed_route
from l10n_article.translate.source.article import Article
from l10n_article.translate.source.inline import split_runs
from l10n_article.translate.workspace import Workspace


@dataclass
class Job:
    """The segments of one language that one route drafts, and why that route."""

    route: Route
    reason: str
    pending: dict[str, dict[str, str]] = field(default_factory=dict)  # domain → msgid → text the model starts from

    @property
    def segments(self) -> int:
        return sum(len(texts) for texts in self.pending.values())

    def add(self, domain: str, msgid: str, text: str) -> None:
        self.pending.setdefault(domain, {})[msgid] = text


@dataclass
class Plan:
    """What one language would receive: a job per usable route, and the problem (no route) of the
    segments none of them can draft (``waiting``)."""

    language: str
    jobs: list[Job]
    problem: str | None = None
    waiting: int = 0

    def summary(self) -> list[str]:
        """The lines of ``translate --dry-run``: each route, why, and how many segments it drafts."""
        lines = [f"{self.language}: {job.route.describe()}, {job.reason}: {job.segments} segments to translate"
                 for job in self.jobs]
        if self.problem:
            lines.append(f"{self.language}: missing: {self.problem}: {self.waiting} segments")
        return lines or [f"{self.language}: nothing to translate"]


def has_translatable_text(msgid: str, references: dict) -> bool:
    """Whether there is anything to translate once markup is set aside."""
    return any(run.translatable for run in split_runs(msgid, references))


def untouched_draft(entry: polib.POEntry, memory: Memory, language: str) -> bool:
    """A draft still exactly as the machine wrote it (so it may be redone)."""
    machine = memory.draft(language, entry.msgid)
    return "fuzzy" in entry.flags and machine is not None and entry.msgstr == machine[1]


def _reason(route: Route, reviewed: Route | None) -> str:
    """Why ``route`` drafts the segments it is given."""
    if route.reviewed:
        return f"their {route.source} translation is reviewed"
    if reviewed is not None:
        return f"their {reviewed.source} translation is not reviewed"
    if route.kind == "direct":
        return f"a {route.source}→{route.target} package is installed"
    return f"no {route.source}→{route.target} package, {route.source}→{PIVOT} and {PIVOT}→{route.target} are installed"


def _reviewed_texts(ws: Workspace, route: Route | None, domain: str) -> dict[str, str]:
    """msgid → reviewed translation in the language ``route`` starts from."""
    catalog = ws.catalog(route.source, domain) if route is not None else None
    return {e.msgid: e.msgstr for e in catalog or [] if not e.obsolete and publishable(e)}


def _redo(entry: polib.POEntry, ws: Workspace, language: str, refresh: bool, reviewed: str | None) -> bool:
    """Whether an entry holding text gets a new draft: an untouched machine draft, with ``--refresh``
    or when the reviewed translation it would start from is not the one it was made from."""
    if not untouched_draft(entry, ws.memory, language):
        return False
    machine = ws.memory.machine_draft(language, entry.msgid)
    origin = machine.origin.text if machine is not None and machine.origin is not None else None
    return refresh or (reviewed is not None and reviewed != origin)


def _candidates(ws: Workspace, article: Article, language: str, refresh: bool,
                reviewed: dict[str, str]) -> list[str]:
    """The msgids of ``article`` to draft in ``language``."""
    catalog = ws.catalog(language, article.slug)
    if catalog is None:  # a dry run before the first update: every segment is new
        msgids = dict.fromkeys(s.text for s in article.segments)
        return [m for m in msgids if has_translatable_text(m, article.references)]
    return [entry.msgid for entry in catalog
            if not entry.obsolete and not entry.msgid_plural and has_translatable_text(entry.msgid, article.references)
            and (not has_text(entry) or _redo(entry, ws, language, refresh, reviewed.get(entry.msgid)))]


def plan_language(ws: Workspace, language: str, packages: list[PackageInfo], refresh: bool = False) -> Plan:
    """Which route drafts each pending segment of ``language``, and the segments none can."""
    problem, route = None, None
    try:
        route = find_route(packages, ws.project.source_language, language)
    except NoRoute as missing:
        problem = str(missing)
    checked = reviewed_route(packages, language)
    main = Job(route, _reason(route, checked)) if route is not None else None
    from_reviewed = Job(checked, _reason(checked, None)) if checked is not None else None
    result = Plan(language, [job for job in (from_reviewed, main) if job is not None])
    for article in ws.articles:
        reviewed = _reviewed_texts(ws, checked, article.slug)
        for msgid in _candidates(ws, article, language, refresh, reviewed):
            if from_reviewed is not None and msgid in reviewed:
                from_reviewed.add(article.slug, msgid, reviewed[msgid])
            elif main is not None:
                main.add(article.slug, msgid, msgid)
            else:
                result.waiting += 1
    if main is None and result.waiting:
        result.problem = problem  # segments wait for a route: a language with nothing to draft needs none
    return result
