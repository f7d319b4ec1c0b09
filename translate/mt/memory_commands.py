"""The ``memory`` commands: the translation memory of machine output to and from TMX 1.4, the
format CAT tools and other machines exchange."""

import argparse
from pathlib import Path

from l10n_article.translate.files import write_text_atomic
from l10n_article.translate.mt.memory import LEGACY_FILE
from l10n_article.translate.mt.memory_tmx import read_units, units_text
from l10n_article.translate.workspace import Workspace


def run_export(ws: Workspace, args: argparse.Namespace) -> int:
    """``l10n memory export [--out FILE]``: every unit of the memory as TMX (default
    ``locales/memory.tmx``, the file a fresh clone's memory starts from)."""
    out = args.out or ws.project.locales_dir / LEGACY_FILE
    units = ws.memory.units()
    write_text_atomic(out, units_text(units, ws.project.source_language))
    print(f"wrote {len(units.sentences)} sentence units and {len(units.drafts)} draft units to {out}")
    return 0


def run_import(ws: Workspace, args: argparse.Namespace) -> int:
    """``l10n memory import FILE``: the file's machine output merged into the memory; units the
    memory already has are kept, units naming no package are skipped."""
    units = read_units(args.file)
    sentences, drafts = ws.memory.merge(units)
    kept = len(units.sentences) + len(units.drafts) - sentences - drafts
    print(f"{args.file}: {sentences} sentence units and {drafts} draft units added, {kept} already in the memory, "
          f"{units.skipped} skipped (no x-engine: not the output of a known package)")
    return 0


def add_commands(commands) -> None:
    memory = commands.add_parser(
        "memory", help="export the machine translation memory to TMX, or import a TMX into it",
        description="The memory of machine output (locales/memory.sqlite) to and from TMX 1.4. Import adds the "
                    "units the memory lacks and keeps those it has; a unit without the prop x-engine (a "
                    "human translation from a CAT tool) names no package, and is skipped.")
    actions = memory.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write the memory as TMX 1.4")
    export.add_argument("--out", type=Path, metavar="FILE", help=f"where to write (default: locales/{LEGACY_FILE})")
    export.set_defaults(run=run_export)
    merge = actions.add_parser("import", help="merge a TMX file's machine output into the memory")
    merge.add_argument("file", type=Path, metavar="FILE", help="a TMX 1.4 file")
    merge.set_defaults(run=run_import)
