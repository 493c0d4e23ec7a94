"""Every page renders without an exception."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = ["panoramica", "atlante", "servizi", "partecipa", "proiezione", "risultati", "facilitazione", "dati"]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders(app_env, page):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    assert at.title, f"{page} shows no title"
