"""The site notice under Settings, for those with its permission (moderators: notices.roles)."""

from wagtail.contrib.settings.registry import register_setting

from .models import SiteNotice

register_setting(SiteNotice, icon="warning")
