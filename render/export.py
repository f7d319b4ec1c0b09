"""``l10n export --format md``: each article's published translation as Markdown, for a CMS.

As mdpo's ``po2md`` and po4a do, the translation is written into the source's own Markdown: every
block keeps its markers (``#``, ``-``, ``>``, ``:::`` containers, blank lines), and only the text of
each segment is replaced by what the language's page shows for it (the same publishing rules: a
reviewed or approved translation, the last reviewed one after a source change, the source text
where there is none; a withheld passage is left out). A passage whose source changed materially
since its last review carries, as on the page, the note that it is being updated (in italics, in
the language's words). The front matter names the language, and its summary is the translated one; a
figure's photos are copied beside the Markdown, where its image links point.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from l10n_article.render.context import (SegmentText, Shown, Sources, Workspace, article_texts, published_records,
                                         update)
from l10n_article.render.ui import ui_translations
from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import copy_if_changed, read_text, write_if_changed
from l10n_article.translate.source.article import NO_TOKEN, Article

_CONTINUATION = re.compile(r"[ \t>]*")  # what stands before the text on a block's later lines
UPDATING_NOTE = "This passage is being updated after a correction to the original."  # segment.html's words


@dataclass
class ExportReport:
    catalogs: list[Path] = field(default_factory=list)  # templates and catalogs the update rewrote
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


def export_folder(output: Path) -> Path:
    """Where exports go unless told otherwise: ``build-md/`` beside ``build/``."""
    return output.with_name(output.name + "-md")


def _block_lines(lines: list[str], start: int, end: int, content: str, text: str) -> list[str]:
    """The source lines ``start:end`` of one block with its ``content`` replaced by ``text``."""
    first = lines[start]
    at = first.find(content.split("\n")[0])
    if at < 0:
        raise L10nError(f"cannot find the text of the block in its line: {first.strip()[:60]!r}")
    prefix = first[:at]
    later = " " * len(prefix)
    if end - start > 1 and (lead := _CONTINUATION.match(lines[start + 1])) is not None:
        later = lead.group(0)
    closing = first[at + len(content.split("\n")[0]):] if "\n" not in content and end - start == 1 else ""
    parts = text.split("\n")
    return [prefix + parts[0] + closing] + [later + part for part in parts[1:]]


def _front_matter(article: Article, language: str, summary: str | None) -> list[str]:
    token = article.tokens[0]
    data = yaml.safe_load(token.content) or {}
    data["lang"] = language
    if summary is not None:
        data["summary"] = summary
    return ["---", *yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000).rstrip("\n").split("\n"), "---"]


def _shown_text(article: Article, shown: SegmentText, note: str) -> str:
    """A segment's Markdown as the page shows it: a photo keeps its image with the alt text shown."""
    photo = article.photos.get(shown.segment.token_index)
    if photo is not None:
        return f"![{shown.text}]({photo.src})"
    return f"{shown.text} *{note}*" if shown.state == Shown.UPDATING else shown.text


def article_markdown(article: Article, texts: list[SegmentText], language: str, note: str = UPDATING_NOTE) -> str:
    """The article's Markdown with each segment's text as ``texts`` say (in document order);
    ``note`` marks a passage being updated after a material correction of the source."""
    lines = read_text(article.path).split("\n")
    summary = next((t.text for t in texts if t.segment.token_index == NO_TOKEN and t.state != Shown.WITHHELD), None)
    blocks = []
    for shown in texts:
        if shown.segment.token_index == NO_TOKEN:
            continue
        token = article.tokens[shown.segment.token_index]
        start, end = token.map or (shown.segment.line - 1, shown.segment.line)
        replaced = [] if shown.state == Shown.WITHHELD else _block_lines(lines, start, end, token.content,
                                                                         _shown_text(article, shown, note))
        blocks.append((start, end, replaced))
    for start, end, replaced in sorted(blocks, reverse=True):
        lines[start:end] = replaced
    if article.tokens and article.tokens[0].type == "front_matter":
        start, end = article.tokens[0].map or (0, 0)
        lines[start:end] = _front_matter(article, language, summary)
    return "\n".join(lines)


def export(ws: Workspace, language: str, out: Path | None = None, require: str | None = None) -> ExportReport:
    """Bring the catalogs up to date (as a build does), then write ``<out>/<language>/<slug>.md`` for
    every article, as the pages of ``language`` publish it."""
    project = ws.project
    out = out or export_folder(project.output_dir)
    sources = Sources(published_records(ws), False, require or project.require)
    note = ui_translations(ws, language).gettext(UPDATING_NOTE).unescape()
    report = ExportReport(catalogs=update(ws).written)
    for article in ws.articles:
        path = out / language / f"{article.slug}.md"
        markdown = article_markdown(article, article_texts(ws, article, language, sources), language, note)
        (report.written if write_if_changed(path, markdown) else report.unchanged).append(path)
        for photo in article.photos.values():  # beside the Markdown, where its image links point
            copy = path.parent / photo.src
            (report.written if copy_if_changed(photo.path, copy) else report.unchanged).append(copy)
    return report
