"""Staff workspace pages of the network app (mounted under /arbeid/ by core.staff_urls)."""

from django.urls import URLPattern, URLResolver, path

from knutepunkt.staff.network.views import contact_points, partners

app_name = "network"
urlpatterns: list[URLPattern | URLResolver] = [
    path("partnere/", partners.partner_list_view, name="partner_list"),
    path("partnere/ny/", partners.partner_create_view, name="partner_create"),
    path("partnere/<int:pk>/", partners.partner_detail_view, name="partner_detail"),
    path("partnere/<int:pk>/endre/", partners.partner_edit_view, name="partner_edit"),
    path("partnere/<int:pk>/slaa-sammen/", partners.partner_merge_view, name="partner_merge"),
    path(
        "partnere/<int:pk>/kontaktpersoner/ny/",
        partners.partner_contact_add_view,
        name="partner_contact_add",
    ),
    path(
        "partnere/<int:pk>/kontaktpersoner/<int:contact_pk>/endre/",
        partners.partner_contact_edit_view,
        name="partner_contact_edit",
    ),
    path(
        "partnere/<int:pk>/kontaktpersoner/<int:contact_pk>/bekreft/",
        partners.partner_contact_confirm_view,
        name="partner_contact_confirm",
    ),
    path(
        "partnere/<int:pk>/kontaktpersoner/<int:contact_pk>/fjern/",
        partners.partner_contact_remove_view,
        name="partner_contact_remove",
    ),
    path("kontaktpunkter/", contact_points.contact_point_list_view, name="contact_point_list"),
    path(
        "kontaktpunkter/ny/", contact_points.contact_point_create_view, name="contact_point_create"
    ),
    path(
        "kontaktpunkter/<int:pk>/",
        contact_points.contact_point_detail_view,
        name="contact_point_detail",
    ),
    path(
        "kontaktpunkter/<int:pk>/endre/",
        contact_points.contact_point_edit_view,
        name="contact_point_edit",
    ),
    path(
        "kontaktpunkter/<int:pk>/status/",
        contact_points.contact_point_status_view,
        name="contact_point_status",
    ),
    path(
        "kontaktpunkter/<int:pk>/oppfolging/",
        contact_points.contact_point_follow_up_view,
        name="contact_point_follow_up",
    ),
    path(
        "kontaktpunkter/<int:pk>/plangruppe/ny/",
        contact_points.planning_member_add_view,
        name="planning_member_add",
    ),
    path(
        "kontaktpunkter/<int:pk>/plangruppe/<int:member_pk>/fjern/",
        contact_points.planning_member_remove_view,
        name="planning_member_remove",
    ),
]
