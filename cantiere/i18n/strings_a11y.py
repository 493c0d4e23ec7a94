"""Words of the projector, the phone and accessibility (issue 15)."""

STRINGS = {
    "a11y.qr_alt": {
        "it": "Codice QR per partecipare: apre {url}",
        "en": "QR code to take part: opens {url}",
    },
    "a11y.truncated": {
        "it": "Hai raggiunto il limite di {max} caratteri: il testo oltre il limite è stato tagliato. Controllalo prima di inviare.",
        "en": "You reached the limit of {max} characters: any text beyond it was cut. Check it before sending.",
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
