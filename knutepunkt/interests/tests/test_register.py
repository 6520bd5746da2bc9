from __future__ import annotations

import hashlib
import time
from typing import Any

import pytest
from django.core import mail, signing
from django.urls import reverse

from knutepunkt.conftest import municipality
from knutepunkt.core.models import AuditEntry
from knutepunkt.interests.models import Interest
from knutepunkt.interests.testing import make_topic
from knutepunkt.interests.tests.helpers import english, post_interest, solved, valid_data  # noqa: F401
from knutepunkt.public.interests import abuse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def topic() -> Any:
    return make_topic()


def test_form_page_renders_with_challenge_and_prefill(client: Any, topic: Any) -> None:
    response = client.get(reverse("interests:register") + f"?topic={topic.slug}&kommune=1506")
    assert response.status_code == 200
    assert response.context["form"].initial["topic"] == topic.pk
    assert response.context["form"].initial["municipality"] == "Molde"
    assert 'name="pow_challenge"' in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_registration_in_molde_goes_to_molde_contact_point(
    client: Any, topic: Any, contact_point_molde: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = post_interest(client, topic)
    assert response.status_code == 302
    interest = Interest.objects.get()
    assert interest.contact_point == contact_point_molde
    assert interest.office == contact_point_molde.office
    assert interest.municipality.number == "1506"
    assert interest.formats == ["in_person", "online"]
    assert interest.email == "ola.nordmann@example.org"
    assert interest.phone == ""
    assert interest.consent_at is not None
    assert interest.status == "waiting"
    # Confirmation e-mail with a signed status link.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ola.nordmann@example.org"]
    assert "/interesse/status/" in mail.outbox[0].body
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert thanks["Cache-Control"] == "no-store"


def test_registration_without_contact_point_goes_to_district_office(
    client: Any, topic: Any, office_midt: Any, contact_point_molde: Any
) -> None:
    # Kristiansund (1505) has no contact point: the office covering Møre og Romsdal.
    response = post_interest(client, topic, municipality="1505")
    assert response.status_code == 302
    interest = Interest.objects.get()
    assert interest.contact_point is None
    assert interest.office == office_midt


def test_phone_only_shows_status_link_on_screen_and_sends_no_mail(
    client: Any, topic: Any, office_midt: Any
) -> None:
    response = post_interest(
        client, topic, contact_method="phone", email="", phone="+47 912 34 567"
    )
    assert response.status_code == 302
    interest = Interest.objects.get()
    assert interest.phone == "+47 912 34 567"
    assert interest.email == ""
    assert mail.outbox == []
    thanks = client.get(response["Location"])
    assert "Keep this link" in thanks.content.decode()
    assert "/interesse/status/" in thanks.content.decode()


def test_only_the_chosen_contact_is_stored(client: Any, topic: Any, office_midt: Any) -> None:
    post_interest(client, topic, contact_method="email", phone="+47 912 34 567")
    interest = Interest.objects.get()
    assert interest.phone == ""


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"formats": []}, "formats", "Choose at least one way of meeting."),
        ({"email": ""}, "email", "Write your e-mail address, or choose phone."),
        ({"contact_method": "phone", "phone": ""}, "phone", "Write your phone number"),
        ({"contact_method": "phone", "phone": "12"}, "phone", "8 to 15 digits"),
        ({"email": "not-an-address"}, "email", "Enter a valid e-mail address"),
        ({"consent": ""}, "consent", "only register your interest if you agree"),
        ({"alias": "A" * 41}, "alias", "at most 40 characters"),
        ({"municipality": "Atlantis"}, "municipality", "We do not know that municipality"),
        ({"municipality": ""}, "municipality", "Write the name of your municipality."),
        ({"topic": ""}, "topic", "Choose a topic."),
    ],
)
def test_invalid_form_shows_clear_error_and_saves_nothing(
    client: Any, topic: Any, office_midt: Any, overrides: dict, field: str, message: str
) -> None:
    response = post_interest(client, topic, **overrides)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert message in response.content.decode()
    assert not Interest.objects.exists()


def test_ambiguous_municipality_lists_choices(client: Any, topic: Any, office_midt: Any) -> None:
    response = post_interest(client, topic, municipality="Herøy")
    assert "Several municipalities match" in " ".join(
        response.context["form"].errors["municipality"]
    )


def test_honeypot_is_silently_dropped(client: Any, topic: Any, office_midt: Any) -> None:
    response = post_interest(client, topic, website="http://spam.example")
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert not Interest.objects.exists()
    assert mail.outbox == []


def test_rate_limit_answers_429_after_the_limit(client: Any, topic: Any, office_midt: Any) -> None:
    for n in range(abuse.RATE_LIMIT):
        assert post_interest(client, topic, email=f"p{n}@example.org").status_code == 302
    response = post_interest(client, topic, email="one.more@example.org")
    assert response.status_code == 429
    assert "too many times" in response.content.decode()
    assert Interest.objects.count() == abuse.RATE_LIMIT


