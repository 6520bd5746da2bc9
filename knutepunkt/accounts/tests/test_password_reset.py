"""Password reset by e-mail: the link works once, and nobody learns which addresses exist."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from knutepunkt.core.models import AuditEntry

RESET = reverse("accounts:password_reset")


@pytest.fixture
def midt_with_email(office_staff_midt):
    office_staff_midt.email = "mari@example.org"
    office_staff_midt.save(update_fields=["email"])
    return office_staff_midt


def reset_link(message) -> str:
    found = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert found, message.body
    return found.group(1)


def test_reset_sends_an_email_with_a_working_link(client, midt_with_email, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(RESET, {"email": "mari@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mari@example.org"]
    link = reset_link(message)
    assert link.startswith("/arbeid/passord/ny/")
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    set_url = form_page.redirect_chain[-1][0]
    new = "a-brand-new-long-passphrase"
    response = client.post(set_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_complete")
    midt_with_email.refresh_from_db()
    assert midt_with_email.check_password(new)
    assert AuditEntry.objects.filter(action="accounts.user.password_set").exists()
    # The link works once.
    used = client.get(link, follow=True)
    assert not used.context["validlink"]
    # A new password does not skip the second factor.
    assert "_auth_user_id" not in client.session


def test_unknown_address_gets_the_same_answer_and_no_email(client, midt_with_email, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    known = client.post(RESET, {"email": "mari@example.org"}, follow=True)
    unknown = client.post(RESET, {"email": "nobody@example.org"}, follow=True)
    assert len(mail.outbox) == 1
    assert known.redirect_chain == unknown.redirect_chain
    assert _page(known) == _page(unknown)


def _page(response) -> str:
    html = response.content.decode()
    return re.sub(r'(csrfmiddlewaretoken" value=|nonce=)"[^"]*"', "", html)


def test_weak_new_password_is_refused(client, midt_with_email, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(RESET, {"email": "mari@example.org"})
    form_page = client.get(reset_link(mail.outbox[0]), follow=True)
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "12345", "new_password2": "12345"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'class="error-summary"' in response.content.decode()


def test_invalid_link_says_so(client, db):
    url = reverse("accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "x-y"})
    response = client.get(url)
    assert response.status_code == 200
    assert not response.context["validlink"]
