"""The staff layout: navigation by role, the signed-in user, sign-out by POST."""

from django.urls import reverse

from knutepunkt.staff.navigation import SECTIONS, landing_url, sections_for

DASHBOARD = reverse("staff:dashboard")


def test_staff_page_shows_user_and_a_sign_out_button(login, office_staff_midt):
    office_staff_midt.first_name = "Mari"
    office_staff_midt.last_name = "Midt"
    office_staff_midt.save(update_fields=["first_name", "last_name"])
    html = login(office_staff_midt).get(DASHBOARD).content.decode()
    assert "Mari Midt" in html
    assert f'action="{reverse("accounts:logout")}"' in html
    assert 'method="post"' in html
    assert "staff.css" in html
    assert f'href="{DASHBOARD}" aria-current="page"' in html


def test_navigation_lists_only_sections_the_role_may_open(
    login, head_office_admin, funder_viewer, rf
):
    from django.urls import resolve

    for user in (head_office_admin, funder_viewer):
        client = login(user)
        request = client.get(DASHBOARD).wsgi_request
        sections = sections_for(request.user)
        for section in sections:
            roles: frozenset[str] = getattr(resolve(section.url).func, "staff_roles", frozenset())
            assert user.role in roles
        html = client.get(DASHBOARD).content.decode()
        for section in sections:
            assert f'href="{section.url}"' in html


def test_navigation_is_empty_before_the_second_factor(login, office_staff_midt):
    client = login(office_staff_midt, second_factor=False)
    request = client.get(reverse("accounts:verify")).wsgi_request
    assert sections_for(request.user) == []


def test_every_section_is_a_staff_url_name():
    assert all(name.startswith("staff:") for name, _label in SECTIONS)


def test_landing_is_the_dashboard_for_staff(login, office_staff_midt):
    request = login(office_staff_midt).get(DASHBOARD).wsgi_request
    assert landing_url(request.user) == DASHBOARD


def test_admin_link_only_for_staff_users(login, office_staff_midt, funder_viewer):
    dashboard = reverse("staff:dashboard")  # the same language as the admin link below
    admin = reverse("admin:index")
    assert f'href="{admin}"' in login(office_staff_midt).get(dashboard).content.decode()
    assert f'href="{admin}"' not in login(funder_viewer).get(dashboard).content.decode()
