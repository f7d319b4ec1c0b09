"""The machine translation memory at scale: SQLite lookups for one article against reading a TMX
memory whole, as earlier versions did for every run.

Run: ``python benchmarks/memory.py [SENTENCES]`` (default 100,000) with the Python that has
``l10n`` installed. It fills a memory in batches of 32 sentences (one transaction each, as
``l10n translate`` saves them), exports it as TMX, then times, each the median of 5 rounds:
opening the memory and looking up one article's 32 sentences; reading the TMX whole (what every
run cost before); and saving one more batch.
"""

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from l10n_article.translate.mt.argos import BATCH_SENTENCES
from l10n_article.translate.mt.memory import Memory
from l10n_article.translate.mt.memory_tmx import read_units, units_text
from l10n_article.translate.mt.units import MachineSentence

ENGINE = "translate-fr_en 1.9"


def sentence(number: int) -> str:
    return f"Phrase numéro {number} d’un article parmi des milliers, assez longue pour ressembler à une vraie."


def fill(locales: Path, count: int) -> float:
    """Put ``count`` sentences into the memory, one transaction per batch; the seconds it took."""
    memory = Memory.in_folder(locales, "fr")
    started = time.perf_counter()
    for start in range(0, count, BATCH_SENTENCES):
        for number in range(start, min(start + BATCH_SENTENCES, count)):
            memory.put(ENGINE, "fr", "en", sentence(number), MachineSentence(f"Sentence {number}.", -0.1, 20))
        memory.save()
    return time.perf_counter() - started


def median(run: Callable[[], object], rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def one_article(locales: Path, count: int) -> None:
    memory = Memory.in_folder(locales, "fr")
    found = [memory.get(ENGINE, "fr", "en", sentence(number)) for number in range(count // 2, count // 2 + 32)]
    assert all(found)
    memory.close()


def one_batch(locales: Path, done: list[int]) -> None:
    """Save a batch of new sentences (``done`` counts the batches saved so far)."""
    done.append(len(done))
    memory = Memory.in_folder(locales, "fr")
    for number in range(BATCH_SENTENCES):
        memory.put(ENGINE, "fr", "de", f"{len(done)}-{number}", MachineSentence("Satz.", -0.1, 3))
    memory.save()
    memory.close()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        locales = Path(folder) / "locales"
        filled = fill(locales, count)
        tmx = Path(folder) / "memory.tmx"
        tmx.write_text(units_text(Memory.in_folder(locales, "fr").units(), "fr"), encoding="utf-8")
        saved: list[int] = []
        rows = [
            (f"fill: {count:,} sentences, {-(-count // BATCH_SENTENCES):,} transactions", filled),
            ("open the memory, look up one article's 32 sentences", median(lambda: one_article(locales, count))),
            (f"read the TMX memory whole ({tmx.stat().st_size / 1e6:.0f} MB), as each run did before",
             median(lambda: read_units(tmx), rounds=3)),
            ("save one more batch of 32 (one transaction)", median(lambda: one_batch(locales, saved))),
        ]
        print(f"database {(locales / 'memory.sqlite').stat().st_size / 1e6:.0f} MB")
        for label, seconds in rows:
            print(f"| {label} | {seconds * 1000:.1f} ms |")


if __name__ == "__main__":
    main()
