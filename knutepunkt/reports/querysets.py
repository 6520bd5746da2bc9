from __future__ import annotations

from typing import Any

from knutepunkt.geo.querysets import WithoutOutlinesQuerySet


class AnnualReportQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> AnnualReportQuerySet:
        """Head office: all reports; office staff: their office's; the funder: approved
        (locked) reports only; everyone else (coordinators included): none."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_head_office:
            return self
        if user.is_office_staff:
            return self.filter(office_id=user.office_id)
        if user.is_funder:
            return self.approved()
        return self.none()

    def approved(self) -> AnnualReportQuerySet:
        return self.filter(status="approved")

    def for_year(self, year: int) -> AnnualReportQuerySet:
        return self.filter(year=year)


class NationalReportQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> NationalReportQuerySet:
        """The national compilation: head office and the funder."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_head_office or user.is_funder:
            return self
        return self.none()


class ReportExportQuerySet(WithoutOutlinesQuerySet):
    def visible_to(self, user: Any) -> ReportExportQuerySet:
        """Background exports: head office sees every export; the funder the exports they
        started; everyone else none."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_head_office:
            return self
        if user.is_funder:
            return self.filter(created_by=user)
        return self.none()
