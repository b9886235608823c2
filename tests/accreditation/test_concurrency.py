"""Two journalists applying for the last place at the same moment: one gets it, the other waits."""

import threading

import pytest

from django.db import connection

from accreditation import queue
from accreditation.factories import AccreditationFactory, ApprovedRegistrationFactory
from accreditation.models import Application
from pressroom.factories import PressConferencePageFactory, PressroomPageFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's row locks and concurrent transactions"
    ),
]

ROUNDS = 5


def at_once(functions):
    """Runs each function in a thread of its own, all released together; returns what each raised."""
    start = threading.Barrier(len(functions))
    errors = []

    def run(function):
        try:
            start.wait()
            function()
        except Exception as error:  # reported to the test
            errors.append(error)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


def test_a_place_is_never_given_twice(home):
    """One test: a transactional test empties the database after it, Wagtail's root page with it."""
    pressroom = PressroomPageFactory(parent=home)
    two_applications_for_the_last_place(pressroom)
    a_freed_place_and_a_new_application_at_once(pressroom)


def two_applications_for_the_last_place(pressroom):
    for _round in range(ROUNDS):
        accreditation = AccreditationFactory(conference=PressConferencePageFactory(parent=pressroom), quota=1)
        rivals = [ApprovedRegistrationFactory(), ApprovedRegistrationFactory()]

        errors = at_once(
            [lambda a=accreditation, r=rival: queue.apply(a, r, media_category="foreign") for rival in rivals]
        )

        assert errors == []
        states = sorted(Application.objects.filter(accreditation=accreditation).values_list("state", flat=True))
        assert states == ["placed", "waiting"]


def a_freed_place_and_a_new_application_at_once(pressroom):
    for _round in range(ROUNDS):
        accreditation = AccreditationFactory(conference=PressConferencePageFactory(parent=pressroom), quota=1)
        holder, _placed = queue.apply(accreditation, ApprovedRegistrationFactory(), media_category="foreign")
        queue.apply(accreditation, ApprovedRegistrationFactory(), media_category="foreign")  # waiting
        newcomer = ApprovedRegistrationFactory()

        errors = at_once(
            [
                lambda h=holder: queue.change_state(h, Application.State.WITHDRAWN),
                lambda a=accreditation, n=newcomer: queue.apply(a, n, media_category="foreign"),
            ]
        )

        assert errors == []
        holding = Application.objects.filter(accreditation=accreditation).holding()
        assert holding.count() == 1
        assert holding.get().registration != newcomer  # the one who waited first moved up
