"""The project's one Markdown dialect: CommonMark with raw HTML off, front matter and ``:::`` containers."""

from functools import cache

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
