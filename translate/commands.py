"""The catalog commands of ``l10n`` (extract, update, status, check): thin layers over the library."""

import argparse
import json

from l10n_article.translate.catalog.orphans import archive, find_orphans, remove
from l10n_article.translate.catalog.update import SyncReport, extract, update
from l10n_article.translate.workspace import Workspace


def language_list(value: str) -> list[str]:
    """``--lang en,ru``: the codes, checked against the project when the command runs."""
    return [code.strip() for code in value.split(",") if code.strip()]


def at_least(minimum: int):
    """An argparse type: a whole number no smaller than ``minimum``."""
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"{value} is below {minimum}")
        return number
    return parse


def percent(value: str) -> float:
    """An argparse type: a share from 0 to 100."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError(f"{value} is not a percentage from 0 to 100")
    return number


def print_report(report: SyncReport) -> None:
    for path in report.written:
        print(f"wrote {path}")
    if not report.written:
        print(f"up to date ({len(report.unchanged)} files)")


def run_extract(ws: Workspace, args: argparse.Namespace) -> int:
    print_report(extract(ws))
    return 0


def run_update(ws: Workspace, args: argparse.Namespace) -> int:
    print_report(update(ws))
    return 0


# "material": the outdated entries whose source changed a fact (a number, date, name, quotation, negation).
STATUS_COLUMNS = ("language", "catalog", "segments", "words", "reviewed", "approved", "edited-drafts",
                  "machine-drafts", "outdated", "material", "untranslated", "check-errors", "reviewed %")


def run_status(ws: Workspace, args: argparse.Namespace) -> int:
    from l10n_article.translate.catalog.records import source_changes
    from l10n_article.translate.catalog.review import project_progress
    rows = project_progress(ws, ws.project.select(args.lang))
    material = {(r.language, r.domain): sum(change.material for change in source_changes(ws, r.language, r.domain).values())
                for r in rows}
    if args.json:
        print(json.dumps([row.as_dict() | {"outdated_material": material[(row.language, row.domain)]} for row in rows],
                         ensure_ascii=False, indent=2))
        return 0
    table = [STATUS_COLUMNS] + [(r.language, r.domain, r.segments, r.words, r.reviewed, r.approved, r.edited_drafts,
                                 r.machine_drafts, r.outdated, material[(r.language, r.domain)], r.untranslated,
                                 r.check_errors, f"{r.percent_reviewed:.1f}") for r in rows]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(STATUS_COLUMNS))]
    for row in table:
        print("  ".join(str(c).ljust(w) if i < 2 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
    for orphan in find_orphans(ws):
        print(f"orphaned: {orphan.domain} ({len(orphan.files)} files): its article is gone; "
              "keep them with l10n orphans --archive, or delete them with l10n orphans --remove")
    return 0


def run_orphans(ws: Workspace, args: argparse.Namespace) -> int:
    found = find_orphans(ws)
    for orphan in found:
        if args.archive or args.remove:
            for path in archive(ws, orphan) if args.archive else remove(orphan):
                print(f"{'archived' if args.archive else 'removed'} {orphan.domain}: {path}")
        else:
            print(f"{orphan.domain}: " + ", ".join(str(path) for path in orphan.files))
    if not found:
        print("no orphaned catalogs: every catalog belongs to an article or to the pages' interface")
    return 0


def list_checks() -> int:
    """``l10n check --list``: each check's name, severity and what it finds."""
    from l10n_article.translate.quality.checks import CHECKS
    from l10n_article.translate.quality.consistency import PROJECT_CHECKS
    for check in [*CHECKS.values(), *PROJECT_CHECKS.values()]:
        print(f"{check.name} ({check.severity}): {check.summary}")
    return 0


def run_check(ws: Workspace, args: argparse.Namespace) -> int:
    from l10n_article.translate.quality.findings import check_project
    from l10n_article.translate.quality.fixes import fix_project
    from l10n_article.translate.quality.spelling import dictionary_missing
    if args.list:
        return list_checks()
    languages = ws.project.select(args.lang)
    if args.fix:
        for fixed in fix_project(ws, languages):
            print(f"fixed the typography of {fixed.entries} entries in {fixed.path}")
    for note in filter(None, map(dictionary_missing, languages)):
        print(note)
    findings, checked = check_project(ws, languages, published=args.published)
    shown = [f for f in findings if args.advisory or f.finding.severity != "advisory"]
    for finding in shown:
        print(finding)
    errors = sum(f.finding.severity == "error" for f in findings)
    warnings = sum(f.finding.severity == "warning" for f in findings)
    hidden = len(findings) - len(shown)
    advice = f", {hidden} pieces of advice not shown (--advisory shows them)" if hidden else ""
    print(f"{checked} translations checked{advice}: {errors} errors, {warnings} warnings")
    return 1 if errors else 0


def add_commands(commands) -> None:
    extract_parser = commands.add_parser(
        "extract", help="write the templates (locales/<slug>.pot, locales/ui.pot) from the sources",
        description="Write a template (POT) per article, and one for the pages' interface strings. "
                    "A template is rewritten only when more than its creation date changed.")
    extract_parser.set_defaults(run=run_extract)
    update_parser = commands.add_parser(
        "update", help="extract, then create or update every language's PO catalogs",
        description="Extract, then merge each template into locales/<lang>/LC_MESSAGES/<domain>.po with "
                    "msgmerge's rules: edited passages keep their translation as fuzzy with the previous "
                    "source (#| msgid), removed ones become obsolete (#~), comments and flags stay.")
    update_parser.set_defaults(run=run_update)
    status_parser = commands.add_parser(
        "status", help="translation progress per language and catalog",
        description="Per language and catalog, segments by state: reviewed (approved among them), edited "
                    "drafts and machine drafts (fuzzy), outdated (fuzzy since the source changed), "
                    "untranslated; and the translations with check errors (see l10n check).")
    status_parser.add_argument("--json", action="store_true", help="machine-readable output")
    status_parser.add_argument("--lang", type=language_list, help="comma-separated languages (default: all)")
    status_parser.set_defaults(run=run_status)
    check_parser = commands.add_parser(
        "check", help="quality checks on every translation, drafts included",
        description="Run the quality checks on every translated entry (drafts included, marked as such). "
                    "Exit status 1 when an error is found.")
    check_parser.add_argument("--lang", type=language_list, help="comma-separated languages (default: all)")
    check_parser.add_argument("--list", action="store_true", help="list the checks, their severity and what they find")
    check_parser.add_argument("--fix", action="store_true",
                              help="apply the typography check's safe changes to the catalogs first")
    check_parser.add_argument("--published", action="store_true",
                              help="check only what l10n build publishes (reviewed entries)")
    check_parser.add_argument("--advisory", action="store_true",
                              help="also show advice (spelling where the dictionary is weak)")
    check_parser.set_defaults(run=run_check)
    orphans_parser = commands.add_parser(
        "orphans", help="catalogs whose article was deleted: list, archive or remove them",
        description="List the templates and catalogs whose article is gone (nothing is changed without "
                    "an option); --archive moves them to locales/archive/<slug>/, --remove deletes them.")
    action = orphans_parser.add_mutually_exclusive_group()
    action.add_argument("--archive", action="store_true", help="move them to locales/archive/<slug>/")
    action.add_argument("--remove", action="store_true", help="delete them")
    orphans_parser.set_defaults(run=run_orphans)
