"""Catalogs → one HTML page per language and article, with Jinja2 templates.

Every article has the same address from its first build on, ``<lang>/<slug>.html``, and every
language that publishes an article has ``<lang>/index.html`` listing them. ``--min-reviewed``
decides per article and language; no page links to a page that is not published.

A build writes the new site into a staging folder and then puts it in the place of the old one at
once: a problem found on the way (a damaged catalog or translation memory) leaves the previous site
as it was. Only the articles whose inputs changed are rendered (see ``incremental``); the others'
files are carried over, and a build that finds nothing changed writes nothing.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from l10n_article.render.article_files import ArticleOutput, Renderer, render_articles
from l10n_article.render.context import (UI_DOMAIN, PublishedMemory, Sources, Workspace, published_records,
                                         SHARED_FILE, split_shared_record, update, write_text_atomic)
from l10n_article.render.incremental import (ArticleRecord, BuildRecord, article_key, maybe_digest, record_path,
                                             shared_key, with_record)
from l10n_article.render.compare import Session
from l10n_article.render.output import InMemory, Staging, check_output
from l10n_article.render.publication import interface_gaps, record_publication
from l10n_article.render.site_files import write_site_files


@dataclass(frozen=True)
class Skipped:
    """A page left out by ``--min-reviewed``: its address and the share of it that is reviewed."""

    language: str
    page: str
    percent: float


@dataclass(frozen=True)
class InterfaceGap:
    """A published language whose pages show some interface strings in English."""

    language: str
    missing: int
    total: int
    catalog: Path


@dataclass
class BuildReport:
    out: Path | None = None
    catalogs: list[Path] = field(default_factory=list)  # templates and catalogs the update rewrote
    pages: list[Path] = field(default_factory=list)  # pages rendered by this build
    carried: int = 0  # pages of unchanged articles, carried over from the last build
    skipped: list[Skipped] = field(default_factory=list)
    interface: list[InterfaceGap] = field(default_factory=list)
    records: list[Path] = field(default_factory=list)  # the articles' published records this build changed
    split: tuple[Path, int] | None = None  # an older project's shared published record, split into N records
    relative: bool = False  # no base-url: relative links only, no sitemap or feeds
    up_to_date: bool = False  # nothing changed since the last build: nothing was written


def drafts_folder(output: Path) -> Path:
    """Where ``--drafts`` previews go unless told otherwise: ``build-drafts/`` beside ``build/``."""
    return output.with_name(output.name + "-drafts")


@dataclass
class _Plan:
    """Which articles a build renders, and which it carries over from the last one."""

    record: BuildRecord
    dirty: list[tuple[Path, str, str]] = field(default_factory=list)  # (source, slug, key)
    order: list[str] = field(default_factory=list)  # every slug, in source order


def _plan(ws: Workspace, out: Path, options: dict, sources: Sources) -> _Plan:
    """Compare each article's key with the last build's record of ``out``."""
    previous = BuildRecord.load(record_path(ws, out))
    plan = _Plan(BuildRecord(shared=shared_key(ws, options)))
    for path in ws.project.sources():
        slug = ws.slug_of(path)
        old = previous.articles.get(slug)
        key = article_key(ws, plan.record.shared, path, slug, old.photos if old else [])
        if old is not None and old.key == with_record(key, maybe_digest(sources.published.path(slug))) \
                and old.intact(out):
            plan.record.articles[slug] = old
        else:
            plan.dirty.append((path, slug, key))
        plan.order.append(slug)
    if not plan.dirty and list(previous.articles) == plan.order and previous.site_intact(out):
        plan.record = previous
    return plan


def _report_skipped(report: BuildReport, records: list[ArticleRecord]) -> None:
    report.skipped = [Skipped(language, page, percent)
                      for record in records for language, page, percent in record.skipped]


def _publish(ws: Workspace, outputs: list[ArticleOutput], sources: Sources) -> list[tuple[PublishedMemory, str]]:
    """Record in each rendered article's published record (in memory) the reviewed translations its
    pages publish, unless they are drafts, and complete its key with the record as this build
    leaves it; an article whose record now answers one of its pages' lookups otherwise, or changed
    since its pages read it, gets no key (it is rendered again next time). The records to write,
    with their new text."""
    written = []
    for output in outputs:
        if sources.drafts:  # the record as the pages read it
            output.record.key = with_record(output.record.key, output.read)
            continue
        record = sources.published.of(output.slug)
        record_publication(ws, record, output.published, output.record.stand_ins)
        text = record.text() if record.units or record.path.exists() else None
        if text is not None:
            written.append((record, text))
        state = hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else "-"
        same = record.digest == output.read and not record.answers_changed(output.record.lookups)
        output.record.key = with_record(output.record.key, state) if same else ""
    return written


def build(ws: Workspace, out: Path | None = None, drafts: bool = False, min_reviewed: float = 0,
          require: str | None = None, jobs: int = 1) -> BuildReport:
    """Bring the catalogs up to date, then make ``<out>`` hold exactly the new site (see the module's
    docstring), rendering the changed articles over ``jobs`` processes. A build without drafts
    records the reviewed translations it published; a drafts preview goes to ``build-drafts/``
    unless ``out`` says otherwise, and records nothing. ``require`` (default: the project's
    setting) says whether reviewed or only approved translations are published."""
    project = ws.project
    out = out or (drafts_folder(project.output_dir) if drafts else project.output_dir)
    keep = (project.root, project.source_dir, project.locales_dir)
    check_output(out, keep)
    synced = update(ws)
    report = BuildReport(out=out, catalogs=synced.written, relative=project.base_url is None)
    if not drafts and (split := split_shared_record(ws)) is not None:
        report.split = project.locales_dir / SHARED_FILE, len(split)
    requirement = require or project.require
    sources = Sources(published_records(ws), drafts, requirement)
    plan = _plan(ws, out, dict(drafts=drafts, min_reviewed=min_reviewed, require=requirement), sources)
    report.interface = [InterfaceGap(language, missing, total, project.po_path(language, UI_DOMAIN))
                        for language in [project.source_language, *project.languages]
                        for missing, total in [interface_gaps(ws, language)] if missing]
    if not plan.dirty and plan.record.site:
        report.up_to_date = True
        _report_skipped(report, [plan.record.articles[slug] for slug in plan.order])
        names = [name for r in plan.record.articles.values() for name in r.files] + list(plan.record.site)
        report.carried = sum(name.endswith(".html") for name in names)
        synced.save_state()  # with the digests of the files the plan read (the published records)
        return report
    renderer = Renderer(ws, sources, min_reviewed)
    with Staging(out, keep) as staging:
        carried = list(plan.record.articles.values())
        for record in carried:
            for name in record.files:
                staging.carry(name)
        outputs = render_articles(renderer, plan.dirty, staging, jobs)
        records = _publish(ws, outputs, sources)
        plan.record.articles.update({output.slug: output.record for output in outputs})
        plan.record.articles = {slug: plan.record.articles[slug] for slug in plan.order}
        _report_skipped(report, list(plan.record.articles.values()))
        plan.record.site = write_site_files(renderer, plan.order, plan.record.articles, staging)
        staging.commit()
    write_text_atomic(record_path(ws, out), plan.record.text())
    written = [name for output in outputs for name in output.record.files] + list(plan.record.site)
    report.pages = [out / name for name in written if name.endswith(".html")]
    report.carried = sum(name.endswith(".html") for record in carried for name in record.files)
    report.records = [record.path for record, text in records if record.save(text)]
    synced.save_state()  # with the digests of the files the build read and wrote
    return report


def site_in_memory(ws: Workspace, sources: Sources, editing: Session | None = None) -> InMemory:
    """Every file of the site as the catalogs are now, in memory (for ``l10n serve``: every language
    published, and with ``editing``, comparison pages with the editing forms)."""
    renderer, site = Renderer(ws, sources, 0, editing), InMemory()
    order = [ws.slug_of(path) for path in ws.project.sources()]
    records = {output.slug: output.record for output in render_articles(
        renderer, [(path, slug, "") for path, slug in zip(ws.project.sources(), order)], site, 1)}
    write_site_files(renderer, order, records, site)
    return site
