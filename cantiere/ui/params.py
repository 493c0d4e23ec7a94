"""URL parameters read with validation: a bad value shows an Italian message
listing the valid ones, and the page carries on with the default.

The value comes from whoever wrote the link: it is shown with ``st.text``,
never inside Markdown (``st.error`` reads Markdown: ``?indicatore=www.example.org/accedi``
became a link in the error box, issue 17)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from cantiere.errors import CantiereError
from cantiere.ui import lang, t

T = TypeVar("T")


def url_choice(name: str, check: Callable[[str], T], default: T) -> T:
    """The value of ``?name=`` passed through ``check``; ``default`` when absent or invalid."""
    raw = st.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return check(raw)
    except CantiereError as exc:
        st.error(t("atlante.bad_param_plain", param=name))  # our words only: the name is ours
        st.text(exc.message(lang()))  # the message quotes the value: plain text
        return default
