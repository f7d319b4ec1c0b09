"""The comparison's dashboard at a newsroom's scale: its size and the time to make it.

Run: ``python benchmarks/compare_dashboard.py [--articles 1000]`` with the Python that has ``l10n``
installed. It makes the repository's own article's comparison page and summary, then that many
seeded summaries and their dashboard rows (as a build renders each article's), and the dashboard
from the rows (as a build makes it from its record: no article is read). It prints the time to make
the rows and the dashboard, the dashboard's size in bytes and per row, and the article page's size.
"""

import argparse
import json
import random
import time
from pathlib import Path

from l10n_article.render.cli import workspace
from l10n_article.render.compare import compare_article
from l10n_article.render.dashboard import article_rows, compare_dashboard

REPO = Path(__file__).resolve().parents[1]


def seeded(summary: dict, count: int) -> list[dict]:
    """``count`` summaries shaped as ``summary``, with random titles, states and dates."""
    rng = random.Random(1)
    made = []
    for number in range(count):
        copy = json.loads(json.dumps(summary))
        copy.update(slug=f"article-{number}", page=f"article-{number}.html", title=f"{summary['title']} {number}",
                    changed=f"20{rng.randint(20, 26)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}")
        for version in copy["languages"]:
            counts = version["counts"]
            for state in counts:
                counts[state] = rng.randint(0, 20)
            version["segments"], version["errors"] = sum(counts.values()), rng.randint(0, 3)
        made.append(copy)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    ws = workspace(REPO)
    languages = [ws.project.source_language, *ws.project.languages]
    page = compare_article(ws, ws.articles[0], languages)
    summaries = seeded(page.summary, args.articles)
    start = time.perf_counter()
    kept = [article_rows(ws, summary) for summary in summaries]
    made = time.perf_counter()
    dashboard = compare_dashboard(ws, kept, languages)
    elapsed = time.perf_counter() - made
    rows = dashboard.count("<tr data-language=")
    size = len(dashboard.encode())
    print(f"dashboard: {args.articles} articles, {rows} rows, {size:,} bytes ({size // rows} per row); "
          f"rows made in {made - start:.2f} s, dashboard from them in {elapsed:.2f} s")
    print(f"article page ({ws.articles[0].slug}): {len(page.html.encode()):,} bytes")


if __name__ == "__main__":
    main()
