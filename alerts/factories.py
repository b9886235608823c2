"""Factories for subscriptions (confirmed unless `confirmed_at=None`)."""

import factory

from django.utils import timezone

from .models import Subscription


class SubscriptionFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"subscriber{n}@example.org")
    list_key = "releases"
    language = "en"
    frequency = Subscription.Frequency.IMMEDIATE
    created_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyAttribute(lambda subscription: subscription.created_at)
    digest_from = factory.LazyAttribute(lambda subscription: subscription.confirmed_at)

    class Meta:
        model = Subscription
