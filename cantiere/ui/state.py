"""Session-state keys, defined once and namespaced by page."""

LANG = "app.lang"
LANG_WIDGET = "app.lang_widget"
