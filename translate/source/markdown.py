"""The project's one Markdown dialect: CommonMark with raw HTML off, front matter and ``:::`` containers."""

from functools import cache, lru_cache

from markdown_it.token import Token

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

CONTAINERS = ("figure", "newsletter")


def markdown_parser() -> MarkdownIt:
    """The one Markdown dialect of the project: CommonMark, raw HTML off, front matter, containers."""
    md = MarkdownIt("commonmark", {"html": False}).use(front_matter_plugin)
    for name in CONTAINERS:
        md.use(container_plugin, name)
    return md


@cache
def shared_parser() -> MarkdownIt:
    """One parser for the many read-only uses (inline parsing and rendering); callers that add
    render rules make their own with ``markdown_parser()``."""
    return markdown_parser()


@lru_cache(maxsize=65536)
def inline_tokens(text: str) -> tuple[Token, ...]:
    """The inline tokens of ``text`` read alone (without an article's link definitions), parsed
    once however many checks look at them: callers only read them."""
    return tuple(shared_parser().parseInline(text)[0].children or [])
