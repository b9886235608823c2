"""Staff roles of City News Service (applied by ``portal.roles`` after every migrate).

Feedback handlers read and triage residents' feedback; nobody else on staff sees it (personal
data). The service directory, the townships and their districts, and the feedback and article
topics are editorial lists, kept by editors and moderators.
"""

from django.utils.translation import gettext_noop

from portal.roles import Role

FEEDBACK_HANDLERS = Role(
    gettext_noop("CNS feedback handlers"), permissions=("cns.view_feedback", "cns.change_feedback")
)

ROLES = [FEEDBACK_HANDLERS]
EDITORIAL_LISTS = ["cns.ServicePlatform", "cns.Township", "cns.District", "cns.FeedbackTopic", "cns.ArticleTopic"]
