"""Demo content of the agencies section: the directory and three agency profiles.

Facts come from the seed documents (000 the Information Office, 001 the Commission of Economy and
Informatization, 002 the Office for Cooperation and Exchange Affairs), retold in the project's own
words. Only seed 002 gives an address, a telephone number and office hours; the others stay empty.
"""

import datetime

from portal.demo import RESPONSIBILITIES_EN as OFFICE_RESPONSIBILITIES_EN
from portal.demo import RESPONSIBILITIES_ZH as OFFICE_RESPONSIBILITIES_ZH
from portal.demotools import demo_builder, ensure_featured_link, ensure_page, home_page, paragraphs
from portal.models import StandardPage

from .models import AgencyIndexPage, AgencyOfficeHours, AgencyOtherName, AgencyPage, AgencyResponsibility, BodyKind

COMMISSION_RESPONSIBILITIES = [
    (
        "Apply national laws, rules and policies on industry and informatization; research and draft the "
        "city's own rules and policies in these fields, and see them carried out with other departments.",
        "贯彻执行国家有关工业和信息化的法律法规、方针政策；研究起草本市工业和信息化方面的地方性法规、规章草案和政策，会同有关部门组织实施。",
    ),
    (
        "Draw up development plans and yearly plans for industry, informatization and producer services in "
        "line with the city's economic and social development plan; plan and drive industrial restructuring; "
        "decide with other departments where industry and producer services are located; set industrial "
        "policy and apply it; and bring informatization and industrialization closer together.",
        "根据全市国民经济和社会发展总体规划，拟订工业、信息化和生产性服务业的专项发展规划和年度计划；拟订并推进实施产业结构调整规划和计划；会同有关部门确定工业和生产性服务业的空间布局；制定并组织实施产业政策，推动信息化和工业化深度融合。",
    ),
    (
        "Track and analyse how industry and the information sector are doing, publish statistics, give "
        "forecasts and early warnings, and resolve problems in day-to-day operation; lead emergency "
        "management, industrial security and defence mobilization in these fields; oversee the salt industry; "
        "help manage medicine reserves and the production of essential medicines; help organise supplies for "
        "disaster relief; and work with other departments against monopolies.",
        "监测分析工业和信息化运行态势，统计并发布相关信息，开展预测预警和信息引导，协调解决运行发展中的问题并提出政策建议；负责工业和信息化领域的应急管理、产业安全和国防动员工作；负责盐业行业管理；参与医药储备管理和重要药品生产协调；会同有关部门组织应对自然灾害所需物资的生产、储备、调拨和运输；配合有关部门开展反垄断工作。",
    ),
    (
        "Advise on the scale and direction of fixed-asset investment in industry and informatization; plan "
        "major projects within the powers the municipal government grants; manage government-funded projects "
        "with other departments; review the informatization budgets of municipal departments; oversee foreign "
        "investment and international cooperation in these sectors; and coordinate the China International "
        "Industry Fair.",
        "提出本市工业和信息化领域固定资产投资规模和方向的建议；在市政府授权范围内组织规划重大工业和信息化项目；会同有关部门组织管理政府投资的工业和信息化项目；统筹管理并专业审核市级部门信息化项目支出预算，编制信息化领域年度预算项目计划；会同有关部门做好工业和信息化领域利用外资和对外合作交流工作，组织协调中国国际工业博览会有关事项。",
    ),
    (
        "Promote technological innovation and the upgrading of traditional industries; carry out major national "
        "and municipal science and technology projects in industry and information; link companies, universities "
        "and research institutes so that research reaches production; coordinate quality management and brand "
        "building; lead standardization work; support new materials, software, information services and other "
        "emerging industries; and bring venture capital and industrial funds together with industry.",
        "指导推进各行业技术创新和技术进步，以先进适用技术改造提升传统产业；组织实施工业和信息化领域国家及本市重大科技项目；推动产学研结合，促进科研成果产业化；统筹本市工业和信息化领域质量管理，推进品牌战略；承担标准化相关工作；推动新材料、软件、信息服务和新兴产业发展；促进创业投资、产业投资基金与产业融合发展。",
    ),
    (
        "Set and coordinate policies for energy saving, resource use and clean production in industry and "
        "informatization; spread major demonstration projects and new products, technologies, equipment and "
        "materials; and coordinate energy saving, emission cuts and circular transformation in industrial parks.",
        "拟订并组织协调实施工业和信息化领域节约能源、资源综合利用和清洁生产的政策；推广应用重大示范项目及新产品、新技术、新设备、新材料；统筹推进产业园区节能减排和循环化改造。",
    ),
    (
        "Improve the layout of industry in city and countryside, revive old industrial areas and modernise "
        "industries; foster the creative industry and industrial design; plan industrial parks over the medium "
        "and long term, set standards for industrial land with other departments, steer projects into the "
        "parks and coordinate their development.",
        "根据全市国民经济和社会发展总体规划及产业发展导向，组织推进城乡产业布局优化、老工业区改造和产业升级，推动创意产业和工业设计发展；拟订产业园区建设中长期规划，会同有关部门制定工业用地标准，推动项目向园区集中，统筹园区建设和发展。",
    ),
    (
        "Build a service system open to every kind of enterprise; serve central state-owned enterprises based in "
        "the city; guide and support the private economy and small and medium-sized enterprises, build a service "
        "network for them and help resolve their major difficulties.",
        "建立面向全社会各类企业的服务工作体系，加强对在沪中央企业的服务；指导和促进民营经济和中小企业发展，推动建立健全中小企业服务体系，协调解决民营经济和中小企业发展中的重大问题。",
    ),
    (
        "Promote producer services and their integration with manufacturing; build statistics and monitoring for "
        "producer services and develop functional zones for them; and grow the sectors closest to manufacturing, "
        "such as engineering, procurement and construction (EPC), supply-chain management and e-commerce.",
        "推动生产性服务业发展，促进服务业与制造业融合；建立完善生产性服务业统计监测体系，推进生产性服务业功能区建设；重点推动与制造业紧密相关的工程总承包、供应链管理、电子商务等领域发展。",
    ),
    (
        "Monitor and coordinate the supply of coal, electricity and oil across the city; help keep the "
        "generation, supply and use of electricity safe; and take part in promoting the comprehensive use of "
        "energy resources.",
        "监测协调全社会煤、电、油日常运行；会同有关部门做好电力安全生产、供应和使用工作；参与指导、协调和推进能源资源综合利用。",
    ),
    (
        "Plan and advance informatization across the whole city; resolve major issues with other departments; "
        "coordinate information applications across departments, industries and fields; guide the building of a "
        "smart city; and organise publicity, training and education on informatization and plans for "
        "information professionals.",
        "统筹规划和推进全市信息化工作，会同有关部门协调解决信息化建设中的重大问题；组织协调各部门、各行业、各领域的信息化应用，指导推进智慧城市建设，促进信息化与经济社会各领域融合；组织开展信息化宣传、培训、普及和教育，以及信息化人才规划工作。",
    ),
    (
        "Guide the development and use of the city's information resources: plan how strategic, basic and public "
        "information is collected, processed, exchanged, shared, used and opened; research and carry out plans "
        "and policies for big data; apply national and municipal data standards; and grow the big-data industry.",
        "指导、协调和推进本市信息资源开发利用，统筹推进战略性、基础性和公共性信息资源的采集、加工、交换、共享、开发、应用和开放；研究拟订大数据发展规划和政策并组织实施；统筹推进国家和本市数据规范标准的实施，指导推动大数据在经济社会各领域的开发应用，促进大数据产业发展。",
    ),
    (
        "Plan, coordinate and manage the city's information infrastructure; guide plans for communication ducts, "
        "public communication networks and private networks; coordinate major public-interest matters in the "
        "telecommunications market; and make networks that serve the public connect across departments and "
        "industries.",
        "负责全市信息基础设施建设的规划、协调和管理；组织指导有关部门编制通信管线、公用通信网和专用信息网规划，承担相应管理职责；协调电信市场中涉及社会公共利益的重大事项，推进面向社会服务的跨部门、跨行业信息网络互联互通。",
    ),
    (
        "Organise the system that safeguards information security; guide and coordinate protection work and "
        "handle major security incidents; help supervise network security technology, equipment and products; "
        "and carry out the work of the city's network and information security coordination group.",
        "组织协调信息安全保障体系建设，指导协调信息安全保护工作，协调处置重大信息安全事件；会同有关部门加强网络信息安全技术、设备和产品的监督管理；承担市网络与信息安全协调小组的具体工作。",
    ),
    (
        "Promote the smart-card industry and lead major smart-card application projects; support the bank-card "
        "industry and its wider uses; and bring RFID and similar technologies into production and use.",
        "组织协调推进智能卡产业发展，牵头组织协调和指导重大智能卡应用项目建设，推动智能卡普及应用；促进银行卡产业发展和多元化应用；推进射频识别（RFID）等技术的产业化和应用。",
    ),
    (
        "Build a social credit system covering people and organisations across economic and social life: the "
        "recording, sharing, disclosure and use of credit information; grow the credit-service industry; foster "
        "a culture of trustworthiness; train credit professionals; and help build credit systems across "
        "provinces.",
        "推进覆盖经济社会生活各方面、涵盖个人和法人的社会信用体系建设，组织协调推动信用信息的记录、共享、公开和使用；促进信用服务行业发展；协调推进诚信文化建设；组织推进信用专业人才培养；协调推进跨省市信用体系建设。",
    ),
    (
        "Organise and secure national-defence research and production tasks in the city; build a research and "
        "production system for weapons and equipment that joins military and civilian uses; strengthen the "
        "defence industry's core capabilities; supervise special projects, technology bases, security, "
        "confidentiality and work safety in defence science and industry; and support aviation, aerospace, "
        "shipbuilding, nuclear power and related industries.",
        "组织协调并保障本市国防科研生产任务的完成；推进军民结合的武器装备科研生产体系建设，培育国防科技工业核心能力；监督管理本市国防科技工业专项工程、技术基础、安全保密和安全生产；指导、协调和推动本市航空、航天、船舶、核电等产业发展。",
    ),
    ("Administer radio in the city.", "负责本市无线电管理工作。"),
    (
        "Receive and review administrative cases in its field, and answer administrative lawsuits as required.",
        "依法受理和审查有关行政案件，承担行政应诉工作。",
    ),
    ("Carry out other tasks given by the municipal government.", "承办市政府交办的其他事项。"),
]

