"""Demo content of the portal itself: the home page, "About the Office" and the footer contact.

Facts come from the Office's "About us" document (seed 000), retold in the project's words.
"""

from wagtail.models import Site

from portal.demotools import create_home_page, demo_builder, ensure_featured_link, ensure_page, home_page, paragraphs

from .models import OfficeContact, StandardPage

RESPONSIBILITIES_EN = [
    "Present the city's economic and social development to audiences in China and abroad.",
    "Guide and coordinate reporting on major policies, events and conferences.",
    "Advise the media on news coverage of the city.",
    "Publish announcements from government departments, public bodies and district offices.",
    "Organise the municipal government's press conferences.",
    "Help journalists from abroad, and from Hong Kong, Macao and Taiwan, with their work in the city.",
    "Hold promotional events overseas that introduce the city.",
    "Oversee books, audio-visual works, films and television programmes about the city.",
    "Oversee news reporting on the internet.",
    "Follow what major international media, and media in Hong Kong, Macao and Taiwan, report about "
    "the city, study it and respond where needed.",
]

RESPONSIBILITIES_ZH = [
    "向国内外介绍本市经济社会发展情况。",
    "指导、协调重大政策、重大活动和重要会议的新闻报道。",
    "为媒体的新闻报道提供指导。",
    "发布市政府各部门、各机构及各区新闻信息。",
    "组织市政府新闻发布会。",
    "为境外记者以及港澳台记者在本市采访提供协助。",
    "在境外举办介绍本市的推介活动。",
    "对介绍本市的图书、音像制品及影视节目的制作和出版进行管理。",
    "对互联网新闻报道进行管理。",
    "跟踪、研究境外主要媒体及港澳台媒体有关本市的报道，并作出必要回应。",
]


ABOUT_BODY_EN = [
    {"type": "heading", "value": {"text": "A welcome from the Director", "level": "h2"}},
    {
        "type": "paragraph",
        "value": paragraphs(
            """Thank you for visiting the website of the Information Office of Shanghai Municipality. Our Office is part of the municipal government, and our work is to help people everywhere see this great eastern city as it really is.

This site is our official channel to the public and to the media at home and abroad. Here you will find government news that is accurate and up to date, municipal press conferences to watch live or later, news of the Office, cultural exchanges with other countries and the services the government offers.

Journalists can register online and find practical help for reporting in the city. We read every comment and suggestion we receive, and we look forward to hearing from you."""
        ),
    },
    {
        "type": "quote",
        "value": {
            "quote": "We read every comment and suggestion we receive.",
            "attribution": "Director of the Information Office",
        },
    },
    {"type": "heading", "value": {"text": "Who we are", "level": "h2"}},
    {
        "type": "paragraph",
        "value": paragraphs(
            """The Information Office was set up in June 1991. It answers jointly to the Shanghai Municipal Committee of the Communist Party of China and the Shanghai Municipal People's Government, and it leads the city's international communication. Its aim is a fair and accurate picture of Shanghai, which it pursues by serving journalists from China and from abroad."""
        ),
    },
    {"type": "numbered_list", "value": {"title": "Our major responsibilities", "items": RESPONSIBILITIES_EN}},
    {"type": "heading", "value": {"text": "Services for the media", "level": "h2"}},
    {
        "type": "paragraph",
        "value": paragraphs(
            """Journalists can register with us online, follow municipal press conferences live or in the archive, and read our questions and answers for resident correspondents. We also give pointers on arranging interviews in the city.

Visitors from abroad are welcome at the Shanghai International Center for Visitors (SICIV), which the Office runs in Xintiandi, in the former Luwan District."""
        ),
    },
]

ABOUT_BODY_ZH = [
    {"type": "heading", "value": {"text": "主任致辞", "level": "h2"}},
    {
        "type": "paragraph",
        "value": paragraphs(
            """感谢您访问上海市人民政府新闻办公室网站。新闻办是市政府的组成部门，我们的工作是让世界各地的人们看到一个真实的东方大都市。

本网站是我们面向公众和国内外媒体的官方平台。您可以在这里看到准确、及时的政务新闻，在线收看或回看市政府新闻发布会，了解新闻办工作动态、对外文化交流和政府服务信息。

记者可以在网上办理登记，并获得在本市采访的实用信息。我们认真对待收到的每一条意见和建议，期待听到您的声音。"""
        ),
    },
    {
        "type": "quote",
        "value": {"quote": "我们认真对待收到的每一条意见和建议。", "attribution": "上海市人民政府新闻办公室主任"},
    },
    {"type": "heading", "value": {"text": "关于我们", "level": "h2"}},
    {
        "type": "paragraph",
        "value": paragraphs(
            """上海市人民政府新闻办公室成立于1991年6月，由中共上海市委和上海市人民政府共同领导，负责本市的对外宣传工作。新闻办致力于客观、准确地展示上海，为国内外媒体提供多方面的服务。"""
        ),
    },
    {"type": "numbered_list", "value": {"title": "主要职责", "items": RESPONSIBILITIES_ZH}},
    {"type": "heading", "value": {"text": "媒体服务", "level": "h2"}},
    {
        "type": "paragraph",
        "value": paragraphs(
            """记者可以在网上向我们登记，在线收看或回看市政府新闻发布会，并查阅常驻记者问答。我们也为在本市安排采访提供指引。

欢迎境外来宾前往新闻办在原卢湾区新天地设立的上海国际访客中心（SICIV）。"""
        ),
    },
]


@demo_builder(order=0)
def build_home_and_about():
    home = home_page() or create_home_page(
        title_en="Home",
        title_zh_hans="首页",
        hero_title_en="Shanghai, explained for the world",
        hero_title_zh_hans="向世界讲述上海",
        hero_intro_en=(
            "Official news, press conferences and practical help for residents, visitors and "
            "journalists, from the city's Information Office."
        ),
        hero_intro_zh_hans="来自市政府新闻办公室的权威新闻、新闻发布会，以及面向居民、访客和记者的实用服务。",
    )

    about = ensure_page(
        home,
        StandardPage,
        "about",
        title_en="About the Office",
        title_zh_hans="关于新闻办",
        intro_en="Who we are, what we do, and how we help the media and the public.",
        intro_zh_hans="我们是谁、做什么，以及如何为媒体和公众服务。",
        body_en=ABOUT_BODY_EN,
        body_zh_hans=ABOUT_BODY_ZH,
        show_in_menus=True,
    )

    ensure_featured_link(
        home,
        about,
        sort_order=0,
        title_en="About the Office",
        title_zh_hans="关于新闻办",
        description_en="The Director's welcome, our responsibilities and our services for the media.",
        description_zh_hans="主任致辞、主要职责和媒体服务。",
    )

    site = Site.objects.get(is_default_site=True)
    contact = OfficeContact.for_site(site)
    if not contact.office_name_en:
        contact.office_name_en = "Information Office of Shanghai Municipality"
        contact.office_name_zh_hans = "上海市人民政府新闻办公室"
        contact.note_en = (
            "Run jointly by the Shanghai Municipal Committee of the CPC and the Shanghai Municipal "
            "People's Government since June 1991."
        )
        contact.note_zh_hans = "1991年6月成立，由中共上海市委、上海市人民政府共同领导。"
        contact.save()
