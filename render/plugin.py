"""How ``render`` plugs into the ``l10n`` command: its catalog domain and its commands."""

from .cli import add_commands
from .ui import ui_domain


class PagesPlugin:
    def domains(self, project):
        return [ui_domain(project)]

    def add_commands(self, subparsers) -> None:
        add_commands(subparsers)


PLUGIN = PagesPlugin()
