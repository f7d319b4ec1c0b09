"""l10n against its peers on a newsroom's corpus, at several sizes.

Run: ``python benchmarks/scale.py [--sizes 1,10,100] [--rounds 5]`` with the Python that has
``l10n`` installed (``l10n`` is taken from beside it); 1000 articles work but take long.

For each size N it writes a seeded corpus of N French-like articles (benchmarks/corpus.py) into a
temporary project, runs ``l10n update``, fills every catalog (en, ru, kk and the pages' ``ui``)
with a reviewed pseudo-translation and runs ``l10n update`` once more. Each round then works on a
fresh copy of that project and runs every operation once, l10n first and its peers right after,
each as a child process (the installed ``l10n`` and ``md2po`` of this Python, GNU ``msgmerge``, and
benchmarks/peers.py for Babel and mdpo's Python API). l10n's modules are byte-compiled first, as
pip compiles an installed package such as mdpo (an editable install is compiled by its first
import, unless PYTHONDONTWRITEBYTECODE is set). The rows:

  extract            ``l10n extract`` on a copy of the project without templates (every POT written)
    md2po per file   mdpo's ``md2po`` command, one per article, each into a new PO file
    mdpo API         ``markdown_to_pofile`` for every article, in one process
  update, no change  ``l10n update`` when templates and catalogs are up to date
    msgmerge         GNU ``msgmerge --previous`` per article catalog (POT → PO, every language)
    Babel            ``read_po``, ``Catalog.update``, ``write_po`` for every article catalog, one process
  update, one edit   ``l10n update`` after one sentence of one article was edited
  build, fresh       ``l10n build --out`` into an empty folder (update, then every page)
    po2md API        mdpo's ``pofile_to_markdown`` per language and article, one process
  build, no change   ``l10n build`` again into the same folder
  build, one edit    ``l10n build`` after the edit (and its update)
  status, check      ``l10n status`` and ``l10n check``

Peers write their output beside the project, never into it. Per row, the table gives the median
wall time over the rounds, the median CPU time (user + system: steadier than wall time on a busy
machine), the peak memory (largest max RSS of its child processes, from ``os.wait4``; "≤ M" when
no more than this script's own M MB, which Linux counts in a child until its exec) and the ratio
of the l10n operation's time to that peer's. The last line is for the largest N:
``update/msgmerge`` and ``extract/md2po`` (the per-file command) are those ratios; ``noop_build_s``
is the build with nothing changed; ``one_edit/full`` is (update + build after one edit) divided by
(update with no change + fresh build), 1/N for a perfectly incremental tool; ``growth`` is the
exponent b of a least-squares fit of fresh build time ≈ a·N^b over the sizes run.
"""

import argparse
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from corpus import fill_catalogs, write_project
from host import BIN, compile_l10n, cpu, ensure_mdpo, version

HERE = Path(__file__).resolve().parent
L10N = str(BIN / "l10n")


@dataclass
class Sample:
    """One timed operation: wall time, CPU time and the largest max RSS of its child processes."""

    seconds: float
    cpu: float
    rss_kb: int


@dataclass
class Round:
    """A fresh copy of the project that one round works on, and the scratch folder for peers."""

    root: Path
    scratch: Path

    def l10n(self, *args: str, ok: tuple[int, ...] = (0,)) -> Sample:
        return run([L10N, "--root", str(self.root), *args], ok)

    def sources(self) -> list[Path]:
        return sorted((self.root / "source").glob("*.md"))

    def out(self, name: str) -> Path:
        return self.scratch / name


