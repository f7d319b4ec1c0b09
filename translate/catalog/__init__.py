"""Segments → catalogs: PO files read strictly, written as GNU gettext writes them, merged as msgmerge does."""
