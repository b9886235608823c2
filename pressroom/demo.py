"""Demo content of the pressroom: releases and conferences on two events of the seed documents
(the alliance launch of 30 April 2024, seed 003; the cooperation agreement of 21 June 2023, seed 004),
and the Q&A for resident journalists. All text is the project's own wording; times of day and
venues the seeds do not give are left out or kept general.
"""

from datetime import date, datetime, time

from django.utils import timezone

from wagtail.models import Page

from portal.demotools import demo_builder, ensure_featured_link, ensure_page, home_page, paragraphs

from .models import (
    ConferenceSpeaker,
    JournalistFAQItem,
    JournalistFAQPage,
    PressConferencePage,
    PressReleaseAgency,
    PressReleasePage,
    PressroomPage,
    PressTopic,
)
from .models.pages import display_time_zone


def _paragraphs(text):
    return [{"type": "paragraph", "value": paragraphs(text)}]


PRIVACY_EN = """The Office uses what you enter in this form only to check your accreditation and to arrange the interviews you request. Only the Office's press officers can see it, and your press card scan is never published.

Some time after your registration is closed, your personal data is erased; only anonymous counts remain. You can withdraw your registration at any time on the status page."""

PRIVACY_ZH = """新闻办仅将您在本表中填写的信息用于核实记者身份和安排您申请的采访。只有新闻办的新闻官可以查看这些信息，您的记者证扫描件不会被公开。

登记办结一段时间后，您的个人信息将被删除，只保留不含个人信息的统计数字。您可以随时在登记状态页面撤回登记。"""

ALLIANCE_BODY_EN = """The alliance is a joint effort of the Information Office and City News Service (CNS), the English-language news and service platform that Shanghai Daily runs with the Office's support. Its purpose is to bring the city's international residents and the city itself closer together.

Nine townships and subdistricts with large international communities are its first members: Huamu, Jinqiao, Zhangjiang and Sanlin in Pudong New Area; Hongqiao Subdistrict in Changning; Yichuan Road in Putuo; Huacao and Hongqiao Town in Minhang; and Xujing in Qingpu. Together these areas are home to an estimated 95,000 foreign residents.

CNS will work with the member communities so that news of policies and services reaches international residents quickly, and so that their feedback and suggestions find their way back to the city departments concerned. It will also organise community events, from cultural celebrations and family activities to business forums and industry seminars.

CNS went online on 8 November 2022. In December 2023 it opened its first offline base, at the Huacao International Community Center."""

ALLIANCE_BODY_ZH = """该联盟由市政府新闻办与城市新闻服务平台（City News Service，CNS）共同推出。CNS 是在新闻办支持下、由上海日报社运营的英文新闻与服务平台。联盟旨在拉近本市国际社区与城市之间的距离。

首批成员是九个国际社区较为集中的街镇：浦东新区花木街道、金桥镇、张江镇、三林镇，长宁区虹桥街道，普陀区宜川路街道，闵行区华漕镇、虹桥镇，以及青浦区徐泾镇。据估计，这些地区共居住着约9.5万名外籍人士。

CNS 将与成员社区合作，让政策和服务信息及时传达给外籍居民，同时把他们的意见和建议反馈给相关城市部门。CNS 还将举办各类社区活动，包括文化庆典、亲子活动、商务论坛和行业研讨会等。

CNS 于2022年11月8日上线，2023年12月在华漕国际社区中心设立了首个线下站点。"""

AGREEMENT_BODY_EN = """Under the agreement, the two platforms will work together to serve foreign professionals in the city, in particular high-level talent, experts and business leaders. They will publish policy news promptly and give guidance on dealing with government services and on everyday life in the city's communities.

The partners also plan offline salons where foreign professionals from different industries can meet, share resources and exchange views.

Foreign Talents in Shanghai is run by the Administrative Center of the Shanghai R&D Public Service Platforms, which serves foreigners who work in the city. The center has issued work permits to more than 400,000 foreign nationals, around 70,000 of them classed as high-level talent.

Through CNS, international residents can reach 13 government service platforms, among them the exit-entry administration, customs and the foreign experts administration, for matters such as work permits, accommodation registration and the health check for entry."""

AGREEMENT_BODY_ZH = """根据协议，两个平台将携手服务在沪外籍专业人士，特别是高层次人才、专家和企业负责人，及时发布政策信息，并在办理政务和社区生活方面提供指引。

双方还计划举办线下沙龙，让来自不同行业的外籍专业人士相互交流、共享资源。

“外籍人才在上海”平台由上海市研发公共服务平台管理中心运营，为在沪工作的外国人提供服务。该中心已为40多万名外国人办理工作许可，其中高层次人才约7万人。

通过 CNS，外籍居民可以连接13个政务服务平台，包括出入境管理、海关和外国专家管理等部门，办理工作许可、住宿登记和入境体检等事项。"""

