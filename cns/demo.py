"""Demo content of City News Service, from seeds 003 and 004 and generally known procedure.

Guides describe the usual procedure in general terms: no fees, telephone numbers or addresses
are given that the seeds do not state; readers are told to check current fees with the office.
The upcoming events are demonstration entries of the kinds the seeds describe (tea ceremonies and
cooking classes at the Huacao International Community Center, the "Your Voice Matters"
roundtable, salons for professionals); their dates are set relative to the day the demo is loaded.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from portal.demotools import demo_builder, ensure_featured_link, ensure_page, home_page, paragraphs

from .models import (
    ArticlePage,
    ArticleTopic,
    CNSHomePage,
    District,
    EventPage,
    FeedbackTopic,
    GuideIndexPage,
    GuidePage,
    GuideRelatedGuide,
    ServicePlatform,
    Township,
)

ALLIANCE_LAUNCH = date(2024, 4, 30)
REVIEWED = date(2026, 11, 23)

PLATFORMS = [
    (
        "exit-entry",
        "Exit and entry administration",
        "出入境管理",
        "Visas issued or extended in the city, residence permits for foreigners who live, work or study here, "
        "and changes to them.",
        "办理在本市签发或延期的签证，为在本市居住、工作、学习的外国人办理居留许可及变更。",
    ),
    (
        "customs",
        "Customs",
        "海关",
        "What you may bring into the country, what must be declared when you arrive, and clearing the "
        "personal belongings you ship when you move here.",
        "入境时可携带的物品、需要申报的物品，以及搬迁来沪时托运个人物品的通关。",
    ),
    (
        "foreign-experts",
        "Foreign experts' affairs (work permits)",
        "外国专家事务（外国人工作许可）",
        "Work permits for foreigners employed in the city; employers apply for them on behalf of their staff.",
        "为在本市就业的外国人办理工作许可，由用人单位代为申请。",
    ),
    (
        "accommodation-registration",
        "Accommodation registration",
        "境外人员住宿登记",
        "Registering where a foreign national stays, as the law requires after each arrival and each move.",
        "按照法律规定，外国人每次入境和每次搬家后登记住宿地点。",
    ),
    (
        "entry-health-checks",
        "Physical examination for entry",
        "出入境体检",
        "The health check that foreigners staying long-term usually need before applying for a residence permit.",
        "长期居留的外国人在申请居留许可前通常需要进行的健康体检。",
    ),
]

DISTRICTS = [
    ("pudong", "Pudong New Area", "浦东新区"),
    ("changning", "Changning District", "长宁区"),
    ("putuo", "Putuo District", "普陀区"),
    ("minhang", "Minhang District", "闵行区"),
    ("qingpu", "Qingpu District", "青浦区"),
]

TOWNSHIPS = [
    ("huamu", "Huamu Subdistrict", "花木街道", "subdistrict", "pudong"),
    ("jinqiao", "Jinqiao Town", "金桥镇", "town", "pudong"),
    ("zhangjiang", "Zhangjiang Town", "张江镇", "town", "pudong"),
    ("sanlin", "Sanlin Town", "三林镇", "town", "pudong"),
    ("hongqiao-subdistrict", "Hongqiao Subdistrict", "虹桥街道", "subdistrict", "changning"),
    ("yichuan-road", "Yichuan Road Subdistrict", "宜川路街道", "subdistrict", "putuo"),
    ("huacao", "Huacao Town", "华漕镇", "town", "minhang"),
    ("hongqiao-town", "Hongqiao Town", "虹桥镇", "town", "minhang"),
    ("xujing", "Xujing Town", "徐泾镇", "town", "qingpu"),
]

HUACAO = {
    "centre_name_en": "Huacao International Community Center",
    "centre_name_zh_hans": "华漕国际社区中心",
    "description_en": (
        "A founding member of the alliance. On 2 December 2023 City News Service opened its first offline "
        "presence in the Huacao International Community Center, the city's first place where CNS meets the "
        "international community in person, with practical advice alongside cooking classes and tea "
        "ceremonies. Ideas gathered at the \u201cYour Voice Matters\u201d roundtable here are shared with "
        "other subdistricts that have many foreign residents."
    ),
    "description_zh_hans": (
        "联盟首批成员。2023年12月2日，City News Service在华漕国际社区中心设立首个线下服务点，这是CNS首次与"
        "国际社区面对面联系，既提供实用的办事建议，也举办中式烹饪课、茶艺体验等活动。这里的\u201cYour Voice "
        "Matters\u201d圆桌会收集到的意见和建议，正与其他外籍居民较多的街镇分享。"
    ),
}

TOPICS = [
    ("Government services and paperwork", "政务服务与办事"),
    ("Transport", "交通出行"),
    ("Housing and community life", "住房与社区生活"),
    ("Health care", "医疗健康"),
    ("Education", "教育"),
    ("Events and activities", "活动"),
    ("This website", "本网站"),
    ("Something else", "其他"),
]


def _step(title, text, documents=(), fees="", platform=None, place=""):
    return {
        "type": "step",
        "value": {
            "title": title,
            "description": "".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n")),
            "documents": list(documents),
            "fees": fees,
            "where_to_go": {"platform": platform.pk if platform else None, "page": None, "place": place},
        },
    }


def _guides(p):
    """The demo guides: slug, category, audience, titles, summaries and steps in both languages."""
    check_fee_en = "Check the current fee with the office before you go."
    check_fee_zh = "请在前往前向办理机构确认现行收费标准。"
    return [
        {
            "slug": "accommodation-registration",
            "category": "accommodation",
            "audience": "everyone",
            "title_en": "Register where you stay (accommodation registration)",
            "title_zh_hans": "办理境外人员住宿登记",
            "summary_en": (
                "Every foreign national in the city has to register the place where they stay. Hotels do it for "
                "their guests; if you stay in a rented home or with friends, you register within 24 hours of arriving."
            ),
            "summary_zh_hans": "在本市的外国人都须登记住宿地点。住宾馆酒店的由酒店办理；住在租住房屋或亲友家中的，须在抵达后24小时内自行登记。",
            "steps_en": [
                _step(
                    "Check whether you need to register yourself",
                    "If you stay in a hotel, the hotel registers you when you check in and you need do nothing more.\n\n"
                    "If you stay in a rented flat or with friends or family, you (or your host) register with the police "
                    "within 24 hours of arriving. Do it again after each new entry into China and whenever you move.",
                ),
                _step(
                    "Get your documents ready",
                    "Take originals; some police stations also keep a copy.",
                    documents=[
                        "Your passport, with a valid visa or residence permit",
                        "Your rental contract, or your host's proof that they own or rent the home",
                        "Your landlord's or host's identity document",
                    ],
                ),
                _step(
                    "Register at the police station or online",
                    "Go to the police station that covers your address, or use the online accommodation registration "
                    "service where it is open to you. You receive a Registration Form of Temporary Residence.",
                    fees="Registration is free of charge.",
                    platform=p["accommodation-registration"],
                    place="The police station that covers your address",
                ),
                _step(
                    "Keep the registration form",
                    "You need the form for a residence permit and for other procedures, such as opening some accounts. "
                    "Register again after each trip abroad, a move, or a new passport or visa.",
                ),
            ],
            "steps_zh_hans": [
                _step(
                    "确认是否需要自行登记",
                    "住在宾馆酒店的，入住时由酒店代为登记，您无需另行办理。\n\n"
                    "住在租住房屋或亲友家中的，须由您本人或留宿人在抵达后24小时内向公安机关登记。每次重新入境或搬家后都要重新登记。",
                ),
                _step(
                    "准备材料",
                    "请携带原件，部分派出所会留存复印件。",
                    documents=[
                        "本人护照及有效签证或居留许可",
                        "租房合同，或留宿人拥有或租住该房屋的证明",
                        "房东或留宿人的身份证件",
                    ],
                ),
                _step(
                    "到派出所或在网上登记",
                    "前往住所所在地的派出所办理，也可在开放范围内使用网上住宿登记服务。办理后您将获得《境外人员临时住宿登记表》。",
                    fees="住宿登记不收费。",
                    platform=p["accommodation-registration"],
                    place="住所所在地派出所",
                ),
                _step(
                    "保存好登记表",
                    "办理居留许可及部分其他手续时需要出示登记表。每次出境返回、搬家或更换护照、签证后，请重新登记。",
                ),
            ],
        },
        {
            "slug": "work-permit",
            "category": "work-permits",
            "audience": "work",
            "title_en": "Get a work permit",
            "title_zh_hans": "办理外国人工作许可",
            "summary_en": (
                "Foreigners employed in the city need a Foreigner's Work Permit. Your employer applies through the "
                "foreign experts' affairs service; you then enter on a work (Z) visa and receive the permit."
            ),
            "summary_zh_hans": "在本市就业的外国人须持有《外国人工作许可证》。由用人单位通过外国专家事务服务平台申请，您持工作类（Z字）签证入境后领取许可证。",
            "steps_en": [
                _step(
                    "Your employer applies for a work permit notice",
                    "Your employer registers with the work permit service and applies online for a notification letter. "
                    "The documents usually asked for are listed below; those issued abroad often need to be authenticated.",
                    documents=[
                        "Passport",
                        "Your highest degree certificate",
                        "A criminal record certificate from the country where you live",
                        "Proof of relevant work experience",
                        "Employment contract or letter of appointment",
                        "A recent photo",
                    ],
                    fees=check_fee_en,
                    platform=p["foreign-experts"],
                ),
                _step(
                    "Apply for a work (Z) visa",
                    "With the notification letter, apply for a Z visa at a Chinese embassy or consulate.",
                    place="A Chinese embassy or consulate abroad",
                ),
                _step(
                    "Arrive and register where you stay",
                    "Register your accommodation within 24 hours of arriving and take the health check if it is required.",
                ),
                _step(
                    "Your employer collects the work permit",
                    "After you arrive, usually within 15 days, your employer applies for the work permit itself.",
                    platform=p["foreign-experts"],
                ),
                _step(
                    "Apply for your residence permit",
                    "With the work permit, apply for a residence permit for work within 30 days of entry.",
                    platform=p["exit-entry"],
                ),
            ],
            "steps_zh_hans": [
                _step(
                    "用人单位申请工作许可通知",
                    "用人单位在工作许可服务平台注册并在线申请《外国人工作许可通知》。通常需要以下材料，境外出具的材料一般需经认证。",
                    documents=[
                        "护照",
                        "最高学位（学历）证书",
                        "居住国出具的无犯罪记录证明",
                        "相关工作经历证明",
                        "劳动合同或聘用意向书",
                        "近期照片",
                    ],
                    fees=check_fee_zh,
                    platform=p["foreign-experts"],
                ),
                _step("申请工作类（Z字）签证", "持工作许可通知到中国驻外使领馆申请Z字签证。", place="中国驻外使领馆"),
                _step("入境并办理住宿登记", "抵达后24小时内办理住宿登记，如有要求须进行健康体检。"),
                _step(
                    "用人单位领取工作许可证",
                    "您入境后，用人单位一般须在15日内申请办理工作许可证。",
                    platform=p["foreign-experts"],
                ),
                _step("申请居留许可", "持工作许可证在入境后30日内申请工作类居留许可。", platform=p["exit-entry"]),
            ],
        },
        {
            "slug": "residence-permit-for-work",
            "category": "visas",
            "audience": "work",
            "title_en": "Apply for a residence permit for work",
            "title_zh_hans": "申请工作类居留许可",
            "summary_en": (
                "A work (Z) visa lets you enter; to live and work here you need a residence permit from the exit and "
                "entry administration, applied for within 30 days of arriving."
            ),
            "summary_zh_hans": "Z字签证用于入境；在本市居住和工作，须在入境后30日内向出入境管理部门申请居留许可。",
            "steps_en": [
                _step(
                    "Gather your documents",
                    "Fill in the application form and bring originals.",
                    documents=[
                        "Passport with your Z visa",
                        "Foreigner's Work Permit",
                        "Registration Form of Temporary Residence",
                        "Health check certificate, if required",
                        "A recent passport photo",
                        "A letter from your employer",
                    ],
                ),
                _step(
                    "Apply at the exit and entry administration",
                    "The office keeps your passport while it processes the application and gives you a receipt that you "
                    "can use in the meantime.",
                    fees=check_fee_en,
                    platform=p["exit-entry"],
                ),
                _step(
                    "Collect your passport with the permit",
                    "Check the dates on the permit. Apply to renew it before it expires, and tell the office if your "
                    "employer, address or passport changes.",
                ),
            ],
            "steps_zh_hans": [
                _step(
                    "准备材料",
                    "填写申请表并携带原件。",
                    documents=[
                        "持Z字签证的护照",
                        "外国人工作许可证",
                        "境外人员临时住宿登记表",
                        "健康体检证明（如有要求）",
                        "近期护照照片",
                        "用人单位出具的函件",
                    ],
                ),
                _step(
                    "到出入境管理部门申请",
                    "受理期间护照由受理机构保存，您将获得一份回执，可在此期间凭回执证明身份。",
                    fees=check_fee_zh,
                    platform=p["exit-entry"],
                ),
                _step(
                    "领取护照及居留许可",
                    "请核对居留许可的有效期。到期前申请延期；工作单位、住址或护照变化时及时办理变更。",
                ),
            ],
        },
        {
            "slug": "health-check",
            "category": "health",
            "audience": "work",
            "title_en": "Take the health check for a residence permit",
            "title_zh_hans": "办理居留许可所需的健康体检",
            "summary_en": (
                "Foreigners who will live and work here for a long time usually need a medical examination at the "
                "international travel healthcare centre before they apply for a residence permit."
            ),
            "summary_zh_hans": "长期在本市居住和工作的外国人，在申请居留许可前通常需要到国际旅行卫生保健中心进行健康体检。",
            "steps_en": [
                _step(
                    "Book the examination",
                    "Book an appointment. If you had a medical examination abroad, ask whether its report can be "
                    "checked instead of repeating the tests.",
                    documents=["Passport", "Recent passport photos", "Any medical report from abroad"],
                    platform=p["entry-health-checks"],
                ),
                _step(
                    "Take the examination",
                    "Do not eat before the blood test. The examination usually includes blood tests, a chest X-ray and "
                    "an electrocardiogram.",
                    fees=check_fee_en,
                    platform=p["entry-health-checks"],
                ),
                _step(
                    "Collect the certificate",
                    "You receive a health certificate to include with your residence permit application.",
                ),
            ],
            "steps_zh_hans": [
                _step(
                    "预约体检",
                    "提前预约。如在境外做过体检，可询问境外体检报告能否经审核后使用，以免重复检查。",
                    documents=["护照", "近期护照照片", "境外体检报告（如有）"],
                    platform=p["entry-health-checks"],
                ),
                _step(
                    "参加体检",
                    "抽血前请空腹。体检一般包括血液检查、胸部X光和心电图。",
                    fees=check_fee_zh,
                    platform=p["entry-health-checks"],
                ),
                _step("领取体检证明", "领取健康证明，申请居留许可时一并提交。"),
            ],
        },
        {
            "slug": "customs-on-arrival",
            "category": "customs",
            "audience": "everyone",
            "title_en": "Go through customs when you arrive",
            "title_zh_hans": "入境时办理海关手续",
            "summary_en": (
                "Most travellers walk through the green channel. Declare what must be declared, and plan ahead if you "
                "are shipping your belongings to your new home."
            ),
            "summary_zh_hans": "大多数旅客走无申报通道。需要申报的物品须如实申报；如需托运搬家物品，请提前准备。",
            "steps_en": [
                _step(
                    "Know what to declare",
                    "Declare cash above the amount customs allows without a declaration, goods to sell, and restricted "
                    "items such as some foods, plants and medicines. Check the current limits with customs before you travel.",
                    platform=p["customs"],
                ),
                _step(
                    "Choose your channel",
                    "With nothing to declare, take the green channel. Otherwise fill in a declaration and take the red channel.",
                    place="The customs hall at your port of arrival",
                ),
                _step(
                    "Shipping belongings when you move here",
                    "Personal belongings sent separately are usually cleared once you hold a residence permit; ask your "
                    "moving company and customs which documents they need.",
                    documents=["Passport", "Residence permit", "List of the items shipped"],
                    platform=p["customs"],
                ),
            ],
            "steps_zh_hans": [
                _step(
                    "了解需要申报的物品",
                    "超出免申报限额的现金、拟出售的物品，以及部分食品、植物、药品等限制物品须申报。出行前请向海关确认现行限额。",
                    platform=p["customs"],
                ),
                _step(
                    "选择通道",
                    "无申报物品的走绿色无申报通道；有申报物品的填写申报单后走红色申报通道。",
                    place="入境口岸海关大厅",
                ),
                _step(
                    "搬迁来沪托运个人物品",
                    "单独托运的个人物品一般在取得居留许可后办理通关；请向搬家公司和海关确认所需材料。",
                    documents=["护照", "居留许可", "托运物品清单"],
                    platform=p["customs"],
                ),
            ],
        },
        {
            "slug": "mobile-payments",
            "category": "daily-life",
            "audience": "visitors",
            "title_en": "Pay with your phone",
            "title_zh_hans": "用手机支付",
            "summary_en": (
                "Most shops, taxis and restaurants take mobile payment. Visitors can link an international bank card "
                "to the main payment apps and pay by scanning a code."
            ),
            "summary_zh_hans": "多数商店、出租车和餐馆都支持移动支付。外国访客可将境外银行卡绑定到主流支付应用，扫码付款。",
            "steps_en": [
                _step(
                    "Install a payment app",
                    "Install Alipay or WeChat, sign up with your phone number and verify your identity with your passport.",
                    documents=["Passport", "A phone number that can receive text messages"],
                ),
                _step(
                    "Link your bank card",
                    "Add an international card such as Visa or Mastercard in the app's wallet.",
                    fees="The apps may charge a fee on larger payments with foreign cards; check the app's current terms.",
                ),
                _step(
                    "Pay",
                    "Scan the shop's code and enter the amount, or show your payment code for the cashier to scan.",
                ),
                _step("Keep a back-up", "Carry some cash and a bank card in case your phone or the network fails."),
            ],
            "steps_zh_hans": [
                _step(
                    "安装支付应用",
                    "安装支付宝或微信，用手机号注册，并用护照完成实名认证。",
                    documents=["护照", "可接收短信的手机号码"],
                ),
                _step(
                    "绑定银行卡",
                    "在应用的钱包中添加Visa、Mastercard等境外银行卡。",
                    fees="使用境外银行卡的较大额支付可能收取手续费，请查看应用的现行规则。",
                ),
                _step("付款", "扫描商家收款码并输入金额，或出示付款码由收银员扫码。"),
                _step("备用方案", "随身携带少量现金和银行卡，以防手机或网络出现问题。"),
            ],
        },
        {
            "slug": "metro",
            "category": "transport",
            "audience": "visitors",
            "title_en": "Get around by metro",
            "title_zh_hans": "乘坐地铁出行",
            "summary_en": "The metro is the quickest way across the city and reaches both airports. Here is how to pay and ride.",
            "summary_zh_hans": "地铁是穿越城市最快捷的方式，并连接两大机场。以下是购票和乘车方法。",
            "steps_en": [
                _step(
                    "Choose how to pay",
                    "Buy a single ticket from a station machine, use a transport card, or scan a QR ride code from a "
                    "mobile app at the gate.",
                ),
                _step("Pass the security check", "Bags go through a scanner at the station entrance."),
                _step(
                    "Find your line",
                    "Signs and announcements are in Chinese and English. Line 2 serves both Hongqiao and Pudong airports.",
                ),
            ],
            "steps_zh_hans": [
                _step("选择支付方式", "可在车站售票机购买单程票、使用交通卡，或在闸机处扫描手机应用中的乘车码。"),
                _step("通过安检", "进站时随身包裹须过安检机。"),
                _step("找到线路", "站内标识和广播均有中英文。地铁2号线连接虹桥和浦东两大机场。"),
            ],
        },
    ]


RELATED = {
    "accommodation-registration": ["residence-permit-for-work"],
    "work-permit": ["residence-permit-for-work", "health-check", "accommodation-registration"],
    "residence-permit-for-work": ["work-permit", "accommodation-registration", "health-check"],
    "health-check": ["residence-permit-for-work"],
    "customs-on-arrival": ["accommodation-registration"],
    "mobile-payments": ["metro"],
    "metro": ["mobile-payments"],
}


ARTICLE_TOPICS = {
    "alliance": ("Community alliance", "国际社区联盟"),
    "townships": ("Townships", "街镇"),
    "work": ("Work", "工作"),
    "talent": ("Foreign talent", "外籍人才"),
}


def _rich(text):
    return [{"type": "paragraph", "value": paragraphs(text)}]


ARTICLES = [
    {
        "slug": "international-community-alliance-launched",
        "date": ALLIANCE_LAUNCH,
        "audience": "residents",
        "topics": ["alliance", "townships"],
        "title_en": "Nine townships form an alliance to serve international residents",
        "title_zh_hans": "九个街镇组成联盟服务国际居民",
        "intro_en": (
            "The Information Office and City News Service have launched the Shanghai International Community "
            "Info-Services Alliance, starting with nine townships home to an estimated 95,000 foreign residents."
        ),
        "intro_zh_hans": "市政府新闻办与City News Service共同发起上海国际社区信息服务联盟，首批九个街镇共有外籍居民约9.5万人。",
        "body_en": _rich(
            """The alliance, launched on 30 April 2024, brings CNS together with the townships where many of the city's international residents live. Its first members are Huamu Subdistrict, Jinqiao Town, Zhangjiang Town and Sanlin Town in Pudong New Area; Hongqiao Subdistrict in Changning District; Yichuan Road Subdistrict in Putuo District; Huacao Town and Hongqiao Town in Minhang District; and Xujing Town in Qingpu District.