def own_peak() -> int:
    """This script's max RSS in KB: Linux counts a parent's pages in its child's max RSS until the
    child's exec, so a child peak at or below it only says the child is no bigger."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run(command: list[str], ok: tuple[int, ...] = (0,)) -> Sample:
    """Run ``command`` as a child process; its wall time and peak memory."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} exited with {code}:\n{errors.read().decode()[-2000:]}")
    return Sample(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def run_each(commands: list[list[str]]) -> Sample:
    """Run ``commands`` one after another, as one operation."""
    samples = [run(command) for command in commands]
    return Sample(sum(s.seconds for s in samples), sum(s.cpu for s in samples), max(s.rss_kb for s in samples))


def l10n_extract(r: Round) -> Sample:
    """``l10n extract`` on a copy of the project without its templates: the round's project, and
    the record of what its last update wrote (``.l10n/``), stay as they were for the next rows."""
    copy = r.out("extract")
    shutil.copytree(r.root, copy)
    for template in (copy / "locales").glob("*.pot"):
        template.unlink()
    return run([L10N, "--root", str(copy), "extract"])


def md2po_per_file(r: Round) -> Sample:
    out = r.out("md2po")
    out.mkdir()
    return run_each([[str(BIN / "md2po"), str(s), "-q", "-s", "-p", str(out / f"{s.stem}.po")] for s in r.sources()])


def msgmerge_per_file(r: Round) -> Sample:
    commands = []
    for source in r.sources():
        for catalog in sorted((r.root / "locales").glob(f"*/LC_MESSAGES/{source.stem}.po")):
            target = r.out("msgmerge") / catalog.parent.parent.name / catalog.name
            target.parent.mkdir(parents=True, exist_ok=True)
            commands.append(["msgmerge", "--previous", "-q", "-o", str(target), str(catalog),
                             str(r.root / "locales" / f"{source.stem}.pot")])
    return run_each(commands)


def peer_in_process(name: str) -> Callable[[Round], Sample]:
    return lambda r: run([sys.executable, str(HERE / "peers.py"), name, str(r.root), str(r.out(name))])


def build(r: Round) -> Sample:
    return r.l10n("build", "--out", str(r.out("site")))


def edit_one_sentence(r: Round) -> Sample:
    """Edit the first sentence of the middle article's first paragraph, then update."""
    sources = r.sources()
    article = sources[len(sources) // 2]
    text = article.read_text(encoding="utf-8")
    paragraph = re.search(r"^[A-Z].*$", text, re.MULTILINE)
    assert paragraph is not None
    start = text.index(".", paragraph.start())
    article.write_text(text[:start] + " cette semaine" + text[start:], encoding="utf-8")
    return r.l10n("update")


@dataclass
class Operation:
    name: str
    tool: str
    run: Callable[[Round], Sample]
    mdpo: bool = False  # a row of mdpo, skipped when it cannot be installed
    samples: list[Sample] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.name} / {self.tool}"

    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    def median_cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)


def operations(mdpo: bool) -> list[Operation]:
    """Every operation of a round, in the order a round runs them: each l10n row, then its peers."""
    ops = [
        Operation("extract", "l10n", l10n_extract),
        Operation("extract", "md2po per file", md2po_per_file, mdpo=True),
        Operation("extract", "mdpo API", peer_in_process("md2po"), mdpo=True),
        Operation("update, no change", "l10n", lambda r: r.l10n("update")),
        Operation("update, no change", "msgmerge per file", msgmerge_per_file),
        Operation("update, no change", "Babel", peer_in_process("babel")),
        Operation("build, fresh", "l10n", build),
        Operation("build, fresh", "po2md API", peer_in_process("po2md"), mdpo=True),
        Operation("build, no change", "l10n", build),
        Operation("status", "l10n", lambda r: r.l10n("status")),
        Operation("check", "l10n", lambda r: r.l10n("check", ok=(0, 1))),  # 1: the check found errors
        Operation("update, one edit", "l10n", edit_one_sentence),
        Operation("build, one edit", "l10n", build),
    ]
    return [op for op in ops if mdpo or not op.mdpo]


def make_project(folder: Path, articles: int) -> Path:
    """The pristine project of one size: corpus, complete catalogs, normalised by l10n update."""
    settings = (HERE.parent / "pyproject.toml").read_text(encoding="utf-8")
    root = folder / "pristine"
    write_project(root, articles, settings[settings.index("[tool.l10n]"):])
    run([L10N, "--root", str(root), "update"])
    fill_catalogs(root / "locales")
    run([L10N, "--root", str(root), "update"])
    return root


