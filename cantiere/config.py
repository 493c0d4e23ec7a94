"""Settings: one frozen object read from ``CANTIERE_*`` environment variables
(or ``.streamlit/secrets.toml``), validated at start.

Every setting is declared once in ``SETTINGS`` with its default and help text;
a test checks that each one is documented in the README (its configuration table).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cantiere.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
MAP_MODES = ("auto", "online", "offline")


@dataclass(frozen=True)
class Setting:
    name: str  # attribute of Settings; the variable is CANTIERE_<NAME>
    default: str
    help: str
    parse: Callable[[str], object] = str

    @property
    def env(self) -> str:
        return f"CANTIERE_{self.name.upper()}"


def _choice(valid: tuple[str, ...], name: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in valid:
            raise ConfigError(name=f"CANTIERE_{name.upper()}", value=value, valid=", ".join(valid))
        return value

    return parse


def _positive_int(name: str) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number <= 0:
            raise ConfigError(name=f"CANTIERE_{name.upper()}", value=value, valid="> 0")
        return number

    return parse


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "database_url",
        f"sqlite:///{ROOT / 'data' / 'cantiere.db'}",
        "SQLAlchemy URL of the database: a SQLite file (default) or postgresql+psycopg://…",
    ),
    Setting(
        "admin_password",
        "",
        "Password of facilitators and coordinators. Empty: no admin action is available.",
    ),
    Setting("language", "it", "Default interface language: it or en.", _choice(("it", "en"), "language")),
    Setting(
        "map_mode",
        "auto",
        "Maps: auto (local assets, OSM tiles as an optional layer), online (OSM tiles), offline (no tiles).",
        _choice(MAP_MODES, "map_mode"),
    ),
    Setting(
        "public_url",
        "",
        "Address phones use to reach the app (e.g. http://192.168.1.10:8501); used for the join link and QR code.",
    ),
    Setting("max_upload_mb", "20", "Largest file accepted by imports, in MB.", _positive_int("max_upload_mb")),
    Setting(
        "demo",
        "1",
        "1: create the demo workshop when the database is empty; 0: start empty.",
        _choice(("0", "1"), "demo"),
    ),
)


@dataclass(frozen=True)
class Settings:
    database_url: str
    admin_password: str
    language: str
    map_mode: str
    public_url: str
    max_upload_mb: int
    demo: str
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def admin_enabled(self) -> bool:
        return bool(self.admin_password)


def load(env: Mapping[str, str] | None = None, secrets: Mapping[str, object] | None = None) -> Settings:
    """Read every setting from ``env`` (default ``os.environ``), then ``secrets``, then the default.

    Raises ConfigError naming the variable and its valid values.
    """
    env = os.environ if env is None else env
    secrets = secrets or {}
    values: dict[str, object] = {}
    sources: dict[str, str] = {}
    for setting in SETTINGS:
        if setting.env in env:
            raw, sources[setting.name] = env[setting.env], "env"
        elif setting.env in secrets or setting.name in secrets:
            raw = secrets.get(setting.env, secrets.get(setting.name))
            sources[setting.name] = "secrets"
        else:
            raw, sources[setting.name] = setting.default, "default"
        values[setting.name] = setting.parse(str(raw).strip())
    return Settings(**values, sources=sources)
