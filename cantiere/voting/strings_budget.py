"""Strings of participatory budgeting ("bilancio partecipativo": greedy and Equal Shares): its name, rules, errors, explanations, chart, phone screen and form.

Kept next to ``budget.py``; ``cantiere.i18n`` merges them into the translation table.
"""

STRINGS = {
    "vote.method.budget": {"it": "Bilancio partecipativo", "en": "Participatory budgeting"},
    "vote.method.budget.help": {
        "it": "Ogni progetto ha un costo; ogni partecipante sceglie i progetti che vuole finanziare restando nel budget.",
        "en": "Each project has a cost; each participant picks the projects to fund within the budget.",
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
    "vote.error.over_budget": {
        "it": "I progetti scelti costano {total} €, oltre il budget di {budget} € di {excess} €: togli qualche progetto.",
        "en": "The projects you chose cost €{total}, €{excess} over the €{budget} budget: remove some projects.",
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
    "vote.chart.budget.title": {
        "it": "Bilancio partecipativo: budget {budget} €",
        "en": "Participatory budgeting: budget €{budget}",
    },
    "vote.chart.budget.axis": {"it": "Euro assegnati", "en": "Euro allocated"},
    "vote.chart.budget.equal_shares": {"it": "Quote uguali (Equal Shares)", "en": "Equal Shares"},
    "vote.chart.budget.greedy": {"it": "Più votati (greedy)", "en": "Most voted (greedy)"},
    "vote.chart.budget.cost": {"it": "Costo", "en": "Cost"},
    "metodi.param.budget": {"it": "Budget totale (€)", "en": "Total budget (€)"},
    "metodi.param.costs": {
        "it": "Costo di ogni progetto (€): serve per il bilancio partecipativo.",
        "en": "Cost of each project (€): needed for participatory budgeting.",
    },
    "metodi.param.cost": {"it": "Costo (€)", "en": "Cost (€)"},
    "metodi.params.budget": {"it": "budget di {budget} €", "en": "budget of €{budget}"},
    "metodi.budget.rule": {
        "it": "Scegli i progetti da finanziare: hai {budget} in tutto.",
        "en": "Pick the projects to fund: you have {budget} in all.",
    },
    "metodi.budget.toggle": {"it": "Finanzio ({cost})", "en": "Fund it ({cost})"},
    "metodi.budget.left": {"it": "Spesi {spent} · restano {left}", "en": "Spent {spent} · {left} left"},
    "metodi.budget.over": {
        "it": "Hai superato il budget di {excess}: togli un progetto.",
        "en": "You are {excess} over budget: remove a project.",
    },
    "risultati.col.greedy": {"it": "Per voti (greedy)", "en": "By votes (greedy)"},
    "risultati.col.equal_shares": {"it": "Quote uguali (Equal Shares)", "en": "Equal Shares"},
    "vote.method.budget.tie": {
        "it": "Parità: nei più votati (greedy), a parità di voti passa il progetto meno costoso, poi quello che viene prima nell'elenco; nelle quote uguali, a parità di voti effettivi passa quello con più voti, poi il meno costoso, poi quello che viene prima nell'elenco.",
        "en": "Ties: for most voted (greedy), on equal votes the cheaper project goes first, then the one earlier in the list; for Equal Shares, on equal effective votes the one with more votes, then the cheaper, then the one earlier in the list.",
    },
    "vote.explain.equal_shares_completion": {
        "it": "Per usare più budget, la quota di ciascuno è stata alzata di un centesimo alla volta fino a {share} € (completamento «add1»): è l'ultima quota con cui i progetti scelti stanno ancora nel budget.",
        "en": "To use more of the budget, each share was raised one cent at a time up to €{share} (the “add1” completion): the last share with which the chosen projects still fit the budget.",
    },
    "vote.score.votes": {"it": "Voti", "en": "Votes"},
}
