"""Words of the projector, the phone and accessibility (issue 15)."""

STRINGS = {
    "a11y.qr_alt": {
        "it": "Codice QR per partecipare: apre {url}",
        "en": "QR code to take part: opens {url}",
    },
    "a11y.truncated": {
        "it": "Il testo superava {max} caratteri: è stato accorciato. Controllalo prima di inviare.",
        "en": "The text was longer than {max} characters: it has been shortened. Check it before sending.",
    },
    "a11y.not_amount": {
        "it": "«{value}» non è un importo: scrivi un numero di euro, per esempio 50.000 o 50000,50.",
        "en": "“{value}” is not an amount: write a number of euros, e.g. 50,000 or 50000.50.",
    },
    "a11y.results_table": {
        "it": "I risultati in una tabella, con i dati",
        "en": "The results as a table, with the figures",
    },
    "a11y.chart_alt": {
        "it": "Grafico dei risultati. In ordine: {rows}",
        "en": "Results chart. In order: {rows}",
    },
}
