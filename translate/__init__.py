"""Source → segments → catalogs → machine drafts → checks, for articles localized with gettext."""

__version__ = "0.1.0"
