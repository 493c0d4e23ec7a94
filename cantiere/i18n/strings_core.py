"""Strings shared by every page: navigation, common words, errors."""

STRINGS = {
    "app.title": {"it": "Cantiere del Welfare", "en": "Cantiere del Welfare (Welfare Workshop)"},
    "app.tagline": {
        "it": "Bisogni, servizi e priorità delle cooperative sociali della provincia di Ravenna",
        "en": "Needs, services and priorities of the social cooperatives of the province of Ravenna",
    },
    "app.language": {"it": "Lingua", "en": "Language"},
    "nav.panoramica": {"it": "Panoramica", "en": "Overview"},
    "nav.atlante": {"it": "Atlante dei bisogni", "en": "Atlas of needs"},
    "nav.servizi": {"it": "Servizi e copertura", "en": "Services and coverage"},
    "nav.partecipa": {"it": "Partecipa", "en": "Take part"},
    "nav.proiezione": {"it": "Proiezione", "en": "Projector"},
    "nav.facilitazione": {"it": "Facilitazione", "en": "Facilitation"},
    "nav.risultati": {"it": "Risultati", "en": "Results"},
    "nav.dati": {"it": "Dati", "en": "Data"},
    "nav.section.territorio": {"it": "Territorio", "en": "Territory"},
    "nav.section.laboratorio": {"it": "Laboratorio", "en": "Workshop"},
    "nav.section.gestione": {"it": "Gestione", "en": "Management"},
    "common.coming_soon": {
        "it": "Questa sezione è in costruzione.",
        "en": "This section is being built.",
    },
    "common.source": {"it": "Fonte", "en": "Source"},
    "common.year": {"it": "Anno", "en": "Year"},
    "common.province": {"it": "Provincia di Ravenna", "en": "Province of Ravenna"},
    "common.comune": {"it": "Comune", "en": "Comune (municipality)"},
    "common.distretto": {"it": "Distretto", "en": "District"},
    "common.download_csv": {"it": "Scarica CSV", "en": "Download CSV"},
    "error.generic": {"it": "Si è verificato un errore.", "en": "An error occurred."},
    "error.unknown_name": {
        "it": "Valore non valido per «{kind}»: «{name}». Valori validi: {valid}.",
        "en": "Invalid value for “{kind}”: “{name}”. Valid values: {valid}.",
    },
    "error.classification": {
        "it": "Non ci sono valori da suddividere in classi.",
        "en": "There are no values to split into classes.",
    },
    "error.config": {
        "it": "Impostazione non valida: {name}={value}. Valori validi: {valid}.",
        "en": "Invalid setting: {name}={value}. Valid values: {valid}.",
    },
    "error.data_missing": {
        "it": "Manca un file di dati: {what}. Per ripristinarlo: {fix}",
        "en": "A data file is missing: {what}. To restore it: {fix}",
    },
    "error.store": {"it": "Errore del database.", "en": "Database error."},
    "error.store_open": {
        "it": "Impossibile aprire il database {url}: {detail}. Controlla CANTIERE_DATABASE_URL.",
        "en": "Cannot open the database {url}: {detail}. Check CANTIERE_DATABASE_URL.",
    },
    "error.unexpected": {
        "it": "Qualcosa non ha funzionato. Riprova; se il problema continua avvisa chi coordina il laboratorio.",
        "en": "Something went wrong. Try again; if it persists tell the workshop coordinator.",
    },
}
