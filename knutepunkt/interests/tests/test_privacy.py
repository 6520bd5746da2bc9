"""Health data: encryption at rest, key rotation, withdrawal, retention, placing."""

from __future__ import annotations

import datetime
import io
import re
from typing import Any
from urllib.parse import urlparse

import pytest
from cryptography.fernet import Fernet
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from knutepunkt.conftest import municipality
from knutepunkt.core.models import AuditEntry
from knutepunkt.groups.models import SelfHelpGroup
from knutepunkt.interests.crypto import DecryptionError
from knutepunkt.interests.models import Interest
from knutepunkt.interests.services import interest_mark_placed
from knutepunkt.interests.tasks import purge_expired_interests
from knutepunkt.interests.testing import make_interest, make_topic
from knutepunkt.interests.tests.helpers import english, post_interest  # noqa: F401
from knutepunkt.interests.tokens import status_token

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ALIAS = "Zyxwqvtr"
EMAIL = "zq.unique.person@example.org"
PHONE = "+47 913 57 246"


def _raw_contact_columns() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT email, phone FROM interests_interest")
        return list(cursor.fetchall())


def _everything_in_the_database() -> str:
    """Every row of every table, as text."""
    chunks: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            # Table names come from the database itself, quoted.
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def _status_url_from_mail() -> str:
    match = re.search(r"https?://\S+/interesse/status/\S+/", str(mail.outbox[-1].body))
    assert match, mail.outbox[-1].body
    return urlparse(match.group(0)).path


def test_contact_data_is_never_stored_in_plaintext(office_midt: Any) -> None:
    make_interest(municipality=municipality("1506"), alias=ALIAS, email=EMAIL)
    make_interest(municipality=municipality("1506"), alias=ALIAS, email="", phone=PHONE)
    rows = _raw_contact_columns()
    assert len(rows) == 2
    raw = repr(rows)
    assert EMAIL not in raw
    assert "913" not in raw
    assert {i.email for i in Interest.objects.all()} == {EMAIL, ""}
    assert {i.phone for i in Interest.objects.all()} == {PHONE, ""}


def test_str_and_repr_never_show_personal_data(office_midt: Any) -> None:
    interest = make_interest(municipality=municipality("1506"), alias=ALIAS, email=EMAIL)
    for text in (str(interest), repr(interest)):
        assert ALIAS not in text
        assert EMAIL not in text


def test_key_rotation(office_midt: Any) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    with override_settings(INTEREST_ENCRYPTION_KEYS=[old]):
        make_interest(municipality=municipality("1506"), email=EMAIL)
        before = _raw_contact_columns()
    with override_settings(INTEREST_ENCRYPTION_KEYS=[new, old]):
        assert Interest.objects.get().email == EMAIL  # the old key still decrypts
        call_command("rotate_interest_keys", stdout=io.StringIO())
    assert _raw_contact_columns() != before
    with override_settings(INTEREST_ENCRYPTION_KEYS=[new]):
        assert Interest.objects.get().email == EMAIL
    with override_settings(INTEREST_ENCRYPTION_KEYS=[old]), pytest.raises(DecryptionError):
        Interest.objects.get()


def test_withdrawal_leaves_no_personal_data_anywhere(
    client: Any, contact_point_molde: Any, django_capture_on_commit_callbacks: Any
) -> None:
    topic = make_topic()
    with django_capture_on_commit_callbacks(execute=True):
        post_interest(client, topic, alias=ALIAS, email=EMAIL)
    interest = Interest.objects.get()
    # Change to phone via the status page, so both values have been stored once.
    url = _status_url_from_mail()
    page = client.get(url)
    assert page.status_code == 200
    assert interest.alias == ALIAS
    # The scan does find what is there (the alias itself is encrypted: not in clear).
    assert interest.access_key in _everything_in_the_database()
    assert ALIAS not in _everything_in_the_database()
    client.post(
        url,
        {
            "action": "change",
            "topic": topic.pk,
            "municipality": "Molde",
            "for_whom": "relatives",
            "formats": ["phone"],
            "contact_method": "phone",
            "email": "",
            "phone": PHONE,
        },
    )
    assert Interest.objects.get().phone == PHONE
    response = client.post(url, {"action": "withdraw"})
    assert response.status_code == 200
    assert not Interest.objects.exists()
    everything = _everything_in_the_database()
    for secret in (ALIAS, EMAIL, PHONE, "91357246", interest.access_key):
        assert secret not in everything
    assert AuditEntry.objects.filter(action="interests.interest.withdrawn").exists()
    # The link is dead now.
    assert client.get(url).status_code == 404


def test_status_page_is_never_cached_and_bad_links_are_404(client: Any, office_midt: Any) -> None:
    interest = make_interest(municipality=municipality("1505"))
    url = reverse("interests:status", kwargs={"token": status_token(interest)})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert interest.email in response.content.decode()  # the person sees their own address
    assert client.get(url[:-5] + "xxxx/").status_code == 404
    assert client.get("/interesse/status/not-a-token/").status_code == 404


