"""What the benchmarks ran on, and what they install or prepare before timing anything."""

import compileall
import importlib.metadata
import importlib.util
import os
import platform
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def cpu() -> str:
    """The CPU's model, its cores and the Python, for the line under the figures."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown CPU")
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def version(name: str) -> str:
    """The installed version of the distribution ``name``."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def compile_l10n() -> None:
    """Byte-compile l10n's modules, as pip does when it installs a package (an editable install
    leaves that to the first import, and PYTHONDONTWRITEBYTECODE to none): the peers' modules are."""
    for package in ("l10n_article.translate", "l10n_article.render"):
        spec = importlib.util.find_spec(package)
        for folder in spec.submodule_search_locations or [] if spec else []:
            compileall.compile_dir(folder, quiet=1)


def ensure_mdpo() -> bool:
    """mdpo's ``md2po`` beside this Python, installed with pip when missing; False (and a line
    saying so) when it cannot be."""
    if (BIN / "md2po").exists():
        return True
    print("mdpo is missing: pip install mdpo")
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "mdpo"]).returncode == 0
    installed = installed and (BIN / "md2po").exists()
    if not installed:
        print("mdpo could not be installed: its rows (md2po, mdpo API, po2md API) are skipped")
    return installed
