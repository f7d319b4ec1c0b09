"""What the page tests share: an HTML reader that knows the language of each text, and the
validators pages must pass (axe-core in Debian's Chromium, the Nu HTML checker)."""

import contextlib
import html.parser
import shutil
import subprocess
from pathlib import Path

import pytest

from support import REPO

NODE = REPO / "node_modules"
VOID = ("meta", "link", "br", "img")


class Elements(html.parser.HTMLParser):
    """Start tags with their attributes, and text with the lang in force around it."""

    def __init__(self, text):
        super().__init__()
        self.tags, self.stack, self.texts = [], [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag not in VOID:
            self.stack.append(attrs.get("lang") or (self.stack[-1] if self.stack else None))

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            self.texts.append((data.strip(), self.stack[-1] if self.stack else None))

    def lang_of(self, fragment):
        return next(lang for text, lang in self.texts if fragment in text)


def axe_violations(pages: list[Path]) -> dict[str, list[str]]:
    """Each page's WCAG 2 A and AA violations under axe-core, in headless Chromium."""
    axe = NODE / "axe-core" / "axe.min.js"
    if not axe.exists():
        pytest.skip("axe-core is not installed (npm install --no-save axe-core vnu-jar)")
    playwright = pytest.importorskip("playwright.sync_api")
    if not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed")
    found = {}
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        tab = browser.new_page()
        for path in pages:
            tab.goto(path.as_uri())
            tab.add_script_tag(path=str(axe))
            result = tab.evaluate("axe.run(document, {runOnly: {type: 'tag', values: "
                                  "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
            assert result["passes"]
            found[path.name] = [v["id"] for v in result["violations"]]
        browser.close()
    return found


def nu_errors(pages: list[Path]) -> tuple[int, str]:
    """The Nu HTML checker's exit status and errors on ``pages``."""
    vnu = NODE / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not vnu.exists() or not shutil.which("java"):
        pytest.skip("the Nu HTML checker needs java and vnu-jar (npm install --no-save axe-core vnu-jar)")
    result = subprocess.run(["java", "-jar", str(vnu), "--errors-only", "--format", "gnu", *map(str, pages)],
                            capture_output=True, text=True)
    return result.returncode, result.stderr


@contextlib.contextmanager
def chromium():
    """Debian's Chromium, headless under Playwright (the test is skipped without them)."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            yield browser
        finally:
            browser.close()
