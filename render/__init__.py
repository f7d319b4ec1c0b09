"""Catalogs → pages: one HTML page per language, and the comparison view, from Jinja2 templates."""
