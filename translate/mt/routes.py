"""Which installed packages translate into each target language: direct, via English, or from a
reviewed translation (Kazakh from the reviewed Russian: a pivot a human has checked)."""

from dataclasses import dataclass
from pathlib import Path

PIVOT = "en"
REVIEWED_PIVOTS = {"kk": "ru"}  # target → the language whose reviewed translation a draft may start from


@dataclass(frozen=True)
class PackageInfo:
    """What route planning needs to know of an installed Argos package."""

    name: str  # e.g. translate-fr_en
    from_code: str
    to_code: str
    version: str
    path: Path

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}".strip()


@dataclass(frozen=True)
class Route:
    """The packages that take a text from ``source`` to ``target``, leg after leg; ``reviewed``
    when ``source`` is not the article's language but a reviewed translation of it."""

    source: str
    target: str
    legs: tuple[PackageInfo, ...]
    reviewed: bool = False

    @property
    def kind(self) -> str:
        """``direct``, ``pivot`` or ``from reviewed ru``."""
        if self.reviewed:
            return f"from reviewed {self.source}"
        return "direct" if len(self.legs) == 1 else "pivot"

    @property
    def provenance(self) -> str:
        """How a draft was made, for translators: ``argos translate-fr_en 1.9 > translate-en_ru 1.9``,
        ``argos translate-ru_kk 1.0 from reviewed ru``."""
        made = "argos " + " > ".join(leg.label for leg in self.legs)
        return f"{made} from reviewed {self.source}" if self.reviewed else made

    def describe(self) -> str:
        path = " → ".join([self.source] + [leg.to_code for leg in self.legs])
        return f"{self.kind}: {path} ({', '.join(leg.label for leg in self.legs)})"


class NoRoute(Exception):
    def __init__(self, source: str, target: str):
        pairs = f"{source}→{target}" if PIVOT in (source, target) else f"{source}→{target} or {PIVOT}→{target}"
        super().__init__(f"no route {source}→{target}: install a package for {pairs} (l10n models install FILE)")


def _best(packages: list[PackageInfo], source: str, target: str) -> PackageInfo | None:
    candidates = [p for p in packages if p.from_code == source and p.to_code == target]
    return max(candidates, key=lambda p: _version_key(p.version)) if candidates else None


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def reviewed_route(packages: list[PackageInfo], target: str) -> Route | None:
    """The route from the reviewed translation ``target`` may start from (Kazakh: from reviewed
    Russian), when such a pivot is defined and its package is installed."""
    pivot = REVIEWED_PIVOTS.get(target)
    package = _best(packages, pivot, target) if pivot else None
    return Route(pivot, target, (package,), reviewed=True) if pivot and package else None


def find_route(packages: list[PackageInfo], source: str, target: str) -> Route:
    """A direct package if there is one, else source→English→target; raise NoRoute otherwise."""
    direct = _best(packages, source, target)
    if direct is not None:
        return Route(source, target, (direct,))
    first, second = _best(packages, source, PIVOT), _best(packages, PIVOT, target)
    if source != PIVOT and target != PIVOT and first is not None and second is not None:
        return Route(source, target, (first, second))
    raise NoRoute(source, target)
