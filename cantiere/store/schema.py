"""Tables. Only ``cantiere/store/`` imports this module.

Each area adds its tables here and a migration under ``migrations/versions``
whose ``down_revision`` is ``0000_base`` (or a later revision of the same area).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

app_meta = sa.Table(
    "app_meta",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# --- workshops (issue 3) -------------------------------------------------------
# Only cantiere/store/workshops.py reads and writes these tables.
# Rounds keep their method and parameters as JSON, priorities an optional cost and
# free JSON attributes, ballots a JSON payload: the voting methods of docs/sviluppo.md §4
# (budget, ranking, pairwise, matrix) plug in without a schema change. A round
# votes on every priority of its workshop unless its params list "items".

workshops = sa.Table(
    "workshops",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(12), nullable=False, unique=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("phase", sa.String(16), nullable=False),
    sa.Column("is_demo", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    # +1 at every phase or round change, in the same transaction (issue 13): phones
    # watch it through /api/live/<code> and rerun only when it moves
    sa.Column("room_version", sa.Integer, nullable=False, server_default="0"),
)

rounds = sa.Table(
    "rounds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("method", sa.String(32), nullable=False),
    sa.Column("params", sa.JSON, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

priorities = sa.Table(
    "priorities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("target_group", sa.String(200), nullable=False, server_default=""),
    sa.Column("comuni", sa.JSON, nullable=False),
    sa.Column("cost", sa.Float, nullable=True),
    sa.Column("attrs", sa.JSON, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

participants = sa.Table(
    "participants",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("token", sa.String(64), nullable=False, unique=True),
    sa.Column("comune", sa.String(100), nullable=True),
    sa.Column("role", sa.String(32), nullable=True),
    sa.Column("age_band", sa.String(16), nullable=True),
    # set when the optional profile was saved or skipped: the phone does not ask again after a reload
    sa.Column("profile_answered_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

ballots = sa.Table(
    "ballots",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("round_id", sa.Integer, sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False),
    sa.Column("participant_id", sa.Integer, sa.ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
    sa.Column("payload", sa.JSON, nullable=False),
    # 1 on the first cast, +1 on every replacement (tells cast from replaced in one statement)
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("cast_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("round_id", "participant_id", name="uq_ballots_round_participant"),
    # 0015_cards: how the ballot came in (issue 19); a card's ballot is never replaced
    sa.Column("channel", sa.String(16), nullable=False, server_default="phone"),
    sa.CheckConstraint("channel IN ('phone', 'paper', 'assisted')", name="channel"),
)

comments = sa.Table(
    "comments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "priority_id", sa.Integer, sa.ForeignKey("priorities.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("participant_id", sa.Integer, sa.ForeignKey("participants.id", ondelete="SET NULL"), nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("detail", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)


# --- imported datasets (services, indicators): cantiere/store/datasets.py ---

datasets = sa.Table(
    "datasets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # "services" | "indicators"
    sa.Column("filename", sa.String(255), nullable=False),
    sa.Column("source", sa.String(255), nullable=False, server_default=""),
    sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.CheckConstraint("kind IN ('services', 'indicators')", name="kind"),
    # 0012_data: the file's hash, licence and attribution, its data year, the
    # publisher recognised and the rows of comuni outside the province
    sa.Column("sha256", sa.String(64), nullable=False, server_default=""),
    sa.Column("licence", sa.String(200), nullable=False, server_default=""),
    sa.Column("attribution", sa.String(300), nullable=False, server_default=""),
    sa.Column("preset", sa.String(40), nullable=False, server_default=""),
    sa.Column("data_year", sa.Integer, nullable=True),
    sa.Column("outside_rows", sa.Integer, nullable=False, server_default="0"),
)

dataset_services = sa.Table(
    "dataset_services",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("dataset_id", sa.Integer, sa.ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("comune_code", sa.String(6), nullable=False),
    sa.Column("address", sa.String(200), nullable=False, server_default=""),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("places", sa.Integer, nullable=True),
    sa.Column("operator", sa.String(200), nullable=False, server_default=""),
    sa.Column("operator_kind", sa.String(16), nullable=False),
    sa.Column("is_sample", sa.Boolean, nullable=False, server_default=sa.false()),
)

dataset_indicators = sa.Table(
    "dataset_indicators",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("dataset_id", sa.Integer, sa.ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("comune_code", sa.String(6), nullable=False),
    sa.Column("indicator", sa.String(100), nullable=False),
    # 0012_data: a value may be missing (a suppressed cell, a zero denominator),
    # never without its reason; numerator and denominator let districts and the
    # province add up a ratio
    sa.Column("value", sa.Float, nullable=True),
    sa.Column("unit", sa.String(200), nullable=False, server_default=""),
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("year", sa.Integer, nullable=True),
    sa.Column("numerator", sa.Float, nullable=True),
    sa.Column("denominator", sa.Float, nullable=True),
    sa.Column("missing", sa.String(24), nullable=True),
    sa.CheckConstraint("value IS NOT NULL OR missing IS NOT NULL", name="value_or_missing"),
)

# --- open data as published (issue 18, 0012_data): cantiere/store/datasets.py ---
# One definition per imported indicator: its formula over the file's columns,
# unit, source, licence, year. One name per year across every file: a second
# «Reddito medio» for 2024 is refused, by the database.

indicator_defs = sa.Table(
    "indicator_defs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("dataset_id", sa.Integer, sa.ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("year", sa.Integer, nullable=True),
    sa.Column("unit", sa.String(100), nullable=False, server_default=""),
    sa.Column("spec", sa.JSON, nullable=False),
    sa.Column("formula", sa.Text, nullable=False, server_default=""),
    sa.Column("source", sa.String(255), nullable=False, server_default=""),
    sa.Column("licence", sa.String(200), nullable=False, server_default=""),
    sa.Column("attribution", sa.String(300), nullable=False, server_default=""),
    sa.Column("aggregation", sa.String(8), nullable=False),
    sa.Column("decimals", sa.Integer, nullable=False, server_default="2"),
    sa.Column("population_year", sa.Integer, nullable=True),
    sa.UniqueConstraint("name", "year", name="uq_indicator_defs_name"),
    sa.CheckConstraint("aggregation IN ('ratio', 'sum', 'none')", name="aggregation"),
)

# What a voting round showed when it opened: the ISTAT year and the imported
# files (id, name, sha256, source, year) behind its priorities' evidence.
# Written and read by cantiere/store/workshops.py (with the rounds).
round_data_versions = sa.Table(
    "round_data_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("round_id", sa.Integer, sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("istat_year", sa.Integer, nullable=False),
    sa.Column("datasets", sa.JSON, nullable=False),
)


# --- listening (issue 5): cantiere/store/listening.py -------------------------
# Proposals of needs, their supports ("anch'io") and pins on the map. A merged
# proposal is kept (merged_into set) so who proposed and supported what stays
# on record; supports are unique per (proposal, participant) — a DB rule.

proposals = sa.Table(
    "proposals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("participant_id", sa.Integer, sa.ForeignKey("participants.id", ondelete="SET NULL"), nullable=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("target_group", sa.String(200), nullable=False, server_default=""),
    sa.Column("comuni", sa.JSON, nullable=False),
    sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("merged_into", sa.Integer, sa.ForeignKey("proposals.id", ondelete="SET NULL"), nullable=True),
    sa.Column("promoted_priority_id", sa.Integer, sa.ForeignKey("priorities.id", ondelete="SET NULL"), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

supports = sa.Table(
    "supports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("proposal_id", sa.Integer, sa.ForeignKey("proposals.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("participant_id", sa.Integer, sa.ForeignKey("participants.id", ondelete="CASCADE"), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("proposal_id", "participant_id", name="uq_supports_proposal_participant"),
)

pins = sa.Table(
    "pins",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("participant_id", sa.Integer, sa.ForeignKey("participants.id", ondelete="SET NULL"), nullable=True),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("comune_code", sa.String(6), nullable=False),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)


# --- privacy audit (issue 8): cantiere/store/privacy.py ---
# Erasures are logged here, not in ``events``: a workshop's events go with the
# workshop, this log survives it. It holds codes, ids and counts, never text
# or profile data.

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("detail", sa.JSON, nullable=False),
    sa.Column("via", sa.String(32), nullable=False, server_default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)


# --- paper cards and assisted voting (issue 19, 0015_cards): cantiere/store/cards.py ---
# A card is a participant of one round's workshop with a printed one-time code;
# its ballot goes in ``ballots`` (channel paper or assisted) under the same
# unique (round, participant) rule as a phone. Every typing of a card is a row of
# ``card_entries``: at most two per card (double entry), the second never
# counted — it confirms the first or is flagged as a mismatch. Helper PINs are
# stored hashed, one set per workshop, revocable.

cards = sa.Table(
    "cards",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("round_id", sa.Integer, sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column(
        "participant_id", sa.Integer, sa.ForeignKey("participants.id", ondelete="CASCADE"), nullable=False, unique=True
    ),
    sa.Column("code", sa.String(12), nullable=False, unique=True),
    # printed as "da inserire due volte": a second entry by another helper confirms it
    sa.Column("double_entry", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

card_entries = sa.Table(
    "card_entries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("card_id", sa.Integer, sa.ForeignKey("cards.id", ondelete="CASCADE"), nullable=False),
    sa.Column("entry_no", sa.Integer, nullable=False),
    sa.Column("helper", sa.String(120), nullable=False),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("payload", sa.JSON, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # counted | match | mismatch
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("card_id", "entry_no", name="uq_card_entries_card_entry"),
    sa.CheckConstraint("entry_no IN (1, 2)", name="entry_no"),
    sa.CheckConstraint("channel IN ('paper', 'assisted')", name="channel"),
    # only the first entry counts: the second confirms or is flagged, never a second ballot
    sa.CheckConstraint(
        "(entry_no = 1 AND status = 'counted') OR (entry_no = 2 AND status IN ('match', 'mismatch'))", name="status"
    ),
)

helper_pins = sa.Table(
    "helper_pins",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("label", sa.String(60), nullable=False),
    sa.Column("pin_hash", sa.String(128), nullable=False),  # PBKDF2-SHA256, hex
    sa.Column("salt", sa.String(32), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
)
