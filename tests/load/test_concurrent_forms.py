"""A press conference's rush: 200 journalists register and 200 residents send feedback at once.

Every person opens the form first; then all of them send at the same moment, spread
over both servers. Some send twice (a double click, a retry after a slow answer): each
registration and each message must be stored exactly once, and nobody gets a 5xx.
"""

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from .visitors import REGISTER_PATH, Visitor, outcome, send_registration

JOURNALISTS = 200
RESIDENTS = 200
SENT_TWICE = 20  # of each
FEEDBACK_PATH = "/en/cns/feedback/"


def test_two_hundred_registrations_and_two_hundred_messages_are_each_stored_once(stack):
    from cns.models import Feedback
    from pressroom.models import JournalistRegistration

    servers = stack.servers
    people = JOURNALISTS + RESIDENTS
    ready = threading.Barrier(people, action=lambda: setattr(ready, "released_at", time.monotonic()), timeout=120)

    def journalist(number):
        server = servers[number % 2]
        visitor = Visitor(f"10.1.{number // 250}.{number % 250 + 1}")
        email = f"load.journalist.{number}@example.org"
        fields = visitor.form_fields(server, REGISTER_PATH, "main form[method=post]")
        ready.wait()
        return send_at_once(
            2 if number < SENT_TWICE else 1,
            lambda: outcome(
                "POST", server, REGISTER_PATH, lambda: send_registration(visitor, server, fields, number, email)
            ),
        )

    def resident(number):
        server = servers[(number + 1) % 2]
        visitor = Visitor(f"10.2.{number // 250}.{number % 250 + 1}")
        fields = visitor.form_fields(server, FEEDBACK_PATH, "main form[method=post]")
        answers = {
            **fields,
            "message": f"Load message {number}: please add bilingual signs at the metro exits.",
            "consent": "on",
            "website": "",
        }
        ready.wait()
        return send_at_once(
            2 if number < SENT_TWICE else 1,
            lambda: outcome("POST", server, FEEDBACK_PATH, lambda: visitor.post(server, FEEDBACK_PATH, answers)),
        )

    with ThreadPoolExecutor(people) as pool:
        registrations = [pool.submit(journalist, number) for number in range(JOURNALISTS)]
        messages = [pool.submit(resident, number) for number in range(RESIDENTS)]
        outcomes = [result for future in registrations + messages for result in future.result()]
    rush_seconds = time.monotonic() - ready.released_at

    failures = [result for result in outcomes if result.server_error]
    assert not failures, f"{len(failures)} answers were 5xx or none at all: {failures[:5]}\n{stack.logs()}"
    assert len(outcomes) == people + 2 * SENT_TWICE
    # Both sends of a form sent twice are answered as one would be: thanks for a message,
    # "check your email" for a registration; nobody is told their own first send is in the way.
    answers = Counter((result.path, result.status, result.detail) for result in outcomes)
    assert answers == {
        (REGISTER_PATH, 302, "/en/press/register/sent/"): JOURNALISTS + SENT_TWICE,
        (FEEDBACK_PATH, 302, "/en/cns/feedback/thanks/"): RESIDENTS + SENT_TWICE,
    }

    emails = list(
        JournalistRegistration.objects.filter(email__startswith="load.journalist.").values_list("email", flat=True)
    )
    assert sorted(emails) == sorted(f"load.journalist.{number}@example.org" for number in range(JOURNALISTS))

    def confirmations(messages):
        return Counter(
            line.removeprefix("To: ")
            for message in messages
            for line in message.splitlines()
            if line.startswith("To: load.journalist.")
        )

    sent = stack.wait_for_mail(lambda messages: confirmations(messages).total() >= len(emails), "every confirmation")
    assert confirmations(sent) == Counter(emails)  # one email each

    stored = list(Feedback.objects.filter(message__startswith="Load message ").values_list("message", flat=True))
    assert len(stored) == RESIDENTS
    assert {message.split(":")[0] for message in stored} == {f"Load message {number}" for number in range(RESIDENTS)}
    print(
        f"\n{len(outcomes)} form submissions sent at once to two servers ({stack.workers} workers x {stack.threads} threads each) "
        f"were answered in {rush_seconds:.1f} s ({len(outcomes) / rush_seconds:.0f} per second)."
    )


def send_at_once(times, send):
    """Calls `send` `times` times at the same moment, as a double click does; their outcomes."""
    with ThreadPoolExecutor(times) as pool:
        return list(pool.map(lambda _: send(), range(times)))
