"""The it/en switch in the sidebar: the run that follows a tap speaks the new
language everywhere (the language is kept for the rest of a run once read,
``cantiere.ui.lang``; the switch must drop what was kept)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from cantiere.i18n import translate
from cantiere.ui import state
from tests.conftest import ROOT


def test_the_switch_changes_the_language_of_the_next_run_and_back(app_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    nav_it = at.title[0].value
    assert nav_it == translate("app.title", "it")
    switch = at.sidebar.button_group(key=state.LANG_WIDGET)
    switch.set_value("en").run()
    assert not at.exception
    assert at.session_state[state.LANG] == "en"
    assert at.title[0].value == translate("app.title", "en")  # drawn in English in that same run
    assert translate("app.title", "en") != nav_it
    at.sidebar.button_group(key=state.LANG_WIDGET).set_value("it").run()
    assert at.title[0].value == nav_it
