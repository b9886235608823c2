"""Factories for the agency pages and their entries."""

import datetime

import factory

import wagtail_factories

from .models import AgencyIndexPage, AgencyOfficeHours, AgencyOtherName, AgencyPage, AgencyResponsibility, BodyKind


class AgencyIndexPageFactory(wagtail_factories.PageFactory):
    title_en = "Agencies"
    title_zh_hans = "政府机构"
    slug = "agencies"
    intro_en = "Every municipal agency, A to Z."
    intro_zh_hans = "市政府各部门和机构，按字母排列。"

    class Meta:
        model = AgencyIndexPage


class AgencyPageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Agency {n}")
    title_zh_hans = factory.Sequence(lambda n: f"机构{n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")
    kind = BodyKind.DEPARTMENT

    class Meta:
        model = AgencyPage


class AgencyResponsibilityFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(AgencyPageFactory)
    text_en = factory.Sequence(lambda n: f"Responsibility {n}.")
    text_zh_hans = factory.Sequence(lambda n: f"职责{n}。")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = AgencyResponsibility


class AgencyOtherNameFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(AgencyPageFactory)
    name_en = factory.Sequence(lambda n: f"Other name {n}")
    name_zh_hans = factory.Sequence(lambda n: f"别名{n}")
    relation = AgencyOtherName.Relation.OPERATES_AS

    class Meta:
        model = AgencyOtherName


class AgencyOfficeHoursFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(AgencyPageFactory)
    first_day = 1
    last_day = 5
    opens = datetime.time(9, 0)
    closes = datetime.time(17, 0)

    class Meta:
        model = AgencyOfficeHours
