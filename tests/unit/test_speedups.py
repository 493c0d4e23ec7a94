"""cantiere/ui/speedups.py: Streamlit's per-run theme lookup, kept per process,
must give the browser exactly the theme it gave before."""

from __future__ import annotations

import pytest
from streamlit import config
from streamlit.proto.NewSession_pb2 import CustomThemeConfig
from streamlit.runtime import app_session

from cantiere.ui import speedups


@pytest.fixture
def memo():
    original = config.get_options_for_section
    speedups.memoize_theme_options()
    yield config.get_options_for_section
    config.get_options_for_section = getattr(config.get_options_for_section, "original", original)


def theme_message() -> bytes:
    msg = CustomThemeConfig()
    app_session._populate_theme_msg(msg)
    return msg.SerializeToString()


def test_the_theme_message_is_the_same_with_the_memo(memo):
    config.set_option("theme.primaryColor", "#b5302b")
    config.get_options_for_section = memo.original
    plain = theme_message()
    config.get_options_for_section = memo
    assert theme_message() == plain
    assert theme_message() == plain  # from what was kept
    assert b"#b5302b" in plain


def test_other_sections_are_read_as_before_and_answers_are_copies(memo):
    assert memo("server") == memo.original("server")
    theme = memo("theme")
    theme["primaryColor"] = "changed"
    assert memo("theme")["primaryColor"] != "changed"


def test_installing_twice_wraps_once(memo):
    assert speedups.memoize_theme_options() is False
    assert not getattr(memo.original, "_cantiere_memo", False)


def test_a_new_option_table_drops_what_was_kept(memo, monkeypatch):
    import copy

    config.set_option("theme.primaryColor", "#b5302b")
    assert memo("theme")["primaryColor"] == "#b5302b"  # kept
    fresh = copy.deepcopy(config._config_options)  # what a reload of config.toml makes
    fresh["theme.primaryColor"].set_value("#000000")
    monkeypatch.setattr(config, "_config_options", fresh)
    assert memo("theme")["primaryColor"] == "#000000"
