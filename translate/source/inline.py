"""Inline Markdown kept safe from machine translation.

A segment is cut into runs: plain text, which the model translates, and markup (emphasis and
strong delimiters, code spans, link targets, escapes), which it never sees and which is put back
unchanged around the translated text. The model can therefore neither break nor drop markup.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath

from markdown_it.token import Token

from l10n_article.translate.source.markdown import inline_tokens, shared_parser


@dataclass(frozen=True)
class Run:
    text: str
    translatable: bool


def _tokens(segment: str, references: dict | None) -> Sequence[Token]:
    """The inline tokens of ``segment``, with the article's link definitions when it has any."""
    if not references:
        return inline_tokens(segment)
    return shared_parser().parseInline(segment, {"references": references})[0].children or []


def _text_tokens(tokens):
    for token in tokens:
        if token.type == "text":
            yield token.content
        elif token.type == "image":
            yield from _text_tokens(token.children or [])


def split_runs(segment: str, references: dict | None = None) -> list[Run]:
    """``segment`` as alternating runs; joining every run's text gives the segment back.
    ``references`` are the article's link definitions: the label of a ``[text][label]`` link is
    markup, never translated."""
    return _split(segment, references) if references else list(_split_alone(segment))


@lru_cache(maxsize=65536)
def _split_alone(segment: str) -> tuple[Run, ...]:
    """The runs of a segment read without link definitions (every check asks for them)."""
    return tuple(_split(segment, None))


def _split(segment: str, references: dict | None) -> list[Run]:
    inline = _tokens(segment, references)
    runs, cursor = [], 0
    for content in _text_tokens(inline):
        start = segment.find(content, cursor) if content else -1
        if start < 0:
            continue
        if start > cursor:
            runs.append(Run(segment[cursor:start], False))
        runs.append(Run(content, any(char.isalpha() for char in content)))
        cursor = start + len(content)
    if cursor < len(segment):
        runs.append(Run(segment[cursor:], False))
    return runs


def _plain(tokens) -> Iterator[str]:
    for token in tokens:
        if token.type in ("text", "code_inline"):
            yield token.content
        elif token.type in ("softbreak", "hardbreak"):
            yield " "
        elif token.type == "image":
            alt = "".join(_plain(token.children or [])).strip()
            yield alt or PurePosixPath(str(token.attrGet("src") or "")).name
        else:
            yield from _plain(token.children or [])


def plain_text(segment: str, references: dict | None = None) -> str:
    """``segment`` without its markup, as a window title or a list of links shows it: an image
    stands for its alt text (or, without one, its file name); ``references`` are the article's link
    definitions."""
    return _plain_text(segment, references) if references else _plain_alone(segment)


@lru_cache(maxsize=65536)
def _plain_alone(segment: str) -> str:
    return _plain_text(segment, None)


def _plain_text(segment: str, references: dict | None) -> str:
    inline = _tokens(segment, references)
    return " ".join("".join(_plain(inline)).split())