def test_rate_limit_is_per_address(client: Any, topic: Any, office_midt: Any) -> None:
    for n in range(abuse.RATE_LIMIT):
        post_interest(client, topic, email=f"p{n}@example.org")
    other = client.__class__(REMOTE_ADDR="10.9.8.7")
    assert post_interest(other, topic, email="other@example.org").status_code == 302


def _failing_counter(nonce: str) -> str:
    counter = 0
    while abuse.leading_zero_bits(hashlib.sha256(f"{nonce}{counter}".encode()).digest()) >= (
        abuse.POW_BITS
    ):
        counter += 1
    return str(counter)


def test_wrong_proof_of_work_is_rejected(client: Any, topic: Any, office_midt: Any) -> None:
    response = client.get(reverse("interests:register"))
    challenge = response.context["challenge"]
    data = valid_data(
        topic, pow_challenge=challenge.token, pow_solution=_failing_counter(challenge.nonce)
    )
    response = client.post(reverse("interests:register"), data)
    assert response.status_code == 200
    assert "automatic check" in response.content.decode()
    assert not Interest.objects.exists()


def test_reused_proof_of_work_is_rejected(client: Any, topic: Any, office_midt: Any) -> None:
    work = solved(client)
    first = client.post(reverse("interests:register"), valid_data(topic, **work))
    assert first.status_code == 302
    again = client.post(
        reverse("interests:register"), valid_data(topic, email="again@example.org", **work)
    )
    assert again.status_code == 200
    assert "automatic check" in again.content.decode()
    assert Interest.objects.count() == 1


def test_expired_proof_of_work_is_rejected(client: Any, topic: Any, office_midt: Any) -> None:
    nonce = "a" * 32
    old = int(time.time()) - abuse.POW_MAX_AGE_SECONDS - 60
    token = signing.dumps({"n": nonce, "d": abuse.POW_BITS, "t": old}, salt=abuse.POW_SALT)
    assert abuse.check_work(token, abuse.solve(nonce, abuse.POW_BITS)) == "expired"
    response = client.post(
        reverse("interests:register"),
        valid_data(topic, pow_challenge=token, pow_solution=abuse.solve(nonce, abuse.POW_BITS)),
    )
    assert "automatic check" in response.content.decode()
    assert not Interest.objects.exists()


def test_forged_or_easier_challenge_is_rejected() -> None:
    nonce = "b" * 32
    easy = signing.dumps({"n": nonce, "d": 1, "t": int(time.time())}, salt=abuse.POW_SALT)
    assert abuse.check_work(easy, abuse.solve(nonce, 1)) == "invalid"
    assert abuse.check_work("garbage", "1") == "invalid"


def test_without_javascript_the_question_works(client: Any, topic: Any, office_midt: Any) -> None:
    response = client.post(reverse("interests:register"), valid_data(topic, human_check="7"))
    assert response.status_code == 302
    assert Interest.objects.count() == 1


def test_without_javascript_a_wrong_answer_is_rejected(
    client: Any, topic: Any, office_midt: Any
) -> None:
    response = client.post(reverse("interests:register"), valid_data(topic, human_check="seven"))
    assert response.status_code == 200
    assert "human_check" in response.context["form"].errors
    assert not Interest.objects.exists()


def test_without_javascript_the_limit_is_stricter(
    client: Any, topic: Any, office_midt: Any
) -> None:
    url = reverse("interests:register")
    for n in range(abuse.FALLBACK_RATE_LIMIT):
        data = valid_data(topic, human_check="7", email=f"n{n}@example.org")
        assert client.post(url, data).status_code == 302
    blocked = client.post(url, valid_data(topic, human_check="7", email="x@example.org"))
    assert blocked.status_code == 429
    # The proof-of-work path still has room.
    assert post_interest(client, topic, email="js@example.org").status_code == 302


def test_registration_audit_entry_holds_no_personal_data(
    client: Any, topic: Any, office_midt: Any
) -> None:
    post_interest(client, topic, alias="Ingeborg")
    entry = AuditEntry.objects.get(action="interests.interest.registered")
    text = f"{entry.target_repr} {entry.data}"
    assert "Ingeborg" not in text
    assert "ola.nordmann" not in text
    assert municipality("1506").number  # reference data present


def test_registration_queues_the_formation_instead_of_running_it_in_the_request(
    client: Any, topic: Any, contact_point_molde: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.test import override_settings
    from django_tasks.base import TaskResultStatus
    from django_tasks.signals import task_enqueued

    from knutepunkt.interests.models import GroupProposal

    queued: list[Any] = []

    def remember(sender: Any, task_result: Any, **kwargs: Any) -> None:
        if task_result.task.name == "form_groups_for_topic":
            queued.append(task_result)

    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    task_enqueued.connect(remember)
    try:
        with override_settings(TASKS=dummy), django_capture_on_commit_callbacks(execute=True):
            response = post_interest(client, topic)
    finally:
        task_enqueued.disconnect(remember)
    assert response.status_code == 302
    assert Interest.objects.count() == 1
    # Queued once, for this topic, and not run: no proposal was made inside the request.
    assert [r.args for r in queued] == [[topic.pk]]
    assert [r.status for r in queued] == [TaskResultStatus.READY]
    assert not GroupProposal.objects.exists()