FAQ = [
    (
        "Who can register with the Office?",
        "谁可以向新闻办登记？",
        "Journalists from abroad, and from Hong Kong, Macao and Taiwan, who report on the city and would like the Office's help in arranging interviews. Both correspondents based in the city and journalists on a reporting trip may register.",
        "报道本市、希望新闻办协助安排采访的境外记者以及港澳台记者，均可登记。常驻本市的记者和短期来沪采访的记者都可以登记。",
    ),
    (
        "What do I need to register?",
        "登记需要准备什么？",
        "Your details and your media outlet's, your press card number and a clear photo or scan of your press card (JPEG, PNG or PDF). Add at least one interview request: the topic, the agencies you would like to talk to and the dates that suit you.",
        "您本人和所在媒体的信息、记者证号码，以及清晰的记者证照片或扫描件（JPEG、PNG 或 PDF 格式）。请至少填写一项采访申请：采访主题、希望采访的部门和方便的日期。",
    ),
    (
        "How do I know my registration has arrived?",
        "如何确认登记已送达？",
        "After you send the form we email you a link. Once you open it to confirm your address, your registration reaches our press officers and you receive a reference number. With that number and your email address you can check the status on the pressroom's status page, and we email you each time the status changes.",
        "提交表单后，我们会向您发送一封含有链接的邮件。打开链接确认邮箱后，您的登记即送达新闻官，您也会收到一个登记编号。凭编号和邮箱地址，可以在新闻中心的状态页面查询进度；状态每次变化，我们都会发邮件通知您。",
    ),
    (
        "How do I follow municipal press conferences?",
        "如何关注市政府新闻发布会？",
        "Upcoming conferences are listed at the top of the pressroom, with the time in Beijing time. Each conference page links to the live stream when there is one, and to the recording and transcript afterwards. You can also add the conference calendar to your calendar app.",
        "即将举行的发布会列在新闻中心页面顶部，时间均为北京时间。每场发布会的页面会提供直播链接（如有），会后提供录像和文字实录。您也可以把发布会日历添加到自己的日历应用中。",
    ),
    (
        "Can I ask for several interviews at once?",
        "可以一次申请多个采访吗？",
        "Yes. One registration can carry up to five interview requests, each with its own topic, agencies and preferred dates. A press officer coordinates them with the agencies concerned.",
        "可以。一次登记最多可包含五项采访申请，每项都可以有各自的主题、部门和日期。新闻官会与有关部门协调安排。",
    ),
    (
        "Can I change or withdraw my registration?",
        "可以修改或撤回登记吗？",
        "You can withdraw it at any time on the status page. To change the details, withdraw the registration and register again; only one registration per email address can be open at a time.",
        "您可以随时在状态页面撤回登记。如需修改信息，请撤回后重新登记；同一邮箱同一时间只能有一份正在办理的登记。",
    ),
]


def _shanghai(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)), display_time_zone())


