"""Strings of pins and proposals (listening phase)."""

STRINGS = {
    "pins.error.invalid": {"it": "Segnalazione non valida.", "en": "Invalid pin."},
    "pins.error.not_a_point": {
        "it": "Il punto scelto non è una posizione valida: tocca di nuovo la mappa.",
        "en": "The chosen point is not a valid position: tap the map again.",
    },
    "pins.error.outside": {
        "it": "Il punto è fuori dalla provincia di Ravenna: scegli un luogo dentro i confini disegnati.",
        "en": "The point is outside the province of Ravenna: choose a place inside the drawn borders.",
    },
    "pins.error.note_empty": {
        "it": "Scrivi una nota breve che spieghi la segnalazione.",
        "en": "Write a short note explaining the pin.",
    },
    "pins.error.note_long": {
        "it": "La nota è troppo lunga ({length} caratteri): il massimo è {limit}.",
        "en": "The note is too long ({length} characters): the limit is {limit}.",
    },
    "pins.error.category": {
        "it": "Categoria non valida. Valori validi: {valid}.",
        "en": "Invalid category. Valid values: {valid}.",
    },
    "pins.error.too_many": {
        "it": "Hai inserito {limit} segnalazioni nell'ultimo minuto: aspetta un momento prima di aggiungerne altre.",
        "en": "You added {limit} pins in the last minute: wait a moment before adding more.",
    },
    "pins.category.servizio_mancante": {"it": "Qui manca un servizio", "en": "A service is missing here"},
    "pins.category.accessibilita": {"it": "Barriere e accessibilità", "en": "Barriers and accessibility"},
    "pins.category.trasporti": {"it": "Trasporti e collegamenti", "en": "Transport and connections"},
    "pins.category.luogo_di_incontro": {
        "it": "Luogo di incontro da valorizzare",
        "en": "Meeting place worth supporting",
    },
    "pins.category.sicurezza": {"it": "Sicurezza", "en": "Safety"},
    "pins.category.altro": {"it": "Altro", "en": "Other"},
}
