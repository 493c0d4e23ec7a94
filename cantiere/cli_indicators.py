"""``python -m cantiere indicators``: every indicator for every unit, as CSV or JSON."""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from cantiere import indicators, territory
from cantiere.errors import CantiereError, UnknownNameError
from cantiere.i18n import translate

FORMATS = ("csv", "json")
EXIT_USAGE = 2


def table(level: str, year: int) -> pd.DataFrame:
    """The indicators of ``level`` and ``year`` with counts as integers and
    ratios rounded to 4 decimals."""
    frame = indicators.compute(level, year)
    for key, ind in indicators.INDICATORS.items():
        frame[key] = frame[key].round().astype("Int64") if ind.is_count else frame[key].round(4)
    return frame


def register(subparsers) -> None:
    parser = subparsers.add_parser("indicators", help=translate("cli.indicators.help"))
    parser.add_argument("--level", default="comune", help="comune | distretto | provincia")
    parser.add_argument("--year", default=str(territory.DEFAULT_YEAR), help=" | ".join(map(str, territory.YEARS)))
    parser.add_argument("--format", default="csv", help="csv | json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out=None, err=None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        level = indicators.check_level(args.level)
        year = territory.check_year(args.year)
        if args.format not in FORMATS:
            raise UnknownNameError("formato", args.format, FORMATS)
    except CantiereError as exc:
        print(exc.message("it"), file=err)
        return EXIT_USAGE
    frame = table(level, year)
    if args.format == "csv":
        frame.to_csv(out, index=False, lineterminator="\n")
    else:
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return 0
