"""Strings of privacy: erasure, retention and backup checks."""

STRINGS = {
    "trust.cli.erase_confirm": {
        "it": "Stai per cancellare il laboratorio {code} «{title}» con tutti i voti, i commenti e i partecipanti. "
        "Non si può annullare: ripeti il comando con --yes per confermare.",
        "en": "You are about to erase workshop {code} “{title}” with all its ballots, comments and participants. "
        "This cannot be undone: repeat the command with --yes to confirm.",
    },
    "trust.cli.workshop_erased": {
        "it": "Laboratorio {code} cancellato: {participants} partecipanti, {ballots} voti, {comments} commenti. "
        "La cancellazione è registrata nel registro di audit.",
        "en": "Workshop {code} erased: {participants} participants, {ballots} ballots, {comments} comments. "
        "The erasure is recorded in the audit log.",
    },
    "trust.cli.participant_erased": {
        "it": "Partecipante cancellato: profilo rimosso, {texts} testi sostituiti da «[rimosso]»; "
        "{ballots} voti anonimi restano contati.",
        "en": "Participant erased: profile removed, {texts} texts replaced by “[rimosso]”; "
        "{ballots} anonymous ballots stay counted.",
    },
    "trust.cli.backup_ok": {
        "it": "Copia {path} integra: {tables} tabelle, {rows} righe in tutto.",
        "en": "Backup {path} is sound: {tables} tables, {rows} rows in all.",
    },
    "trust.cli.backup_bad": {
        "it": "Copia {path} DANNEGGIATA: {detail}. Non usarla per un ripristino.",
        "en": "Backup {path} is DAMAGED: {detail}. Do not restore from it.",
    },
    "trust.backup_missing": {"it": "File non trovato: {path}", "en": "File not found: {path}"},
    "trust.priorities.not_text": {
        "it": "Il file non è un CSV di testo (sembra UTF-16 «Testo Unicode» o un file binario): salvalo come «CSV UTF-8». "
        "Nessuna priorità creata.",
        "en": "The file is not a text CSV (it looks like UTF-16 “Unicode Text” or a binary file): save it as “CSV UTF-8”. "
        "No priority was created.",
    },
    "trust.priorities.encoding": {
        "it": "Codifica dei caratteri non riconosciuta (byte {position}): salva il file come «CSV UTF-8». Nessuna priorità creata.",
        "en": "Unrecognised character encoding (byte {position}): save the file as “CSV UTF-8”. No priority was created.",
    },
    "trust.priorities.syntax": {
        "it": "Il CSV non è ben formato (una cella enorme o un carattere non valido): controlla il file. Nessuna priorità creata.",
        "en": "The CSV is malformed (a huge cell or an invalid character): check the file. No priority was created.",
    },
}
