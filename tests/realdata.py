"""Where the real open-data files are (``shared/realdata`` beside the
repositories, see its SOURCES.md): read from there, never copied into the
repository.

Found through ``CANTIERE_REALDATA``, else by walking up from the repository to
a ``shared/realdata`` folder (the main checkout is /work/main, worktrees
/work/wt/<name>), else /work/shared/realdata. Tests that need them are skipped
with the reason when they are absent.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT

ENV = "CANTIERE_REALDATA"
FALLBACK = Path("/work/shared/realdata")
FILES = (
    "mef_irpef_2020_ravenna_raw.csv",
    "mef_irpef_2024_ravenna.csv",
    "opencivitas_2022_sociale_asili_ravenna.csv",
    "opencivitas_2022_servizi_totali_ravenna.csv",
    "cinque_per_mille_2022_ravenna.csv",
)


def folder() -> Path | None:
    """The folder of the real files, or None."""
    configured = os.environ.get(ENV)
    if configured:
        path = Path(configured)
        return path if path.is_dir() else None
    for parent in (ROOT, *ROOT.parents):
        candidate = parent / "shared" / "realdata"
        if candidate.is_dir():
            return candidate
    return FALLBACK if FALLBACK.is_dir() else None


def path(name: str) -> Path:
    """The real file ``name``; skips the test (with where it looked) when absent."""
    base = folder()
    if base is None or not (base / name).is_file():
        where = os.environ.get(ENV) or f"shared/realdata above {ROOT} or {FALLBACK}"
        pytest.skip(f"real open-data file {name} not found ({where}); set {ENV} to its folder")
    return base / name


def rows(name: str) -> list[dict[str, str]]:
    """The file's rows as the publisher wrote them (for checking imported values against it)."""
    data = path(name).read_bytes().decode("utf-8-sig")
    delimiter = ";" if data.splitlines()[0].count(";") > data.splitlines()[0].count(",") else ","
    return list(csv.DictReader(io.StringIO(data), delimiter=delimiter))
