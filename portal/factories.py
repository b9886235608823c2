"""Factories for the portal's pages; section factories build on the same pattern."""

import factory

import wagtail_factories

from .models import HomeFeaturedLink, HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title_en = "Home"
    title_zh_hans = "首页"
    slug = "home"
    hero_title_en = "Shanghai, explained for the world"
    hero_title_zh_hans = "向世界讲述上海"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Standard page {n}")
    title_zh_hans = factory.Sequence(lambda n: f"普通页面 {n}")
    slug = factory.Sequence(lambda n: f"standard-page-{n}")
    intro_en = "An introduction."
    intro_zh_hans = "简介。"

    class Meta:
        model = StandardPage


class HomeFeaturedLinkFactory(factory.django.DjangoModelFactory):
    title_en = factory.Sequence(lambda n: f"Featured {n}")
    title_zh_hans = factory.Sequence(lambda n: f"推荐 {n}")
    link_url = "https://example.org/"

    class Meta:
        model = HomeFeaturedLink