def test_status_link_cannot_open_another_row(client: Any, office_midt: Any) -> None:
    interest = make_interest(municipality=municipality("1505"))
    interest.access_key = "changed"
    interest.save(update_fields=["access_key"])
    url = reverse(
        "interests:status",
        kwargs={
            "token": status_token(
                make_interest(municipality=municipality("1505"), email="x@example.org")
            )
        },
    )
    assert client.get(url).status_code == 200
    stale = Interest(pk=interest.pk, access_key="original")
    assert (
        client.get(reverse("interests:status", kwargs={"token": status_token(stale)})).status_code
        == 404
    )


def test_keep_me_on_the_list_restarts_the_clock(client: Any, office_midt: Any) -> None:
    interest = make_interest(municipality=municipality("1505"))
    old = timezone.now() - datetime.timedelta(days=340)
    Interest.objects.filter(pk=interest.pk).update(renewed_at=old, reminded_at=old)
    url = reverse("interests:status", kwargs={"token": status_token(interest)})
    response = client.post(url, {"action": "keep"})
    assert "you stay on the list" in response.content.decode()
    interest.refresh_from_db()
    assert interest.renewed_at > timezone.now() - datetime.timedelta(minutes=1)
    assert interest.reminded_at is None


def test_retention_reminds_then_expires(
    office_midt: Any, django_capture_on_commit_callbacks: Any
) -> None:
    now = timezone.now()
    due = make_interest(municipality=municipality("1505"), email="due@example.org")
    expired = make_interest(municipality=municipality("1505"), alias=ALIAS, email="old@example.org")
    fresh = make_interest(municipality=municipality("1505"), email="fresh@example.org")
    Interest.objects.filter(pk=due.pk).update(renewed_at=now - datetime.timedelta(days=350))
    Interest.objects.filter(pk=expired.pk).update(renewed_at=now - datetime.timedelta(days=366))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_interests", stdout=io.StringIO())
    due.refresh_from_db()
    expired.refresh_from_db()
    fresh.refresh_from_db()
    assert due.status == "waiting" and due.reminded_at is not None
    assert expired.status == "expired"
    assert (expired.alias, expired.email, expired.phone) == ("", "", "")
    assert fresh.status == "waiting" and fresh.reminded_at is None
    sent = {m.to[0]: m for m in mail.outbox}
    assert set(sent) == {"due@example.org", "old@example.org"}
    assert "Keep me on the list" in sent["due@example.org"].body
    assert "/interesse/status/" in sent["due@example.org"].body
    # A second run sends no second reminder.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_interests", stdout=io.StringIO())
    assert mail.outbox == []
    assert ALIAS not in _everything_in_the_database()


@override_settings(INTEREST_RETENTION_DAYS=10, INTEREST_REMINDER_DAYS_BEFORE=3)
def test_retention_period_is_configurable_and_runs_as_a_task(office_midt: Any) -> None:
    interest = make_interest(municipality=municipality("1505"))
    Interest.objects.filter(pk=interest.pk).update(
        renewed_at=timezone.now() - datetime.timedelta(days=11)
    )
    result = purge_expired_interests.enqueue()
    assert result.return_value == {"reminded": 0, "expired": 1}
    interest.refresh_from_db()
    assert interest.status == "expired"


def test_placing_mails_the_person_then_deletes_the_contact_data(
    contact_point_molde: Any, django_capture_on_commit_callbacks: Any
) -> None:
    interest = make_interest(municipality=municipality("1506"), alias=ALIAS, email=EMAIL)
    group = SelfHelpGroup.objects.create(
        topic=interest.topic,
        office=contact_point_molde.office,
        contact_point=contact_point_molde,
        municipality=municipality("1506"),
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        interest_mark_placed(interest=interest, group=group, actor=None)
    interest.refresh_from_db()
    assert interest.status == "placed"
    assert interest.group == group
    assert interest.placed_at is not None
    assert (interest.alias, interest.email, interest.phone) == ("", "", "")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]
    assert contact_point_molde.email in mail.outbox[0].body
    everything = _everything_in_the_database()
    assert ALIAS not in everything
    assert EMAIL not in everything


def test_production_refuses_to_start_without_encryption_keys() -> None:
    import os
    import subprocess
    import sys

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "KNUTEPUNKT_TESTING", "INTEREST_ENCRYPTION_KEYS"}
    }
    # A strong key (a weak one is refused before the encryption keys are looked at).
    strong = "x7!kq2-" + "p" * 20 + "Zr9$wLm3@vB8^nT5&cY1*hG6"
    env.update(SECRET_KEY=strong, DJANGO_SETTINGS_MODULE="knutepunkt.settings")
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "INTEREST_ENCRYPTION_KEYS must be set" in result.stderr