def measure(folder: Path, articles: int, rounds: int, mdpo: bool) -> dict[str, Operation]:
    """Every operation ``rounds`` times on ``articles`` articles, interleaved round by round."""
    pristine = make_project(folder, articles)
    ops = operations(mdpo)
    for number in range(rounds):
        work = folder / f"round-{number}"
        r = Round(work / "project", work / "out")
        shutil.copytree(pristine, r.root)
        r.scratch.mkdir()
        for op in ops:
            op.samples.append(op.run(r))
        shutil.rmtree(work)
    return {op.key: op for op in ops}


def table(articles: int, results: dict[str, Operation]) -> str:
    """The Markdown table of one size."""
    lines = [f"N={articles} articles", "", "| operation | tool | median s | CPU s | peak MB | l10n / peer |",
             "| --- | --- | ---: | ---: | ---: | ---: |"]
    for op in results.values():
        ratio = f"{results[op.name + ' / l10n'].median() / op.median():.2f}" if op.tool != "l10n" else ""
        peak = max(s.rss_kb for s in op.samples)
        shown = f"{peak / 1024:.0f}" if peak > own_peak() else f"≤ {own_peak() / 1024:.0f}"
        lines.append(f"| {op.name} | {op.tool} | {op.median():.3f} | {op.median_cpu():.3f} | {shown} | {ratio} |")
    return "\n".join(lines)


def growth(sizes: list[int], seconds: list[float]) -> float:
    """The exponent b of the least-squares fit log t = log a + b log N."""
    if len(sizes) < 2:
        return math.nan
    xs, ys = [math.log(n) for n in sizes], [math.log(t) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def machine() -> str:
    gettext = subprocess.run(["msgmerge", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return f"{cpu()}, {gettext}, Babel {version('babel')}, mdpo {version('mdpo')}, l10n {version('l10n-article')}"


def summary(sizes: list[int], results: list[dict[str, Operation]]) -> str:
    """The last line, for the largest size."""
    last = results[-1]
    t = {key: op.median() for key, op in last.items()}
    one_edit = (t["update, one edit / l10n"] + t["build, one edit / l10n"]) / (
        t["update, no change / l10n"] + t["build, fresh / l10n"])
    md2po = t.get("extract / md2po per file")
    extract = f"{t['extract / l10n'] / md2po:.2f}" if md2po else "skipped"
    fit = growth(sizes, [r["build, fresh / l10n"].median() for r in results])
    update = t["update, no change / l10n"] / t["update, no change / msgmerge per file"]
    return (f"N={sizes[-1]} update/msgmerge={update:.2f} extract/md2po={extract}"
            f" noop_build_s={t['build, no change / l10n']:.3f} one_edit/full={one_edit:.2f} growth={fit:.2f}")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    options.add_argument("--sizes", default="1,10,100", help="comma-separated article counts (default 1,10,100)")
    options.add_argument("--rounds", type=int, default=5, help="interleaved rounds per size (default 5)")
    args = options.parse_args()
    sizes = sorted(int(n) for n in args.sizes.split(","))
    mdpo = ensure_mdpo()
    compile_l10n()
    print(machine())
    print(f"{args.rounds} rounds per size; median wall time, median CPU time (user + system) and largest max RSS "
          f"of the child processes; load average {os.getloadavg()[0]:.1f}\n")
    results = []
    with tempfile.TemporaryDirectory(prefix="l10n-scale-") as folder:
        for articles in sizes:
            started = time.perf_counter()
            size_folder = Path(folder) / str(articles)
            results.append(measure(size_folder, articles, args.rounds, mdpo))
            print(table(articles, results[-1]))
            print(f"({time.perf_counter() - started:.0f} s for this size)\n", flush=True)
    print(summary(sizes, results))


if __name__ == "__main__":
    main()
