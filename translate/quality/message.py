"""What every check looks at: one translation of one entry, with what the check needs to know of it."""

from dataclasses import dataclass

from l10n_article.translate.quality.glossary import Term
from l10n_article.translate.source.inline import split_runs


@dataclass(frozen=True)
class Message:
    """One entry's source and one of its translations (a plural entry gives one per form), the
    languages of both, the term base, and the entry's flags.

    ``every_placeholder`` is False for a plural form that serves a single number (English "one"),
    which may spell the number out instead of keeping its placeholder, as GNU msgfmt allows.
    """

    source: str
    translation: str
    language: str
    source_language: str
    glossary: tuple[Term, ...] = ()
    flags: frozenset[str] = frozenset()
    every_placeholder: bool = True

    @property
    def translation_text(self) -> str:
        """The translation without its markup (link targets, code spans)."""
        return "".join(run.text for run in split_runs(self.translation) if run.translatable)
