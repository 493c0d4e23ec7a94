"""Strings of the network (Rete), the pacts (Patti), Monitoraggio and the memory across workshops (issue 20)."""

STRINGS = {
    # navigation and nouns
    "nav.rete": {"it": "Rete", "en": "Network"},
    "nav.monitoraggio": {"it": "Monitoraggio", "en": "Monitoring"},
    "thing.organisation": {"it": "organizzazione", "en": "organisation"},
    "thing.pact": {"it": "patto", "en": "pact"},
    "thing.milestone": {"it": "tappa", "en": "milestone"},
    "thing.area": {"it": "area del Piano di Zona", "en": "Piano di Zona area"},
    "thing.org_kind": {"it": "tipo di organizzazione", "en": "kind of organisation"},
    "thing.pact_status": {"it": "stato del patto", "en": "pact status"},
    # areas of the Piano di Zona
    "area.famiglie_minori": {"it": "Responsabilità familiari e minori", "en": "Families and children"},
    "area.anziani": {"it": "Anziani", "en": "Older people"},
    "area.disabilita": {"it": "Disabilità", "en": "Disability"},
    "area.poverta": {"it": "Povertà ed esclusione sociale", "en": "Poverty and social exclusion"},
    "area.salute_mentale": {"it": "Salute mentale", "en": "Mental health"},
    "area.dipendenze": {"it": "Dipendenze", "en": "Addictions"},
    "area.immigrazione": {"it": "Immigrazione", "en": "Migrants"},
    "area.casa": {"it": "Casa", "en": "Housing"},
    "area.lavoro": {"it": "Lavoro", "en": "Work"},
    "areas.error.year": {
        "it": "L'anno «{value}» non va bene: scrivi un anno tra {low} e {high}.",
        "en": "The year «{value}» is not valid: write a year between {low} and {high}.",
    },
    "areas.memory_title": {"it": "Memoria dei laboratori", "en": "Memory across workshops"},
    "areas.no_recurring": {
        "it": "Nessun tema è ancora tornato in due anni diversi nello stesso distretto.",
        "en": "No theme has come back yet in two different years in the same district.",
    },
    "areas.recurring_line": {
        "it": "Tema che ritorna: {area} nel distretto di {district} (anni {years}).",
        "en": "A theme that comes back: {area} in the {district} district (years {years}).",
    },
    "areas.level": {"it": "Raggruppa per", "en": "Group by"},
    "areas.level.area": {"it": "Area", "en": "Area"},
    "areas.level.distretto": {"it": "Distretto", "en": "District"},
    "areas.level.comune": {"it": "Comune", "en": "Comune"},
    "areas.col.place": {"it": "Luogo", "en": "Place"},
    "areas.col.area": {"it": "Area", "en": "Area"},
    "areas.col.year": {"it": "Anno", "en": "Year"},
    "areas.col.priorities": {"it": "Priorità", "en": "Priorities"},
    "areas.col.proposals": {"it": "Proposte", "en": "Proposals"},
    # kinds of organisation
    "network.kind.cooperativa_sociale": {"it": "Cooperativa sociale", "en": "Social cooperative"},
    "network.kind.associazione": {"it": "Associazione (ODV, APS, ONLUS)", "en": "Association (ODV, APS, ONLUS)"},
    "network.kind.altro_terzo_settore": {
        "it": "Altro ente del Terzo settore (fondazione, impresa sociale…)",
        "en": "Other third-sector body (foundation, social enterprise…)",
    },
    "network.kind.comune": {"it": "Comune", "en": "Comune"},
    "network.kind.unione": {"it": "Unione di comuni", "en": "Union of comuni"},
    "network.kind.ausl_asp": {"it": "AUSL / ASP", "en": "AUSL / ASP (health and care authority)"},
    "network.kind.scuola": {"it": "Scuola", "en": "School"},
    "network.kind.gruppo_informale": {"it": "Gruppo informale", "en": "Informal group"},
    "network.kind.altro": {"it": "Altro", "en": "Other"},
    # network errors
    "network.error.invalid": {"it": "Organizzazione non valida.", "en": "Invalid organisation."},
    "network.error.import": {
        "it": "Il file ha {count} righe con errori e non è stato importato nulla. Prima: {first}",
        "en": "The file has {count} rows with errors and nothing was imported. First: {first}",
    },
    "network.error.tax_code": {
        "it": "«{value}» non è un codice fiscale: 11 cifre per un ente, 16 caratteri per una persona.",
        "en": "«{value}» is not a tax code: 11 digits for a body, 16 characters for a person.",
    },
    "network.error.name": {
        "it": "Scrivi il nome dell'organizzazione.",
        "en": "Write the organisation's name.",
    },
    "network.error.name_long": {
        "it": "Il nome è troppo lungo: al massimo {max} caratteri.",
        "en": "The name is too long: at most {max} characters.",
    },
    "network.error.comune": {
        "it": "«{value}» non è un comune della provincia di Ravenna.",
        "en": "«{value}» is not a comune of the province of Ravenna.",
    },
    "network.error.personal": {
        "it": "Il contatto è un ruolo (es. «Ufficio di piano»), non una persona: niente e-mail né numeri di telefono.",
        "en": "The contact is a role (e.g. «Ufficio di piano»), not a person: no e-mail addresses or phone numbers.",
    },
    "network.error.role_long": {
        "it": "Il ruolo di contatto è troppo lungo: al massimo {max} caratteri.",
        "en": "The contact role is too long: at most {max} characters.",
    },
    "network.error.no_name_column": {
        "it": "Manca la colonna del nome: chiamala «nome» o «denominazione».",
        "en": "The name column is missing: call it «nome» or «denominazione».",
    },
    "network.error.cinque_columns": {
        "it": "Non sembra l'elenco dei beneficiari del 5×1000: mancano le colonne {missing}.",
        "en": "This does not look like the list of 5×1000 beneficiaries: the columns {missing} are missing.",
    },
    "network.error.in_use": {
        "it": "Questa organizzazione fa parte di un patto e non si può cancellare.",
        "en": "This organisation is part of a pact and cannot be deleted.",
    },
    "network.error.leads": {
        "it": "«{name}» è capofila del patto «{pacts}»: non si può cancellare. Passa prima il patto a un'altra capofila.",
        "en": "«{name}» leads the pact «{pacts}»: it cannot be deleted. Hand the pact to another lead first.",
    },
    "network.error.partner": {
        "it": "«{name}» è partner del patto «{pacts}»: non si può cancellare.",
        "en": "«{name}» is a partner of the pact «{pacts}»: it cannot be deleted.",
    },
    # Rete page
    "network.intro": {
        "it": "Chi lavora dove e su che cosa: cooperative sociali, associazioni, enti pubblici, scuole, gruppi "
        "informali. Nessun dato personale: per ogni organizzazione un ruolo di contatto, non una persona.",
        "en": "Who works where and on what: social cooperatives, associations, public bodies, schools, informal "
        "groups. No personal data: each organisation has a contact role, not a person.",
    },
    "network.demo_note": {
        "it": "Le organizzazioni segnate «(esempio)» sono dati di esempio, inventati per mostrare il ciclo.",
        "en": "Organisations marked «(esempio)» are example data, invented to show the cycle.",
    },
    "network.all": {"it": "Tutti", "en": "All"},
    "network.filter.district": {"it": "Distretto", "en": "District"},
    "network.filter.field": {"it": "Ambito di lavoro", "en": "Field"},
    "network.filter.kind": {"it": "Tipo", "en": "Kind"},
    "network.metric.organisations": {"it": "Organizzazioni", "en": "Organisations"},
    "network.metric.comuni": {"it": "Comuni con almeno una", "en": "Comuni with at least one"},
    "network.map_title": {"it": "Mappa della rete", "en": "Map of the network"},
    "network.map_tooltip": {"it": "{comune}: {n} organizzazioni", "en": "{comune}: {n} organisations"},
    "network.per_comune": {"it": "Organizzazioni per comune", "en": "Organisations per comune"},
    "network.register_title": {"it": "Registro delle organizzazioni", "en": "Register of organisations"},
    "network.empty": {
        "it": "Nessuna organizzazione con questi filtri.",
        "en": "No organisation with these filters.",
    },
    "network.gap_title": {"it": "Vuoti di attori", "en": "Gaps of actors"},
    "network.gap_help": {
        "it": "Per comune e ambito, quante organizzazioni ci lavorano: con {n} o meno l'ambito è scoperto. "
        "È il «vuoto di attori» accanto al vuoto di posti della pagina Servizi.",
        "en": "Per comune and field, how many organisations work on it: with {n} or fewer the field is uncovered. "
        "It is the «gap of actors» beside the gap of places of the Services page.",
    },
    "network.gap_line": {
        "it": "{area}: scoperto in {n} comuni ({comuni}).",
        "en": "{area}: uncovered in {n} comuni ({comuni}).",
    },
    "network.col.name": {"it": "Nome", "en": "Name"},
    "network.col.kind": {"it": "Tipo", "en": "Kind"},
    "network.col.comuni": {"it": "Comuni", "en": "Comuni"},
    "network.col.comune": {"it": "Comune", "en": "Comune"},
    "network.col.district": {"it": "Distretto", "en": "District"},
    "network.col.n": {"it": "Organizzazioni", "en": "Organisations"},
    "network.col.fields": {"it": "Ambiti", "en": "Fields"},
    "network.col.services": {"it": "Servizi gestiti", "en": "Services run"},
    "network.col.contact": {"it": "Ruolo di contatto", "en": "Contact role"},
    "network.col.source": {"it": "Fonte", "en": "Source"},
    "network.manage_title": {"it": "Registro: aggiungi, importa, cancella", "en": "Register: add, import, delete"},
    "network.no_personal": {
        "it": "Solo dati dell'organizzazione: il contatto è un ruolo («Ufficio di piano»), mai il nome di una persona.",
        "en": "Organisation data only: the contact is a role («Ufficio di piano»), never a person's name.",
    },
    "network.tax_code": {"it": "Codice fiscale (unisce i doppioni)", "en": "Tax code (merges duplicates)"},
    "network.services_help": {
        "it": "I nomi dei servizi che gestisce, separati da «;».",
        "en": "The names of the services it runs, separated by «;».",
    },
    "network.contact_help": {"it": "Un ruolo, non una persona.", "en": "A role, not a person."},
    "network.add": {"it": "Aggiungi al registro", "en": "Add to the register"},
    "network.upload_csv": {"it": "File CSV di organizzazioni", "en": "CSV file of organisations"},
    "network.csv_help": {
        "it": "Colonne: nome; codice_fiscale; tipo; comuni; ambiti; servizi; ruolo_contatto (liste separate da |).",
        "en": "Columns: nome; codice_fiscale; tipo; comuni; ambiti; servizi; ruolo_contatto (lists separated by |).",
    },
    "network.import_csv": {"it": "Importa il CSV", "en": "Import the CSV"},
    "network.upload_cinque": {
        "it": "Elenco dei beneficiari del 5×1000 (così come pubblicato)",
        "en": "List of 5×1000 beneficiaries (as published)",
    },
    "network.import_cinque": {"it": "Importa il 5×1000", "en": "Import the 5×1000 list"},
    "network.imported": {
        "it": "Importate {created} organizzazioni nuove, {merged} unite a quelle già presenti, {skipped} righe "
        "lasciate fuori (associazioni sportive, ricerca, cultura, fuori provincia).",
        "en": "Imported {created} new organisations, {merged} merged into existing ones, {skipped} rows left out "
        "(sports clubs, research, culture, outside the province).",
    },
    "network.no_file": {"it": "Scegli prima un file.", "en": "Choose a file first."},
    "network.saved": {"it": "Registro aggiornato.", "en": "Register updated."},
    "network.delete_pick": {"it": "Organizzazione da cancellare", "en": "Organisation to delete"},
    "network.delete": {"it": "Cancella dal registro", "en": "Delete from the register"},
    "network.deleted": {"it": "Organizzazione cancellata.", "en": "Organisation deleted."},
    # pacts: statuses and errors
    "pacts.status.proposto": {"it": "Proposto", "en": "Proposed"},
    "pacts.status.sottoscritto": {"it": "Sottoscritto", "en": "Signed"},
    "pacts.status.in_corso": {"it": "In corso", "en": "In progress"},
    "pacts.status.concluso": {"it": "Concluso", "en": "Completed"},
    "pacts.status.sospeso": {"it": "Sospeso", "en": "Suspended"},
    "pacts.error.invalid": {"it": "Patto non valido.", "en": "Invalid pact."},
    "pacts.error.title": {"it": "Scrivi il titolo del patto.", "en": "Write the pact's title."},
    "pacts.error.title_long": {
        "it": "Il titolo è troppo lungo: al massimo {max} caratteri.",
        "en": "The title is too long: at most {max} characters.",
    },
    "pacts.error.no_lead": {
        "it": "Un patto ha bisogno di un'organizzazione capofila: sceglila dal registro della Rete.",
        "en": "A pact needs a lead organisation: choose it from the network register.",
    },
    "pacts.error.partner_twice": {
        "it": "«{name}» compare due volte (come capofila o come partner): ogni organizzazione una volta sola.",
        "en": "«{name}» appears twice (as lead or partner): each organisation once only.",
    },
    "pacts.error.date": {
        "it": "«{value}» ({what}) non è una data: scrivila come 31/12/2026.",
        "en": "«{value}» ({what}) is not a date: write it as 31/12/2026.",
    },
    "pacts.error.milestone_title": {"it": "Scrivi il nome della tappa.", "en": "Write the milestone's name."},
    "pacts.error.milestone_order": {
        "it": "La tappa «{title}» ({due}) viene prima della tappa «{previous}» ({previous_due}): le date delle "
        "tappe devono seguire l'ordine.",
        "en": "The milestone «{title}» ({due}) comes before the milestone «{previous}» ({previous_due}): "
        "milestone dates must follow their order.",
    },
    "pacts.error.progress": {
        "it": "L'avanzamento «{value}» non va bene: un numero intero da 0 a 100 %.",
        "en": "The progress «{value}» is not valid: a whole number from 0 to 100 %.",
    },
    "pacts.error.amount": {
        "it": "L'importo «{value}» non va bene: un numero positivo in euro.",
        "en": "The amount «{value}» is not valid: a positive number in euros.",
    },
    "pacts.error.note_needed": {
        "it": "Da «{old}» a «{new}» si torna indietro: scrivi una nota che spieghi perché.",
        "en": "From «{old}» to «{new}» is a step back: write a note saying why.",
    },
    "pacts.error.changed": {
        "it": "Il patto è cambiato nel frattempo (ora è «{now}»): ricarica e riprova.",
        "en": "The pact changed meanwhile (it is now «{now}»): reload and try again.",
    },
    # pacts: words on screen
    "pacts.none": {"it": "nessuno", "en": "none"},
    "pacts.summary": {
        "it": "{status}, {progress} % · capofila {lead} · partner: {partners} · comuni: {comuni}.",
        "en": "{status}, {progress} % · lead {lead} · partners: {partners} · comuni: {comuni}.",
    },
    "pacts.summary_next": {"it": "Prossima tappa: {title} entro il {due}.", "en": "Next milestone: {title} by {due}."},
    "pacts.col.title": {"it": "Patto", "en": "Pact"},
    "pacts.col.status": {"it": "Stato", "en": "Status"},
    "pacts.col.progress": {"it": "Avanzamento %", "en": "Progress %"},
    "pacts.col.lead": {"it": "Capofila", "en": "Lead"},
    "pacts.col.partners": {"it": "Partner", "en": "Partners"},
    "pacts.col.district": {"it": "Distretto", "en": "District"},
    "pacts.col.area": {"it": "Area", "en": "Area"},
    "pacts.col.comuni": {"it": "Comuni", "en": "Comuni"},
    "pacts.col.workshop": {"it": "Nato nel laboratorio", "en": "Born in the workshop"},
    "pacts.col.demo": {"it": "Esempio", "en": "Example"},
    "pacts.col.milestones": {"it": "Tappe", "en": "Milestones"},
    "pacts.col.log": {"it": "Registro delle modifiche", "en": "Change log"},
    "pacts.demo_yes": {"it": "esempio", "en": "example"},
    "pacts.demo_label": {"it": "Patto di esempio (dati inventati)", "en": "Example pact (invented data)"},
    "pacts.demo_note": {
        "it": "I patti segnati «esempio» vengono da laboratori di esempio: mostrano il ciclo, non sono reali.",
        "en": "Pacts marked «example» come from example workshops: they show the cycle, they are not real.",
    },
    "pacts.timeline.milestone_done": {"it": "Tappa raggiunta: {title}", "en": "Milestone reached: {title}"},
    "pacts.timeline.milestone_due": {"it": "Tappa prevista: {title}", "en": "Milestone due: {title}"},
    "pacts.log.created": {"it": "Patto creato ({status})", "en": "Pact created ({status})"},
    "pacts.log.status": {"it": "Stato: {old} → {new}", "en": "Status: {old} → {new}"},
    "pacts.log.progress": {"it": "Avanzamento: {old} % → {new} %", "en": "Progress: {old} % → {new} %"},
    "pacts.log.milestone_added": {"it": "Nuova tappa: {title} ({due})", "en": "New milestone: {title} ({due})"},
    "pacts.log.milestone_done": {"it": "Tappa raggiunta: {title}", "en": "Milestone reached: {title}"},
    "pacts.log.milestone_reopened": {"it": "Tappa riaperta: {title}", "en": "Milestone reopened: {title}"},
    "pacts.map_tooltip": {"it": "Patto n. {n}: {status}", "en": "Pact no. {n}: {status}"},
    # Monitoraggio
    "pacts.intro": {
        "it": "I patti nati dai laboratori: chi ha preso in carico una priorità, con chi, a che punto è. "
        "Pagina pubblica.",
        "en": "The pacts born from workshops: who took a priority on, with whom, how far it is. Public page.",
    },
    "pacts.filter.area": {"it": "Area del Piano di Zona", "en": "Piano di Zona area"},
    "pacts.filter.status": {"it": "Stato", "en": "Status"},
    "pacts.map_title": {"it": "Mappa dei patti", "en": "Map of the pacts"},
    "pacts.map_help": {
        "it": "Un cerchio per patto, nel suo primo comune, colorato per stato; il numero è quello dell'elenco sotto, "
        "che dice le stesse cose a parole.",
        "en": "One circle per pact, in its first comune, coloured by status; the number is the one of the list below, "
        "which says the same in words.",
    },
    "pacts.list_title": {"it": "Elenco dei patti ({n})", "en": "List of pacts ({n})"},
    "pacts.empty": {"it": "Nessun patto con questi filtri.", "en": "No pact with these filters."},
    "pacts.progress_text": {"it": "Avanzamento {progress} %", "en": "Progress {progress} %"},
    "pacts.timeline_title": {"it": "Cronologia", "en": "Timeline"},
    "pacts.story_workshop": {
        "it": "Nato nel laboratorio «{title}» ({year}).",
        "en": "Born in the workshop «{title}» ({year}).",
    },
    "pacts.story_vote": {
        "it": "Votazione {round}: {rank}° posto con {ballots} schede.",
        "en": "Round {round}: ranked {rank} with {ballots} ballots.",
    },
    "pacts.story_proposal": {
        "it": "Dalla proposta «{title}» ({supports} «anch'io»).",
        "en": "From the proposal «{title}» ({supports} «me too»).",
    },
    "pacts.story_evidence": {
        "it": "I dati accanto alla priorità: {line}",
        "en": "The figures beside the priority: {line}",
    },
    "pacts.open_data": {"it": "Dati aperti", "en": "Open data"},
    "pacts.open_data_help": {
        "it": "Il registro delle organizzazioni, i patti, le tappe e il registro delle modifiche (CC BY 4.0).",
        "en": "The register of organisations, the pacts, the milestones and the change log (CC BY 4.0).",
    },
    "pacts.export_csv": {"it": "Scarica CSV (zip)", "en": "Download CSV (zip)"},
    "pacts.export_xlsx": {"it": "Scarica XLSX", "en": "Download XLSX"},
    "pacts.export_json": {"it": "Scarica JSON", "en": "Download JSON"},
    # projector
    "pacts.since_title": {
        "it": "Cosa è successo dall'ultimo laboratorio",
        "en": "What happened since the last workshop",
    },
    "pacts.since_intro": {
        "it": "Distretto {district}. Laboratori precedenti: {workshops}.",
        "en": "{district} district. Earlier workshops: {workshops}.",
    },
    "pacts.since_none": {
        "it": "Dai laboratori precedenti non è ancora nato nessun patto.",
        "en": "No pact has come out of the earlier workshops yet.",
    },
    "pacts.since_recurring": {"it": "Tema che ritorna: {area}.", "en": "A theme that comes back: {area}."},
    # Facilitazione: «Patti e memoria»
    "pacts.fac.section": {"it": "Patti e memoria", "en": "Pacts and memory"},
    "pacts.place_title": {"it": "Dove e quando", "en": "Where and when"},
    "pacts.year": {"it": "Anno", "en": "Year"},
    "pacts.save": {"it": "Salva", "en": "Save"},
    "pacts.saved_place": {"it": "Distretto e anno salvati.", "en": "District and year saved."},
    "pacts.areas_title": {"it": "Aree del Piano di Zona delle priorità", "en": "Piano di Zona areas of the priorities"},
    "pacts.area_of": {"it": "Area della priorità {n}", "en": "Area of priority {n}"},
    "pacts.save_areas": {"it": "Salva le aree", "en": "Save the areas"},
    "pacts.saved_areas": {"it": "Aree salvate.", "en": "Areas saved."},
    "pacts.new_title": {"it": "Dalla priorità al patto", "en": "From priority to pact"},
    "pacts.no_register": {
        "it": "Il registro della Rete è vuoto: aggiungi o importa le organizzazioni qui sotto.",
        "en": "The network register is empty: add or import organisations below.",
    },
    "pacts.from_priority": {"it": "Priorità (le più votate prima)", "en": "Priority (most voted first)"},
    "pacts.title": {"it": "Titolo del patto", "en": "Pact title"},
    "pacts.lead": {"it": "Capofila", "en": "Lead organisation"},
    "pacts.partners": {"it": "Partner", "en": "Partners"},
    "pacts.commitment": {"it": "Impegno di {name} (cosa e entro quando)", "en": "Commitment of {name} (what, by when)"},
    "pacts.comuni": {"it": "Comuni", "en": "Comuni"},
    "pacts.target": {"it": "Destinatari", "en": "Target group"},
    "pacts.budget": {"it": "Budget (€)", "en": "Budget (€)"},
    "pacts.funding": {"it": "Fonti di finanziamento", "en": "Funding sources"},
    "pacts.funding_help": {
        "it": "Una per riga, «fonte: importo» (es. «Fondo regionale: 20000»).",
        "en": "One per line, «source: amount» (e.g. «Regional fund: 20000»).",
    },
    "pacts.milestone_n": {"it": "Tappa {n}", "en": "Milestone {n}"},
    "pacts.milestone_due": {"it": "Entro il", "en": "By"},
    "pacts.create": {"it": "Crea il patto", "en": "Create the pact"},
    "pacts.created": {"it": "Patto creato: ora è su Monitoraggio.", "en": "Pact created: it is now on Monitoring."},
    "pacts.existing_title": {"it": "Patti nati da questo laboratorio ({n})", "en": "Pacts born in this workshop ({n})"},
    "pacts.note": {"it": "Nota (serve se si torna indietro)", "en": "Note (needed for a step back)"},
    "pacts.note_help": {
        "it": "Tornare indietro o sospendere richiede una nota che resta nel registro.",
        "en": "A step back or a suspension needs a note, kept in the log.",
    },
    "pacts.saved_status": {"it": "Stato aggiornato.", "en": "Status updated."},
    "pacts.progress": {"it": "Avanzamento (%)", "en": "Progress (%)"},
    "pacts.saved_progress": {"it": "Avanzamento aggiornato.", "en": "Progress updated."},
    "pacts.mark_done": {"it": "Fatta", "en": "Done"},
    "pacts.new_milestone": {"it": "Nuova tappa", "en": "New milestone"},
    "pacts.add": {"it": "Aggiungi", "en": "Add"},
    "pacts.saved_milestone": {"it": "Tappe aggiornate.", "en": "Milestones updated."},
    # minutes
    "report.section.pacts": {"it": "Patti nati da questo laboratorio", "en": "Pacts born in this workshop"},
    "report.no_pacts": {"it": "Nessun patto, per ora.", "en": "No pact, for now."},
    "report.pact_line": {
        "it": "Stato: {status}, avanzamento {progress} %. Capofila: {lead}. Partner: {partners}.",
        "en": "Status: {status}, progress {progress} %. Lead: {lead}. Partners: {partners}.",
    },
    "report.sheet.pacts": {"it": "Patti", "en": "Pacts"},
}
