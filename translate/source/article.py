"""Source → segments: a Markdown article parsed with markdown-it-py into translatable blocks.

A segment is the inline Markdown of one block (heading, paragraph, list item, quote, caption,
newsletter box line). Block structure never reaches translators; inline markup does, as Markdown.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import imagesize
import yaml
from markdown_it.token import Token

from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import read_text
from l10n_article.translate.source.markdown import shared_parser

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
FRONT_MATTER_LIMIT = 16_384  # characters: a few keys, never a document of its own
QUOTED = 60  # characters of a value quoted in a message
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


NO_TOKEN = -1  # the token index of a segment from the front matter (the summary)


@dataclass(frozen=True)
class Metadata:
    """What the front matter says of the article besides its text: dates, author, section."""

    published: dt.date | None = None  # ``date``
    updated: dt.date | None = None  # ``updated``
    author: str | None = None
    section: str | None = None


@dataclass(frozen=True)
class Photo:
    """An image of a ``::: figure``, on a paragraph of its own: its file, and its size in pixels."""

    src: str  # as the article writes it, relative to the article's folder
    path: Path
    width: int | None
    height: int | None


@dataclass
class Article:
    path: Path
    slug: str
    language: str
    tokens: list[Token]
    segments: list[Segment] = field(default_factory=list)
    references: dict[str, dict] = field(default_factory=dict)  # link definitions, ``[label]: url``
    metadata: Metadata = field(default_factory=Metadata)
    photos: dict[int, Photo] = field(default_factory=dict)  # token index of an ``alt text`` segment → its photo

    @property
    def summary(self) -> Segment | None:
        """The front matter's ``summary``, translated like the text (kind ``summary``)."""
        return next((s for s in self.segments if s.kind == "summary"), None)

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


def quoted(value: object) -> str:
    """``value`` quoted for a message, cut to a sane length."""
    text = str(value)
    return repr(text if len(text) <= QUOTED else text[:QUOTED] + "…")


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases: front matter needs none, and aliases nested in each other
    make a few lines expand into gigabytes."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter",
                                              self.peek_event().start_mark)
        return super().compose_node(parent, index)


def _front_matter(tokens: list[Token], path: Path) -> dict:
    if not tokens or tokens[0].type != "front_matter":
        return {}
    content = tokens[0].content
    if len(content) > FRONT_MATTER_LIMIT:
        raise L10nError(f"front matter longer than {FRONT_MATTER_LIMIT} characters", path, 1)
    try:
        data = yaml.load(content, Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = str(getattr(exc, "problem", None) or exc)
        raise L10nError(f"invalid front matter: {problem[:2 * QUOTED]}", path, line) from exc
    except RecursionError as exc:
        raise L10nError("invalid front matter: nested too deeply", path, 1) from exc
    if not isinstance(data, dict):
        raise L10nError("front matter must be a mapping of keys to values", path, 1)
    return data


def _key_line(tokens: list[Token], key: str) -> int:
    """The line of the article where the front matter gives ``key``."""
    for number, line in enumerate(tokens[0].content.split("\n"), start=2):
        if line.startswith(f"{key}:"):
            return number
    return 1


def _date(meta: dict, key: str, tokens: list[Token], path: Path) -> dt.date | None:
    value = meta.get(key)
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    raise L10nError(f"front matter {key}: {quoted(value)} is not a date (write it as 2025-04-04)",
                    path, _key_line(tokens, key))


def _string(meta: dict, key: str, tokens: list[Token], path: Path) -> str | None:
    value = meta.get(key)
    if value is None or (isinstance(value, str) and value.strip()):
        return value.strip() if value else None
    raise L10nError(f"front matter {key}: {quoted(value)} is not a line of text", path, _key_line(tokens, key))


def _metadata(meta: dict, tokens: list[Token], path: Path) -> Metadata:
    """The article's dates, author and section; a value of the wrong kind is refused at its line."""
    published, updated = _date(meta, "date", tokens, path), _date(meta, "updated", tokens, path)
    if published and updated and updated < published:
        raise L10nError(f"front matter updated: {updated} is before the date {published}", path,
                        _key_line(tokens, "updated"))
    return Metadata(published, updated, _string(meta, "author", tokens, path), _string(meta, "section", tokens, path))


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


def _lone_image(token: Token) -> Token | None:
    """The image that is all a paragraph holds (a photo of a figure), if it is."""
    children = [child for child in token.children or [] if not (child.type == "text" and not child.content.strip())]
    return children[0] if len(children) == 1 and children[0].type == "image" else None


def _photo(image: Token, article: Article, line: int) -> Photo:
    """The photo's file, which must be beside the article (or below it), with its size."""
    src = str(image.attrs.get("src", ""))
    if not image.content.strip():
        raise L10nError(f"the photo {quoted(src)} has no alt text: write it between the brackets, ![…]({src})",
                        article.path, line)
    folder = article.path.parent.resolve()
    path = (folder / src).resolve()
    if "://" in src or not path.is_relative_to(folder) or not path.is_file():
        raise L10nError(f"no image file {quoted(src)} beside the article", article.path, line)
    width, height = imagesize.get(str(path))
    return Photo(src, path, width if width > 0 else None, height if height > 0 else None)


def parse_article(path: Path, source_language: str) -> Article:
    """Parse one Markdown article; raise L10nError for what its author must fix."""
    text = read_text(path)
    env: dict = {}
    tokens = shared_parser().parse(text, env)
    meta = _front_matter(tokens, path)
    slug = meta.get("slug", path.stem)
    slug = str(slug) if isinstance(slug, int) and not isinstance(slug, bool) else slug  # ``slug: 2025``
    if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
        raise L10nError(f"invalid slug {quoted(slug)}: use lowercase letters, digits and hyphens", path, 1)
    language = meta.get("lang", source_language)
    if language != source_language:
        raise L10nError(f"article language {quoted(language)} differs from the project's source language "
                        f"{source_language}", path, 1)
    article = Article(path=path, slug=slug, language=language, tokens=tokens,
                      references=env.get("references", {}), metadata=_metadata(meta, tokens, path))
    summary = _string(meta, "summary", tokens, path)
    if summary:
        article.segments.append(Segment(" ".join(summary.split()), "summary", _key_line(tokens, "summary"), NO_TOKEN))
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
            line = token.map[0] + 1 if token.map else 1
            image = _lone_image(token) if "figure" in context else None
            if image is not None:
                article.photos[index] = _photo(image, article, line)
                article.segments.append(Segment(image.content, "alt text", line, index))
                continue
            article.segments.append(Segment(inline_text(token), kind, line, index))
    if not seen_title:
        raise L10nError("the article has no title (a level-1 heading such as '# Title')", path, 1)
    return article
