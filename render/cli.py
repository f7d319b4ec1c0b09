"""The commands ``render`` adds to ``l10n``: thin layers over ``render.pages``."""

from pathlib import Path

from translate.mt_cli import language_list

from .alignment import align
from .compare_text import format_alignment
from .pages import build


def run_build(project, args) -> int:
    report = build(project, out=args.out, drafts=args.drafts, min_reviewed=args.min_reviewed)
    for language, share in report.skipped.items():
        print(f"skipped {language}: {share:.1f}% reviewed, below --min-reviewed {args.min_reviewed:g}")
    for path in report.pages:
        print(f"page {path}")
    return 0


def run_compare(project, args) -> int:
    languages = project.select(args.lang)
    text = format_alignment(align(project, languages), needs_review=args.needs_review)
    print(text or f"nothing to review: every segment is reviewed in {', '.join(languages)}")
    return 0


def add_commands(commands) -> None:
    build_parser = commands.add_parser("build", help="update the catalogs, then write a page per language")
    build_parser.add_argument("--drafts", action="store_true",
                              help="show unreviewed drafts (visibly marked) instead of the source text")
    build_parser.add_argument("--min-reviewed", type=float, default=0, metavar="N",
                              help="skip a language whose reviewed share is below N percent")
    build_parser.add_argument("--out", type=Path, help="output folder (default: build/ of the project)")
    build_parser.set_defaults(run=run_build)
    compare = commands.add_parser("compare", help="print the language versions segment by segment")
    compare.add_argument("--lang", type=language_list, help="comma-separated languages (default: all)")
    compare.add_argument("--needs-review", action="store_true",
                         help="only segments with a draft, an outdated or a missing translation")
    compare.set_defaults(run=run_compare)