COOPERATION_RESPONSIBILITIES = [
    (
        "Carry out the national and municipal strategy of serving the Yangtze River Delta, the Yangtze River "
        "basin and the whole country, and of opening further to inland regions; put the municipal Party "
        "committee's and government's decisions on cooperation and exchange into practice; study the city's "
        "strategy for cooperation with other regions; and propose guidelines, policies and measures for "
        "opening up at home.",
        "贯彻落实国家和本市关于“服务长三角、服务长江流域、服务全国”和扩大对内开放的战略方针及部署，落实市委、市政府关于合作交流工作的部署和要求；组织研究本市合作交流发展战略，推进与各省区市的合作交流，提出扩大对内开放、促进国内合作交流的方针、工作原则、政策措施和建议。",
    ),
    (
        "Draw up and carry out medium- and long-term plans for the city's cooperation and exchange with other "
        "regions, in line with its economic and social development plan; draft related local rules; and work out "
        "policies and help build mechanisms for regional cooperation.",
        "根据本市国民经济和社会发展规划的要求，编制本市合作交流中长期发展规划并组织实施；研究起草相关地方性法规和规章草案；组织研究制定本市合作交流的政策措施，推进区域合作机制建设。",
    ),
    (
        "Run the day-to-day work of the city's leading team for cooperation, exchange and partner assistance; "
        "plan, coordinate and guide this work across municipal departments, districts, counties and social "
        "groups; and manage the city's special fund for cooperation and exchange within China.",
        "承担市合作交流与对口支援工作领导小组办公室的日常工作，统筹组织、协调和指导全市合作交流和对口支援工作，联系指导有关委办局、区县和社会团体的合作交流工作；负责本市国内合作交流专项资金的管理。",
    ),
    (
        "Collect, publish and manage information on cooperation and exchange and offer it to the public; give the "
        "municipal Party committee and government timely material for decisions; guide surveys and data analysis; "
        "and build and run the city's integrated information platform for cooperation that serves the whole "
        "country.",
        "负责本市合作交流信息的汇总和发布，为社会提供公共信息服务；组织收集整理合作交流和对口支援信息，为市委、市政府决策提供参考；组织指导和协调有关单位做好数据调查、分析和研究；推进本市服务全国的平台体系建设，建设和管理合作交流综合信息服务平台。",
    ),
    (
        "Organise and guide trade and investment promotion within China, with a working system and coordination "
        "mechanism; lead the city's part in major national trade events; help the city's enterprises invest "
        "elsewhere in China; serve promotion events held by Shanghai in other regions and by other regions in "
        "Shanghai; improve the investment environment; and serve enterprises of the central government and of "
        "other regions based in Shanghai.",
        "组织、协调和指导国内招商引资和投资促进工作，建立健全工作体系和协调机制；牵头组织本市参加国内大型经贸活动，会同有关部门推动本市企业到外地投资合作；协调做好本市赴外地及外地来沪开展经贸投资促进和展览展示活动的服务工作；推动改善本市投资环境，协调组织为中央企业和外地在沪企业的服务。",
    ),
    (
        "Carry out the city's cooperation agreements with other provinces and cities, and strengthen cooperation "
        "with them in the economy, science and technology, infrastructure, talent, education, culture, health and "
        "services; act as the city's liaison with regional cooperation organisations and take part in their "
        "meetings; and help departments and enterprises carry out regional cooperation projects.",
        "推动落实本市与各省区市政府签订的合作协议，统筹组织协调和加强本市与各省区市在经济、科技、基础设施、人才、教育、文化、卫生和服务等领域的合作交流；负责本市参加国内区域合作组织的联络工作，牵头承办和参加区域合作组织的会议；协调有关部门、行业和单位参与区域合作，推动区域合作项目落实。",
    ),
    (
        "Liaise with the State Council's offices for the Three Gorges Project construction committee and for "
        "poverty alleviation and development; draw up and carry out the city's partner-assistance plans; "
        "organise, coordinate and guide partner assistance; and liaise with the regions the city assists.",
        "负责与国务院三峡工程建设委员会办公室、国务院扶贫开发领导小组办公室等的联系；研究制定本市对口支援工作规划并组织实施；承担本市对口支援工作的组织、协调、整合和指导；负责与受援地区的联络协调。",
    ),
    (
        "Manage the city's offices in other provinces and regions; liaise with, serve and coordinate the Shanghai "
        "offices of State Council departments and of other provinces and regions; manage the friendship "
        "associations of organisations and people from other regions based in Shanghai; and help keep these "
        "communities stable.",
        "负责本市驻外省区市办事机构的管理；负责国务院各部门和各省区市驻沪办事机构的联系、服务和协调工作；负责外地驻沪单位和人员组成的社会联谊组织的管理；会同有关部门做好外地驻沪单位和人员的社会稳定工作。",
    ),
    (
        "Manage the municipal government's reception work and its costs, and set reception standards; receive "
        "visiting leaders of central departments and of other provinces as assigned, and delegations at "
        "prefecture and city level or above; help with reception for major international and national "
        "conferences and events; guide the reception work of municipal departments and district and county "
        "governments; and support the city's Party and government delegations on study visits to other regions.",
        "负责市政府接待工作和接待经费的管理，制定和完善接待标准；承担中央和国务院部门领导及外省区市领导来沪的接待任务，负责地市级以上代表团的接待工作；会同有关部门做好国际国内重要大型会议和活动的相关接待工作；联系、协调和指导市政府各部门及各区县政府接待部门的工作；配合市委办公厅、市政府办公厅做好本市党政代表团赴外省区市学习考察的相关协调和保障工作。",
    ),
    ("Carry out other tasks given by the municipal government.", "承办市政府交办的其他事项。"),
]