Together these nine areas are estimated to host about 95,000 foreign nationals. The city has more foreign residents than any other in the country.

CNS will work with the townships on faster, clearer communication between city departments and international communities, and will gather residents' feedback and ideas and pass them on so that the city can adjust its services.

The alliance will also hold events in the townships: cultural celebrations, family activities, business forums and industry seminars among them. CNS welcomes ideas for new ones.

CNS began on 8 November 2022. On 2 December 2023 it opened its first offline presence at the Huacao International Community Center, where residents can get practical advice and join sessions such as Chinese cooking and tea ceremonies. A recent roundtable there, \u201cYour Voice Matters\u201d, collected residents' suggestions on how their district could serve them better; Huacao Town is sharing what it learned with other subdistricts."""
        ),
        "body_zh_hans": _rich(
            """2024年4月30日，上海国际社区信息服务联盟成立，联盟把CNS与外籍居民集中的街镇联系在一起。首批成员为浦东新区的花木街道、金桥镇、张江镇、三林镇，长宁区的虹桥街道，普陀区的宜川路街道，闵行区的华漕镇、虹桥镇，以及青浦区的徐泾镇。

据估算，这九个街镇共有外籍人士约9.5万人。上海是全国外籍居民最多的城市。

CNS将与各街镇合作，推动市级部门与国际社区之间更及时、更有效的沟通，并收集外籍居民的意见和建议向上反映，帮助城市改进相关服务。

联盟还将在各街镇举办文化庆典、亲子活动、商务论坛、行业研讨等线下活动，CNS也欢迎大家提出活动创意。

CNS于2022年11月8日上线。2023年12月2日，CNS在华漕国际社区中心设立首个线下服务点，为居民提供实用的办事建议，并举办中式烹饪、茶艺等体验活动。不久前在这里举行的\u201cYour Voice Matters\u201d圆桌会，收集了居民关于所在区域如何更好服务他们的建议，华漕镇正把这些经验分享给其他街镇。"""
        ),
    },
    {
        "slug": "cns-and-foreign-talents-in-shanghai-agreement",
        "date": date(2023, 6, 21),
        "audience": "work",
        "topics": ["work", "talent"],
        "title_en": "CNS and Foreign Talents in Shanghai agree to work together",
        "title_zh_hans": "CNS与Foreign Talents in Shanghai签署战略合作协议",
        "intro_en": (
            "A strategic cooperation agreement will bring expatriate professionals timely policy news, help with "
            "government services and offline salons."
        ),
        "intro_zh_hans": "双方签署战略合作协议，将为外籍专业人士及时发布政策信息，提供政务和社区生活方面的指导，并举办线下沙龙。",
        "body_en": _rich(
            """City News Service and Foreign Talents in Shanghai signed a strategic cooperation agreement on 21 June 2023. The two will serve the city's expatriates, especially senior professionals, experts and business leaders, by publishing policy changes promptly and guiding them through government services and community life. They also plan offline salons where foreign professionals from different industries can meet and share resources.

CNS is a news and service platform supported by the Information Office and run by Shanghai Daily; it helps foreigners settle into the city. Foreign Talents in Shanghai is run by the Administrative Center of the Shanghai R&D Public Service Platforms, which serves foreigners working in the city and has issued work permits to more than 400,000 of them, about 70,000 of them high-end talent.

In its first months after launching on 8 November 2022, CNS passed 244,000 website views and 52,000 registered followers on WeChat. It connects users with 13 government service platforms, among them the exit and entry administration, customs, and foreign experts' affairs, for services such as work permits, accommodation registration and the physical examination for entry."""
        ),
        "body_zh_hans": _rich(
            """2023年6月21日，City News Service与Foreign Talents in Shanghai签署战略合作协议。双方将通过及时发布政策、提供政务办理和社区生活方面的指导与支持，更好地服务在沪外籍人士，特别是高层次人才、专家、企业负责人和专业人士。双方还将举办线下沙龙，让来自不同行业的外籍专业人士交流资源。

CNS是由市政府新闻办支持、上海日报社运营的新闻和服务平台，帮助外籍人士适应城市生活。Foreign Talents in Shanghai由上海市研发公共服务平台管理中心运营，为在沪工作的外国人提供服务，已为40多万名外国人办理工作许可，其中高端人才约7万人。

CNS自2022年11月8日上线以来，网站浏览量超过24.4万次，微信注册关注者超过5.2万人。CNS已接入13个政务服务平台，包括出入境管理局、海关和外国专家事务管理部门等，可办理工作许可、住宿登记、出入境体检等服务。"""
        ),
    },
]


