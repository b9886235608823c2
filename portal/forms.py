"""What the public forms share."""

import uuid

from django import forms


class SentOnceForm(forms.Form):
    """A hidden key, new each time the form is shown, stored with what the form creates.

    A second send of the same filled-in form (a double click, a retry after a slow answer)
    carries the same key, so it can be answered as the first was instead of stored again
    or refused. The model needs a unique, nullable `submission_key` field.
    """

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
        return self.sent_key()

    def already_stored(self):
        key = self.sent_key()
        return key is not None and self._meta.model._default_manager.filter(submission_key=key).exists()
