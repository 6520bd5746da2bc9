from __future__ import annotations

from typing import Any

from knutepunkt.core.scoping import office_scope
from knutepunkt.geo.querysets import WithoutOutlinesQuerySet


class DistrictOfficeQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> DistrictOfficeQuerySet:
        """Offices are public information: everyone may see every office."""
        return self

    def followed_by(self, user: Any) -> DistrictOfficeQuerySet:
        """The offices whose work a user follows in the staff workspace (annual reports,
        coverage, the activity log): head office and the funder every office, office
        staff their own, nobody else any."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_head_office or user.is_funder:
            return self
        if user.is_office_staff:
            return self.filter(pk=user.office_id)
        return self.none()

    def editable_by(self, user: Any) -> DistrictOfficeQuerySet:
        """Only head office changes offices and their coverage."""
        if getattr(user, "is_authenticated", False) and user.is_head_office:
            return self
        return self.none()


class PartnerQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> PartnerQuerySet:
        """Head office: all partners; office staff: their office's register."""
        return office_scope(self, user)


class PartnerContactQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> PartnerContactQuerySet:
        """Contact persons follow their partner: the partner's office and head office."""
        return office_scope(self, user, office_field="partner__office")


class ContactPointQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> ContactPointQuerySet:
        """Staff records (planning, follow-up): office staff their office's, coordinators
        their own contact point."""
        return office_scope(self, user, contact_point_field="pk")

    def public(self) -> ContactPointQuerySet:
        """What the public site lists: established contact points and meeting places."""
        return self.filter(status="established")
