"""An article's body as HTML: the source's block structure with each segment's text put back.

The structure (headings, lists, quotes, figures, the newsletter box) comes from the French source;
each segment's text is rendered as inline Markdown with raw HTML disabled, so a translation can
carry emphasis and links but never markup of its own.
"""

from collections.abc import Callable

from markdown_it.token import Token
from markupsafe import Markup, escape

from l10n_article.render.context import (NO_TOKEN, Article, SegmentText, Shown, markdown_parser, plain_text,
                                         shared_parser, typeset)

_BLOCKS = {
    "container_newsletter_open": '<aside class="newsletter">\n',
    "container_newsletter_close": "</aside>\n",
}


def media_name(article: Article, src: str) -> str:
    """Where the site keeps a photo of ``article``: ``media/<slug>/<src>``."""
    return f"media/{article.slug}/{src}"


def _html(content: str) -> Token:
    return Token("html_block", "", 0, content=content)


def _photo(article: Article, text: SegmentText) -> Token:
    """The ``<img>`` of a figure's photo, its alt text in the language of ``text``."""
    photo = article.photos[text.segment.token_index]
    size = "".join(f' {name}="{value}"' for name, value in (("width", photo.width), ("height", photo.height)) if value)
    alt = escape(plain_text(text.text, article.references))
    return _html(f'<img src="../{escape(media_name(article, photo.src))}" alt="{alt}" lang="{text.language}"{size}>\n')


def _figures(tokens: list[Token | None]) -> list[Token]:
    """The tokens with each figure as ``<figure>``: its photos, then the rest in ``<figcaption>``."""
    kept: list[Token] = []
    in_figure = caption = False
    for token in tokens:
        if token is None:
            continue
        if token.type == "container_figure_open":
            kept.append(_html('<figure class="photo">\n'))
            in_figure, caption = True, False
        elif token.type == "container_figure_close":
            kept.append(_html(("</figcaption>\n" if caption else "") + "</figure>\n"))
            in_figure = False
        else:
            if in_figure and not caption and token.nesting == 1:
                kept.append(_html("<figcaption>\n"))
                caption = True
            kept.append(token)
    return kept


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
        if text.segment.token_index in article.photos:
            index = text.segment.token_index
            tokens[index - 1:index + 2] = [_photo(article, text), None, None]  # the paragraph becomes the image
            continue
        html = inline_html(typeset(text), article.references)
        marked = Token("html_inline", "", 0, content=str(wrap(text, html)))
        tokens[text.segment.token_index] = Token("inline", "", 0, children=[marked])
    return Markup(md.renderer.render(_figures(tokens), md.options, {}))


def title_text(article: Article, text: str) -> str:
    """A title (``text``, the article's or its translation) as a window title or a link shows it:
    never empty, even when it is only an image without alt text."""
    return plain_text(text, article.references) or article.slug
