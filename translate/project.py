"""A project's settings (``[tool.l10n]`` in its pyproject.toml) and its gettext path conventions.

This is the only module that knows where sources, templates (POT) and catalogs (PO) live.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError

from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import read_text
from l10n_article.translate.source.translit import TRANSLITERATIONS

_CODE = re.compile(r"[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2}|_\d{3})?")
DEFAULTS: dict[str, object] = {
    "source": "source",
    "locales": "locales",
    "output": "build",
    "source-language": "fr",
    "languages": [],
    "on-material-change": "note",
    "require": "reviewed",
    "transliterations": [],
    "base-url": None,
}
# What a page shows for a passage whose source changed materially since its translation was reviewed.
MATERIAL_CHANGE_POLICIES = ("note", "withhold", "source")
# What a build publishes: reviewed translations (approved ones among them), or approved ones only.
REQUIREMENTS = ("reviewed", "approved")
PUBLISHED_DIR = "published"  # in the locales folder: one <slug>.tmx per article, what its pages published


def validate_language(code: object, where: Path | str | None = None) -> str:
    """Return ``code`` if it names a locale CLDR knows (``en``, ``pt_BR``); raise otherwise."""
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise L10nError(f"invalid language code {code!r} (expected a code such as en, ru, pt_BR)", where)
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError) as exc:
        raise L10nError(f"unknown language code {code!r}", where) from exc
    return code


def _settings_line(text: str) -> int | None:
    """The line of pyproject.toml that gives ``tool.l10n`` (or ``tool``) a value that is not a table."""
    for number, line in enumerate(text.split("\n"), start=1):
        if re.match(r"\s*(tool\s*=|(tool\.)?l10n\s*=)", line):
            return number
    return None


def _settings(config_path: Path) -> dict[str, object]:
    """``[tool.l10n]`` of pyproject.toml over the defaults; raise L10nError naming its line."""
    settings = dict(DEFAULTS)
    text = read_text(config_path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = str(exc).replace(where.group(0), "").strip() if where else str(exc)
        line = int(where.group(1)) if where else None
        raise L10nError(f"invalid TOML: {message}", config_path, line) from exc
    tool = data.get("tool", {})
    table = tool.get("l10n", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise L10nError("[tool.l10n] must be a table of settings (source, locales, output, source-language, "
                        "languages)", config_path, _settings_line(text))
    settings.update(table)
    return settings


def _folder(settings: dict[str, object], key: str, config_path: Path) -> str:
    value = settings[key]
    if not isinstance(value, str) or not value:
        raise L10nError(f"[tool.l10n] {key} must be a folder path (a string)", config_path)
    return value


def _languages(settings: dict[str, object], source_language: str, config_path: Path) -> tuple[str, ...]:
    languages = settings["languages"]
    if not isinstance(languages, list):
        raise L10nError("[tool.l10n] languages must be a list of language codes", config_path)
    for index, code in enumerate(languages):
        validate_language(code, config_path)
        if code in languages[:index]:
            raise L10nError(f"[tool.l10n] languages lists {code} twice", config_path)
    if source_language in languages:
        raise L10nError(f"the source language {source_language} is also a target language", config_path)
    return tuple(languages)


def _choice(settings: dict[str, object], key: str, choices: tuple[str, ...], config_path: Path) -> str:
    value = settings[key]
    if value not in choices:
        raise L10nError(f"[tool.l10n] {key} must be one of {', '.join(choices)} (not {value!r})", config_path)
    return str(value)


def _transliterations(settings: dict[str, object], languages: tuple[str, ...], config_path: Path) -> tuple[str, ...]:
    """The script editions derived from a target language's text (``kk-Latn`` from ``kk``)."""
    tags = settings["transliterations"]
    if not isinstance(tags, list):
        raise L10nError("[tool.l10n] transliterations must be a list such as [\"kk-Latn\"]", config_path)
    for tag in tags:
        known = TRANSLITERATIONS.get(tag) if isinstance(tag, str) else None
        if known is None:
            raise L10nError(f"[tool.l10n] transliterations: unknown edition {tag!r} (known: "
                            f"{', '.join(TRANSLITERATIONS)})", config_path)
        if known.base not in languages:
            raise L10nError(f"[tool.l10n] transliterations: {tag} is made from {known.base}, which is not in "
                            f"languages", config_path)
    return tuple(dict.fromkeys(tags))


def _base_url(settings: dict[str, object], config_path: Path) -> str | None:
    """The site's public address (``https://example.org/news/``), always ending with a slash."""
    value = settings["base-url"]
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", value):
        raise L10nError(f"[tool.l10n] base-url must be the site's absolute http(s) address, such as "
                        f"\"https://example.org/news/\" (not {value!r})", config_path)
    return value if value.endswith("/") else value + "/"


@dataclass(frozen=True)
class Project:
    root: Path
    source_dir: Path
    locales_dir: Path
    output_dir: Path
    source_language: str
    languages: tuple[str, ...]
    on_material_change: str = "note"
    require: str = "reviewed"
    transliterations: tuple[str, ...] = ()  # script editions derived from a target language (kk-Latn)
    base_url: str | None = None  # the site's public address: canonical links, sitemap and feeds

    @classmethod
    def load(cls, root: Path | str = ".") -> "Project":
        root = Path(root)
        config_path = root / "pyproject.toml"
        if config_path.exists():
            settings = _settings(config_path)
        elif root.is_dir():
            settings = dict(DEFAULTS)
        else:
            raise L10nError("no such project folder", root)
        source_language = validate_language(settings["source-language"], config_path)
        languages = _languages(settings, source_language, config_path)
        return cls(
            root=root,
            source_dir=root / _folder(settings, "source", config_path),
            locales_dir=root / _folder(settings, "locales", config_path),
            output_dir=root / _folder(settings, "output", config_path),
            source_language=source_language,
            languages=languages,
            on_material_change=_choice(settings, "on-material-change", MATERIAL_CHANGE_POLICIES, config_path),
            require=_choice(settings, "require", REQUIREMENTS, config_path),
            transliterations=_transliterations(settings, languages, config_path),
            base_url=_base_url(settings, config_path),
        )

    def select(self, codes: list[str] | None) -> tuple[str, ...]:
        """The target languages a command should work on: ``codes`` (checked) or all of them."""
        if not codes:
            return self.languages
        for code in codes:
            validate_language(code)
            if code not in self.languages:
                raise L10nError(f"{code} is not a target language of this project ({', '.join(self.languages)})")
        return tuple(codes)

    def sources(self) -> list[Path]:
        """The Markdown articles, in name order."""
        if not self.source_dir.is_dir():
            raise L10nError("no source folder", self.source_dir)
        articles = sorted(self.source_dir.glob("*.md"))
        if not articles:
            raise L10nError("no Markdown article (*.md) in the source folder", self.source_dir)
        for path in articles:
            if any(ord(char) < 32 or ord(char) == 127 for char in path.name):
                raise L10nError(f"the article file name {path.name!r} contains a line break or another control "
                                f"character, which no gettext reference can hold: rename the file", self.source_dir)
        return articles

    def pot_path(self, domain: str) -> Path:
        return self.locales_dir / f"{domain}.pot"

    def po_path(self, language: str, domain: str) -> Path:
        return self.locales_dir / language / "LC_MESSAGES" / f"{domain}.po"

    def relative(self, path: Path) -> str:
        """``path`` as written in ``#:`` references: relative to the project root, with slashes."""
        return path.relative_to(self.root).as_posix()
