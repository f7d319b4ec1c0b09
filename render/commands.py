"""The page commands of ``l10n`` (build, compare): thin layers over ``render.pages`` and ``render.alignment``."""

import argparse
from pathlib import Path

from l10n_article.render.alignment import align
from l10n_article.render.compare_text import format_alignment
from l10n_article.render.pages import build
from l10n_article.translate import review_commands
from l10n_article.translate.commands import language_list, percent
from l10n_article.translate.workspace import Workspace


def run_build(ws: Workspace, args: argparse.Namespace) -> int:
    report = build(ws, out=args.out, drafts=args.drafts, min_reviewed=args.min_reviewed)
    for path in report.catalogs:
        print(f"wrote {path}")
    for skipped in report.skipped:
        print(f"skipped {skipped.page}: {skipped.percent:.1f}% reviewed, below --min-reviewed {args.min_reviewed:g}")
    for gap in report.interface:
        print(f"{gap.catalog}: {gap.language}: {gap.missing} of {gap.total} interface strings not translated yet: "
              f"the {gap.language} pages show them in English")
    for path in report.pages:
        print(f"page {path}")
    if report.record:
        print(f"recorded the published translations in {report.record}")
    return 0


def run_compare(ws: Workspace, args: argparse.Namespace) -> int:
    languages = ws.project.select(args.lang)
    text = format_alignment(align(ws, languages), needs_review=args.needs_review)
    print(text or f"nothing to review: every segment is reviewed in {', '.join(languages)}")
    return 0


def add_commands(commands) -> None:
    build_parser = commands.add_parser("build", help="update the catalogs, then write a page per language")
    build_parser.add_argument("--drafts", action="store_true",
                              help="show unreviewed drafts (visibly marked) instead of the source text")
    build_parser.add_argument("--min-reviewed", type=percent, default=0, metavar="N",
                              help="skip an article's page in a language where less than N percent of it is "
                                   "reviewed (0 to 100)")
    build_parser.add_argument("--out", type=Path,
                              help="output folder (default: build/ of the project, build-drafts/ with --drafts)")
    build_parser.set_defaults(run=run_build)
    compare = commands.add_parser("compare", help="print the language versions segment by segment (writes nothing)")
    compare.add_argument("--lang", type=language_list, help="comma-separated languages (default: all)")
    compare.add_argument("--needs-review", action="store_true",
                         help="only segments with a draft, an outdated or a missing translation, or check errors")
    compare.set_defaults(run=run_compare)
    review_commands.add_commands(commands)
