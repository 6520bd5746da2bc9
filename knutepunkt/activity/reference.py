"""The six office tasks (funder's letter) and four national-plan goals (2014–2018)."""

OFFICE_TASKS = [
    (
        1,
        "Være et informasjonspunkt for selvhjelp i sitt dekningsområde",
        "Be an information point for self-help in its area",
    ),
    (
        2,
        "Være en pådriver for utvikling av selvhjelpsarbeidet med lokale aktører og bygge nettverk",
        "Drive the development of self-help work with local actors and build networks",
    ),
    (
        3,
        "Være en faglig ressurs: foredrag, informasjonsmøter og fagdager",
        "Be a professional resource: talks, information meetings and seminars",
    ),
    (
        4,
        "Drive lokal igangsettertrening og etablere nettverk for igangsettere",
        "Run local starter training and build networks of starters",
    ),
    (
        5,
        "Samarbeide med lokale møteplasser for selvhjelp",
        "Cooperate with local meeting places for self-help",
    ),
    (
        6,
        "Sette i gang grupper i samarbeid med lokale aktører",
        "Start groups together with local actors",
    ),
]

PLAN_GOALS = [
    (
        1,
        "Sikre en videre utvikling av informasjonsformidling",
        "Further develop the spreading of information",
    ),
    (
        2,
        "Selvhjelp som del av det helsefremmende, forebyggende og rehabiliterende arbeidet",
        "Self-help as part of health-promoting, preventive and rehabilitating work",
    ),
    (
        3,
        "Sikre kunnskap om selvorganisert selvhjelp i universitets- og høgskoleutdanningene",
        "Self-help knowledge in university and university-college education",
    ),
    (4, "Fremme forskning på selvorganisert selvhjelp", "Promote research on self-help"),
]


# The same names in nynorsk, by number.
OFFICE_TASKS_NN = {
    1: "Vere eit informasjonspunkt for sjølvhjelp i sitt dekningsområde",
    2: "Vere ein pådrivar for utvikling av sjølvhjelpsarbeidet med lokale aktørar og byggje "
    "nettverk",
    3: "Vere ein fagleg ressurs: foredrag, informasjonsmøte og fagdagar",
    4: "Drive lokal igangsetjartrening og etablere nettverk for igangsetjarar",
    5: "Samarbeide med lokale møteplassar for sjølvhjelp",
    6: "Setje i gang grupper i samarbeid med lokale aktørar",
}
PLAN_GOALS_NN = {
    1: "Sikre ei vidare utvikling av informasjonsformidlinga",
    2: "Sjølvhjelp som del av det helsefremjande, førebyggjande og rehabiliterande arbeidet",
    3: "Sikre kunnskap om sjølvorganisert sjølvhjelp i universitets- og høgskuleutdanningane",
    4: "Fremje forsking på sjølvorganisert sjølvhjelp",
}


def _names(model, nb: str, en: str, nn: str) -> dict[str, str]:
    names = {"name_nb": nb, "name_en": en}
    # The migrations before the nynorsk field use this too, with their historical models.
    if any(field.name == "name_nn" for field in model._meta.get_fields()):
        names["name_nn"] = nn
    return names


def ensure_office_tasks_and_plan_goals(office_task_model, plan_goal_model) -> None:
    """Create or refresh the fixed rows; used by the migrations and after test flushes."""
    for number, nb, en in OFFICE_TASKS:
        office_task_model.objects.update_or_create(
            number=number, defaults=_names(office_task_model, nb, en, OFFICE_TASKS_NN[number])
        )
    for number, nb, en in PLAN_GOALS:
        plan_goal_model.objects.update_or_create(
            number=number, defaults=_names(plan_goal_model, nb, en, PLAN_GOALS_NN[number])
        )
