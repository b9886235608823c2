import datetime

import pytest

from agencies.factories import (
    AgencyIndexPageFactory,
    AgencyOfficeHoursFactory,
    AgencyOtherNameFactory,
    AgencyPageFactory,
    AgencyResponsibilityFactory,
)
from agencies.models import AgencyOtherName, BodyKind
from portal.factories import StandardPageFactory


@pytest.fixture
def government(home):
    return StandardPageFactory(parent=home, slug="government", title_en="Government", title_zh_hans="政务")


@pytest.fixture
def directory(government):
    return AgencyIndexPageFactory(parent=government)


@pytest.fixture
def cooperation_office(directory):
    """Seed 002's agency with every field filled, as editors would enter it."""
    agency = AgencyPageFactory(
        parent=directory,
        slug="cooperation-and-exchange",
        title_en="Office for Cooperation and Exchange Affairs of the Shanghai Municipal People's Government",
        title_zh_hans="上海市人民政府合作交流办公室",
        short_name_en="Cooperation and Exchange Office",
        short_name_zh_hans="市政府合作交流办",
        chinese_sort_name="合作交流办公室",
        summary_en="Leads the city's cooperation with the rest of China.",
        summary_zh_hans="负责本市与国内各地区的合作交流。",
        kind=BodyKind.DIRECT,
        parent_authority_name_en="Shanghai Municipal People's Government",
        parent_authority_name_zh_hans="上海市人民政府",
        established=datetime.date(2008, 10, 1),
        establishing_document_en="Notice on issuing the plan for the institutional reform",
        establishing_document_zh_hans="关于印发机构改革方案的通知",
        establishing_document_number_en="Ting Zi [2008] No. 17",
        establishing_document_number_zh_hans="厅字〔2008〕17号",
        address_en="100 Dagu Road",
        address_zh_hans="大沽路100号",
        telephone="+862123111111",
        website="https://example.org/cooperation",
        email="office@example.org",
    )
    AgencyOtherNameFactory(
        page=agency,
        relation=AgencyOtherName.Relation.TEMPORARY_SIGNBOARD,
        name_en="Office for Reception of the Shanghai Municipal People's Government",
        name_zh_hans="上海市人民政府接待办公室",
    )
    for order, (english, chinese) in enumerate(
        [
            ("Promote cooperation with other provinces.", "推进与各省区市的合作交流。"),
            ("Manage the reception work of the municipal government.", "负责市政府接待工作。"),
            ("Carry out other tasks given by the municipal government.", "承办市政府交办的其他事项。"),
        ]
    ):
        AgencyResponsibilityFactory(page=agency, sort_order=order, text_en=english, text_zh_hans=chinese)
    AgencyOfficeHoursFactory(page=agency, sort_order=0, opens=datetime.time(9), closes=datetime.time(11, 30))
    AgencyOfficeHoursFactory(page=agency, sort_order=1, opens=datetime.time(13), closes=datetime.time(17, 30))
    agency.save_revision().publish()
    return agency
