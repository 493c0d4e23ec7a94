"""``python -m bench`` (and ``python -m cantiere bench``, which runs it):
simulated phones against the app and against the minimal one-button app, over
Streamlit's websocket protocol (see bench/README.md); ``--target tally`` times
the tallies instead (``bench/tally.py``).

The bench imports ``cantiere``, never the other way round: the app's command
line starts this one as a process.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench import loadgen, tally
from bench.protocol import check_url
from cantiere.i18n import translate

EXIT_USAGE = 2
EXIT_FAILED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    h = lambda key: translate(f"cli.bench.{key}")  # noqa: E731
    parser.add_argument("--target", default="minimal", help=h("target"))
    parser.add_argument("--scenario", default="burst", help=h("scenario"))
    parser.add_argument("--phones", type=int, default=20, help=h("phones"))
    parser.add_argument("--ramp", type=float, default=5.0, help=h("ramp"))
    parser.add_argument("--burst", type=float, default=3.0, help=h("burst"))
    parser.add_argument("--think", type=float, default=20.0, help=h("think"))
    parser.add_argument("--duration", type=float, default=60.0, help=h("duration"))
    parser.add_argument("--wait", type=float, default=3.0, help=h("wait"))
    parser.add_argument("--spread", action="store_true", help=h("spread"))
    parser.add_argument("--no-observer", action="store_true", help=h("no_observer"))
    parser.add_argument("--no-compare", action="store_true", help=h("no_compare"))
    parser.add_argument("--timeout", type=float, default=60.0, help=h("timeout"))
    parser.add_argument("--quickack", action="store_true", help=h("quickack"))
    parser.add_argument("--nodelay", action="store_true", help=h("nodelay"))
    parser.add_argument("--seed", type=int, default=7, help=h("seed"))
    parser.add_argument("--code", default="", help=h("code"))
    parser.add_argument("--page", default=None, help=h("page"))
    parser.add_argument("--query", default=None, help=h("query"))
    parser.add_argument("--join-steps", default=None, help=h("join_steps"))
    parser.add_argument("--vote-steps", default=None, help=h("vote_steps"))
    parser.add_argument("--url", default=None, help=h("url"))
    parser.add_argument("--pid", default=None, help=h("pid"))
    parser.add_argument("--database-url", default=None, help=h("database_url"))
    parser.add_argument("--projector-url", default=None, help=h("projector_url"))
    parser.add_argument("--json", default=None, help=h("json"))


def run(args: argparse.Namespace, out=None, err=None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    if args.target == "tally":
        return tally.main(out=out)
    try:
        target = loadgen.get_target(args.target)
        if args.page is not None:
            target.page = args.page
        if args.query is not None:
            target.query = args.query
        if args.join_steps is not None:
            target.join_steps = loadgen.parse_steps(args.join_steps)
        if args.vote_steps is not None:
            target.vote_steps = loadgen.parse_steps(args.vote_steps)
        scenario = loadgen.Scenario(
            kind=args.scenario,
            phones=args.phones,
            ramp=args.ramp,
            burst=args.burst,
            think=args.think,
            duration=args.duration,
            wait=args.wait,
            spread=args.spread,
            observer=not args.no_observer,
            timeout=args.timeout,
            quickack=args.quickack,
            nodelay=args.nodelay,
        )
        scenario.check()
        for url in filter(None, (args.url or "").split(",") + [args.projector_url]):
            check_url(url.strip())
        if args.pid is not None:
            [int(p) for p in args.pid.split(",")]
    except ValueError as exc:
        print(translate("cli.bench.bad_args", reason=str(exc)), file=err)
        return EXIT_USAGE

    kwargs = {
        "url": args.url,
        "pid": args.pid,
        "code": args.code,
        "seed": args.seed,
        "database_url": args.database_url,
        "projector_url": args.projector_url,
    }
    if args.no_compare or args.url is not None:
        reports, ratios = [loadgen.run_target(target, scenario, **kwargs)], {}
    else:
        main_report, floor, ratios = loadgen.compare(target, scenario, **kwargs)
        reports = [main_report] + ([floor] if floor else [])
    for report in reports:
        print(loadgen.format_report(report), file=out)
    shown = {k: v for k, v in ratios.items() if v is not None}
    if shown:
        print("  ratio to minimal: " + ", ".join(f"{k} {v}×" for k, v in shown.items()), file=out)
    if args.json:
        payload = {"reports": [r.as_dict() for r in reports], "ratios": ratios}
        Path(args.json).write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    failed = any(r.error_count or r.lost_ballots for r in reports)
    return EXIT_FAILED if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=translate("cli.bench.help"))
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
