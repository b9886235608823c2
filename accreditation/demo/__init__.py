"""Demo accreditation: opened on the next press conference, if the demo has one. The text is in
accreditation.toml beside this module."""

from datetime import timedelta

from django.utils import timezone

from portal.demotools import demo_builder, field_values, read_data, without
from pressroom.models import PressConferencePage

from ..models import Accreditation


@demo_builder(order=40)  # after the pressroom's conferences
def build_accreditation():
    now = timezone.now()
    conference = PressConferencePage.objects.live().public().filter(start__gt=now).order_by("start").first()
    if conference is None or Accreditation.objects.filter(conference=conference).exists():
        return
    data, hours = without(read_data(__file__, "accreditation")["accreditation"], "deadline_hours_before")
    deadline = conference.start - timedelta(hours=hours)
    if deadline <= now:  # a conference too near for the usual deadline: half the time left
        deadline = now + (conference.start - now) / 2
    Accreditation.objects.create(conference=conference, deadline=deadline, **field_values(Accreditation, data))
