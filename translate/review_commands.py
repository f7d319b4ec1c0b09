"""The editors' commands of ``l10n`` (approve, note): thin layers over ``catalog.review``, which
they import only when they run (it brings in every check)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from l10n_article.translate.commands import at_least
from l10n_article.translate.errors import L10nError
from l10n_article.translate.workspace import Workspace

if TYPE_CHECKING:
    from l10n_article.translate.catalog.review import Outcome, Place


def _place(args: argparse.Namespace) -> Place:
    from l10n_article.translate.catalog.review import Place
    return Place(args.lang, args.article, args.segment)


def _report(outcome: Outcome, verb: str) -> None:
    for done in outcome.changed:
        print(f"{verb} {done}")
    for left in outcome.skipped:
        print(f"left {left}")
    for path in outcome.written:
        print(f"wrote {path}")


def run_approve(ws: Workspace, args: argparse.Namespace) -> int:
    from l10n_article.translate.catalog.review import approve
    if (args.segment is None) == (not args.all_reviewed):
        raise L10nError("say what to approve: --segment N or --all-reviewed")
    outcome = approve(ws, _place(args), args.by)
    _report(outcome, "approved")
    if not outcome.changed:
        print("nothing approved")
    return 0


def run_note(ws: Workspace, args: argparse.Namespace) -> int:
    from l10n_article.translate.catalog.review import add_note, resolve_notes
    if args.resolve:
        _report(resolve_notes(ws, _place(args), args.text), "resolved the notes of")
        return 0
    if not args.text or not args.by:
        raise L10nError("a note needs --by NAME and its text (or --resolve)")
    _report(add_note(ws, _place(args), args.by, args.text), "noted")
    return 0


def _where(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", required=True, help="the language of the catalog (ru)")
    parser.add_argument("--article", metavar="SLUG", help="the article (needed when there are several)")
    parser.add_argument("--segment", type=at_least(1), metavar="N",
                        help="the segment's number, as l10n compare and the comparison page show it")


def add_commands(commands) -> None:
    approve_parser = commands.add_parser(
        "approve", help="approve reviewed translations, as an editor",
        description="Record an editor's approval on reviewed (not fuzzy) translations, as a translator "
                    "comment '# approved: NAME DATE HASH' that every gettext tool keeps. The approval is "
                    "void as soon as the source or the translation changes.")
    _where(approve_parser)
    approve_parser.add_argument("--all-reviewed", action="store_true",
                                help="every reviewed translation without check errors (of --article, or all)")
    approve_parser.add_argument("--by", required=True, metavar="NAME", help="who approves")
    approve_parser.set_defaults(run=run_approve)
    note_parser = commands.add_parser(
        "note", help="leave a note on a segment for the translator, or resolve notes",
        description="Add '# note: NAME DATE: TEXT' to a segment's entry (Poedit, Lokalize and Weblate show "
                    "translator comments); --resolve removes the segment's notes (only those saying TEXT, "
                    "when given).")
    _where(note_parser)
    note_parser.add_argument("--by", metavar="NAME", help="who writes the note")
    note_parser.add_argument("--resolve", action="store_true", help="remove the notes instead")
    note_parser.add_argument("text", nargs="?", help="the note")
    note_parser.set_defaults(run=run_note)
