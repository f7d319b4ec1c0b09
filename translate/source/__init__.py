"""Source → segments: Markdown articles, their translatable blocks and the inline markup in them."""
