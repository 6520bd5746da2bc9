"""Timing check (not part of the suite): 7 offices × 2,000 activities in 2012, national
HTML. Run: KNUTEPUNKT_TESTING=1 .venv/bin/pytest knutepunkt/reports/tests/timing_national.py -s
(add DATABASE_URL=... TEST_DATABASE_NAME=... for PostgreSQL)."""

import datetime
import random
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knutepunkt.activity.models import Activity, OfficeTask, PlanGoal
from knutepunkt.geo.models import Municipality
from knutepunkt.network.models import DistrictOffice, Partner

KINDS = [
    "own_event",
    "contribution",
    "stand",
    "starter_training",
    "teaching",
    "media_coverage",
    "inquiry",
    "partner_meeting",
]


@pytest.mark.django_db
def test_timing_national_html(demo, login):
    rnd = random.Random(1)
    munis = list(Municipality.objects.all()[:200])
    tasks = list(OfficeTask.objects.all())
    goals = list(PlanGoal.objects.all())
    for office in DistrictOffice.objects.all():
        n = Activity.objects.filter(office=office, date__year=2012).count()
        partners = list(Partner.objects.filter(office=office)) or [
            Partner.objects.create(name=f"P {office.pk}", kind="nav", office=office)
        ]
        objs = Activity.objects.bulk_create(
            Activity(
                office=office,
                date=datetime.date(2012, 1 + i % 12, 1 + i % 28),
                kind=rnd.choice(KINDS),
                title=f"Aktivitet nummer {i} med en lang tittel om selvhjelp",
                municipality=rnd.choice(munis),
                participants=rnd.randint(1, 50),
                people_reached=rnd.randint(1, 100),
            )
            for i in range(2000 - n)
        )
        T = Activity.partners.through
        TT = Activity.office_tasks.through
        GT = Activity.plan_goals.through
        T.objects.bulk_create(
            [T(activity_id=a.pk, partner_id=rnd.choice(partners).pk) for a in objs]
        )
        TT.objects.bulk_create(
            [TT(activity_id=a.pk, officetask_id=rnd.choice(tasks).pk) for a in objs]
        )
        GT.objects.bulk_create(
            [GT(activity_id=a.pk, plangoal_id=rnd.choice(goals).pk) for a in objs]
        )
    print("activities 2012:", Activity.objects.filter(date__year=2012).count())
    client = login(demo.head)
    url = reverse("staff:reports:national", kwargs={"year": 2012})
    from knutepunkt.reports.builder import build_national_report

    client.get(url)

    for _ in range(3):
        t = time.perf_counter()
        build_national_report(year=2012)
        b = time.perf_counter() - t
        with CaptureQueriesContext(connection) as q:
            t = time.perf_counter()
            r = client.get(url)
            h = time.perf_counter() - t
        print(
            f"build {b:.3f}s html {h:.3f}s queries {len(q.captured_queries)} bytes {len(r.content)}"
        )
