"""An article's body as HTML: the source's block structure with each segment's text put back.

The structure (headings, lists, quotes, figures, the newsletter box) comes from the French source;
each segment's text is rendered as inline Markdown with raw HTML disabled, so a translation can
carry emphasis and links but never markup of its own.
"""

from collections.abc import Callable

from markdown_it.token import Token
from markupsafe import Markup

from l10n_article.render.context import (NO_TOKEN, Article, SegmentText, Shown, markdown_parser, plain_text,
                                         shared_parser, typeset)

_BLOCKS = {
    "container_figure_open": '<figure class="photo">\n<figcaption>\n',
    "container_figure_close": "</figcaption>\n</figure>\n",
    "container_newsletter_open": '<aside class="newsletter">\n',
    "container_newsletter_close": "</aside>\n",
}


def inline_html(text: str, references: dict | None = None) -> Markup:
    """One segment's inline Markdown as HTML; raw HTML in it is escaped, never passed through.
    ``references`` are the article's link definitions, for its ``[text][label]`` links."""
    return Markup(shared_parser().renderInline(text, {"references": references or {}}).strip())


def _block_span(tokens: list[Token | None], index: int) -> range:
    """The tokens of the block that holds nothing but the inline token at ``index``: its paragraph
    or heading, and the list item, quote or figure around it when it is all they hold."""
    start, end = index, index
    while start > 0 and end + 1 < len(tokens):
        opening, closing = tokens[start - 1], tokens[end + 1]
        if opening is None or closing is None or opening.nesting != 1 or closing.nesting != -1 \
                or opening.level != closing.level:
            break
        start, end = start - 1, end + 1
    return range(start, end + 1)


def render_body(article: Article, texts: list[SegmentText], wrap: Callable[[SegmentText, Markup], str],
                after_title: Markup = Markup()) -> Markup:
    """HTML of the article with ``texts`` in place; ``wrap`` marks up each segment's state. A
    withheld segment is left out with the block that holds only it. ``after_title`` (the summary
    and byline) follows the title's heading."""
    md = markdown_parser()
    for name, html in _BLOCKS.items():
        md.add_render_rule(name, lambda self, tokens, idx, options, env, html=html: html)
    tokens: list[Token | None] = list(article.tokens)
    tokens[article.title.token_index + 1] = Token("html_block", "", 0, content=f"</h1>\n{after_title}")
    for text in texts:
        if text.segment.token_index == NO_TOKEN:
            continue
        if text.state == Shown.WITHHELD:
            for index in _block_span(tokens, text.segment.token_index):
                tokens[index] = None
            continue
        html = inline_html(typeset(text), article.references)
        marked = Token("html_inline", "", 0, content=str(wrap(text, html)))
        tokens[text.segment.token_index] = Token("inline", "", 0, children=[marked])
    kept = [token for token in tokens if token is not None]
    return Markup(md.renderer.render(kept, md.options, {}))


def title_text(article: Article, text: str) -> str:
    """A title (``text``, the article's or its translation) as a window title or a link shows it:
    never empty, even when it is only an image without alt text."""
    return plain_text(text, article.references) or article.slug
