"""CLI for privacy and backups: ``workshop erase``, ``participant erase``,
``participant export``, ``restore-check``.

Whoever runs commands on the server acts as facilitator
(``Actor.command_line()``), as in ``cantiere.cli``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cantiere.cli import Arg, command, open_store, say


@command(
    "workshop erase",
    "cli.cmd.workshop_erase",
    Arg("code", help="cli.arg.code"),
    Arg("--yes", action="store_true", help="cli.arg.erase_yes"),
)
def workshop_erase(args: argparse.Namespace) -> int:
    from cantiere import privacy
    from cantiere import workshop as w

    store = open_store()
    found = w.find_workshop(store, args.code)
    if not args.yes:
        print(say("trust.cli.erase_confirm", code=found.code, title=found.title), file=sys.stderr)
        return 2
    counts = privacy.erase_workshop(store, w.Actor.command_line(), found.code)
    print(
        say(
            "trust.cli.workshop_erased",
            code=found.code,
            participants=counts.get("participants", 0),
            ballots=counts.get("ballots", 0),
            comments=counts.get("comments", 0),
        )
    )
    return 0


@command(
    "participant erase",
    "cli.cmd.participant_erase",
    Arg("token", help="cli.arg.token"),
)
def participant_erase(args: argparse.Namespace) -> int:
    from cantiere import privacy
    from cantiere import workshop as w

    counts = privacy.erase_participant(open_store(), w.Actor.command_line(), args.token)
    print(say("trust.cli.participant_erased", texts=counts["texts"], ballots=counts["ballots_kept"]))
    return 0


@command(
    "participant export",
    "cli.cmd.participant_export",
    Arg("token", help="cli.arg.token"),
    Arg("--out", type=Path, help="cli.arg.out_screen"),
)
def participant_export(args: argparse.Namespace) -> int:
    from cantiere import privacy

    text = json.dumps(privacy.participant_data(open_store(), args.token), ensure_ascii=False, indent=2)
    if args.out is None:
        sys.stdout.write(text + "\n")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(say("cli.exported", path=args.out))
    return 0


@command(
    "restore-check",
    "cli.cmd.restore_check",
    Arg("file", type=Path, help="cli.arg.backup_file"),
)
def backup_verify(args: argparse.Namespace) -> int:
    from cantiere.store.backup_check import verify

    result = verify(args.file)
    for table, count in result.counts.items():
        print(f"{table}\t{count}")
    if not result.ok:
        print(say("trust.cli.backup_bad", path=args.file, detail=result.integrity), file=sys.stderr)
        return 1
    print(say("trust.cli.backup_ok", path=args.file, tables=len(result.counts), rows=sum(result.counts.values())))
    return 0
