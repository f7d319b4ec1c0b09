"""Extensions found through the ``l10n.plugins`` entry point group.

The page renderer (``render``) plugs in this way: it adds commands (``build``, ``compare``) and
the template domain of its own interface strings, while ``translate`` never imports it.
"""

from importlib.metadata import entry_points


def load_plugins() -> list:
    """Each installed plugin object, in name order."""
    return [ep.load() for ep in sorted(entry_points(group="l10n.plugins"), key=lambda ep: ep.name)]
