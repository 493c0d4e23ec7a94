"""Strings of the voting methods: names, ballot errors, explanations, charts.

Explanations are read out by a facilitator: short sentences, no jargon left
unexplained. Item titles arrive already quoted («…») in ``{title}``/``{titles}``.
"""

STRINGS = {
    # --- methods -------------------------------------------------------------
    "vote.method.dots": {"it": "Punti (dot voting)", "en": "Dots (dot voting)"},
    "vote.method.dots.help": {
        "it": "Ogni partecipante distribuisce un numero fisso di punti, con un massimo per priorità.",
        "en": "Each participant spreads a fixed number of dots, with a cap per priority.",
    },
    "vote.method.approval": {"it": "Approvazione", "en": "Approval"},
    "vote.method.approval.help": {
        "it": "Ogni partecipante segna tutte le priorità che approva; vince quella approvata da più persone.",
        "en": "Each participant ticks every priority they approve of; the most approved wins.",
    },
    "vote.method.ranking": {"it": "Classifica", "en": "Ranking"},
    "vote.method.ranking.help": {
        "it": "Ogni partecipante mette le priorità in ordine; si mostrano il conteggio Borda e il metodo Schulze.",
        "en": "Each participant puts the priorities in order; Borda count and the Schulze method are both shown.",
    },
    "vote.method.budget": {"it": "Bilancio partecipativo", "en": "Participatory budgeting"},
    "vote.method.budget.help": {
        "it": "Ogni progetto ha un costo; ogni partecipante sceglie i progetti che vuole finanziare restando nel budget.",
        "en": "Each project has a cost; each participant picks the projects to fund within the budget.",
    },
    "vote.method.pairwise": {"it": "Confronto a coppie", "en": "Pairwise comparison"},
    "vote.method.pairwise.help": {
        "it": "Si vedono due priorità alla volta e si sceglie la più importante (oppure «non so»).",
        "en": "Two priorities at a time: pick the more important one (or “don't know”).",
    },
    "vote.method.matrix": {"it": "Matrice importanza × fattibilità", "en": "Importance × feasibility matrix"},
    "vote.method.matrix.help": {
        "it": "Per ogni priorità si danno due voti da 1 a 5: quanto è importante e quanto è fattibile.",
        "en": "Each priority gets two marks from 1 to 5: how important and how feasible it is.",
    },
    # --- round parameters --------------------------------------------------------
    "vote.error.params": {
        "it": "I parametri della votazione non sono coerenti.",
        "en": "The voting parameters are inconsistent.",
    },
    "vote.error.params_not_int": {
        "it": "I parametri della votazione devono essere numeri interi.",
        "en": "The voting parameters must be whole numbers.",
    },
    "vote.error.params_positive": {
        "it": "I parametri della votazione devono essere almeno 1.",
        "en": "The voting parameters must be at least 1.",
    },
    "vote.error.max_over_dots": {
        "it": "Il massimo di punti per priorità ({max_per_item}) supera i punti a disposizione ({dots}).",
        "en": "The maximum dots per priority ({max_per_item}) exceeds the dots available ({dots}).",
    },
    "vote.error.budget_missing": {
        "it": "Indica un budget totale maggiore di zero (per esempio 100000).",
        "en": "Give a total budget greater than zero (for example 100000).",
    },
    "vote.error.item_without_cost": {
        "it": "Il progetto {title} non ha un costo: indica un costo maggiore di zero.",
        "en": "Project {title} has no cost: give a cost greater than zero.",
    },
    "vote.error.cost_over_budget": {
        "it": "Il progetto {title} costa {cost}, più dell'intero budget ({budget}): riduci il costo o alza il budget.",
        "en": "Project {title} costs {cost}, more than the whole budget ({budget}): lower the cost or raise the budget.",
    },
    # --- ballots ---------------------------------------------------------------
    "vote.error.invalid": {
        "it": "La scheda non rispetta le regole di questa votazione.",
        "en": "The ballot breaks the rules of this round.",
    },
    "vote.error.shape": {
        "it": "La scheda non è nel formato atteso per questo metodo di voto: ricarica la pagina e riprova.",
        "en": "The ballot is not in the format this voting method expects: reload the page and try again.",
    },
    "vote.error.empty": {
        "it": "La scheda è vuota: esprimi almeno una preferenza prima di inviare.",
        "en": "The ballot is empty: express at least one preference before sending.",
    },
    "vote.error.unknown_item": {
        "it": "La priorità «{item}» non fa parte di questa votazione: ricarica la pagina per vedere l'elenco aggiornato.",
        "en": "Priority “{item}” is not part of this round: reload the page to see the current list.",
    },
    "vote.error.dots_not_count": {
        "it": "I punti assegnati a una priorità devono essere un numero intero da 0 in su.",
        "en": "The dots given to a priority must be a whole number from 0 up.",
    },
    "vote.error.dots_per_item": {
        "it": "Puoi dare al massimo {max_per_item} punti a ciascuna priorità.",
        "en": "You can give at most {max_per_item} dots to each priority.",
    },
    "vote.error.dots_over_budget": {
        "it": "Hai usato {used} punti ma ne hai a disposizione {dots}: togline qualcuno.",
        "en": "You used {used} dots but you have {dots}: remove some.",
    },
    "vote.error.duplicate_item": {
        "it": "Hai indicato {title} più di una volta: ogni priorità conta una volta sola.",
        "en": "You listed {title} more than once: each priority counts once.",
    },
    "vote.error.too_many_approvals": {
        "it": "Hai scelto {used} priorità ma se ne possono scegliere al massimo {max_approvals}: togline qualcuna.",
        "en": "You picked {used} priorities but at most {max_approvals} are allowed: remove some.",
    },
    "vote.error.duplicate_rank": {
        "it": "{title} compare due volte nella tua classifica: ogni priorità deve avere un solo posto.",
        "en": "{title} appears twice in your ranking: each priority takes one place only.",
    },
    "vote.error.too_many_ranked": {
        "it": "Hai messo in classifica {used} priorità ma se ne possono ordinare al massimo {max_ranked}.",
        "en": "You ranked {used} priorities but at most {max_ranked} can be ranked.",
    },
    "vote.error.over_budget": {
        "it": "I progetti scelti costano {total} €, oltre il budget di {budget} € di {excess} €: togli qualche progetto.",
        "en": "The projects you chose cost €{total}, €{excess} over the €{budget} budget: remove some projects.",
    },
    "vote.error.comparison_shape": {
        "it": "Una risposta del confronto a coppie non è valida: ricarica la pagina e riprova.",
        "en": "An answer of the pairwise comparison is not valid: reload the page and try again.",
    },
    "vote.error.same_item": {
        "it": "Un confronto deve riguardare due priorità diverse.",
        "en": "A comparison needs two different priorities.",
    },
    "vote.error.rating_axes": {
        "it": "Per {title} servono due voti: importanza e fattibilità.",
        "en": "{title} needs two marks: importance and feasibility.",
    },
    "vote.error.rating_range_importance": {
        "it": "L'importanza di {title} è {value}: usa un numero intero da {low} a {high}.",
        "en": "The importance of {title} is {value}: use a whole number from {low} to {high}.",
    },
    "vote.error.rating_range_feasibility": {
        "it": "La fattibilità di {title} è {value}: usa un numero intero da {low} a {high}.",
        "en": "The feasibility of {title} is {value}: use a whole number from {low} to {high}.",
    },
    # --- explanations: degenerate rounds -------------------------------------------
    "vote.explain.no_items": {
        "it": "Questa votazione non ha priorità: non c'è nulla da contare.",
        "en": "This round has no priorities: there is nothing to count.",
    },
    "vote.explain.no_ballots": {
        "it": "Nessuna scheda ancora: non c'è un risultato.",
        "en": "No ballots yet: there is no result.",
    },
    "vote.explain.single_item": {
        "it": "C'è una sola priorità ({title}): la votazione non può sceglierne una tra più.",
        "en": "There is only one priority ({title}): the round cannot choose among several.",
    },
    "vote.explain.one_ballot": {
        "it": "C'è una sola scheda: è l'opinione di una persona, non ancora del gruppo.",
        "en": "There is a single ballot: it is one person's view, not yet the group's.",
    },
    "vote.explain.two_ballots": {
        "it": "Ci sono solo due schede: il risultato dice poco, servono più partecipanti.",
        "en": "There are only two ballots: the result says little, more participants are needed.",
    },
    "vote.explain.all_tied": {
        "it": "Tutte le {n} priorità sono in parità: nessuna prevale.",
        "en": "All {n} priorities are tied: none prevails.",
    },
    "vote.explain.tie_first": {
        "it": "Parità al primo posto tra {n} priorità: {titles}.",
        "en": "A tie for first place between {n} priorities: {titles}.",
    },
    # --- explanations: per method ------------------------------------------------------
    "vote.explain.dots": {
        "it": "Schede: {n}. Ogni partecipante aveva {dots} punti, al massimo {max_per_item} per priorità; conta la somma dei punti.",
        "en": "Ballots: {n}. Each participant had {dots} dots, at most {max_per_item} per priority; the total of dots counts.",
    },
    "vote.explain.dots_first": {
        "it": "Al primo posto {title} con {points} punti da {supporters} partecipanti.",
        "en": "First: {title} with {points} dots from {supporters} participants.",
    },
    "vote.explain.approval": {
        "it": "Schede: {n}. Ogni partecipante ha approvato le priorità che condivide; conta quante persone approvano ciascuna.",
        "en": "Ballots: {n}. Each participant approved the priorities they share; what counts is how many people approve each.",
    },
    "vote.explain.approval_first": {
        "it": "Al primo posto {title}, approvata da {votes} partecipanti ({share}%).",
        "en": "First: {title}, approved by {votes} participants ({share}%).",
    },
    "vote.explain.ranking": {
        "it": "Schede: {n}, con una classifica di {m} priorità. Borda: il primo posto vale {top} punti, il secondo uno in meno e così via; chi non è in classifica divide i punti rimasti. Schulze: si confrontano le priorità a due a due e vince chi batte tutte le altre, direttamente o attraverso una catena di vittorie.",
        "en": "Ballots: {n}, ranking {m} priorities. Borda: first place is worth {top} points, second one less and so on; unranked priorities share the points left. Schulze: priorities are compared two by two and the winner beats every other one, directly or through a chain of wins.",
    },
    "vote.explain.borda_first": {
        "it": "Conteggio Borda: al primo posto {title} con {points} punti.",
        "en": "Borda count: first is {title} with {points} points.",
    },
    "vote.explain.schulze_first": {
        "it": "Metodo Schulze: vince {title}.",
        "en": "Schulze method: {title} wins.",
    },
    "vote.explain.schulze_tie": {
        "it": "Metodo Schulze: parità al primo posto tra {titles}.",
        "en": "Schulze method: a tie for first place between {titles}.",
    },
    "vote.explain.condorcet": {
        "it": "{title} batte ogni altra priorità nel confronto diretto (vincitore di Condorcet).",
        "en": "{title} beats every other priority head to head (Condorcet winner).",
    },
    "vote.explain.no_condorcet": {
        "it": "Nessuna priorità batte tutte le altre nel confronto diretto: le preferenze del gruppo formano un ciclo o una parità.",
        "en": "No priority beats every other one head to head: the group's preferences form a cycle or a tie.",
    },
    "vote.explain.borda_schulze_differ": {
        "it": "Borda e Schulze non indicano la stessa prima scelta: vale la pena discuterne insieme.",
        "en": "Borda and Schulze do not agree on the first choice: worth discussing together.",
    },
    "vote.explain.budget": {
        "it": "Schede: {n}; budget: {budget} €. Ogni partecipante ha scelto progetti il cui costo totale sta nel budget.",
        "en": "Ballots: {n}; budget: €{budget}. Each participant chose projects whose total cost fits the budget.",
    },
    "vote.explain.greedy": {
        "it": "Più votati (greedy): si finanziano i progetti dal più votato in giù, saltando quelli che non ci stanno più; {count} progetti per {spent} €: {titles}.",
        "en": "Most voted (greedy): projects are funded from the most voted down, skipping those that no longer fit; {count} projects for €{spent}: {titles}.",
    },
    "vote.explain.equal_shares": {
        "it": "Quote uguali (Equal Shares): il budget è diviso in parti uguali tra i partecipanti ({share} € a testa) e ognuno paga solo i progetti che ha scelto; {count} progetti per {spent} €: {titles}.",
        "en": "Equal Shares: the budget is split equally among participants (€{share} each) and each pays only for projects they chose; {count} projects for €{spent}: {titles}.",
    },
    "vote.explain.equal_shares_fill": {
        "it": "Con i soldi rimasti dopo le quote uguali si sono aggiunti, per numero di voti: {titles}.",
        "en": "With the money left after Equal Shares, these were added by number of votes: {titles}.",
    },
    "vote.explain.budget_same": {
        "it": "I due metodi finanziano gli stessi progetti.",
        "en": "Both methods fund the same projects.",
    },
    "vote.explain.budget_differ": {
        "it": "I due metodi finanziano progetti diversi: Equal Shares dà spazio anche ai gruppi più piccoli, il greedy premia solo i più votati.",
        "en": "The two methods fund different projects: Equal Shares also gives room to smaller groups, greedy rewards only the most voted.",
    },
    "vote.explain.pairwise": {
        "it": "Partecipanti: {n}; confronti decisi: {comparisons}; risposte «non so»: {skipped}. Il punteggio (modello Bradley–Terry) è la probabilità che una priorità vinca il confronto con un'altra scelta a caso.",
        "en": "Participants: {n}; comparisons decided: {comparisons}; “don't know” answers: {skipped}. The score (Bradley–Terry model) is the chance a priority wins against another one picked at random.",
    },
    "vote.explain.no_comparisons": {
        "it": "Nessun confronto deciso (solo «non so»): non c'è un risultato.",
        "en": "No comparison decided (only “don't know”): there is no result.",
    },
    "vote.explain.pairwise_first": {
        "it": "Al primo posto {title}: punteggio {score} su 100, ha vinto il {share}% dei suoi confronti.",
        "en": "First: {title}: score {score} out of 100, it won {share}% of its comparisons.",
    },
    "vote.explain.matrix": {
        "it": "Schede: {n}. Per ogni priorità, media e dispersione (deviazione standard) dei voti da 1 a 5 su importanza e fattibilità; una media da {midpoint} in su è «alta». L'ordine segue la media dei due voti.",
        "en": "Ballots: {n}. For each priority, mean and spread (standard deviation) of the 1–5 marks for importance and feasibility; a mean of {midpoint} or more is “high”. The order follows the average of the two marks.",
    },
    "vote.explain.matrix_first": {
        "it": "Al primo posto {title}: importanza {importance}, fattibilità {feasibility}.",
        "en": "First: {title}: importance {importance}, feasibility {feasibility}.",
    },
    "vote.explain.matrix_priority": {
        "it": "Importanti e fattibili ({count}): {titles}.",
        "en": "Important and feasible ({count}): {titles}.",
    },
    "vote.explain.matrix_no_priority": {
        "it": "Nessuna priorità è, in media, sia importante sia fattibile.",
        "en": "No priority is, on average, both important and feasible.",
    },
    "vote.explain.matrix_unrated": {
        "it": "Nessuno ha valutato: {titles}.",
        "en": "Nobody rated: {titles}.",
    },
    # --- matrix quadrants ----------------------------------------------------------------
    "vote.quadrant.priority": {"it": "Priorità: importanti e fattibili", "en": "Priorities: important and feasible"},
    "vote.quadrant.challenge": {"it": "Sfide: importanti ma difficili", "en": "Challenges: important but hard"},
    "vote.quadrant.quick_win": {
        "it": "A portata di mano: fattibili, meno importanti",
        "en": "Quick wins: feasible, less important",
    },
    "vote.quadrant.later": {"it": "Da rinviare", "en": "For later"},
    # --- charts ------------------------------------------------------------------------------
    "vote.chart.ballots": {"it": "{n} schede", "en": "{n} ballots"},
    "vote.chart.no_ballots": {"it": "Nessuna scheda ancora", "en": "No ballots yet"},
    "vote.chart.item": {"it": "Priorità", "en": "Priority"},
    "vote.chart.dots.title": {"it": "Punti per priorità", "en": "Dots per priority"},
    "vote.chart.dots.axis": {"it": "Punti", "en": "Dots"},
    "vote.chart.approval.title": {"it": "Approvazioni per priorità", "en": "Approvals per priority"},
    "vote.chart.approval.axis": {"it": "Partecipanti che approvano", "en": "Participants approving"},
    "vote.chart.ranking.title": {"it": "Classifica: punti Borda", "en": "Ranking: Borda points"},
    "vote.chart.ranking.axis": {"it": "Punti Borda", "en": "Borda points"},
    "vote.chart.schulze.title": {
        "it": "Confronti diretti: schede che preferiscono la riga alla colonna",
        "en": "Head to head: ballots preferring the row to the column",
    },
    "vote.chart.schulze.axis": {"it": "Schede", "en": "Ballots"},
    "vote.chart.budget.title": {
        "it": "Bilancio partecipativo: budget {budget} €",
        "en": "Participatory budgeting: budget €{budget}",
    },
    "vote.chart.budget.axis": {"it": "Euro assegnati", "en": "Euro allocated"},
    "vote.chart.budget.equal_shares": {"it": "Quote uguali (Equal Shares)", "en": "Equal Shares"},
    "vote.chart.budget.greedy": {"it": "Più votati (greedy)", "en": "Most voted (greedy)"},
    "vote.chart.budget.cost": {"it": "Costo", "en": "Cost"},
    "vote.chart.pairwise.title": {
        "it": "Confronto a coppie (Bradley–Terry)",
        "en": "Pairwise comparison (Bradley–Terry)",
    },
    "vote.chart.pairwise.axis": {
        "it": "Probabilità di vincere un confronto (%)",
        "en": "Chance of winning a comparison (%)",
    },
    "vote.chart.pairwise.share": {"it": "Confronti vinti (%)", "en": "Comparisons won (%)"},
    "vote.chart.matrix.title": {"it": "Importanza × fattibilità", "en": "Importance × feasibility"},
    "vote.chart.matrix.x": {"it": "Fattibilità (media 1–5)", "en": "Feasibility (mean 1–5)"},
    "vote.chart.matrix.y": {"it": "Importanza (media 1–5)", "en": "Importance (mean 1–5)"},
    "vote.chart.matrix.spread": {"it": "Dispersione (dev. std.)", "en": "Spread (std. dev.)"},
}
