"""The ``l10n`` command: a thin layer over the library; every error is one line and exit status 2."""

import argparse
import json
import sys
from pathlib import Path

from . import mt_cli
from .errors import L10nError
from .mt_cli import language_list
from .plugins import load_plugins
from .project import Project
from .review import check_project
from .sync import SyncReport, extract, status, update


def print_report(report: SyncReport) -> None:
    for path in report.written:
        print(f"wrote {path}")
    if not report.written:
        print(f"up to date ({len(report.unchanged)} files)")


def run_extract(project: Project, args) -> int:
    print_report(extract(project))
    return 0


def run_update(project: Project, args) -> int:
    print_report(update(project))
    return 0


def run_status(project: Project, args) -> int:
    rows = status(project, project.select(args.lang))
    if args.json:
        print(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
        return 0
    header = ("language", "catalog", "segments", "words", "reviewed", "drafts", "untranslated", "reviewed %")
    table = [header] + [(r.language, r.domain, r.segments, r.words, r.reviewed, r.drafts, r.untranslated,
                         f"{r.percent_reviewed:.1f}") for r in rows]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(str(c).ljust(w) if i < 2 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
    return 0


def run_check(project: Project, args) -> int:
    findings, checked = check_project(project, project.select(args.lang))
    for finding in findings:
        print(finding)
    errors = sum(f.finding.severity == "error" for f in findings)
    print(f"{checked} translations checked: {errors} errors, {len(findings) - errors} warnings")
    return 1 if errors else 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="l10n", description="Localize Markdown articles through gettext PO catalogs.")
    main_parser.add_argument("--root", type=Path, default=Path("."),
                             help="the project folder (with pyproject.toml, source/ and locales/)")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("extract", help="write the templates (locales/<slug>.pot) from the sources"
                        ).set_defaults(run=run_extract)
    commands.add_parser("update", help="extract, then create or update every language's PO catalogs"
                        ).set_defaults(run=run_update)
    status_parser = commands.add_parser("status", help="translation progress per language and catalog")
    status_parser.add_argument("--json", action="store_true", help="machine-readable output")
    status_parser.add_argument("--lang", type=language_list, help="comma-separated languages (default: all)")
    status_parser.set_defaults(run=run_status)
    check_parser = commands.add_parser("check", help="quality checks on every translation, drafts included")
    check_parser.add_argument("--lang", type=language_list, help="comma-separated languages (default: all)")
    check_parser.set_defaults(run=run_check)
    mt_cli.add_commands(commands)
    for plugin in load_plugins():
        plugin.add_commands(commands)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(Project.load(args.root), args)
    except L10nError as error:
        text = str(error)
        print(text if error.path else f"l10n: {text}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("l10n: interrupted", file=sys.stderr)
        return 130
