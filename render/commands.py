"""The page commands of ``l10n`` (build, compare): thin layers over ``render.pages`` and ``render.alignment``.

Each command imports what it runs when it runs, so that the other commands (``l10n translate``,
``l10n status``) start without loading the page machinery."""

import argparse
import os
from pathlib import Path

from l10n_article.translate import review_commands
from l10n_article.translate.commands import at_least, language_list, percent
from l10n_article.translate.project import REQUIREMENTS
from l10n_article.translate.workspace import Workspace


def default_jobs() -> int:
    """The machine's cores (as this process may use them)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_build(ws: Workspace, args: argparse.Namespace) -> int:
    from l10n_article.render.pages import build
    report = build(ws, out=args.out, drafts=args.drafts, min_reviewed=args.min_reviewed, require=args.require,
                   jobs=args.jobs)
    for path in report.catalogs:
        print(f"wrote {path}")
    for skipped in report.skipped:
        print(f"skipped {skipped.page}: {skipped.percent:.1f}% reviewed, below --min-reviewed {args.min_reviewed:g}")
    for gap in report.interface:
        print(f"{gap.catalog}: {gap.language}: {gap.missing} of {gap.total} interface strings not translated yet: "
              f"the {gap.language} pages show them in English")
    for path in report.pages:
        print(f"page {path}")
    if report.up_to_date:
        print(f"{report.out}: up to date ({report.carried} pages)")
    elif report.carried:
        print(f"{report.carried} pages of unchanged articles kept as they were")
    if report.relative:
        print("no base-url in [tool.l10n]: the pages link to each other relatively, with no canonical address, "
              "and no sitemap.xml or feeds are written")
    if report.split:
        shared, count = report.split
        print(f"split {shared} into {count} records, one per article, in {shared.with_name('published')}/")
    for path in report.records:
        print(f"recorded the published translations in {path}")
    return 0


def run_export(ws: Workspace, args: argparse.Namespace) -> int:
    from l10n_article.render.export import export
    languages = [ws.project.source_language] if args.lang == [ws.project.source_language] else ws.project.select(args.lang)
    for language in languages:
        report = export(ws, language, out=args.out, require=args.require)
        for path in report.catalogs + report.written:
            print(f"wrote {path}")
        if not report.written:
            print(f"{language}: up to date ({len(report.unchanged)} files)")
    return 0


def run_compare(ws: Workspace, args: argparse.Namespace) -> int:
    from l10n_article.render.alignment import align
    from l10n_article.render.compare_text import format_alignment
    languages = ws.project.select(args.lang)
    text = format_alignment(align(ws, languages), needs_review=args.needs_review)
    print(text or f"nothing to review: every segment is reviewed in {', '.join(languages)}")
    return 0


def run_serve(ws: Workspace, args: argparse.Namespace) -> int:
    from l10n_article.render.serve import serve  # the web server's libraries load only for this command

    project, extra = ws.project, ws.extra_domains
    serve(lambda: Workspace(project, extra), args.host, args.port, args.by)
    return 0


def add_commands(commands) -> None:
    build_parser = commands.add_parser("build", help="update the catalogs, then write a page per language")
    build_parser.add_argument("--drafts", action="store_true",
                              help="show unreviewed drafts (visibly marked) instead of the source text")
    build_parser.add_argument("--min-reviewed", type=percent, default=0, metavar="N",
                              help="skip an article's page in a language where less than N percent of it is "
                                   "reviewed (0 to 100)")
    build_parser.add_argument("--require", choices=REQUIREMENTS,
                              help="publish reviewed translations (approved among them), or approved ones only "
                                   "(default: the project's require setting, else reviewed)")
    build_parser.add_argument("--jobs", "-j", type=at_least(1), default=default_jobs(), metavar="N",
                              help="render changed articles in N processes (default: the machine's cores)")
    build_parser.add_argument("--out", type=Path,
                              help="output folder (default: build/ of the project, build-drafts/ with --drafts)")
    build_parser.set_defaults(run=run_build)
    export_parser = commands.add_parser(
        "export", help="write each article's published translation as Markdown, for a CMS",
        description="Write <out>/<lang>/<slug>.md for every article: the source's Markdown with each passage "
                    "as the language's page publishes it, and the front matter naming the language.")
    export_parser.add_argument("--format", choices=("md",), default="md", help="the format (Markdown)")
    export_parser.add_argument("--lang", type=language_list, help="comma-separated languages (default: all targets)")
    export_parser.add_argument("--require", choices=REQUIREMENTS,
                               help="export reviewed translations (approved among them), or approved ones only")
    export_parser.add_argument("--out", type=Path, help="output folder (default: build-md/ beside build/)")
    export_parser.set_defaults(run=run_export)
    compare = commands.add_parser("compare", help="print the language versions segment by segment (writes nothing)")
    compare.add_argument("--lang", type=language_list, help="comma-separated languages (default: all)")
    compare.add_argument("--needs-review", action="store_true",
                         help="only segments with a draft, an outdated or a missing translation, or check errors")
    compare.set_defaults(run=run_compare)
    serve_parser = commands.add_parser(
        "serve", help="serve the pages and the comparison page on this machine, live, for review",
        description="Serve the pages and the comparison page, made again whenever a source, catalog or "
                    "template changes. With --by NAME, the comparison page lets NAME approve segments and "
                    "leave or resolve notes (written as l10n approve and l10n note write them).")
    serve_parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve_parser.add_argument("--port", type=at_least(1), default=8000, help="port (default: 8000)")
    serve_parser.add_argument("--by", metavar="NAME", help="the editor reviewing (without it, the page is read-only)")
    serve_parser.set_defaults(run=run_serve)
    review_commands.add_commands(commands)