OFFICE_RESPONSIBILITIES = list(zip(OFFICE_RESPONSIBILITIES_EN, OFFICE_RESPONSIBILITIES_ZH, strict=True))


def _add_entries(agency, responsibilities, other_names=(), office_hours=()):
    """Fills a new profile's inline entries; an existing profile keeps what editors made of it."""
    if agency.responsibilities.exists() or agency.other_names.exists() or agency.office_hours.exists():
        return
    for order, (english, chinese) in enumerate(responsibilities):
        AgencyResponsibility.objects.create(page=agency, sort_order=order, text_en=english, text_zh_hans=chinese)
    for order, (relation, english, chinese) in enumerate(other_names):
        AgencyOtherName.objects.create(
            page=agency, sort_order=order, relation=relation, name_en=english, name_zh_hans=chinese
        )
    for order, (first_day, last_day, opens, closes) in enumerate(office_hours):
        AgencyOfficeHours.objects.create(
            page=agency, sort_order=order, first_day=first_day, last_day=last_day, opens=opens, closes=closes
        )
    # The live page and its latest revision must show the entries too.
    agency.save_revision().publish()


def _call_to_action(label, page):
    return {"type": "call_to_action", "value": {"label": label, "page": page.pk, "url": ""}}


@demo_builder(order=10)
def build_agencies():
    home = home_page()
    government_is_new = not StandardPage.objects.child_of(home).filter(slug="government").exists()
    government = ensure_page(
        home,
        StandardPage,
        "government",
        title_en="Government",
        title_zh_hans="政务",
        intro_en="The city's government bodies, what each of them does and how to reach them.",
        intro_zh_hans="本市各政府部门和机构的职责及联系方式。",
        show_in_menus=True,
    )

    directory = ensure_page(
        government,
        AgencyIndexPage,
        "agencies",
        title_en="Agencies",
        title_zh_hans="政府机构",
        intro_en=(
            "Every municipal agency with a profile here, A to Z: what it is responsible for and how to reach it. "
            "Search by name or by task, or narrow the list to one kind of body."
        ),
        intro_zh_hans="按拼音字母排列的市级政府机构名录：各机构的主要职责和联系方式。可按名称或职责搜索，也可按机构类别筛选。",
    )

    commission = ensure_page(
        directory,
        AgencyPage,
        "economy-and-informatization",
        title_en="Shanghai Municipal Commission of Economy and Informatization",
        title_zh_hans="上海市经济和信息化委员会",
        short_name_en="Commission of Economy and Informatization",
        short_name_zh_hans="市经济信息化委",
        sort_name="Economy and Informatization, Commission of",
        chinese_sort_name="经济和信息化委员会",
        summary_en=(
            "Plans and steers the city's industry, producer services and informatization, from industrial parks "
            "and energy saving to big data, information security, radio and the defence industry."
        ),
        summary_zh_hans="统筹规划和推进本市工业、生产性服务业和信息化发展，职责涵盖产业园区、节能降耗、大数据、信息安全、无线电管理和国防科技工业等。",
        kind=BodyKind.DEPARTMENT,
        parent_authority_name_en="Shanghai Municipal People's Government",
        parent_authority_name_zh_hans="上海市人民政府",
        establishing_document_en=(
            "Circular of the General Offices of the CPC Central Committee and the State Council on issuing the "
            "plan for institutional reform and functional transformation of the Shanghai Municipal People's "
            "Government"
        ),
        establishing_document_zh_hans="中共中央办公厅、国务院办公厅关于印发《上海市人民政府职能转变和机构改革方案》的通知",
        establishing_document_number_en="TZ [2014] No. 20",
        establishing_document_number_zh_hans="厅字〔2014〕20号",
    )
    _add_entries(
        commission,
        COMMISSION_RESPONSIBILITIES,
        other_names=[
            (
                AgencyOtherName.Relation.OPERATES_AS,
                "Shanghai Municipal Office of Science, Technology and Industry for National Defence",
                "上海市国防科学技术工业办公室",
            )
        ],
    )

    cooperation = ensure_page(
        directory,
        AgencyPage,
        "cooperation-and-exchange",
        title_en="Office for Cooperation and Exchange Affairs of the Shanghai Municipal People's Government",
        title_zh_hans="上海市人民政府合作交流办公室",
        short_name_en="Cooperation and Exchange Office",
        short_name_zh_hans="市政府合作交流办",
        chinese_sort_name="合作交流办公室",
        summary_en=(
            "Leads the city's cooperation with the rest of China: regional partnerships, investment promotion, "
            "partner assistance to other regions, and the municipal government's reception of visiting delegations."
        ),
        summary_zh_hans="负责本市与国内各地区的合作交流：区域合作、国内投资促进、对口支援，以及市政府的接待工作。",
        kind=BodyKind.DIRECT,
        parent_authority_name_en="Shanghai Municipal People's Government",
        parent_authority_name_zh_hans="上海市人民政府",
        establishing_document_en=(
            "Notice of the General Offices of the CPC Central Committee and the State Council on issuing the "
            "plan for the institutional reform of the Shanghai Municipal People's Government"
        ),
        establishing_document_zh_hans="中共中央办公厅、国务院办公厅关于印发《上海市人民政府机构改革方案》的通知",
        establishing_document_number_en="Ting Zi [2008] No. 17",
        establishing_document_number_zh_hans="厅字〔2008〕17号",
        address_en="100 Dagu Road",
        address_zh_hans="大沽路100号",
        telephone="23111111",
    )
    _add_entries(
        cooperation,
        COOPERATION_RESPONSIBILITIES,
        other_names=[
            (
                AgencyOtherName.Relation.TEMPORARY_SIGNBOARD,
                "Office for Coordination of the Shanghai Municipal People's Government",
                "上海市人民政府协作办公室",
            ),
            (
                AgencyOtherName.Relation.TEMPORARY_SIGNBOARD,
                "Office for Reception of the Shanghai Municipal People's Government",
                "上海市人民政府接待办公室",
            ),
        ],
        office_hours=[
            (1, 5, datetime.time(9, 0), datetime.time(11, 30)),
            (1, 5, datetime.time(13, 0), datetime.time(17, 30)),
        ],
    )

    visitors_centre = ensure_page(
        government,
        StandardPage,
        "visitors-centre",
        title_en="Shanghai International Center for Visitors (SICIV)",
        title_zh_hans="上海国际访客中心",
        intro_en="A place in Xintiandi where visitors from abroad can get to know the city, run by the Information Office.",
        intro_zh_hans="市政府新闻办公室在新天地开设的国际访客中心，帮助境外来宾了解上海。",
        body_en=[
            {
                "type": "paragraph",
                "value": paragraphs(
                    """The Information Office runs the Shanghai International Center for Visitors, known as SICIV, for guests from other countries who want to learn about the city.

You will find it in Xintiandi, in what used to be Luwan District (today part of Huangpu District)."""
                ),
            },
        ],
        body_zh_hans=[
            {
                "type": "paragraph",
                "value": paragraphs(
                    """上海国际访客中心（SICIV）由市政府新闻办公室主办，面向希望了解上海的境外来宾。

中心位于新天地，地处原卢湾区（现属黄浦区）。"""
                ),
            },
        ],
    )

    about = StandardPage.objects.child_of(home).filter(slug="about").first()
    office_links_en = [_call_to_action("Visit the Shanghai International Center for Visitors", visitors_centre)]
    office_links_zh = [_call_to_action("了解上海国际访客中心", visitors_centre)]
    if about is not None:
        office_links_en.append(_call_to_action("Read the Director's welcome", about))
        office_links_zh.append(_call_to_action("阅读主任致辞", about))

    office = ensure_page(
        directory,
        AgencyPage,
        "information-office",
        title_en="Information Office of Shanghai Municipality",
        title_zh_hans="上海市人民政府新闻办公室",
        short_name_en="Information Office",
        short_name_zh_hans="市政府新闻办",
        chinese_sort_name="新闻办公室",
        summary_en=(
            "Tells the world about Shanghai: it briefs the media in China and abroad, arranges the municipal "
            "press conferences and helps foreign journalists working in the city."
        ),
        summary_zh_hans="负责本市对外宣传：向国内外媒体介绍上海，组织市政府新闻发布会，并为境外记者在沪采访提供服务。",
        kind=BodyKind.DEPARTMENT,
        parent_authority_name_en=(
            "Led jointly by the Shanghai Municipal Committee of the CPC and the Shanghai Municipal People's Government"
        ),
        parent_authority_name_zh_hans="中共上海市委、上海市人民政府共同领导",
        established=datetime.date(1991, 6, 1),
        body_en=[
            {"type": "heading", "value": {"text": "Our work", "level": "h2"}},
            {
                "type": "paragraph",
                "value": paragraphs(
                    """The Office leads the city's international communication. It aims to give a fair and accurate picture of Shanghai, and it does so mainly by serving journalists from China and from other countries: briefings, press conferences, help with interviews and answers to their questions."""
                ),
            },
            *office_links_en,
        ],
        body_zh_hans=[
            {"type": "heading", "value": {"text": "我们的工作", "level": "h2"}},
            {
                "type": "paragraph",
                "value": paragraphs(
                    """新闻办负责本市对外宣传工作，致力于客观、准确地展示上海，主要通过为国内外记者提供服务来开展工作：介绍情况、举办新闻发布会、协助安排采访并解答记者的问题。"""
                ),
            },
            *office_links_zh,
        ],
    )
    _add_entries(office, OFFICE_RESPONSIBILITIES)

    if government_is_new:
        # The section page points to what it holds; set once, so editors' later changes stay.
        government.body_en = [
            {
                "type": "paragraph",
                "value": paragraphs(
                    "Find the agency you need in the A to Z directory, with each one's responsibilities, address and "
                    "office hours."
                ),
            },
            _call_to_action("Agencies A to Z", directory),
            _call_to_action("Shanghai International Center for Visitors", visitors_centre),
        ]
        government.body_zh_hans = [
            {
                "type": "paragraph",
                "value": paragraphs("在政府机构名录中按拼音字母查找所需的机构，了解其主要职责、地址和办公时间。"),
            },
            _call_to_action("政府机构名录", directory),
            _call_to_action("上海国际访客中心", visitors_centre),
        ]
        government.save_revision().publish()

    ensure_featured_link(
        home,
        directory,
        sort_order=10,
        title_en="Agencies A to Z",
        title_zh_hans="政府机构名录",
        description_en="Find a municipal agency, what it does and how to reach it.",
        description_zh_hans="查找市级政府机构的职责和联系方式。",
    )
