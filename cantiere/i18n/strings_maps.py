"""Strings of the map kit: asset errors."""

STRINGS = {
    "error.map_asset": {
        "it": (
            "La mappa non può essere mostrata: manca o è danneggiato il file «{asset}» ({path}). "
            "Reinstalla i file della mappa con: {fix}"
        ),
        "en": (
            "The map cannot be shown: the file “{asset}” is missing or damaged ({path}). "
            "Reinstall the map files with: {fix}"
        ),
    },
    "error.map_asset_copy": {
        "it": (
            "La mappa non può essere mostrata: non riesco a copiare «{asset}» in {path} ({detail}). "
            "La cartella static/ accanto ad app.py deve essere scrivibile dall'utente che avvia l'app."
        ),
        "en": (
            "The map cannot be shown: cannot copy “{asset}” to {path} ({detail}). "
            "The static/ folder next to app.py must be writable by the user running the app."
        ),
    },
    "error.map_static_off": {
        "it": (
            "La mappa non può essere mostrata: l'app non serve i file statici, quindi «{asset}» "
            "non raggiunge il browser ({path}). In .streamlit/config.toml imposta {fix}."
        ),
        "en": (
            "The map cannot be shown: the app does not serve static files, so “{asset}” "
            "never reaches the browser ({path}). In .streamlit/config.toml set {fix}."
        ),
    },
    "error.map_external": {
        "it": (
            "La mappa usa un elemento ({element}) che scarica file da internet ({url}) e senza rete "
            "resterebbe vuota. Usa solo GeoJSON e marcatori a cerchio, con la legenda accanto alla mappa."
        ),
        "en": (
            "The map uses an element ({element}) that downloads files from the internet ({url}) and "
            "would stay blank offline. Use only GeoJSON and circle markers, with the legend beside the map."
        ),
    },
}
