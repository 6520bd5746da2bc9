from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knutepunkt.events.querysets import EventQuerySet, RegistrationQuerySet

if TYPE_CHECKING:
    from knutepunkt.network.models import DistrictOffice


class EventKind(models.TextChoices):
    OPEN_MEETING = "open_meeting", _("Open meeting")
    INFORMATION_MEETING = "information_meeting", _("Information meeting")
    SEMINAR = "seminar", _("Seminar")
    COUNTY_CONFERENCE = "county_conference", _("County conference")
    STARTER_TRAINING = "starter_training", _("Starter training")
    STARTER_FOLLOW_UP = "starter_follow_up", _("Follow-up meeting for starters")
    NETWORK_GATHERING = "network_gathering", _("Network gathering")
    TEACHING = "teaching", _("Teaching")
    STAND = "stand", _("Stand at a congress or conference")


class Event(models.Model):
    """An event organised by a district office, a contact point, or a partner with the
    office contributing. Public events take sign-ups with capacity and waiting list."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("type"), max_length=30, choices=EventKind.choices)
    description = models.TextField(_("description"), blank=True)
    description_nn = models.TextField(
        _("description (nynorsk)"),
        blank=True,
        help_text=_("Shown on the nynorsk site; the description above is shown when empty."),
    )
    description_en = models.TextField(
        _("description (English)"),
        blank=True,
        help_text=_("Shown on the English site; the description above is shown when empty."),
    )
    target_group = models.CharField(_("target group"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="events",
        null=True,
        blank=True,
    )
    online = models.BooleanField(_("online"), default=False)
    office = models.ForeignKey(
        "network.DistrictOffice",
        verbose_name=_("district office"),
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("The office responsible (organiser or contributor)."),
    )
    contact_point = models.ForeignKey(
        "network.ContactPoint",
        verbose_name=_("organising contact point"),
        on_delete=models.PROTECT,
        related_name="events",
        null=True,
        blank=True,
    )
    organiser_partner = models.ForeignKey(
        "network.Partner",
        verbose_name=_("organising partner"),
        on_delete=models.PROTECT,
        related_name="organised_events",
        null=True,
        blank=True,
        help_text=_("When a partner organises and the office contributes."),
    )
    partners = models.ManyToManyField(
        "network.Partner", verbose_name=_("partners"), blank=True, related_name="events"
    )
    is_public = models.BooleanField(_("public"), default=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty for no limit."),
    )
    has_waiting_list = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_("When the event is full, further sign-ups go on a waiting list."),
    )
    needs_approval = models.BooleanField(
        _("sign-ups need approval"),
        default=False,
        help_text=_(
            "Each sign-up waits for the organiser to approve or decline it. A sign-up "
            "awaiting approval holds a place."
        ),
    )
    signup_opens_at = models.DateTimeField(_("sign-up opens"), null=True, blank=True)
    signup_closes_at = models.DateTimeField(_("sign-up closes"), null=True, blank=True)
    attended_count = models.PositiveIntegerField(_("number who came"), null=True, blank=True)
    # A cancelled sign-up is deleted at once; only this count of them is kept.
    cancelled_count = models.PositiveIntegerField(
        _("sign-ups cancelled"), default=0, editable=False
    )
    # A declined sign-up is deleted too, once the person has been told; only the count stays.
    declined_count = models.PositiveIntegerField(_("sign-ups declined"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["is_public", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The end cannot be before the start.")
        if (
            self.signup_opens_at
            and self.signup_closes_at
            and self.signup_closes_at < self.signup_opens_at
        ):
            errors["signup_closes_at"] = _("Sign-up cannot close before it opens.")
        if not self.online and not self.municipality_id:
            errors["municipality"] = _("Choose the municipality, or mark the event as online.")
        if errors:
            raise ValidationError(errors)

    def session_list(self) -> list[EventSession]:
        """The event's dated sessions in order. An event without sessions of its own is one
        session: its own start and end (an unsaved ``EventSession``, no ``pk``)."""
        sessions = sorted(self.sessions.all(), key=lambda s: (s.starts_at, s.pk))
        if sessions:
            return sessions
        return [EventSession(event=self, starts_at=self.starts_at, ends_at=self.ends_at)]


class EventSession(models.Model):
    """One dated part of an event that runs over several days (a starter training over
    two days): one sign-up books them all, and attendance is recorded per session.

    An event has either no sessions (its own start and end are its one session) or two
    or more; then the event's ``starts_at``/``ends_at`` span them all (kept so by
    ``event_create``/``event_update``), so the calendar and the figures read the span."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue_note = models.CharField(
        _("venue note"),
        max_length=200,
        blank=True,
        help_text=_("Optional, e.g. another room or address for this session."),
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"{self.event} – {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end cannot be before the start.")})


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    YES_NO = "yes_no", _("Yes or no")
    STARTER_CONSENT = "starter_consent", _("Consent to be registered as a starter")


# The wording of the consent question on starter trainings: translated at display time,
# so a person signing up in English reads it in English.
STARTER_CONSENT_TEXT = _(
    "I agree to be registered as a starter and contacted about starting groups"
)


class EventQuestion(models.Model):
    """A question the organiser asks at sign-up. The answers are personal data, stored on
    the registration and deleted with it."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(
        _("type of answer"),
        max_length=20,
        choices=QuestionKind.choices,
        default=QuestionKind.SHORT_TEXT,
    )
    required = models.BooleanField(_("answer required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("sign-up question")
        verbose_name_plural = _("sign-up questions")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event"],
                condition=Q(kind="starter_consent"),
                name="one_starter_consent_question_per_event",
            )
        ]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        if self.kind == QuestionKind.STARTER_CONSENT:
            return str(STARTER_CONSENT_TEXT)
        return self.text

    @property
    def key(self) -> str:
        """The key of this question's answer in ``Registration.answers``."""
        return str(self.pk)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    # Events whose sign-ups need approval: the place is held until staff approve
    # (confirmed) or decline (the sign-up is deleted and counted).
    PENDING = "pending", _("Awaiting approval")


class Registration(models.Model):
    """A sign-up for an event. Personal data: only the organiser sees it, and it is
    deleted when its purpose ends: at once when cancelled (the event counts it in
    ``cancelled_count``), and ``EVENT_REGISTRATION_RETENTION_DAYS`` after the event
    (docs/personal-data.md)."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="nb",
        help_text=_("The language the person signed up in; e-mails use it."),
    )
    answers = models.JSONField(
        _("answers"),
        default=dict,
        blank=True,
        help_text=_("Answers to the event's sign-up questions, by question id."),
    )
    attended = models.BooleanField(
        _("attended"),
        default=False,
        help_text=_("For an event with several sessions: attended every session."),
    )
    attended_sessions = models.ManyToManyField(
        EventSession,
        verbose_name=_("sessions attended"),
        blank=True,
        related_name="attendees",
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    # The random key of the sign-up form that made this row: a POST sent again (a double
    # click, a retry after a lost answer) with the same key and address gets this sign-up
    # back instead of "already signed up".
    submission_key = models.CharField(
        _("submission key"), max_length=64, blank=True, default="", editable=False
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["event", "status", "created_at"])]
        constraints = [
            # One sign-up per e-mail address and event (a cancelled one is deleted, so the
            # person may sign up again).
            models.UniqueConstraint(
                fields=["event", "email"],
                name="registration_email_once_per_event",
                violation_error_message=_("This e-mail address is already signed up."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} – {self.get_status_display()}"

    @property
    def office(self) -> DistrictOffice:
        return self.event.office
