"""The ``l10n`` command: the catalog, machine-draft and page commands wired together.

Every error a user can cause is one line (``path:line: message``) and exit status 2; Ctrl-C is
130; output cut short by a closed pipe (``l10n status | head``) ends quietly.
"""

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from l10n_article.render import commands as page_commands
from l10n_article.render.ui import ui_domain
from l10n_article.translate import commands as catalog_commands
from l10n_article.translate.errors import L10nError
from l10n_article.translate.mt import commands as mt_commands
from l10n_article.translate.mt import memory_commands
from l10n_article.translate.project import Project
from l10n_article.translate.workspace import Workspace

EXAMPLES = """examples:
  l10n update                      bring every catalog up to date with the articles
  l10n status --lang en,ru         how far English and Russian are
  l10n translate --dry-run         what machine drafts would be made, and by which packages
  l10n check                       quality checks before publishing
  l10n compare --needs-review      segments an editor should look at, in the terminal
  l10n build --min-reviewed 90     pages for the languages at least 90 % reviewed
"""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``l10n translate: argument --beam: 0 is below 1``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}\n")


def parser() -> argparse.ArgumentParser:
    main_parser = _Parser(prog="l10n", description="Localize Markdown articles through gettext PO catalogs.",
                          epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    main_parser.add_argument("--root", type=Path, default=Path("."),
                             help="the project folder (with pyproject.toml, source/ and locales/)")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                          parser_class=_Parser)
    catalog_commands.add_commands(commands)
    mt_commands.add_commands(commands)
    memory_commands.add_commands(commands)
    page_commands.add_commands(commands)
    return main_parser


def workspace(root: Path | str) -> Workspace:
    """A project with the pages' interface strings as one more catalog domain."""
    return Workspace(Project.load(root), extra_domains=[ui_domain])


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(workspace(args.root), args)
    except L10nError as error:
        text = str(error)
        print(text if error.path else f"l10n: {text}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("l10n: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): say nothing more, and let no flush at exit complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
