"""Keys built at run time by the open-data and evidence code exist in both
languages (the scan in test_i18n only sees literal keys)."""

from cantiere import derived, indicators, opendata, presets, services
from cantiere.i18n import placeholders, strings


def test_dynamic_key_families_of_open_data_and_evidence_exist():
    keys = set()
    keys |= {f"data.group.{g}" for g in indicators.POPULATION_GROUPS}
    keys |= {f"data.note.missing.{why}" for why in derived.MISSING_REASONS}
    keys |= {f"data.note.left_out.{role}" for role in ("text", "ignored", "identifier", "empty")}
    keys |= {f"data.note.year_from.{origin}" for origin in ("nome_file", "titolo")}
    keys |= {f"data.note.preset.{key}" for key in presets.PRESETS}
    keys |= {p.label for p in presets.PRESETS.values()} | {p.note for p in presets.PRESETS.values() if p.note}
    keys |= {f"dati.ind.aggregation.{a}" for a in derived.AGGREGATIONS}
    keys |= {f"evidence.short.{k}" for k in indicators.INDICATORS}
    keys |= {f"svc.type.{k}" for k in services.SERVICE_TYPES}
    keys |= {f"dati.col.{c}" for c in ("licenza", "attribuzione", "anno", "fuori_provincia", "sha256")}
    missing = sorted(k for k in keys if k not in strings())
    assert not missing, missing
    table = strings()
    assert all(placeholders(table[k]["it"]) == placeholders(table[k]["en"]) for k in keys)


def test_every_preset_has_a_short_source_for_the_evidence_line():
    assert all(p.short for p in presets.PRESETS.values())
    assert opendata.CODE_KEYS[0] == "codice_istat_comune"  # MEF's own spelling comes first
