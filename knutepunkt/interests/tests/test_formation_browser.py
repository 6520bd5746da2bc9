"""End to end in a real browser: five people around Molde register interest in the same
topic on the public form, a group proposal appears for the Molde contact point, a staff
member accepts it, the five are told by e-mail and the group is listed as forming."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from knutepunkt.accounts.testing import sign_in
from knutepunkt.interests.models import GroupProposal, Interest, InterestStatus, ProposalStatus
from knutepunkt.interests.tests.formation_fixtures import topic_angst

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PEOPLE = [
    ("Molde", "Anne"),
    ("Rauma", "Bjorn"),
    ("Hustadvika", "Cecilie"),
    ("Gjemnes", "Dag"),
    ("Vestnes", "Eva"),
]
PLACED_SUBJECT = "A self-help group is starting"


def _register(page: Any, url: str, topic_pk: int, place: str, alias: str) -> None:
    page.goto(url)
    page.select_option("#id_topic", str(topic_pk))
    page.fill("#id_municipality", place)
    page.check("input[name=for_whom][value=affected]")
    page.check("input[name=formats][value=in_person]")
    page.check("input[name=contact_method][value=email]")
    page.fill("#id_email", f"{alias.lower()}@example.no")
    page.fill("#id_alias", alias)
    page.check("#id_consent")
    if page.is_visible("#id_human_check"):  # the no-JavaScript question, if shown
        page.fill("#id_human_check", "7")
    page.click("form.interest-form button[type=submit]")
    page.wait_for_url("**/takk/**")


def test_five_registrations_become_a_forming_group(
    reference_data: None,
    contact_point_molde: Any,
    office_staff_midt: Any,
    live_server: Any,
    page: Any,
) -> None:
    topic = topic_angst()
    form_url = live_server.url + "/en" + reverse("interests:register")
    for place, alias in PEOPLE:
        _register(page, form_url, topic.pk, place, alias)
    assert Interest.objects.filter(status=InterestStatus.WAITING).count() == 5

    # The run after the fifth registration proposed a group at the Molde contact point.
    proposal = GroupProposal.objects.get(status=ProposalStatus.OPEN)
    assert proposal.contact_point == contact_point_molde
    assert proposal.members.count() == 5

    list_url = reverse("staff:interests:proposal_list")
    sign_in(page, live_server.url, office_staff_midt, "correct horse battery", list_url)
    page.wait_for_url("**" + list_url)
    page.click(f"a[href$='/gruppeforslag/{proposal.pk}/']")
    for _place, alias in PEOPLE:
        assert page.is_visible(f"text={alias}")
    assert "@example.no" not in page.content()
    page.click("button[name=accept]")
    page.wait_for_load_state()

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    told = sorted(m.to[0] for m in mail.outbox if m.subject == PLACED_SUBJECT)
    assert told == sorted(f"{alias.lower()}@example.no" for _p, alias in PEOPLE)
    assert not Interest.objects.exclude(email="").exists()

    page.goto(live_server.url + "/en" + reverse("directory:contact_point", args=["molde"]))
    card = page.locator(".card", has_text="Anxiety")
    assert card.count() == 1
    assert "Forming" in card.inner_text()
