"""What the public forms share."""

import uuid

from django import forms


class SentOnceForm(forms.Form):
    """A hidden key, new each time the form is shown, stored with what the form creates.

    A second send of the same filled-in form (a double click, a retry after a slow answer)
    carries the same key, so it can be answered as the first was instead of stored again
    or refused. A form changed after it was sent (Back, edit, send) carries the old key too,
    but it is a new submission: `same_submission_fields` tell the two apart. The model needs
    a unique, nullable `submission_key` field.
    """

    same_submission_fields = ()

    submission_key = forms.CharField(required=False, max_length=36, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def sent_key(self):
        """The key this send carries; None when missing or mangled, which only turns the check off."""
        try:
            return uuid.UUID(str(self.data.get(self.add_prefix("submission_key"), "")))
        except ValueError:
            return None

    def clean_submission_key(self):
        key = self.sent_key()
        if key is not None and self._stored_with(key) is not None:
            return None  # a changed form sent again: stored as new, without the key it reused
        return key

    def already_stored(self):
        """Whether this very submission was stored by an earlier send of the form."""
        key = self.sent_key()
        stored = self._stored_with(key) if key is not None else None
        return stored is not None and all(
            _comparable(getattr(stored, name)) == _comparable(self.data.get(self.add_prefix(name), ""))
            for name in self.same_submission_fields
        )

    def _stored_with(self, key):
        return self._meta.model._default_manager.filter(submission_key=key).first()


def _comparable(value):
    return " ".join(str(value).split()).casefold()
