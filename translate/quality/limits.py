"""Length limits of headings and titles, as Weblate names them: the flag ``max-length:80`` on an
entry (``#, max-length:80``), or per block kind in the project's settings::

    [tool.l10n]
    max-length = {title = 90, heading = 120}
"""

import re
import tomllib
from pathlib import Path

import polib

from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import read_text
from l10n_article.translate.quality.message import Message

FLAG = re.compile(r"max-length:(\d+)")


def length_settings(root: Path) -> dict[str, int]:
    """``[tool.l10n] max-length`` of the project at ``root``: block kind → characters."""
    path = root / "pyproject.toml"
    if not path.exists():
        return {}
    table = tomllib.loads(read_text(path)).get("tool", {}).get("l10n", {}).get("max-length", {})
    if not isinstance(table, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in table.values()):
        raise L10nError("[tool.l10n] max-length must be a table of block kinds and character counts, "
                        "such as {title = 90}", path)
    return dict(table)


def max_length(entry: polib.POEntry, settings: dict[str, int]) -> int | None:
    """The entry's limit: its ``max-length:N`` flag, else the smallest setting for its block kinds
    (its ``#.`` comment: title, heading…)."""
    for flag in entry.flags:
        found = FLAG.fullmatch(flag.strip())
        if found:
            return int(found.group(1))
    kinds = [line.strip() for line in (entry.comment or "").splitlines()]
    limits = [settings[kind] for kind in kinds if kind in settings]
    return min(limits) if limits else None


def check_max_length(m: Message) -> list[str]:
    """A translation longer than the entry's limit (a title or heading that must fit its place):
    set by the flag max-length:80 on the entry, or by [tool.l10n] max-length = {title = 90}."""
    length = len(m.translation_plain)
    if m.max_length is not None and length > m.max_length:
        return [f"{length} characters, over the limit of {m.max_length} (max-length)"]
    return []
