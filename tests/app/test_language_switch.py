"""The language is read once per run and kept for the rest of it
(``cantiere.ui.lang``): the next run, with another language in the address,
speaks that one everywhere (what was kept belongs to the earlier run)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from cantiere.i18n import translate
from tests.conftest import ROOT


def test_each_run_speaks_the_language_of_its_address(app_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert at.title[0].value == translate("app.title", "it")
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.title[0].value == translate("app.title", "en") != translate("app.title", "it")
    at.query_params["lang"] = "it"
    at.run()
    assert at.title[0].value == translate("app.title", "it")
