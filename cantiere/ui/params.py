"""URL parameters read with validation: a bad value shows an Italian message
listing the valid ones, and the page carries on with the default."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from cantiere.errors import CantiereError
from cantiere.ui import error_message, t

T = TypeVar("T")


def url_choice(name: str, check: Callable[[str], T], default: T) -> T:
    """The value of ``?name=`` passed through ``check``; ``default`` when absent or invalid."""
    raw = st.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return check(raw)
    except CantiereError as exc:
        st.error(t("atlante.bad_param", param=name, message=error_message(exc)))
        return default
