"""Numbers, shares, dates, language names and project links as the comparison pages write them."""

import os
from datetime import date

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from l10n_article.render.context import Project, language_name


class Formats:
    """How the page's language (the source language) writes what the comparison pages show."""

    def __init__(self, project: Project):
        self.project, self.language = project, project.source_language

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.language)

    def share(self, value: float) -> str:
        return format_percent(value, locale=self.language)

    def day(self, iso: str, length: str = "long") -> str:
        return format_date(date.fromisoformat(iso), format=length, locale=self.language)

    def name(self, code: str) -> str:
        """A language's name as a column header or menu item says it."""
        return language_name(code, self.language)

    def names(self, languages: list[str]) -> str:
        return format_list([language_name(code, self.language, menu=False) for code in languages],
                           locale=self.language)

    def href(self, location: str) -> str:
        """A link from a page in ``<output>/compare/`` to ``path:line`` of the project."""
        path, colon, line = location.rpartition(":")
        path, line = (path, line) if colon else (location, "")
        target = os.path.relpath(self.project.root / path, self.project.output_dir / "compare")
        return target.replace(os.sep, "/") + (f"#L{line}" if line.isdigit() else "")
