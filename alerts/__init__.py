"""Email alerts: visitors subscribe to press releases, CNS news or CNS events (optionally one
topic), confirm by email, and are emailed each page of their list when it is first published,
at once or in a daily digest, by the worker in batches. Every email carries a one-click
unsubscribe; unsubscribing deletes the subscription and its address.

The app builds on pressroom and cns (their page types and topics); nothing imports it.
"""
