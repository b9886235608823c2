"""Admin permissions for records that visitors make: staff may never do some things to them."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class WithoutActionsPolicy(ModelPermissionPolicy):
    """Model permissions, except the `refused` actions, which nobody on staff may take."""

    def __init__(self, model, refused, **kwargs):
        super().__init__(model, **kwargs)
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        if action in self.refused:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def refuse_actions(model, *refused):
    """Registers `model`'s admin permissions without `refused` ("add", "change", "delete")."""
    register_permission_policy(model, WithoutActionsPolicy(model, refused))
