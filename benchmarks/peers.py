"""The in-process peers of ``benchmarks/scale.py``, each run as one child process on a project folder:

  python benchmarks/peers.py babel ROOT OUT      Babel: read_po, Catalog.update, write_po per catalog
  python benchmarks/peers.py md2po ROOT OUT      mdpo: markdown_to_pofile per article
  python benchmarks/peers.py po2md ROOT OUT      mdpo: pofile_to_markdown per language and article

Every peer reads the project's own files (``source/*.md``, ``locales/<slug>.pot``,
``locales/<lang>/LC_MESSAGES/<slug>.po``) and writes only under OUT, so the project is left as it was.
"""

import io
import re
import sys
from pathlib import Path


def article_catalogs(root: Path) -> list[tuple[Path, Path, Path]]:
    """(article, template, catalog) for every target language's catalog of every article."""
    rows = []
    for source in sorted((root / "source").glob("*.md")):
        template = root / "locales" / f"{source.stem}.pot"
        for catalog in sorted((root / "locales").glob(f"*/LC_MESSAGES/{source.stem}.po")):
            rows.append((source, template, catalog))
    return rows


def babel_update(root: Path, out: Path) -> None:
    """Babel's merge of every catalog with its template, as ``pybabel update`` does. Babel cannot
    read xgettext's template header (``nplurals=INTEGER``), so that one line is left out first."""
    from babel.messages.pofile import read_po, write_po

    templates = {}
    for _, template_path, catalog_path in article_catalogs(root):
        if template_path not in templates:
            text = re.sub(r'^"Plural-Forms: nplurals=INTEGER.*\n', "", template_path.read_text(encoding="utf-8"),
                          flags=re.MULTILINE)
            templates[template_path] = read_po(io.StringIO(text))
        language = catalog_path.parent.parent.name
        with catalog_path.open("rb") as stream:
            catalog = read_po(stream, locale=language)
        catalog.update(templates[template_path])
        target = out / language / catalog_path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as stream:
            write_po(stream, catalog, include_previous=True)


def mdpo_extract(root: Path, out: Path) -> None:
    """mdpo's extraction of every article into a new PO file."""
    from mdpo.md2po import markdown_to_pofile

    out.mkdir(parents=True, exist_ok=True)
    for source in sorted((root / "source").glob("*.md")):
        markdown_to_pofile(str(source), po_filepath=str(out / f"{source.stem}.po"), save=True)


def mdpo_build(root: Path, out: Path) -> None:
    """mdpo's translated Markdown of every article in every target language, from our catalogs."""
    from mdpo.po2md import pofile_to_markdown

    for source, _, catalog in article_catalogs(root):
        target = out / catalog.parent.parent.name / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        pofile_to_markdown(str(source), str(catalog), save=str(target))


PEERS = {"babel": babel_update, "md2po": mdpo_extract, "po2md": mdpo_build}

if __name__ == "__main__":
    PEERS[sys.argv[1]](Path(sys.argv[2]), Path(sys.argv[3]))
