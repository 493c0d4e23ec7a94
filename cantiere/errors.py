"""One family of errors. Each carries an i18n message key and its parameters;
only the UI layer (or the CLI) turns them into text."""

from __future__ import annotations


class CantiereError(Exception):
    """Base of every error the app reports to a person."""

    key = "error.generic"

    def __init__(self, key: str | None = None, **params):
        self.key = key or self.key
        self.params = params
        super().__init__(f"{self.key} {params}")

    def message(self, lang: str = "it") -> str:
        from cantiere.i18n import translate

        return translate(self.key, lang, **self.params)


class UnknownNameError(CantiereError, ValueError):
    """A name looked up in a registry does not exist; the message lists the valid ones."""

    key = "error.unknown_name"

    def __init__(self, kind: str, name: object, valid):
        super().__init__(kind=kind, name=name, valid=", ".join(str(v) for v in valid))
        self.valid = list(valid)


class ClassificationError(CantiereError, ValueError):
    """Values cannot be split into map classes (e.g. no values at all)."""

    key = "error.classification"


class ConfigError(CantiereError):
    """A CANTIERE_* setting has an invalid value."""

    key = "error.config"


class DataMissingError(CantiereError):
    """A data file the app needs is missing or unreadable."""

    key = "error.data_missing"
