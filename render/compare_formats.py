"""Numbers, shares, dates, language names and project links as the comparison pages write them."""

import os
from datetime import date

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from l10n_article.render.context import Project, language_name


class Formats:
    """How the page's language (the source language) writes what the comparison pages show."""

    def __init__(self, project: Project):
        self.project, self.language = project, project.source_language
        self.locale = Locale.parse(self.language)
        self._numbers: dict[int, str] = {}  # a dashboard of thousands of rows writes the same few numbers
        self._names: dict[str, str] = {}

    def number(self, value: int) -> str:
        if value not in self._numbers:
            self._numbers[value] = format_decimal(value, locale=self.locale)
        return self._numbers[value]

    def share(self, value: float) -> str:
        return format_percent(value, locale=self.locale)

    def day(self, iso: str, length: str = "long") -> str:
        return format_date(date.fromisoformat(iso), format=length, locale=self.locale)

    def name(self, code: str) -> str:
        """A language's name as a column header or menu item says it."""
        if code not in self._names:
            self._names[code] = language_name(code, self.language)
        return self._names[code]

    def names(self, languages: list[str]) -> str:
        return format_list([language_name(code, self.language, menu=False) for code in languages],
                           locale=self.locale)

    def href(self, location: str) -> str:
        """A link from a page in ``<output>/compare/`` to ``path:line`` of the project."""
        path, colon, line = location.rpartition(":")
        path, line = (path, line) if colon else (location, "")
        target = os.path.relpath(self.project.root / path, self.project.output_dir / "compare")
        return target.replace(os.sep, "/") + (f"#L{line}" if line.isdigit() else "")
