"""Source → segments: a Markdown article parsed with markdown-it-py into translatable blocks.

A segment is the inline Markdown of one block (heading, paragraph, list item, quote, caption,
newsletter box line). Block structure never reaches translators; inline markup does, as Markdown.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown_it.token import Token

from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import read_text
from l10n_article.translate.source.markdown import shared_parser

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
_CONTEXT_KINDS = {
    "figure": "caption",
    "list_item": "list item",
    "blockquote": "quote",
}


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str
    line: int
    token_index: int


@dataclass
class Article:
    path: Path
    slug: str
    language: str
    tokens: list[Token]
    segments: list[Segment] = field(default_factory=list)

    @property
    def title(self) -> Segment:
        return next(s for s in self.segments if s.kind == "title")


def inline_text(token: Token) -> str:
    """The block's inline Markdown on one line: soft line breaks become spaces, hard ones stay."""
    lines = token.content.split("\n")
    text = lines[0]
    for line in lines[1:]:
        hard = text.endswith("\\") or text.endswith("  ")
        text += ("\n" if hard else " ") + line
    return text


def _front_matter(tokens: list[Token], path: Path) -> dict:
    if not tokens or tokens[0].type != "front_matter":
        return {}
    try:
        data = yaml.safe_load(tokens[0].content) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise L10nError(f"invalid front matter: {getattr(exc, 'problem', exc)}", path, line) from exc
    if not isinstance(data, dict):
        raise L10nError("front matter must be a mapping of keys to values", path, 1)
    return data


def _kind(block: Token, context: list[str], seen_title: bool) -> str:
    if block.type == "heading_open":
        kind = "title" if block.tag == "h1" and not seen_title and not context else "heading"
    else:
        kind = "paragraph"
    for name in reversed(context):
        if name in _CONTEXT_KINDS:
            return _CONTEXT_KINDS[name]
        if name == "newsletter":
            return "newsletter " + ("heading" if kind == "heading" else "text")
    return kind


def parse_article(path: Path, source_language: str) -> Article:
    """Parse one Markdown article; raise L10nError for what its author must fix."""
    text = read_text(path)
    tokens = shared_parser().parse(text)
    meta = _front_matter(tokens, path)
    slug = str(meta.get("slug", path.stem))
    if not _SLUG.fullmatch(slug):
        raise L10nError(f"invalid slug {slug!r}: use lowercase letters, digits and hyphens", path, 1)
    language = str(meta.get("lang", source_language))
    if language != source_language:
        raise L10nError(f"article language {language} differs from the project's source language "
                        f"{source_language}", path, 1)
    article = Article(path=path, slug=slug, language=language, tokens=tokens)
    context: list[str] = []
    seen_title = False
    for index, token in enumerate(tokens):
        if token.nesting == 1 and token.type not in ("paragraph_open", "heading_open"):
            context.append(token.type.removesuffix("_open").removeprefix("container_"))
        elif token.nesting == -1 and token.type not in ("paragraph_close", "heading_close"):
            context.pop()
        elif token.type == "inline" and token.content.strip():
            kind = _kind(tokens[index - 1], context, seen_title)
            seen_title = seen_title or kind == "title"
            article.segments.append(Segment(inline_text(token), kind, token.map[0] + 1, index))
    if not seen_title:
        raise L10nError("the article has no title (a level-1 heading such as '# Title')", path, 1)
    return article
