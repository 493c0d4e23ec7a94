"""CLI: ``python -m cantiere import services|indicators FILE [--dry-run]``.

Prints the same validation report as the Dati page. Exit code 0 when the file
was imported (or is valid, with --dry-run), 1 when it was rejected. Whoever
runs the CLI has shell access to the server, so it acts as coordinator.

Files of indicators as publishers release them (MEF, OpenCivitas, ISTAT,
5×1000) are recognised and give their usual indicators; ``--columns`` picks
other columns (headers or numbers), ``--derivato`` adds a formula
(``"Reddito medio [€] = #24 / #23"``), ``--licenza``/``--attribuzione``/
``--unita`` complete what the file does not say.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from cantiere import config, importers
from cantiere.errors import CantiereError
from cantiere.i18n import translate
from cantiere.workshop import Actor

KIND_ALIASES = {"services": "services", "servizi": "services", "indicators": "indicators", "indicatori": "indicators"}


def register(subparsers) -> argparse.ArgumentParser:
    """Add the ``import`` subcommand to an argparse ``subparsers`` object."""
    parser = subparsers.add_parser(
        "import",
        help=translate("cli.cmd.import"),
        description=translate("cli.cmd.import_description"),
    )
    parser.add_argument("kind", choices=sorted(KIND_ALIASES), help=translate("cli.arg.import_kind"))
    parser.add_argument("file", help=translate("cli.arg.import_file"))
    parser.add_argument("--dry-run", action="store_true", help=translate("cli.arg.dry_run"))
    parser.add_argument("--fonte", default="", help=translate("cli.arg.fonte"))
    parser.add_argument("--anno", type=int, default=None, help=translate("cli.arg.anno"))
    parser.add_argument("--columns", "--colonne", default=None, help=translate("cli.arg.columns"))
    parser.add_argument("--derivato", action="append", default=[], help=translate("cli.arg.derivato"))
    parser.add_argument("--licenza", default=None, help=translate("cli.arg.licenza"))
    parser.add_argument("--attribuzione", default=None, help=translate("cli.arg.attribuzione"))
    parser.add_argument("--unita", default="", help=translate("cli.arg.unita"))
    parser.set_defaults(func=run, handler=run)
    return parser


def run(args: argparse.Namespace, out: TextIO | None = None, settings: config.Settings | None = None) -> int:
    """Validate and import ``args.file``; print the report; 0 imported, 1 rejected."""
    out = out or sys.stdout
    lang = "it"
    kind = KIND_ALIASES[args.kind]
    try:
        settings = settings or config.load()
        max_bytes = settings.max_upload_mb * 2**20
        size = os.path.getsize(args.file)
        if size > max_bytes:  # refuse before reading a huge file into memory
            report = importers.file_report(
                kind, os.path.basename(args.file), "imp.file.too_big", mb=_mb(size), limit=_mb(max_bytes, 0)
            )
            print(report.text(lang), file=out)
            return 1
        with open(args.file, "rb") as handle:
            data = handle.read()
        choice = _choice(args) if kind == "indicators" else None
        store = None
        if not args.dry_run:
            from cantiere.store import Store

            store = Store(settings.database_url)
        try:
            report = importers.import_file(
                store,
                kind,
                os.path.basename(args.file),
                data,
                actor=Actor.command_line(),
                max_bytes=max_bytes,
                source=args.fonte,
                year=args.anno,
                dry_run=args.dry_run,
                choice=choice,
            )
        finally:
            if store is not None:
                store.close()
    except importers.ImportRejectedError as exc:
        print(exc.report.text(lang), file=out)
        print(exc.message(lang), file=out)
        return 1
    except OSError as exc:
        print(translate("cli.import.cannot_read", lang, path=args.file, detail=exc.strerror or str(exc)), file=out)
        return 1
    except CantiereError as exc:
        print(exc.message(lang), file=out)
        return 1
    print(report.text(lang), file=out)
    key = "imp.dry_run" if args.dry_run else "imp.imported"
    print(translate(key, lang, rows=len(report.rows), name=report.filename), file=out)
    return 0


def split_columns(text: str | None) -> tuple[str, ...] | None:
    """``--columns "Numero contribuenti;Reddito imponibile - Frequenza"`` or ``"8,24"``:
    ``;`` separates when present (headers may hold commas), else ``,``."""
    if text is None:
        return None
    parts = text.split(";") if ";" in text else text.split(",")
    return tuple(p.strip() for p in parts if p.strip())


def _choice(args: argparse.Namespace) -> importers.Choice:
    """The indicators asked for on the command line. ImportValidationError for an unreadable formula."""
    from cantiere import opendata

    return importers.Choice(
        columns=split_columns(getattr(args, "columns", None)),
        formulas=tuple(opendata.parse_formula(f) for f in getattr(args, "derivato", []) or []),
        unit=getattr(args, "unita", "") or "",
        licence=getattr(args, "licenza", None),
        attribution=getattr(args, "attribuzione", None),
    )


def _mb(size: int, decimals: int = 1) -> str:
    from cantiere import fmt

    return fmt.number(size / 2**20, decimals)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run ``import …`` as if from the command line (``argv`` without the program name)."""
    parser = argparse.ArgumentParser(prog="python -m cantiere")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args, out=out)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
