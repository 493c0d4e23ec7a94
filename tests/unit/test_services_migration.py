"""Migration 0002_datasets: tables appear on upgrade and go on downgrade."""

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from cantiere.store import MIGRATIONS

TABLES = {"datasets", "dataset_services", "dataset_indicators"}


def test_upgrade_creates_and_downgrade_drops_the_dataset_tables(fresh_store):
    assert TABLES <= set(sa.inspect(fresh_store.engine).get_table_names())
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = fresh_store.engine

    command.downgrade(config, "0002_datasets@0000_base")
    assert not TABLES & set(sa.inspect(fresh_store.engine).get_table_names())
    command.upgrade(config, "heads")
    assert TABLES <= set(sa.inspect(fresh_store.engine).get_table_names())
