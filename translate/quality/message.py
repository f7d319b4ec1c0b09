"""What every check looks at: one translation of one entry, with what the check needs to know of it."""

from dataclasses import dataclass

from l10n_article.translate.quality.glossary import Term
from l10n_article.translate.source.inline import plain_text, split_runs


@dataclass(frozen=True)
class Message:
    """One entry's source and one of its translations (a plural entry gives one per form), the
    languages of both, the term base, and the entry's flags.

    ``every_placeholder`` is False for a plural form that serves a single number (English "one"),
    which may spell the number out instead of keeping its placeholder, as GNU msgfmt allows.
    ``words`` are the project's own words for the language (``locales/<lang>/words.txt``), which
    the spelling check accepts; ``max_length`` is the entry's length limit, if it has one.
    """

    source: str
    translation: str
    language: str
    source_language: str
    glossary: tuple[Term, ...] = ()
    flags: frozenset[str] = frozenset()
    every_placeholder: bool = True
    words: frozenset[str] = frozenset()
    max_length: int | None = None

    @property
    def translation_text(self) -> str:
        """The translation's words: without its markup (link targets, code spans) and without the
        runs that hold no letter."""
        return "".join(run.text for run in split_runs(self.translation) if run.translatable)

    @property
    def source_plain(self) -> str:
        """The source as a reader sees it: every text run, no markup, spaces made single."""
        return plain_text(self.source)

    @property
    def translation_plain(self) -> str:
        """The translation as a reader sees it: every text run, no markup, spaces made single."""
        return plain_text(self.translation)
