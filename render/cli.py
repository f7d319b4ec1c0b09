"""The commands ``render`` adds to ``l10n``: thin layers over ``render.pages``."""

from pathlib import Path

from .pages import build


def run_build(project, args) -> int:
    report = build(project, out=args.out, drafts=args.drafts, min_reviewed=args.min_reviewed)
    for language, share in report.skipped.items():
        print(f"skipped {language}: {share:.1f}% reviewed, below --min-reviewed {args.min_reviewed:g}")
    for path in report.pages:
        print(f"page {path}")
    return 0


def add_commands(commands) -> None:
    build_parser = commands.add_parser("build", help="update the catalogs, then write a page per language")
    build_parser.add_argument("--drafts", action="store_true",
                              help="show unreviewed drafts (visibly marked) instead of the source text")
    build_parser.add_argument("--min-reviewed", type=float, default=0, metavar="N",
                              help="skip a language whose reviewed share is below N percent")
    build_parser.add_argument("--out", type=Path, help="output folder (default: build/ of the project)")
    build_parser.set_defaults(run=run_build)
