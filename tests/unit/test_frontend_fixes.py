"""The frontend fix of issue 15 applies to this Streamlit: a text longer than
``max_chars`` is cut at the limit instead of refused (the field no longer empties)."""

from cantiere.ui import frontend, frontend_fixes


def test_every_fix_is_found_once_in_this_streamlit():
    root = frontend.streamlit_static_dir() / "static" / "js"
    chunks = {p.name: p.read_text(encoding="utf-8") for p in root.glob("*.js")}
    fixed = frontend_fixes.apply(chunks, {})
    for fix in frontend_fixes.FIXES:
        assert any(fix.new in source for source in fixed.values()), f"{fix.chunk}: not applied"


def test_a_fix_not_found_leaves_the_chunk_as_it_was():
    fix = frontend_fixes.Fix("Chunk", "old()", "new()")
    assert frontend_fixes.apply({"Chunk.abc.js": "other()"}, {}, (fix,)) == {}
