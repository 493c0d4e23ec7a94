"""Bounded work for files people upload (issue 17).

Two layers, so that no upload can slow the room:

1. **Declared sizes are checked before parsing** (cheap, in the app's
   process): the number of zip entries and their uncompressed sizes, the
   ``<dimension>`` every XLSX sheet declares (a 1.7 KB sheet declaring
   ``A1:XFD1048576`` made openpyxl pad a million rows to 16,384 columns), and
   while reading, the row numbers, the columns of a row, the cells in all,
   JSON nesting and the number of distinct property names (150,000 made the
   old GeoJSON reader quadratic). See :func:`xlsx_dimensions`, :func:`json_depth`
   and the limits below; the readers themselves are in ``cantiere.importers``.
2. **A budget the parse cannot overrun**: :func:`run` calls the reader in a
   worker process (``fork``: no re-import, a few milliseconds) and kills it
   when the time is spent or its memory grows past the budget, whatever it is
   doing. The app's process — where every phone's vote runs — only waits on
   a pipe, so the GIL stays free while a file is being read.

Limits are constants: a person who needs more splits the file (the message
says so). docs/sicurezza-limiti.md lists them.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import time
import zipfile

from cantiere import fmt
from cantiere.errors import CantiereError

log = logging.getLogger("cantiere.security")

MAX_COLUMNS = 500  # columns of a table, distinct property names of a GeoJSON
MAX_CELLS = 5_000_000  # rows × columns of one file (100,000 rows × 50 columns)
MAX_ROW_NUMBER = 150_000  # highest sheet row read (100,000 data rows, titles and gaps)
MAX_JSON_DEPTH = 64  # a GeoJSON of points nests 5 levels
MAX_ZIP_ENTRIES = 10_000
BUDGET_SECONDS = 120.0  # to read and check one file (100,000 services: ~15 s on a quiet 2-core machine)
BUDGET_MB = 1024  # memory the worker may add to what the app's process already uses
POLL = 0.05  # seconds between two looks at the worker
DIMENSION_SCAN_BYTES = 64 * 1024  # <dimension> is at the start of a sheet's XML

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*\bref\s*=\s*[\"']([A-Za-z$0-9:]+)[\"']")
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)  # "unrolled": no backtracking per character
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


class BudgetExceededError(CantiereError):
    """Reading a file took longer or more memory than its budget: it was stopped."""

    key = "limits.import_budget"


def column_number(letters: str) -> int:
    """ "A" → 1, "XFD" → 16384."""
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def parse_ref(ref: str) -> tuple[int, int]:
    """The (rows, columns) a ``<dimension ref>`` covers: "A1:XFD1048576" → (1048576, 16384).
    A reference that is not a cell or a range counts as (0, 0): not declared."""
    parts = ref.split(":")
    cells = [_CELL.match(p) for p in parts]
    if not parts or len(parts) > 2 or not all(cells):
        return 0, 0
    rows = [int(c.group(2)) for c in cells]
    columns = [column_number(c.group(1)) for c in cells]
    return max(rows) - min(rows) + 1, max(columns) - min(columns) + 1


def xlsx_dimensions(archive: zipfile.ZipFile) -> list[tuple[str, str, int, int]]:
    """Every worksheet's declared ``(path, ref, rows, columns)``, read from the
    first bytes of its XML (no parsing of the sheet)."""
    found = []
    for info in archive.infolist():
        name = info.filename
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        with archive.open(info) as stream:
            head = stream.read(DIMENSION_SCAN_BYTES)
        match = _DIMENSION.search(head)
        if match:
            ref = match.group(1).decode("ascii", "replace")
            found.append((name, ref, *parse_ref(ref)))
    return found


def json_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` in a JSON text, strings skipped; linear
    and in C (a 16 MB file in ~0.1 s): strings are cut out by one regular
    expression, the brackets left are summed as +1/-1."""
    import numpy as np

    bare = _JSON_STRING.sub("", text)
    brackets = _NOT_BRACKET.sub("", bare).encode("ascii")
    if not brackets:
        return 0
    codes = np.frombuffer(brackets, dtype=np.uint8)
    steps = np.where((codes == ord("[")) | (codes == ord("{")), 1, -1)
    return int(np.cumsum(steps, dtype=np.int64).max())


# --- the worker --------------------------------------------------------------------


def _resident(pid: int | str = "self") -> int:
    """Bytes of memory process ``pid`` has resident now (Linux; 0 when unknown)."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


_IN_WORKER = False


def in_worker() -> bool:
    """True inside a worker started by :func:`run` (no second worker is started from one)."""
    return _IN_WORKER


def _child(conn, func, args, kwargs) -> None:
    global _IN_WORKER
    _IN_WORKER = True
    try:
        result = ("ok", func(*args, **kwargs))
    except MemoryError:
        result = ("memory", None)
    except CantiereError as exc:
        result = ("error", (type(exc), exc.key, exc.params))
    except Exception as exc:  # reported by type only: the message may quote the file
        result = ("crash", type(exc).__name__)
    try:
        conn.send(result)
    except Exception as exc:  # a result that cannot be sent
        conn.send(("crash", type(exc).__name__))
    finally:
        conn.close()


def _rebuild(cls: type, key: str, params: dict) -> CantiereError:
    exc = cls.__new__(cls)
    CantiereError.__init__(exc, key, **params)
    return exc


def run(func, *args, seconds: float = BUDGET_SECONDS, memory_mb: int = BUDGET_MB, **kwargs):
    """``func(*args, **kwargs)`` in a worker process, killed after ``seconds``
    or when its resident memory grows ``memory_mb`` MB beyond the app's own
    (watched every POLL seconds: an address-space limit would break allocators
    that reserve large ranges up front, such as Arrow's).

    Raises what ``func`` raises when it is a CantiereError (rebuilt from its
    class, key and parameters), BudgetExceededError when the budget is spent,
    RuntimeError (its type only, never its text) for anything else."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    ceiling = _resident() + memory_mb * 2**20
    worker = context.Process(target=_child, args=(send, func, args, kwargs), daemon=True)
    worker.start()
    send.close()
    deadline = time.monotonic() + seconds
    kind, value = "memory", None
    try:
        while not receive.poll(POLL):
            if time.monotonic() > deadline:
                log.warning("file reading stopped: over its budget of %s s", seconds)
                raise BudgetExceededError(seconds=fmt_number(seconds), mb=fmt_number(memory_mb))
            if _resident(worker.pid) > ceiling:
                log.warning("file reading stopped: over its memory budget of %s MB", memory_mb)
                raise BudgetExceededError(seconds=fmt_number(seconds), mb=fmt_number(memory_mb))
            if not worker.is_alive() and not receive.poll(0):
                break  # died without answering (killed by the kernel): counted as memory
        else:
            try:
                kind, value = receive.recv()
            except EOFError:
                kind, value = "memory", None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join(5)
        receive.close()
    if kind == "ok":
        return value
    if kind == "error":
        raise _rebuild(*value)
    if kind == "memory":
        log.warning("file reading stopped: over its memory budget of %s MB", memory_mb)
        raise BudgetExceededError(seconds=fmt_number(seconds), mb=fmt_number(memory_mb))
    log.error("file reading failed in the worker: %s", value)
    raise RuntimeError(f"file reader failed: {value}")


def fmt_number(value: float) -> str:
    return fmt.number(value, 0)