# --- The topic and the alias are unreadable in the database ----------------------------------

SECRET_TOPIC_PK = 987_654


def _secret_topic() -> Any:
    from knutepunkt.groups.models import Topic

    return Topic.objects.create(
        pk=SECRET_TOPIC_PK,
        slug="zq-spiseforstyrrelser",
        name_nb="Zqspiseforstyrrelser",
        name_en="Zqeating disorders",
    )


def test_a_raw_select_on_the_interest_table_shows_no_topic_alias_email_or_phone(
    office_midt: Any,
) -> None:
    topic = _secret_topic()
    by_mail = make_interest(
        municipality=municipality("1506"), topic=topic, alias=ALIAS, email=EMAIL
    )
    by_phone = make_interest(
        municipality=municipality("1506"), topic=topic, alias="Qvwyxz", email="", phone=PHONE
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM interests_interest")
        columns = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
    assert len(rows) == 2
    assert "topic_id" not in columns
    raw = repr(rows)
    secrets = (ALIAS, "Qvwyxz", EMAIL, "zq.unique", PHONE, "91357246", "913 57")
    for secret in (*secrets, str(SECRET_TOPIC_PK), topic.slug, "Zqspise", "Zqeating"):
        assert secret not in raw, secret
    # …while the application reads them back, and finds rows by topic and by contact.
    assert {(i.alias, i.topic) for i in Interest.objects.all()} == {
        (ALIAS, topic),
        ("Qvwyxz", topic),
    }
    assert set(Interest.objects.for_topic(topic)) == {by_mail, by_phone}
    assert list(Interest.objects.with_contact("email", " ZQ.Unique.Person@example.org")) == [
        by_mail
    ]
    assert list(Interest.objects.with_contact("phone", "913 57 246")) == [by_phone]
    assert not Interest.objects.for_topic(make_topic()).exists()


def test_changing_the_topic_or_contact_keeps_the_hashes_in_step(
    client: Any, office_midt: Any
) -> None:
    interest = make_interest(municipality=municipality("1506"), email=EMAIL)
    other = make_topic(slug="sorg", name_nb="Sorg", name_en="Grief")
    url = reverse("interests:status", kwargs={"token": status_token(interest)})
    response = client.post(
        url,
        {
            "action": "change",
            "topic": other.pk,
            "municipality": "Molde",
            "for_whom": "affected",
            "formats": ["in_person"],
            "contact_method": "phone",
            "email": "",
            "phone": PHONE,
        },
    )
    assert response.status_code == 200
    assert list(Interest.objects.for_topic(other)) == [interest]
    assert not Interest.objects.for_topic(make_topic()).exists()
    assert list(Interest.objects.with_contact("phone", PHONE)) == [interest]
    assert not Interest.objects.with_contact("email", EMAIL).exists()


def test_key_rotation_rehashes_and_lookups_work_in_between(office_midt: Any) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    topic = _secret_topic()
    with override_settings(INTEREST_ENCRYPTION_KEYS=[old]):
        interest = make_interest(
            municipality=municipality("1506"), topic=topic, alias=ALIAS, email=EMAIL
        )
        before = Interest.objects.values_list("topic_hash", "contact_hash").get()
    with override_settings(INTEREST_ENCRYPTION_KEYS=[new, old]):
        # Before the rotation, rows hashed with the old key are still found.
        assert list(Interest.objects.for_topic(topic)) == [interest]
        assert list(Interest.objects.with_contact("email", EMAIL)) == [interest]
        call_command("rotate_interest_keys", stdout=io.StringIO())
    after = Interest.objects.values_list("topic_hash", "contact_hash").get()
    assert after[0] != before[0] and after[1] != before[1]
    with override_settings(INTEREST_ENCRYPTION_KEYS=[new]):
        rotated = Interest.objects.get()
        assert (rotated.alias, rotated.email, rotated.topic) == (ALIAS, EMAIL, topic)
        assert list(Interest.objects.for_topic(topic)) == [interest]
        assert list(Interest.objects.with_contact("email", EMAIL)) == [interest]


def test_staff_see_when_the_same_person_waits_twice(
    login: Any, office_staff_midt: Any, contact_point_molde: Any
) -> None:
    first = make_interest(municipality=municipality("1506"), email=EMAIL)
    second = make_interest(
        municipality=municipality("1506"),
        email=EMAIL.upper(),
        topic=make_topic(slug="sorg", name_nb="Sorg", name_en="Grief"),
    )
    make_interest(municipality=municipality("1506"), email="someone.else@example.org")
    page = login(office_staff_midt).get(
        reverse("staff:interests:interest_detail", kwargs={"pk": first.pk})
    )
    assert page.context["duplicates"] == [second]
    assert "Grief" in page.content.decode()