def _at(days, hour, minutes=0):
    """A demo date `days` from today at `hour`, Shanghai time."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minutes)))


def _events(townships):
    huacao = townships["huacao"]
    sign_up_en = "Places are limited. How to sign up is announced on CNS before the event."
    sign_up_zh = "名额有限，报名方式将在活动前通过CNS发布。"
    centre_en = "Huacao International Community Center"
    centre_zh = "华漕国际社区中心"
    return [
        {
            "slug": "cns-opens-at-huacao-international-community-center",
            "kind": "cultural",
            "start": timezone.make_aware(datetime(2023, 12, 2, 0, 0)),
            "end": timezone.make_aware(datetime(2023, 12, 2, 23, 59)),
            "all_day": True,
            "township": huacao,
            "title_en": "CNS opens at the Huacao International Community Center",
            "title_zh_hans": "CNS入驻华漕国际社区中心",
            "venue_en": centre_en,
            "venue_zh_hans": centre_zh,
            "summary_en": "City News Service opened its first offline presence, its first direct link with the international community.",
            "summary_zh_hans": "City News Service设立首个线下服务点，首次与国际社区建立面对面的联系。",
        },
        {
            "slug": "tea-ceremony-at-huacao",
            "kind": "cultural",
            "start": _at(14, 14),
            "end": _at(14, 16),
            "township": huacao,
            "title_en": "Traditional Chinese tea ceremony",
            "title_zh_hans": "中国传统茶艺体验",
            "venue_en": centre_en,
            "venue_zh_hans": centre_zh,
            "summary_en": "Learn to prepare and taste tea the way locals do, in a hands-on session.",
            "summary_zh_hans": "动手体验，像本地人一样泡茶、品茶。",
            "sign_up_en": sign_up_en,
            "sign_up_zh_hans": sign_up_zh,
        },
        {
            "slug": "your-voice-matters-roundtable",
            "kind": "roundtable",
            "start": _at(21, 14),
            "end": _at(21, 16, 30),
            "township": huacao,
            "title_en": "\u201cYour Voice Matters\u201d roundtable",
            "title_zh_hans": "\u201cYour Voice Matters\u201d圆桌会",
            "venue_en": centre_en,
            "venue_zh_hans": centre_zh,
            "summary_en": "Questions, answers and open feedback: tell us how your district could serve you better.",
            "summary_zh_hans": "问答与自由交流：告诉我们您所在的区域如何更好地为您服务。",
            "sign_up_en": sign_up_en,
            "sign_up_zh_hans": sign_up_zh,
        },
        {
            "slug": "chinese-cooking-class-at-huacao",
            "kind": "family",
            "start": _at(28, 10),
            "end": _at(28, 12),
            "township": huacao,
            "title_en": "Chinese home cooking class for families",
            "title_zh_hans": "亲子中式家常菜烹饪课",
            "venue_en": centre_en,
            "venue_zh_hans": centre_zh,
            "summary_en": "Cook a few classic home dishes together, children welcome.",
            "summary_zh_hans": "一起学做几道经典家常菜，欢迎带孩子参加。",
            "sign_up_en": sign_up_en,
            "sign_up_zh_hans": sign_up_zh,
        },
        {
            "slug": "salon-for-international-professionals",
            "kind": "seminar",
            "start": _at(35, 19),
            "end": _at(35, 21),
            "township": None,
            "title_en": "Salon for international professionals",
            "title_zh_hans": "外籍专业人士沙龙",
            "venue_en": "To be announced",
            "venue_zh_hans": "地点待定",
            "summary_en": "Foreign professionals from different industries meet to share experience and resources.",
            "summary_zh_hans": "来自不同行业的外籍专业人士相聚，交流经验、分享资源。",
            "sign_up_en": sign_up_en,
            "sign_up_zh_hans": sign_up_zh,
        },
    ]


def build_directory():
    platforms = {}
    for order, (slug, name_en, name_zh, text_en, text_zh) in enumerate(PLATFORMS):
        platforms[slug], _created = ServicePlatform.objects.get_or_create(
            slug=slug,
            defaults={
                "name_en": name_en,
                "name_zh_hans": name_zh,
                "description_en": text_en,
                "description_zh_hans": text_zh,
                "sort_order": order,
            },
        )
    districts = {}
    for order, (slug, name_en, name_zh) in enumerate(DISTRICTS):
        districts[slug], _created = District.objects.get_or_create(
            slug=slug, defaults={"name_en": name_en, "name_zh_hans": name_zh, "sort_order": order}
        )
    townships = {}
    for order, (slug, name_en, name_zh, kind, district) in enumerate(TOWNSHIPS):
        extra = HUACAO if slug == "huacao" else {}
        townships[slug], _created = Township.objects.get_or_create(
            slug=slug,
            defaults={
                "name_en": name_en,
                "name_zh_hans": name_zh,
                "kind": kind,
                "district": districts[district],
                "joined_on": ALLIANCE_LAUNCH,
                "sort_order": order,
                **extra,
            },
        )
    for order, (name_en, name_zh) in enumerate(TOPICS):
        FeedbackTopic.objects.get_or_create(name_en=name_en, defaults={"name_zh_hans": name_zh, "sort_order": order})
    return platforms, townships


def _published_on(page, day):
    """Date a retold past item as first published on its own day, so "Latest" lists read true."""
    moment = timezone.make_aware(datetime.combine(day, time(9, 0)))
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)


@demo_builder(order=30)
def build_cns():
    home = home_page()
    platforms, townships = build_directory()
    cns = ensure_page(
        home,
        CNSHomePage,
        "cns",
        title_en="City News Service",
        title_zh_hans="City News Service（CNS）",
        show_in_menus=True,
        intro_en=(
            "News, step-by-step guides and offline events for the city's foreign residents, and a way for your "
            "ideas to reach the city. CNS is supported by the Information Office, run by Shanghai Daily and "
            "connected to 13 government service platforms."
        ),
        intro_zh_hans="为在沪外籍人士提供新闻资讯、办事指南和线下活动，并把您的意见和建议传递给城市。CNS由市政府新闻办支持、上海日报社运营，已接入13个政务服务平台。",
        alliance_intro_en=(
            "The Shanghai International Community Info-Services Alliance was launched on 30 April 2024 by the "
            "Information Office with CNS. It links CNS with the townships where many international residents live; "
            "its nine founding townships are home to an estimated 95,000 foreign residents."
        ),
        alliance_intro_zh_hans="上海国际社区信息服务联盟由市政府新闻办与CNS于2024年4月30日共同发起，把CNS与外籍居民集中的街镇联系起来。首批九个成员街镇共有外籍居民约9.5万人。",
        alliance_estimate=95000,
        feedback_intro_en=(
            "What works for you in the city, and what could be better? CNS gathers residents' ideas and passes them "
            "on to the departments concerned."
        ),
        feedback_intro_zh_hans="城市生活中哪些方面让您满意，哪些还可以改进？CNS收集居民的意见和建议，并转交相关部门。",
    )
    index = ensure_page(
        cns,
        GuideIndexPage,
        "guides",
        title_en="Guides",
        title_zh_hans="办事指南",
        intro_en="Step-by-step help with the paperwork and everyday life of living, working and visiting here.",
        intro_zh_hans="在本市生活、工作和访问时办理各类手续及日常生活的分步指南。",
    )
    guides = {}
    for guide in _guides(platforms):
        guide = dict(guide)
        slug = guide.pop("slug")
        guides[slug] = ensure_page(index, GuidePage, slug, last_reviewed=REVIEWED, **guide)
    for slug, related in RELATED.items():
        page = guides[slug]
        if not page.related_guides.exists():
            for order, other in enumerate(related):
                GuideRelatedGuide.objects.create(page=page, guide=guides[other], sort_order=order)

    topics = {
        slug: ArticleTopic.objects.get_or_create(slug=slug, defaults={"name_en": name_en, "name_zh_hans": name_zh})[0]
        for slug, (name_en, name_zh) in ARTICLE_TOPICS.items()
    }
    for article in ARTICLES:
        article = dict(article)
        slug, topic_slugs = article.pop("slug"), article.pop("topics")
        exists = ArticlePage.objects.child_of(cns).filter(slug=slug).exists()
        page = ensure_page(
            cns, ArticlePage, slug, author_en="City News Service", author_zh_hans="City News Service", **article
        )
        if not exists:
            page.topics.set([topics[topic] for topic in topic_slugs])
            page.save_revision().publish()
            _published_on(page, page.date)

    for event in _events(townships):
        event = dict(event)
        slug = event.pop("slug")
        exists = EventPage.objects.child_of(cns).filter(slug=slug).exists()
        page = ensure_page(cns, EventPage, slug, **event)
        if not exists and page.is_past:
            _published_on(page, timezone.localtime(page.start).date())

    ensure_featured_link(
        home,
        cns,
        sort_order=30,
        title_en="City News Service",
        title_zh_hans="City News Service（CNS）",
        description_en="Guides, news and events for foreign residents, and the alliance townships.",
        description_zh_hans="面向外籍人士的办事指南、新闻和活动，以及联盟街镇。",
    )
