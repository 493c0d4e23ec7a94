"""One family of errors. Each carries an i18n message key and its parameters;
only the UI layer (or the CLI) turns them into text."""

from __future__ import annotations


class Amount(float):
    """A number inside a message (an amount in euros, a count of thousands): written
    the way the message's language writes numbers, «125.000» or «12,5» in Italian."""


class CantiereError(Exception):
    """Base of every error the app reports to a person."""

    key = "error.generic"
    # parameters whose value is itself an i18n key (a noun such as "thing.priority"):
    # translated when the message is shown, so each language names things in its own words
    key_params: tuple[str, ...] = ()

    def __init__(self, key: str | None = None, **params):
        self.key = key or self.key
        self.params = params
        super().__init__(f"{self.key} {params}")

    def params_in(self, lang: str = "it") -> dict:
        """The parameters for a message in ``lang``, the ``key_params`` translated."""
        from cantiere import fmt
        from cantiere.i18n import translate

        def shown(name: str, value):
            if name in self.key_params and isinstance(value, str):
                return translate(value, lang)
            if isinstance(value, Amount):
                return fmt.number(value, 0 if value.is_integer() else 2, lang)
            return value

        return {name: shown(name, value) for name, value in self.params.items()}

    def message(self, lang: str = "it") -> str:
        from cantiere.i18n import translate

        return translate(self.key, lang, **self.params_in(lang))


class UnknownNameError(CantiereError, ValueError):
    """A name looked up in a registry does not exist; the message lists the valid ones."""

    key = "error.unknown_name"
    key_params = ("kind",)

    def __init__(self, kind: str, name: object, valid):
        """``kind``: the i18n key of what was looked up ("thing.level"); ``valid``: the names that exist."""
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
