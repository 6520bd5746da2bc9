"""Group proposals in the staff workspace: where enough people wait for a new group.

People are shown by alias only (with municipality and formats): never contact data. A
starter's contact details are shown to district office staff only.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from knutepunkt.interests.formation.access import get_proposal_for_user
from knutepunkt.interests.formation.proposals import proposal_accept, proposal_dismiss
from knutepunkt.interests.models import (
    ContactMethod,
    GroupProposal,
    GroupProposalMember,
    InterestStatus,
    ProposalStatus,
)
from knutepunkt.staff.access import ALL_STAFF_ROLES, staff_view
from knutepunkt.starters.models import Starter
from knutepunkt.web.forms import add_service_errors
from knutepunkt.web.pagination import paginate


class ProposalFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("All")), *ProposalStatus.choices],
        required=False,
    )


class AcceptForm(forms.Form):
    starter = forms.ModelChoiceField(
        label=gettext_lazy("Starter (optional)"),
        queryset=Starter.objects.none(),
        required=False,
        empty_label=gettext_lazy("No starter yet"),
    )

    def __init__(self, *args: Any, proposal: GroupProposal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["starter"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = proposal.suggested_starters.order_by("name")


class DismissForm(forms.Form):
    dismiss_reason = forms.CharField(
        label=gettext_lazy("Why is the proposal dismissed?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


def _detail_url(proposal: GroupProposal) -> str:
    return reverse("staff:interests:proposal_detail", kwargs={"pk": proposal.pk})


_member_count = (
    GroupProposalMember.objects.filter(proposal=OuterRef("pk"))
    .order_by()
    .values("proposal")
    .annotate(n=Count("pk"))
    .values("n")
)


@staff_view(roles=ALL_STAFF_ROLES)
def proposal_list(request: HttpRequest) -> HttpResponse:
    form = ProposalFilterForm(request.GET or {"status": ProposalStatus.OPEN})
    proposals = (
        GroupProposal.objects.visible_to(request.user)
        .select_related("topic", "contact_point__municipality", "county", "office")
        # Counted per shown row (a subquery), not by grouping every proposal with all its
        # members before the page is cut out.
        .annotate(people=Coalesce(Subquery(_member_count), 0))
        .order_by("-created_at", "-pk")
    )
    if form.is_valid() and form.cleaned_data["status"]:
        proposals = proposals.filter(status=form.cleaned_data["status"])
    page, query = paginate(request, proposals)
    context = {"form": form, "page": page, "query": query, "proposals": page.object_list}
    return render(request, "interests/proposals/list.html", context)


def _starters(proposal: GroupProposal, user: Any) -> list[dict[str, Any]]:
    """Suggested starters with their topics; contact details for office staff only."""
    office_view = user.is_head_office or (
        user.is_office_staff and user.office_id == proposal.office_id
    )
    rows = []
    for starter in proposal.suggested_starters.prefetch_related("topics").order_by("name"):
        rows.append(
            {
                "name": starter.name,
                "topics": ", ".join(str(t) for t in starter.topics.all()),
                "email": starter.email if office_view else "",
                "phone": starter.phone if office_view else "",
            }
        )
    return rows


def _detail(
    request: HttpRequest,
    proposal: GroupProposal,
    *,
    accept_form: AcceptForm | None = None,
    dismiss_form: DismissForm | None = None,
    status: int = 200,
) -> HttpResponse:
    members = list(
        GroupProposalMember.objects.filter(proposal=proposal)
        .select_related("interest__municipality")
        .order_by("interest__municipality__name", "interest_id")
    )
    waiting = [m for m in members if m.interest.status == InterestStatus.WAITING]
    phone_only = [m for m in waiting if m.interest.contact_method == ContactMethod.PHONE]
    context = {
        "proposal": proposal,
        "members": members,
        "waiting_count": len(waiting),
        "phone_only": phone_only,
        "starters": _starters(proposal, request.user),
        "is_open": proposal.status == ProposalStatus.OPEN,
        "accept_form": accept_form or AcceptForm(proposal=proposal, auto_id="accept-%s"),
        "dismiss_form": dismiss_form or DismissForm(auto_id="dismiss-%s"),
    }
    return render(request, "interests/proposals/detail.html", context, status=status)


@staff_view(roles=ALL_STAFF_ROLES)
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, get_proposal_for_user(request.user, pk))


@staff_view(roles=ALL_STAFF_ROLES)
@require_POST
def proposal_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_proposal_for_user(request.user, pk)
    form = AcceptForm(request.POST, proposal=proposal, auto_id="accept-%s")
    if form.is_valid():
        try:
            group = proposal_accept(
                proposal=proposal,
                actor=request.user,  # type: ignore[arg-type]
                starter=form.cleaned_data["starter"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The group “%(group)s” is registered as forming; the people were told.")
                % {"group": group},
            )
            return HttpResponseRedirect(_detail_url(proposal))
    return _detail(request, proposal, accept_form=form, status=400)


@staff_view(roles=ALL_STAFF_ROLES)
@require_POST
def proposal_dismiss_view(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_proposal_for_user(request.user, pk)
    form = DismissForm(request.POST, auto_id="dismiss-%s")
    if form.is_valid():
        try:
            proposal_dismiss(
                proposal=proposal,
                actor=request.user,  # type: ignore[arg-type]
                reason=form.cleaned_data["dismiss_reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The proposal was dismissed."))
            return HttpResponseRedirect(_detail_url(proposal))
    return _detail(request, proposal, dismiss_form=form, status=400)
