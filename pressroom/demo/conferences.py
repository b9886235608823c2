"""The example press conferences of the demo (conferences.toml), their recording and captions.

A conference built on an earlier run is left as the editors made it. Its start is counted from the
day the demo is loaded (`start_in_days`, `start_time` in Beijing time), so one is to come and one has
ended; the recording goes into the media library (once, by title), the captions into the page.
"""

from contextlib import ExitStack
from datetime import datetime, timedelta
from pathlib import Path

from wagtailmedia.models import Media

from django.core.files import File
from django.utils import timezone

from portal.demotools import ensure_page, field_values, read_data, without

from ..models import ConferenceSpeaker, PressConferencePage

FILES = Path(__file__).with_name("media")


def build_conferences(pressroom):
    for conference in read_data(__file__, "conferences")["conferences"]:
        if not PressConferencePage.objects.child_of(pressroom).filter(slug=conference["slug"]).exists():
            _build_conference(pressroom, conference)


def _build_conference(pressroom, conference):
    conference, speakers, recording, captions, days, at = without(
        conference, "speakers", "recording", "captions", "start_in_days", "start_time"
    )
    fields = field_values(PressConferencePage, conference)
    if days is not None:
        day = timezone.localdate() + timedelta(days=days)
        fields["start"] = timezone.make_aware(datetime.combine(day, at))
    if recording:
        fields["recording"] = _media(**recording)
    with ExitStack() as files:
        for language, name in (captions or {}).items():
            fields[f"captions_{language}"] = File(files.enter_context((FILES / name).open("rb")), name=name)
        page = ensure_page(pressroom, PressConferencePage, **fields)
    for order, speaker in enumerate(speakers or ()):
        ConferenceSpeaker.objects.create(page=page, sort_order=order, **field_values(ConferenceSpeaker, speaker))
    if speakers:
        page.save_revision().publish()


def _media(file, title, **details):
    """The video in the media library with this title, uploaded from media/ when it is not there."""
    existing = Media.objects.filter(title=title).first()
    if existing is not None:
        return existing
    with (FILES / file).open("rb") as upload:
        return Media.objects.create(title=title, type="video", file=File(upload, name=file), **details)