@demo_builder(order=20)
def build_pressroom():
    home = home_page()
    if home is None:
        return
    pressroom = ensure_page(
        home,
        PressroomPage,
        "press",
        title_en="Pressroom",
        title_zh_hans="新闻中心",
        intro_en="Press releases, the press-conference calendar and registration for journalists who would like to arrange interviews.",
        intro_zh_hans="新闻发布、发布会日程，以及记者登记和采访申请。",
        privacy_notice_en=paragraphs(PRIVACY_EN),
        privacy_notice_zh_hans=paragraphs(PRIVACY_ZH),
        show_in_menus=True,
    )

    community, _ = PressTopic.objects.get_or_create(
        slug="international-community", defaults={"name_en": "International community", "name_zh_hans": "国际社区"}
    )
    partnerships, _ = PressTopic.objects.get_or_create(
        slug="partnerships", defaults={"name_en": "Partnerships", "name_zh_hans": "合作"}
    )

    new_releases = {
        slug
        for slug in (
            "international-community-info-services-alliance-launched",
            "cns-foreign-talents-in-shanghai-cooperation",
        )
        if not PressReleasePage.objects.child_of(pressroom).filter(slug=slug).exists()
    }
    alliance = ensure_page(
        pressroom,
        PressReleasePage,
        "international-community-info-services-alliance-launched",
        title_en="Alliance launched to connect Shanghai with its international communities",
        title_zh_hans="上海国际社区信息服务联盟成立",
        date=date(2024, 4, 30),
        lede_en="The Information Office and City News Service have set up the Shanghai International Community Info-Services Alliance, with nine townships and subdistricts as its first members.",
        lede_zh_hans="市政府新闻办与城市新闻服务平台（CNS）共同成立上海国际社区信息服务联盟，首批成员为九个街镇。",
        body_en=_paragraphs(ALLIANCE_BODY_EN),
        body_zh_hans=_paragraphs(ALLIANCE_BODY_ZH),
    )
    agreement = ensure_page(
        pressroom,
        PressReleasePage,
        "cns-foreign-talents-in-shanghai-cooperation",
        title_en="City News Service and Foreign Talents in Shanghai agree to work together",
        title_zh_hans="城市新闻服务平台与“外籍人才在上海”签署战略合作协议",
        date=date(2023, 6, 21),
        lede_en="The two platforms signed a strategic cooperation agreement to serve the city's foreign professionals better, with timely policy news and practical guidance.",
        lede_zh_hans="两个平台签署战略合作协议，通过及时发布政策信息和提供实用指引，更好地服务在沪外籍专业人士。",
        body_en=_paragraphs(AGREEMENT_BODY_EN),
        body_zh_hans=_paragraphs(AGREEMENT_BODY_ZH),
    )
    # The Office's own profile in the agency directory, when the agencies demo has built it.
    office = Page.objects.filter(
        slug="information-office", content_type__app_label="agencies", content_type__model="agencypage"
    ).first()
    for release, topic in ((alliance, community), (agreement, partnerships)):
        if release.slug not in new_releases:
            continue  # built on an earlier run: leave the editors' choices alone
        release.topics.add(topic)
        if office is not None and release is alliance:
            PressReleaseAgency.objects.create(page=release, agency=office, sort_order=0)
        release.save_revision().publish()

    ensure_page(
        pressroom,
        PressConferencePage,
        "launch-of-the-international-community-info-services-alliance",
        title_en="Launch of the Shanghai International Community Info-Services Alliance",
        title_zh_hans="上海国际社区信息服务联盟成立发布",
        start=_shanghai(date(2024, 4, 30), 10),
        duration_minutes=60,
        summary_en="The Information Office and City News Service present the new alliance and its nine founding townships and subdistricts.",
        summary_zh_hans="市政府新闻办与城市新闻服务平台介绍新成立的联盟及九个首批成员街镇。",
        transcript_en=paragraphs(
            "Summary of the announcements: the alliance links the city with its international communities; "
            "CNS will pass residents' feedback to city departments and organise community events; "
            "the founding members are home to an estimated 95,000 foreign residents."
        ),
        transcript_zh_hans=paragraphs(
            "发布要点：联盟连接城市与国际社区；CNS 将把居民意见反馈给城市部门并举办社区活动；首批成员地区约有9.5万名外籍居民。"
        ),
    )
    signing = ensure_page(
        pressroom,
        PressConferencePage,
        "cns-foreign-talents-in-shanghai-signing",
        title_en="Signing of the cooperation agreement between CNS and Foreign Talents in Shanghai",
        title_zh_hans="城市新闻服务平台与“外籍人才在上海”战略合作签约",
        start=_shanghai(date(2023, 6, 21), 10),
        duration_minutes=60,
        summary_en="The two platforms sign a strategic cooperation agreement to serve foreign professionals in the city.",
        summary_zh_hans="两个平台签署战略合作协议，共同服务在沪外籍专业人士。",
        transcript_en=paragraphs(
            "Summary of the remarks: Ding Bo said that serving the city's foreign residents well is an important task for CNS, "
            "which should become a helpful assistant for foreigners in Shanghai.\n\n"
            "Huang Hong said the cooperation would strengthen the city's services for foreigners and make it friendlier to them."
        ),
        transcript_zh_hans=paragraphs(
            '发言要点：<span lang="en">Ding Bo</span> 表示，更好地服务在沪外籍人士是 CNS 的重要任务，要把 CNS 建设成为外国人在上海的好帮手。\n\n'
            '<span lang="en">Huang Hong</span> 表示，此次合作将进一步提升上海的涉外服务能力，让城市对外国人更加友好。'
        ),
    )
    if not signing.speakers.exists():
        ConferenceSpeaker.objects.create(
            page=signing,
            sort_order=0,
            name_en="Ding Bo",
            name_zh_hans="Ding Bo",
            role_en="Vice director, Shanghai United Media Group",
            role_zh_hans="上海报业集团副职负责人",
        )
        ConferenceSpeaker.objects.create(
            page=signing,
            sort_order=1,
            name_en="Huang Hong",
            name_zh_hans="Huang Hong",
            role_en="Vice director, Shanghai Administration of Foreign Experts Affairs",
            role_zh_hans="上海市外国专家局副局长",
        )
        signing.save_revision().publish()

    faq = ensure_page(
        pressroom,
        JournalistFAQPage,
        "questions-and-answers",
        title_en="Q&A for resident journalists",
        title_zh_hans="常驻记者问答",
        intro_en="Practical answers on registering with the Office, following press conferences and asking for interviews.",
        intro_zh_hans="关于向新闻办登记、关注新闻发布会和申请采访的实用问答。",
    )
    if not faq.faq_items.exists():
        for order, (question_en, question_zh, answer_en, answer_zh) in enumerate(FAQ):
            JournalistFAQItem.objects.create(
                page=faq,
                sort_order=order,
                question_en=question_en,
                question_zh_hans=question_zh,
                answer_en=paragraphs(answer_en),
                answer_zh_hans=paragraphs(answer_zh),
            )
        faq.save_revision().publish()

    ensure_featured_link(
        home,
        pressroom,
        sort_order=20,
        title_en="Pressroom",
        title_zh_hans="新闻中心",
        description_en="Press releases, press conferences, and registration for journalists.",
        description_zh_hans="新闻发布、新闻发布会和记者登记。",
    )
