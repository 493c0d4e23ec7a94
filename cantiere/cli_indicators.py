"""``python -m cantiere indicators``: every indicator for every unit, as CSV or JSON."""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from cantiere import indicators, territory
from cantiere.cli import Arg, command
from cantiere.errors import UnknownNameError

FORMATS = ("csv", "json")


def table(level: str, year: int) -> pd.DataFrame:
    """The indicators of ``level`` and ``year`` with counts as integers and
    ratios rounded to 4 decimals."""
    frame = indicators.compute(level, year)
    for key, ind in indicators.INDICATORS.items():
        frame[key] = frame[key].round().astype("Int64") if ind.is_count else frame[key].round(4)
    return frame


@command(
    "indicators",
    "cli.cmd.indicators",
    Arg("--level", default="comune", help="cli.arg.level"),
    Arg(
        "--year",
        default=str(territory.DEFAULT_YEAR),
        help="cli.arg.year",
        help_params={"years": " | ".join(map(str, territory.YEARS))},
    ),
    Arg("--format", default="csv", help="cli.arg.table_format"),
)
def run(args: argparse.Namespace) -> int:
    """Unknown level, year or format: UnknownNameError (exit 2, Italian message)."""
    level = indicators.check_level(args.level)
    year = territory.check_year(args.year)
    if args.format not in FORMATS:
        raise UnknownNameError("thing.format", args.format, FORMATS)
    frame = table(level, year)
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0
