"""Command line: ``python -m cantiere <command> …``.

Subcommands live in one registry (``COMMANDS``), one function each,
registered with ``@command("name", "help key", arguments…)``. A name with a
space ("workshop create") becomes a nested subcommand. Help texts and messages
are Italian, through the translation table (help keys in strings_cli); errors
go to stderr with exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cantiere.errors import CantiereError
from cantiere.i18n import translate
from cantiere.text import terminal_safe

LANG = "it"


def say(key: str, **params) -> str:
    return translate(key, LANG, **params)


@dataclass(frozen=True)
class Arg:
    """One argparse argument: ``Arg("--dots", type=int, help="cli.arg.dots")``;
    ``help`` is a translation key, filled with ``help_params`` if given."""

    flags: tuple[str, ...]
    options: dict

    def __init__(self, *flags: str, **options):
        object.__setattr__(self, "flags", flags)
        object.__setattr__(self, "options", options)

    def argparse_options(self) -> dict:
        options = dict(self.options)
        params = options.pop("help_params", {})
        if "help" in options:
            options["help"] = say(options["help"], **params)
        return options


@dataclass(frozen=True)
class Command:
    name: str  # "demo", "workshop create"
    help: str  # translation key
    args: tuple[Arg, ...]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {}


def command(name: str, help: str, *args: Arg):
    """Register the decorated function as the subcommand ``name``."""

    def register(run: Callable[[argparse.Namespace], int]):
        if name in COMMANDS:
            raise RuntimeError(f"command {name!r} registered twice")
        COMMANDS[name] = Command(name, help, args, run)
        return run

    return register


def open_store():
    """The Store of ``CANTIERE_DATABASE_URL`` (migrated)."""
    from cantiere import config
    from cantiere.store import Store

    return Store(config.load().database_url)


# --- workshop ----------------------------------------------------------------


@command(
    "workshop create",
    "cli.cmd.workshop_create",
    Arg("--title", required=True, help="cli.arg.title"),
    Arg("--priorities", required=True, type=Path, help="cli.arg.priorities"),
    Arg("--description", default="", help="cli.arg.description"),
    Arg("--dots", type=int, default=5, help="cli.arg.dots"),
    Arg("--max-per-item", type=int, default=2, help="cli.arg.max_per_item"),
    Arg("--phase", choices=("bozza", "ascolto"), default="ascolto", help="cli.arg.phase"),
)
def workshop_create(args: argparse.Namespace) -> int:
    from cantiere import workshop as w

    if not args.priorities.is_file():
        print(say("cli.file_missing", path=args.priorities), file=sys.stderr)
        return 2
    rows = w.parse_priorities_csv(args.priorities.read_bytes())
    store = open_store()
    created = w.create_workshop(
        store,
        w.Actor.command_line(),
        args.title,
        args.description,
        rows,
        dots=args.dots,
        max_per_item=args.max_per_item,
        phase=args.phase,
    )
    print(say("cli.workshop_created", title=created.title, code=created.code))
    print(created.code)
    return 0


@command("workshop list", "cli.cmd.workshop_list")
def workshop_list(args: argparse.Namespace) -> int:
    from cantiere.store import workshops as db

    found = db.list_workshops(open_store())
    if not found:
        print(say("cli.no_workshops"))
    for item in found:
        demo = " [demo]" if item.is_demo else ""
        print(f"{item.code}\t{item.phase}\t{item.created_at:%Y-%m-%d}\t{item.title}{demo}")
    return 0


@command(
    "workshop export",
    "cli.cmd.workshop_export",
    Arg("code", help="cli.arg.code"),
    Arg(
        "--format",
        choices=("json", "csv", "xlsx", "report", "report-xlsx"),
        default="json",
        help="cli.arg.export_format",
    ),
    Arg("--out", type=Path, help="cli.arg.export_out"),
)
def workshop_export(args: argparse.Namespace) -> int:
    if args.format in ("report", "report-xlsx"):
        return _export_report(args)  # the minutes (issue 6); below, the data export
    from cantiere import export
    from cantiere import workshop as w

    store = open_store()
    data = export.render_for(store, w.Actor.command_line(), w.find_workshop(store, args.code), args.format)
    if args.out is None:
        if args.format != "json":
            print(say("cli.xlsx_needs_out", format=args.format), file=sys.stderr)
            return 2
        sys.stdout.write(data.decode("utf-8") + "\n")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(say("cli.exported", path=args.out))
    return 0


def _export_report(args: argparse.Namespace) -> int:
    """``workshop export --format report|report-xlsx``: the minutes of a workshop
    (HTML to the screen or a file; XLSX to a file only)."""
    from cantiere import report
    from cantiere import workshop as w

    store = open_store()
    data = report.render(store, w.find_workshop(store, args.code), args.format)
    if args.out is None:
        if args.format != "report":
            print(say("cli.xlsx_needs_out", format=args.format), file=sys.stderr)
            return 2
        sys.stdout.write(data.decode("utf-8"))
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(say("cli.exported", path=args.out))
    return 0


@command("demo", "cli.cmd.demo")
def demo(args: argparse.Namespace) -> int:
    from cantiere import workshop as w

    created = w.create_demo(open_store(), w.Actor.command_line())
    print(say("cli.demo_created", title=created.title, code=created.code))
    return 0


@command(
    "backup",
    "cli.cmd.backup",
    Arg("out", type=Path, help="cli.arg.backup_out"),
)
def backup(args: argparse.Namespace) -> int:
    from cantiere.store.backup import backup as write_backup

    print(say("cli.backup_done", path=write_backup(open_store(), args.out)))
    return 0


# --- parser ------------------------------------------------------------------


# Help keys of the command groups ("workshop create" lives under "workshop").
GROUP_HELP = {
    "workshop": "cli.group.workshop",
    "participant": "cli.group.participant",
}

# Modules that register more commands with @command when imported, and
# modules exposing register(subparsers) (their parser sets ``handler``).
COMMAND_MODULES = ("cantiere.cli_indicators", "cantiere.cli_privacy", "cantiere.cli_serve")
REGISTRARS = ("cantiere.cli_import",)


def build_parser() -> argparse.ArgumentParser:
    """The argparse tree of every registered command."""
    import importlib

    for module in COMMAND_MODULES:
        importlib.import_module(module)
    parser = argparse.ArgumentParser(prog="python -m cantiere", description=say("cli.description"))
    groups: dict[str, argparse._SubParsersAction] = {"": parser.add_subparsers(dest="command", required=True)}
    nodes: dict[str, argparse.ArgumentParser] = {}
    for name in sorted(COMMANDS):
        parts = name.split(" ")
        prefix = ""
        for depth, part in enumerate(parts):
            path = f"{prefix} {part}".strip()
            if path not in nodes:
                leaf = depth == len(parts) - 1
                help_text = say(COMMANDS[name].help if leaf else GROUP_HELP[path])
                nodes[path] = groups[prefix].add_parser(part, help=help_text, description=help_text)
            if depth < len(parts) - 1 and path not in groups:
                groups[path] = nodes[path].add_subparsers(dest=f"sub_{depth}", required=True)
            prefix = path
        for arg in COMMANDS[name].args:
            nodes[name].add_argument(*arg.flags, **arg.argparse_options())
        nodes[name].set_defaults(handler=COMMANDS[name].run)
    for module in REGISTRARS:
        importlib.import_module(module).register(groups[""])
    # listed for --help; main() hands "bench …" to the load generator's own command line
    groups[""].add_parser("bench", help=say("cli.bench.help"), add_help=False)
    return parser


def run_bench(argv: Sequence[str]) -> int:
    """``python -m cantiere bench …`` runs ``python -m bench …`` as a process: the
    load generator (bench/, next to the app) imports cantiere, never the reverse."""
    import os
    import subprocess

    root = Path(__file__).resolve().parent.parent
    if not (root / "bench" / "__main__.py").is_file():
        print(say("cli.bench.missing", path=root / "bench"), file=sys.stderr)
        return 2
    path = os.pathsep.join(p for p in (str(root), os.environ.get("PYTHONPATH", "")) if p)
    return subprocess.call([sys.executable, "-m", "bench", *argv], env={**os.environ, "PYTHONPATH": path})


class _TerminalSafe:
    """A text stream that writes control characters as visible escapes
    (``text.terminal_safe``): cells of imported files and workshop texts reach
    the terminal as text, never as commands to it."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, data: str) -> int:
        return self._stream.write(terminal_safe(data))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["bench"]:
        return run_bench(argv[1:])
    args = build_parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalSafe(out), _TerminalSafe(err)
    try:
        return _run(args)
    finally:
        sys.stdout, sys.stderr = out, err


def _run(args) -> int:
    try:
        return args.handler(args)
    except BrokenPipeError:
        # output piped into `head` and closed early: not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except CantiereError as exc:
        print(say("cli.error", message=exc.message(LANG)), file=sys.stderr)
        return 2
