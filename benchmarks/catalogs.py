"""Catalog update and writing at scale, against GNU msgmerge and msgcat on the same files.

Run: ``python benchmarks/catalogs.py [--paragraphs 5000] [--obsolete 20000] [--edited 50]`` with the
Python that has ``l10n`` installed. It writes a seeded POT of N French-like paragraphs and a PO
translating all of them (plus M obsolete entries), edits a few words in ``--edited`` paragraphs of
the POT, then times: our merge and write (``merge`` + ``format_catalog``) against
``msgmerge --previous``, and our reading and writing of the result against ``msgcat``. It checks
that both sides produce the same bytes, and prints the machine it ran on.
"""

import argparse
import platform
import random
import subprocess
import tempfile
import time
from pathlib import Path

import polib

from host import cpu
from l10n_article.translate.catalog.format import format_catalog
from l10n_article.translate.catalog.merge import merge
from l10n_article.translate.catalog.pofile import new_catalog, new_template, read_catalog

SEED = Path(__file__).resolve().parents[1] / "tests" / "data" / "article-fr.txt"


def files(folder: Path, paragraphs: int, obsolete: int, edited: int) -> tuple[Path, Path]:
    """The translator's PO and the new POT, seeded."""
    rng = random.Random(0)
    words = SEED.read_text(encoding="utf-8").split()
    texts = [f"{n} " + " ".join(rng.choice(words) for _ in range(rng.randint(20, 60))) for n in range(paragraphs)]
    old = new_catalog(new_template("news", [polib.POEntry(msgid=t) for t in texts], "bench"), "en")
    for number, text in enumerate(texts):
        old.append(polib.POEntry(msgid=text, msgstr="EN " + text, occurrences=[("a.md", str(number))]))
    for number in range(obsolete):
        old.append(polib.POEntry(msgid=f"gone {number} " + rng.choice(texts)[:80], msgstr="EN", obsolete=True))
    for number in rng.sample(range(paragraphs), min(edited, paragraphs)):
        changed = texts[number].split(" ")
        changed[rng.randrange(1, len(changed))] = rng.choice(words)
        texts[number] = " ".join(changed)
    template = new_template("news", [polib.POEntry(msgid=t, occurrences=[("a.md", str(n))])
                                     for n, t in enumerate(texts)], "bench")
    po, pot = folder / "en.po", folder / "news.pot"
    po.write_text(format_catalog(old), encoding="utf-8")
    pot.write_text(format_catalog(template), encoding="utf-8")
    return po, pot


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=5000)
    parser.add_argument("--obsolete", type=int, default=20000)
    parser.add_argument("--edited", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        po, pot = files(Path(folder), args.paragraphs, args.obsolete, args.edited)
        ours_merge, merged = timed(lambda: format_catalog(merge(read_catalog(pot), read_catalog(po, "en"), "en")))
        gnu_merge, gnu = timed(lambda: subprocess.run(["msgmerge", "--quiet", "--previous", "-o", "-", str(po), str(pot)],
                                                      capture_output=True, text=True, check=True).stdout)
        result = Path(folder) / "merged.po"
        result.write_text(str(merged), encoding="utf-8")
        ours_write, written = timed(lambda: format_catalog(read_catalog(result, "en")))
        gnu_write, _ = timed(lambda: subprocess.run(["msgcat", str(result), "-o", "-"], capture_output=True, check=True))
    print(f"{args.paragraphs} paragraphs, {args.obsolete} obsolete entries, {args.edited} edited")
    print(f"update: l10n {ours_merge:.2f} s, msgmerge --previous {gnu_merge:.2f} s, same bytes: {merged == gnu}")
    print(f"write:  l10n {ours_write:.2f} s, msgcat {gnu_write:.2f} s, unchanged: {written == merged}")
    print(f"machine: {cpu()}, {platform.system()}")


if __name__ == "__main__":
    main()
