"""Settings: defaults, validation, documentation."""

import pytest

from cantiere import config
from cantiere.errors import ConfigError
from tests.conftest import ROOT


def test_defaults():
    settings = config.load(env={})
    assert settings.database_url.startswith("sqlite:///") and settings.database_url.endswith("data/cantiere.db")
    assert settings.language == "it" and settings.map_mode == "auto"
    assert not settings.admin_enabled


def test_environment_wins_over_secrets():
    settings = config.load(env={"CANTIERE_LANGUAGE": "en"}, secrets={"CANTIERE_LANGUAGE": "it", "admin_password": "x"})
    assert settings.language == "en"
    assert settings.admin_password == "x"
    assert settings.sources["admin_password"] == "secrets"


@pytest.mark.parametrize(
    "name, value", [("CANTIERE_MAP_MODE", "satellite"), ("CANTIERE_LANGUAGE", "fr"), ("CANTIERE_MAX_UPLOAD_MB", "-3")]
)
def test_invalid_values_name_the_variable(name, value):
    with pytest.raises(ConfigError) as info:
        config.load(env={name: value})
    assert name in info.value.message("it")


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in config.SETTINGS:
        assert f"`{setting.env}`" in readme, f"{setting.env} missing from README"
