"""localized(): database content in the reader's language, bokmål when there is none."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.utils import translation

from knutepunkt.core.i18n import LocalizedText, content_language, localized, localized_text


def test_picks_the_field_of_the_active_language() -> None:
    topic = SimpleNamespace(name_nb="Angst", name_en="Anxiety")
    with translation.override("en"):
        assert localized(topic, "name") == "Anxiety"
    with translation.override("nb"):
        assert localized(topic, "name") == "Angst"


def test_an_explicit_language_wins_over_the_active_one() -> None:
    topic = SimpleNamespace(name_nb="Angst", name_en="Anxiety")
    with translation.override("nb"):
        assert localized(topic, "name", "en") == "Anxiety"
        assert localized(topic, "name", "en-gb") == "Anxiety"


def test_an_empty_translation_falls_back_to_bokmal_and_says_so() -> None:
    office = SimpleNamespace(description_nb="Vi hjelper.", description_en="")
    assert localized_text(office, "description", "en") == LocalizedText("Vi hjelper.", "nb")
    translated = SimpleNamespace(description_nb="Vi hjelper.", description_en="We help.")
    assert localized_text(translated, "description", "en") == LocalizedText("We help.", "en")


def test_a_language_without_fields_reads_bokmal_until_its_fields_exist() -> None:
    before = SimpleNamespace(name_nb="Sorg", name_en="Grief")
    assert localized(before, "name", "nn") == "Sorg"
    after = SimpleNamespace(name_nb="Sorg", name_en="Grief", name_nn="Sorg (nynorsk)")
    assert localized(after, "name", "nn") == "Sorg (nynorsk)"
    assert localized(SimpleNamespace(name_nb="Sorg", name_nn=""), "name", "nn") == "Sorg"


def test_values_rows_work_like_objects() -> None:
    row = {"topic__name_nb": "Angst", "topic__name_en": "Anxiety"}
    assert localized(row, "topic__name", "en") == "Anxiety"
    assert localized(row, "topic__name", "nb") == "Angst"


def test_bokmal_under_the_bare_name_when_there_is_no_nb_field() -> None:
    event = SimpleNamespace(description="Velkommen!", description_en="")
    assert localized(event, "description", "en") == "Velkommen!"
    assert (
        localized(
            SimpleNamespace(description="Velkommen!", description_en="Welcome!"),
            "description",
            "en",
        )
        == "Welcome!"
    )


def test_an_unknown_field_is_an_error_not_an_empty_text() -> None:
    with pytest.raises(AttributeError):
        localized(SimpleNamespace(name_nb="Angst"), "title", "en")


def test_content_language_of_the_active_language() -> None:
    with translation.override("en"):
        assert content_language() == "en"
    assert content_language("nb") == "nb"
    assert content_language("en-GB") == "en"
    assert str(LocalizedText("Angst", "nb")) == "Angst"


@pytest.mark.django_db
def test_models_use_it() -> None:
    from knutepunkt.activity.models import OfficeTask
    from knutepunkt.pages.models import InfoPage

    page = InfoPage(title_nb="Om selvhjelp", title_en="About", summary_nb="Kort", summary_en="")
    with translation.override("en"):
        assert page.title == "About"
        assert page.summary == "Kort"
    task = OfficeTask(number=1, name_nb="Spre kunnskap", name_en="Spread knowledge")
    with translation.override("nb"):
        assert str(task) == "1. Spre kunnskap"
