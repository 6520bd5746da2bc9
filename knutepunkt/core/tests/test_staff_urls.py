"""Every staff URL, every role: who gets in, who is sent to sign in, who gets 403 or 404.

HOW TO ADD YOUR URL (other helpers: keep your edit to adding rows)
====================================================================
1. Every URL under the ``staff`` namespace (``staff:<app>:<name>``) and every URL under
   ``accounts`` must have a row in ``EXPECTED`` below. ``test_every_staff_url_is_listed``
   FAILS for an unlisted URL, and ``test_no_stale_rows`` for a row whose URL is gone.
2. For a staff page write ``staff(ALLOWED_PERSONAS)``. Personas in the set get
   ``ok_status`` (200 by default) for a GET; every other signed-in persona gets 403;
   the anonymous client is redirected to ``accounts:login`` and office_staff_midt without
   the second factor to ``accounts:verify`` (both with ``?next=``).
   * POST-only view (``@staff_view`` OUTERMOST, then ``@require_POST``):
     ``staff(OFFICE, ok_status=405)``.
   * A view that redirects on GET: ``ok_status=302``.
   * A view that lets the persona in but shows them nothing of another office's object:
     ``not_found={NORD}`` → 404 (the object behind an object URL is Midt's, see 3).
3. Object URLs (with kwargs): every kwarg is filled from a Midt-owned object. Add the
   kwarg's name to ``OBJECT_FACTORIES`` (e.g. ``"partner_pk": lambda get:
   get("partner_molde").pk``), or, when the kwarg name is ambiguous (``pk``, ``slug``), add
   the URL name to ``URL_KWARGS`` (``"staff:network:partner_detail": lambda get: {"pk":
   get("partner_molde").pk}``). ``get(name)`` returns a pytest fixture (``office_midt``,
   ``partner_molde``, ``contact_point_molde``, …) or one of your own fixtures defined in
   this file or a conftest. Office staff from Nord must get 404 for Midt's objects:
   ``staff(OFFICE, not_found={NORD})``.
4. Run: ``KNUTEPUNKT_TESTING=1 .venv/bin/pytest knutepunkt/core/tests/test_staff_urls.py -q``
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

import pytest
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from knutepunkt.activity.testing import activity_url_kwargs
from knutepunkt.core.testing import OutlineJoins
from knutepunkt.events.testing import event_url_kwargs
from knutepunkt.feedback.testing import midt_change_request_kwargs
from knutepunkt.interests import testing as interest_testing
from knutepunkt.interests.formation import testing as proposal_testing
from knutepunkt.network import testing as network_testing
from knutepunkt.reports import output_testing
from knutepunkt.tokens.testing import midt_token_kwargs

HEAD = "head_office_admin"
MIDT = "office_staff_midt"
NORD = "office_staff_nord"
COORD = "contact_point_coordinator"
FUNDER = "funder_viewer"
ANON = "anonymous"
UNVERIFIED = "office_staff_midt_without_second_factor"

# Static, so pytest-django runs these before the transactional (flushing) tests.
pytestmark = pytest.mark.django_db

SIGNED_IN = (HEAD, MIDT, NORD, COORD, FUNDER)
PERSONAS = (*SIGNED_IN, ANON, UNVERIFIED)
OFFICE = frozenset({HEAD, MIDT, NORD})
ALL_STAFF = OFFICE | {COORD}
EVERYONE_SIGNED_IN = frozenset(SIGNED_IN)

# Expected outcome of a GET: an HTTP status, or "login" / "verify" for a redirect to that
# sign-in step with ?next=, or "landing" for a redirect anywhere else (already signed in).
Expected = int | str


def staff(
    allowed: frozenset[str] | set[str],
    *,
    not_found: frozenset[str] | set[str] = frozenset(),
    ok_status: int = 200,
) -> dict[str, Expected]:
    """The outcome table of a page wrapped in ``staff_view``."""
    expected: dict[str, Expected] = dict.fromkeys(SIGNED_IN, 403)
    expected.update(dict.fromkeys(allowed, ok_status))
    expected.update(dict.fromkeys(not_found, 404))
    expected[ANON] = "login"
    expected[UNVERIFIED] = "verify"
    return expected


def public(status: int = 200) -> dict[str, Expected]:
    """A sign-in page anyone may open (checked for the anonymous client only)."""
    return {ANON: status}


EXPECTED: dict[str, dict[str, Expected]] = {
    # --- accounts (sign-in) -------------------------------------------------------------
    "accounts:login": public(),
    "accounts:password_reset": public(),
    "accounts:password_reset_done": public(),
    "accounts:password_reset_confirm": public(),  # an invalid link says so, with 200
    "accounts:password_reset_complete": public(),
    # Signed in with the password: the code page; already verified: on to the workspace.
    "accounts:verify": {
        **dict.fromkeys(SIGNED_IN, "landing"),
        ANON: "login",
        UNVERIFIED: 200,
    },
    # A user with an authenticator must pass it before replacing it.
    "accounts:totp_setup": {**dict.fromkeys(SIGNED_IN, 200), ANON: "login", UNVERIFIED: "verify"},
    "accounts:backup_codes": {**dict.fromkeys(SIGNED_IN, 200), ANON: "login", UNVERIFIED: "verify"},
    "accounts:logout": dict.fromkeys(PERSONAS, 405),  # POST only
    # Passkeys: the page for everyone verified; the WebAuthn JSON ceremonies are POST only,
    # and refuse (403) who may not start them: adding needs the second factor passed,
    # using one needs the password first.
    "accounts:passkeys": {**dict.fromkeys(SIGNED_IN, 200), ANON: "login", UNVERIFIED: "verify"},
    "accounts:passkey_register_begin": {
        **dict.fromkeys(SIGNED_IN, 405),
        ANON: 403,
        UNVERIFIED: 403,
    },
    "accounts:passkey_register_complete": {
        **dict.fromkeys(SIGNED_IN, 405),
        ANON: 403,
        UNVERIFIED: 403,
    },
    "accounts:passkey_auth_begin": {**dict.fromkeys(SIGNED_IN, 405), ANON: 403, UNVERIFIED: 405},
    "accounts:passkey_auth_complete": {
        **dict.fromkeys(SIGNED_IN, 405),
        ANON: 403,
        UNVERIFIED: 405,
    },
    # --- staff workspace ----------------------------------------------------------------
    "staff:dashboard": staff(EVERYONE_SIGNED_IN),  # a funder lands here too
    # --- events (the object is an event of the Molde contact point, office Midt) -------
    "staff:events:event_list": staff(ALL_STAFF),
    "staff:events:event_create": staff(ALL_STAFF),
    "staff:events:event_detail": staff(ALL_STAFF - {NORD}, not_found={NORD}),
    "staff:events:event_edit": staff(ALL_STAFF - {NORD}, not_found={NORD}),
    "staff:events:event_attendance": staff({HEAD, MIDT}, not_found={NORD}),  # office only
    "staff:events:event_message": staff(ALL_STAFF - {NORD}, not_found={NORD}),
    "staff:events:event_export_csv": staff(ALL_STAFF - {NORD}, not_found={NORD}),
    "staff:events:event_export_xlsx": staff(ALL_STAFF - {NORD}, not_found={NORD}),
    "staff:events:question_add": staff(ALL_STAFF - {NORD}, not_found={NORD}),
    "staff:events:question_delete": staff(ALL_STAFF, ok_status=405),  # POST only
    "staff:events:registration_cancel": staff(ALL_STAFF, ok_status=405),  # POST only
    "staff:events:registration_confirm": staff(ALL_STAFF, ok_status=405),  # POST only
    "staff:events:registration_approve": staff(ALL_STAFF, ok_status=405),  # POST only
    "staff:events:registration_decline": staff(ALL_STAFF, ok_status=405),  # POST only
    # --- a person's data request (head office only) -------------------------------------
    "staff:privacy:person_data": staff({HEAD}),
    # --- activity log (the object is an activity of office Midt) -----------------------
    "staff:activity:activity_list": staff(OFFICE),
    "staff:activity:activity_create": staff(OFFICE),  # head office: choose the office
    "staff:activity:activity_inquiry_create": staff(OFFICE),
    "staff:activity:activity_edit": staff(OFFICE - {NORD}, not_found={NORD}),
    "staff:activity:activity_delete": staff(OFFICE - {NORD}, not_found={NORD}),  # confirm
    "staff:activity:activity_export": staff(OFFICE),
    "staff:activity:activity_import": staff(OFFICE),
    "staff:activity:activity_import_confirm": staff(OFFICE, ok_status=405),  # POST only
    # --- reports: coverage and outputs (Midt's office; an export by head office) ---------
    "staff:reports:coverage": staff({HEAD, MIDT, NORD, FUNDER}),
    "staff:reports:coverage_office": staff({HEAD, MIDT, FUNDER}, not_found={NORD}),
    "staff:reports:white_spots_csv": staff({HEAD, MIDT, FUNDER}, not_found={NORD}),
    # The funder: approved reports only (Midt's is not approved in this table) → 404.
    "staff:reports:office_pdf": staff({HEAD, MIDT}, not_found={NORD, FUNDER}),
    "staff:reports:office_xlsx": staff({HEAD, MIDT}, not_found={NORD, FUNDER}),
    "staff:reports:national_pdf": staff({HEAD, FUNDER}),
    "staff:reports:national_xlsx": staff({HEAD, FUNDER}),
    # The funder sees only exports they started.
    "staff:reports:export_status": staff({HEAD}, not_found={FUNDER}),
    "staff:reports:export_status_json": staff({HEAD}, not_found={FUNDER}),
    "staff:reports:export_download": staff({HEAD}, not_found={FUNDER}),
    # --- reports: annual reports (Midt's 2024 report, a draft) and national compilation -----
    "staff:reports:report_list": staff({HEAD, MIDT, NORD, FUNDER}),
    "staff:reports:report_detail": staff({HEAD, MIDT}, not_found={NORD, FUNDER}),
    "staff:reports:report_edit": staff({HEAD, MIDT}, not_found={NORD}),
    "staff:reports:report_submit": staff(OFFICE, ok_status=405),  # POST only
    "staff:reports:report_approve": staff({HEAD}, ok_status=405),  # POST only
    "staff:reports:report_reopen": staff({HEAD}),
    "staff:reports:national": staff({HEAD, FUNDER}),
    "staff:reports:national_edit": staff({HEAD}),
    # --- network: partner register (Midt's partner) and contact points (Molde's) ----------
    "staff:network:partner_list": staff(OFFICE),
    "staff:network:partner_create": staff(OFFICE),  # head office: choose the office
    "staff:network:partner_detail": staff(OFFICE, not_found={NORD}),
    "staff:network:partner_edit": staff(OFFICE, not_found={NORD}),
    "staff:network:partner_merge": staff(OFFICE, not_found={NORD}),  # choose, then confirm
    "staff:network:partner_contact_add": staff(OFFICE, ok_status=405),  # POST only
    "staff:network:partner_contact_edit": staff(OFFICE, not_found={NORD}),
    "staff:network:partner_contact_remove": staff(OFFICE, ok_status=405),  # POST only
    "staff:network:partner_contact_confirm": staff(OFFICE, ok_status=405),  # POST only
    "staff:network:contact_point_list": staff(OFFICE),  # the pipeline board
    "staff:network:contact_point_create": staff(OFFICE),
    # A coordinator sees their own contact point and edits its public details.
    "staff:network:contact_point_detail": staff(ALL_STAFF, not_found={NORD}),
    "staff:network:contact_point_edit": staff(ALL_STAFF, not_found={NORD}),
    "staff:network:contact_point_status": staff(OFFICE, ok_status=405),  # POST only
    "staff:network:contact_point_follow_up": staff(OFFICE, ok_status=405),  # POST only
    "staff:network:planning_member_add": staff(OFFICE, ok_status=405),  # POST only
    "staff:network:planning_member_remove": staff(OFFICE, ok_status=405),  # POST only
    # --- groups (a group at Molde's contact point) -------------------------------------
    "staff:groups:group_list": staff(ALL_STAFF),
    "staff:groups:group_create": staff(ALL_STAFF),
    "staff:groups:group_detail": staff(ALL_STAFF, not_found={NORD}),
    "staff:groups:group_edit": staff(ALL_STAFF, not_found={NORD}),
    "staff:groups:group_status": staff(ALL_STAFF, ok_status=405),  # POST only
    # --- starters (a Midt starter who agreed to be contacted) ---------------------------
    "staff:starters:starter_list": staff(ALL_STAFF),  # coordinators: consenting, read-only
    "staff:starters:starter_create": staff(OFFICE),
    "staff:starters:starter_detail": staff(ALL_STAFF, not_found={NORD}),
    "staff:starters:starter_edit": staff(OFFICE, not_found={NORD}),
    # --- interests: people waiting (an interest routed to Molde's contact point, Midt) ----
    # Health data: never the funder (403); another office's interest is a 404.
    "staff:interests:interest_list": staff(ALL_STAFF),
    "staff:interests:interest_detail": staff(ALL_STAFF - {NORD}, not_found={NORD}),
    "staff:interests:interest_export": staff(ALL_STAFF - {NORD}, not_found={NORD}),
    "staff:interests:interest_delete": staff(ALL_STAFF, ok_status=405),  # POST only
    # --- interests: group proposals (the object is at Molde's contact point, Midt) -------
    "staff:interests:proposal_list": staff(ALL_STAFF),
    "staff:interests:proposal_detail": staff(ALL_STAFF - {NORD}, not_found={NORD}),
    "staff:interests:proposal_accept": staff(ALL_STAFF, ok_status=405),  # POST only
    "staff:interests:proposal_dismiss": staff(ALL_STAFF, ok_status=405),  # POST only
    # --- listing corrections from the public (about Molde's contact point, Midt) ---------
    "staff:feedback:change_request_list": staff(OFFICE),
    "staff:feedback:change_request_detail": staff(OFFICE - {NORD}, not_found={NORD}),
    "staff:feedback:change_request_dismiss": staff(OFFICE, ok_status=405),  # POST only
    # --- API tokens (a token of office Midt) ------------------------------------------------
    "staff:tokens:token_list": staff(OFFICE),
    "staff:tokens:token_revoke": staff(OFFICE, ok_status=405),  # POST only
}

# Values for URL kwargs, by kwarg name; each gets `get(fixture_name)`.
OBJECT_FACTORIES: dict[str, Callable[[Callable[[str], Any]], Any]] = {
    "uidb64": lambda get: "MQ",
    "token": lambda get: "not-a-valid-token",
    "office_slug": lambda get: get("office_midt").slug,
}

# Kwargs for one URL, when the kwarg name alone does not say which object (pk, slug).
URL_KWARGS: dict[str, Callable[[Callable[[str], Any]], dict[str, Any]]] = {
    **{
        f"staff:events:{name}": lambda get: event_url_kwargs(get, "pk")
        for name in (
            "event_detail",
            "event_edit",
            "event_attendance",
            "event_message",
            "event_export_csv",
            "event_export_xlsx",
            "question_add",
        )
    },
    "staff:events:question_delete": lambda get: event_url_kwargs(get, "pk", "question_pk"),
    "staff:events:registration_cancel": lambda get: event_url_kwargs(get, "pk", "registration_pk"),
    "staff:events:registration_confirm": lambda get: event_url_kwargs(get, "pk", "registration_pk"),
    "staff:events:registration_approve": lambda get: event_url_kwargs(get, "pk", "registration_pk"),
    "staff:events:registration_decline": lambda get: event_url_kwargs(get, "pk", "registration_pk"),
    "staff:activity:activity_edit": activity_url_kwargs,
    "staff:activity:activity_delete": activity_url_kwargs,
    "staff:reports:coverage_office": output_testing.office_kwargs,
    "staff:reports:white_spots_csv": output_testing.office_kwargs,
    "staff:reports:office_pdf": output_testing.office_year_kwargs,
    "staff:reports:office_xlsx": output_testing.office_year_kwargs,
    "staff:reports:national_pdf": output_testing.year_kwargs,
    "staff:reports:national_xlsx": output_testing.year_kwargs,
    **{
        f"staff:reports:{name}": output_testing.office_year_kwargs
        for name in (
            "report_detail",
            "report_edit",
            "report_submit",
            "report_approve",
            "report_reopen",
        )
    },
    "staff:reports:national": output_testing.year_kwargs,
    "staff:reports:national_edit": output_testing.year_kwargs,
    "staff:reports:export_status": output_testing.export_url_kwargs,
    "staff:reports:export_status_json": output_testing.export_url_kwargs,
    "staff:reports:export_download": output_testing.export_url_kwargs,
    **{
        f"staff:network:{name}": network_testing.partner_kwargs
        for name in ("partner_detail", "partner_edit", "partner_merge", "partner_contact_add")
    },
    "staff:network:partner_contact_edit": network_testing.partner_contact_kwargs,
    "staff:network:partner_contact_remove": network_testing.partner_contact_kwargs,
    "staff:network:partner_contact_confirm": network_testing.partner_contact_kwargs,
    **{
        f"staff:network:{name}": network_testing.contact_point_kwargs
        for name in (
            "contact_point_detail",
            "contact_point_edit",
            "contact_point_status",
            "contact_point_follow_up",
            "planning_member_add",
        )
    },
    "staff:network:planning_member_remove": network_testing.planning_member_kwargs,
    **{
        f"staff:groups:{name}": network_testing.group_kwargs
        for name in ("group_detail", "group_edit", "group_status")
    },
    "staff:starters:starter_detail": network_testing.starter_kwargs,
    "staff:starters:starter_edit": network_testing.starter_kwargs,
    **{
        f"staff:interests:{name}": interest_testing.interest_url_kwargs
        for name in ("interest_detail", "interest_export", "interest_delete")
    },
    **{
        f"staff:interests:{name}": proposal_testing.proposal_kwargs
        for name in ("proposal_detail", "proposal_accept", "proposal_dismiss")
    },
    "staff:feedback:change_request_detail": midt_change_request_kwargs,
    "staff:feedback:change_request_dismiss": midt_change_request_kwargs,
    "staff:tokens:token_revoke": midt_token_kwargs,
}


# --- The resolver walk -------------------------------------------------------------------


def _walk(
    patterns: list[URLPattern | URLResolver], namespaces: list[str], kwargs: tuple[str, ...]
) -> list[tuple[str, tuple[str, ...]]]:
    found: list[tuple[str, tuple[str, ...]]] = []
    for entry in patterns:
        names = tuple(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = [*namespaces, entry.namespace] if entry.namespace else namespaces
            found.extend(_walk(entry.url_patterns, inner, kwargs + names))
        else:
            name = entry.name or f"<unnamed {entry.pattern}>"
            found.append((":".join([*namespaces, name]), kwargs + names))
    return found


@functools.cache
def checked_urls() -> dict[str, tuple[str, ...]]:
    """Every URL name under ``staff`` (with nested namespaces) and ``accounts``, with
    the names of its kwargs."""
    urls: dict[str, tuple[str, ...]] = {}
    for name, kwargs in _walk(get_resolver().url_patterns, [], ()):
        if name.startswith(("staff:", "accounts:")):
            urls.setdefault(name, kwargs)
    return urls


def test_every_staff_url_is_listed():
    missing = sorted(set(checked_urls()) - set(EXPECTED))
    assert missing == [], (
        "Staff URLs without a row in EXPECTED (knutepunkt/core/tests/test_staff_urls.py; "
        f"see the instructions at the top of that file): {missing}"
    )


def test_no_stale_rows():
    assert sorted(set(EXPECTED) - set(checked_urls())) == []


def test_every_staff_row_says_something_about_every_persona():
    for name, expected in EXPECTED.items():
        if name.startswith("staff:"):
            assert set(expected) == set(PERSONAS), name


# --- The matrix ----------------------------------------------------------------------------


@pytest.fixture
def clients(request, login) -> dict[str, Client]:
    """One client per persona; the unverified one has an authenticator but has not used it."""
    clients = {persona: login(request.getfixturevalue(persona)) for persona in SIGNED_IN}
    clients[ANON] = Client()
    midt = request.getfixturevalue(MIDT)
    unverified = Client()
    unverified.force_login(midt)
    TOTPDevice.objects.get_or_create(user=midt, name="test", defaults={"confirmed": True})
    clients[UNVERIFIED] = unverified
    return clients


def url_for(name: str, kwarg_names: tuple[str, ...], get: Callable[[str], Any]) -> str:
    if name in URL_KWARGS:
        return reverse(name, kwargs=URL_KWARGS[name](get))
    unknown = [k for k in kwarg_names if k not in OBJECT_FACTORIES]
    assert not unknown, (
        f"{name}: add {unknown} to OBJECT_FACTORIES or the URL to URL_KWARGS "
        "(knutepunkt/core/tests/test_staff_urls.py)"
    )
    return reverse(name, kwargs={k: OBJECT_FACTORIES[k](get) for k in kwarg_names})


def outcome(response: Any, url: str) -> Expected:
    if response.status_code != 302:
        return int(response.status_code)
    path = urlparse(response["Location"]).path
    for step in ("login", "verify"):
        if path == reverse(f"accounts:{step}"):
            return step
    return "landing"


@pytest.mark.parametrize("url_name", sorted(EXPECTED))
def test_each_persona_gets_the_expected_answer(url_name, request, clients):
    kwarg_names = checked_urls().get(url_name)
    if kwarg_names is None:
        pytest.fail(f"{url_name} has a row but no URL (see test_no_stale_rows)")
    url = url_for(url_name, kwarg_names, request.getfixturevalue)
    wrong = []
    with connection.execute_wrapper(outlines := OutlineJoins()):
        for persona, expected in EXPECTED[url_name].items():
            got = outcome(clients[persona].get(url), url)
            if got != expected:
                wrong.append(f"{persona}: expected {expected}, got {got}")
    assert wrong == [], f"GET {url} ({url_name}):\n  " + "\n  ".join(wrong)
    # No staff page loads municipality outlines along with its rows (see OutlineJoins).
    assert outlines.queries == [], f"GET {url} joins outlines in:\n" + "\n".join(outlines.queries)


def test_staff_redirects_keep_the_page_to_return_to(client, login, office_staff_midt):
    url = reverse("staff:dashboard")
    expected = f"?next={url.replace('/', '%2F')}"
    assert client.get(url)["Location"] == reverse("accounts:login") + expected
    unverified = login(office_staff_midt, second_factor=False)
    assert unverified.get(url)["Location"] == reverse("accounts:verify") + expected


def test_staff_pages_are_never_cached(login, head_office_admin):
    response = login(head_office_admin).get(reverse("staff:dashboard"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


# --- The admin -----------------------------------------------------------------------------


def test_admin_without_second_factor_sends_to_the_code_step(login, office_staff_midt):
    client = login(office_staff_midt, second_factor=False)
    response = client.get("/admin/")
    assert response.status_code == 302
    # The admin hands over to our sign-in, which sends to the code step.
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify") + "?next=")
    assert "admin" in response["Location"]


def test_admin_for_anonymous_sends_to_sign_in(client):
    response = client.get("/admin/", follow=True)
    final_url, status = response.redirect_chain[-1]
    assert status == 302
    assert final_url.startswith(reverse("accounts:login") + "?next=")
    assert response.status_code == 200


def test_admin_with_second_factor_opens(login, office_staff_midt):
    assert login(office_staff_midt).get("/admin/").status_code == 200


def test_admin_refuses_a_funder(login, funder_viewer):
    response = login(funder_viewer).get("/admin/", follow=True)
    assert response.status_code == 403


def test_admin_login_page_is_not_a_second_way_in(client, office_staff_midt):
    """The admin's own login form would skip the second factor: it must not accept a
    password."""
    response = client.post(
        "/admin/login/", {"username": "midt", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session
