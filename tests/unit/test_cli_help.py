"""Every help text of the command line comes from the translation table, in
Italian and English (no Italian string hard-coded in a decorator)."""

import argparse

from cantiere import cli, territory
from cantiere.i18n import LANGUAGES, strings


def _subparsers(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield action


def _helps(parser: argparse.ArgumentParser, path: str = ""):
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS and not isinstance(action, argparse._HelpAction):
            yield path, action.help
    for sub in _subparsers(parser):
        for choice in sub._choices_actions:
            yield f"{path} {choice.dest}".strip(), choice.help
        for name, child in sub.choices.items():
            yield from _helps(child, f"{path} {name}".strip())


def test_every_command_and_argument_help_is_a_key_in_both_languages():
    cli.build_parser()  # imports the modules that register commands
    keys = [c.help for c in cli.COMMANDS.values()] + list(cli.GROUP_HELP.values())
    keys += [a.options["help"] for c in cli.COMMANDS.values() for a in c.args if "help" in a.options]
    table = strings()
    missing = [k for k in keys if k not in table or set(table[k]) != set(LANGUAGES)]
    assert missing == []


def test_the_built_parser_shows_texts_not_keys():
    helps = list(_helps(cli.build_parser()))
    assert len(helps) > 40  # the bench's options are its own (bench/cli.py, tests/bench/test_steps.py)
    assert [(where, text) for where, text in helps if text.startswith("cli.")] == []
    assert ("workshop create", "crea un laboratorio da un CSV di priorità e stampa il codice di accesso") in helps
    years = " | ".join(map(str, territory.YEARS))
    assert ("indicators", f"anno dei dati ISTAT: {years}") in helps  # a key with a parameter
