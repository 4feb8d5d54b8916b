import type { Project } from '@mekendesh/contracts';
import { L, makeProject } from './make-project.js';
import { SOATE } from './organisations.js';

/** Demo projects in Naryn, Issyk-Kul, Talas and Chui oblasts and in Bishkek. */
export const PROJECTS_NORTH: Project[] = [
  // ---------------------------------------------------------------- Naryn
  makeProject({
    n: 1, slug: 'kara-suu-school-roof-repair', status: 'published', org: 'org-naryn-at-bashy-kara-suu',
    settlement: ['Кара-Суу айылы', 'село Кара-Суу', 'Kara-Suu village'], sector: 'education', kind: 'community',
    goalSom: 2_400_000, plan: [50, 15, 35, 0], raisedPct: 62, pledgedPct: 71, supporters: 148,
    beneficiaries: 380, jobs: 0, created: '2026-02-20', published: '2026-03-12', deadline: '2027-04-30',
    milestones: [['design', '2027-05-15', 10], ['materials', '2027-06-15', 45], ['works', '2027-08-25', 45]],
    title: L('Кара-Суу айылындагы мектептин чатырын оңдоо', 'Ремонт кровли школы в селе Кара-Суу', 'Roof repair for the Kara-Suu village school'),
    summary: L(
      'Мектептин 1970-жылдары жабылган чатыры агып, кышында класстар суук болуп калат. 380 окуучу жылуу жана кургак класста окушу үчүн чатырды толугу менен алмаштырабыз.',
      'Кровля школы, уложенная в 1970-х годах, протекает, зимой в классах холодно. Полностью заменим кровлю, чтобы 380 учеников учились в сухих и тёплых классах.',
      'The school roof, laid in the 1970s, leaks and the classrooms are cold in winter. We will replace the whole roof so that 380 pupils can study in dry, warm classrooms.'),
    description: L(
      'Кара-Суу айылынын орто мектеби Ат-Башы районундагы эң ири мектептердин бири. Чатырдын шифери жарылып, жыгач устундары чирий баштады; жаз сайын үч класс жабылып калат. Эски жабууну алып салып, жаңы устундарды, жылуулоочу катмарды жана профнастилди орнотобуз. Иштер жайкы каникулда бүтүп, мектеп 1-сентябрга даяр болот. Айыл өкмөтү жумушчу күчүн жана транспортту өз эсебинен камсыз кылат.',
      'Средняя школа села Кара-Суу — одна из крупнейших в Ат-Башинском районе. Шифер на кровле растрескался, деревянные балки начали гнить, и каждую весну три класса закрываются. Мы снимем старое покрытие, установим новые балки, утеплитель и профнастил. Работы пройдут во время летних каникул, и школа будет готова к 1 сентября. Айыл окмоту за свой счёт обеспечивает рабочую силу и транспорт.',
      'The secondary school of Kara-Suu is one of the largest in At-Bashy district. The roof slate has cracked and the timber beams have started to rot; every spring three classrooms have to close. We will strip the old covering and fit new beams, insulation and profiled steel sheeting. The work will be done during the summer holidays so the school is ready for 1 September. The ayil okmotu provides labour and transport at its own cost.'),
  }),
  makeProject({
    n: 2, slug: 'kara-suu-dairy-cooperative', status: 'published', org: 'org-naryn-at-bashy-kara-suu',
    settlement: ['Кара-Суу айылы', 'село Кара-Суу', 'Kara-Suu village'], sector: 'agriculture', kind: 'business',
    goalSom: 3_500_000, plan: [50, 0, 50, 0], raisedPct: 28, pledgedPct: 35, supporters: 41, minimumPledgeSom: 5_000,
    beneficiaries: 540, jobs: 6, created: '2026-04-10', published: '2026-05-04', deadline: '2027-06-30',
    milestones: [['premises', '2027-07-31', 20], ['equipment', '2027-09-15', 60], ['launch', '2027-11-01', 20]],
    title: L('Кара-Суудагы сүт кооперативи жана сүт кабыл алуу пункту', 'Молочный кооператив и пункт приёма молока в Кара-Суу', 'Kara-Suu dairy cooperative and milk collection point'),
    summary: L(
      'Малчылар сүттү ортомчуларга арзан баада сатышат. Муздаткыч танк жана сепаратор менен сүт кабыл алуу пунктун ачып, 120 үй-бүлөнүн кирешесин көбөйтөбүз.',
      'Животноводы продают молоко перекупщикам за бесценок. Откроем пункт приёма молока с охладительным танком и сепаратором и увеличим доход 120 семей.',
      'Herders sell their milk to middlemen for next to nothing. We will open a milk collection point with a cooling tank and a separator and raise the income of 120 families.'),
    description: L(
      'Кооперативдин мүчөлөрү күн сайын 1,5 тоннага чейин сүт тапшыра алышат. Сүт 4 градуска чейин муздатылып, келишим боюнча Нарындагы сүт заводуна жеткирилет, ал эми калганынан сары май жана каймак жасалат. Диаспоранын салымы үлүш же пайызсыз насыя катары кабыл алынат; пайдадан жыл сайын дивиденд төлөнөт.',
      'Члены кооператива смогут сдавать до 1,5 тонны молока в день. Молоко охлаждается до 4 градусов и по договору поставляется на молокозавод в Нарыне, а из остатка делают сливочное масло и каймак. Вклад диаспоры принимается как доля или беспроцентный заём; из прибыли ежегодно выплачиваются дивиденды.',
      'Members will be able to deliver up to 1.5 tonnes of milk a day. The milk is cooled to 4 °C and delivered under contract to the dairy in Naryn, and the rest is made into butter and kaimak cream. Diaspora money is accepted as equity or as interest-free loans; dividends are paid yearly from the profit.'),
  }),
  makeProject({
    n: 3, slug: 'kochkor-shyrdak-felt-workshop', status: 'published', org: 'org-naryn-kochkor-kochkor',
    settlement: ['Кочкор айылы', 'село Кочкор', 'Kochkor village'], sector: 'business', kind: 'business',
    goalSom: 900_000, plan: [60, 10, 30, 0], raisedPct: 45, pledgedPct: 52, supporters: 63, minimumPledgeSom: 1_000,
    beneficiaries: 25, jobs: 25, created: '2026-07-25', published: '2026-08-19', deadline: '2027-05-31',
    milestones: [['premises', '2027-06-30', 30], ['equipment', '2027-08-15', 50], ['marketing', '2027-10-31', 20]],
    title: L('Кочкордогу шырдак устаканасы', 'Мастерская шырдаков в Кочкоре', 'Shyrdak felt workshop in Kochkor'),
    summary: L(
      'Кочкордун шырдагы бүт дүйнөгө белгилүү. 25 аял чебер үчүн жылуу устакана, кийиз басуучу жабдуу жана онлайн дүкөн ачабыз.',
      'Кочкорские шырдаки известны во всём мире. Откроем для 25 мастериц тёплую мастерскую с оборудованием для валяния войлока и интернет-магазин.',
      'Kochkor shyrdaks are known around the world. We will set up a warm workshop with felt-making equipment and an online shop for 25 craftswomen.'),
    description: L(
      'Азыр чеберлер үйдө, кышында суук бөлмөлөрдө иштешет жана жүндү колго жуушат. Устаканада жүн жуучу жана тарагыч жабдуулар, боёочу цех болот. Буюмдар Кочкордо туристтерге жана онлайн дүкөн аркылуу чет өлкөгө сатылат. Салым кошкон мекендештер пайдадан үлүшүнө жараша киреше алышат.',
      'Сейчас мастерицы работают дома, зимой в холодных комнатах, и моют шерсть вручную. В мастерской будут оборудование для мойки и чесания шерсти и красильный цех. Изделия продаются туристам в Кочкоре и за рубеж через интернет-магазин. Соотечественники, вложившие средства, получают долю прибыли.',
      'Today the craftswomen work at home, in cold rooms in winter, and wash the wool by hand. The workshop will have wool washing and carding machines and a dyeing room. The products are sold to tourists in Kochkor and abroad through an online shop. Compatriots who invest receive a share of the profit.'),
  }),
  makeProject({
    n: 4, slug: 'naryn-solar-street-lighting', status: 'funded', org: 'org-naryn-naryn-city',
    sector: 'energy', kind: 'community',
    goalSom: 4_200_000, plan: [40, 20, 40, 0], raisedPct: 100, pledgedPct: 100, supporters: 312,
    beneficiaries: 9_800, jobs: 4, created: '2026-01-15', published: '2026-02-10', updated: '2026-10-02', deadline: '2026-12-31',
    milestones: [['tender', '2026-12-15', 10], ['equipment', '2027-04-30', 60], ['handover', '2027-06-30', 30]],
    title: L('Нарындын көчөлөрүн күн панелдүү чырактар менен жарыктандыруу', 'Уличное освещение Нарына на солнечных батареях', 'Solar street lighting for Naryn'),
    summary: L(
      'Шаардын чет жакаларындагы 14 көчөгө күн энергиясы менен иштеген 220 LED чырак орнотулат. Кечинде балдар жана аялдар коопсуз басышат.',
      'На 14 окраинных улицах города установят 220 светодиодных фонарей на солнечных батареях. Вечером дети и женщины смогут ходить безопасно.',
      '220 solar-powered LED street lights will be installed on 14 streets on the outskirts of the city, so that children and women can walk safely after dark.'),
    description: L(
      'Нарында кыш узак, ал эми чет жакалардагы көчөлөр караңгы. Ар бир чырактын аккумулятору булуттуу күндөрү да үч суткага чейин иштейт, электр тармагына туташтыруунун кереги жок. Мэрия орнотууну жана 10 жылдык тейлөөнү өзүнө алат.',
      'Зима в Нарыне долгая, а окраинные улицы не освещены. Аккумулятор каждого фонаря работает до трёх суток даже в пасмурную погоду, подключение к электросети не требуется. Мэрия берёт на себя монтаж и обслуживание в течение 10 лет.',
      'Winters in Naryn are long and the outlying streets are dark. Each light has a battery that lasts up to three days even in cloudy weather, and no grid connection is needed. The city hall takes on installation and ten years of maintenance.'),
  }),
  makeProject({
    n: 5, slug: 'song-kol-yurt-camp', status: 'published', org: 'org-naryn-kochkor-kochkor',
    settlement: ['Соң-Көл жайлоосу', 'джайлоо Сон-Куль', 'Song-Kol summer pastures'], sector: 'tourism', kind: 'business',
    goalSom: 1_800_000, plan: [50, 0, 50, 0], raisedPct: 74, pledgedPct: 80, supporters: 57, minimumPledgeSom: 2_000,
    beneficiaries: 40, jobs: 12, created: '2026-06-01', published: '2026-06-22', deadline: '2027-03-31',
    milestones: [['equipment', '2027-04-30', 70], ['season', '2027-09-30', 30]],
    title: L('Соң-Көлдөгү боз үй лагери', 'Юрточный лагерь на Сон-Куле', 'Yurt camp at Song-Kol lake'),
    summary: L(
      'Соң-Көл жайлоосунда күн панели жана таза даараткана менен жабдылган 8 боз үйлүү туристтик лагерь курабыз. Жайында 12 жергиликтүү адам жумуштуу болот.',
      'Построим на джайлоо Сон-Куль туристический лагерь из 8 юрт с солнечными панелями и чистыми санузлами. Летом 12 местных жителей получат работу.',
      'We will set up a tourist camp of 8 yurts with solar panels and clean toilets on the Song-Kol summer pastures. Twelve local people will have work every summer.'),
    description: L(
      'Соң-Көлгө жыл сайын миңдеген туристтер келет, бирок сапаттуу жатакана аз. Лагерь кочкорлук үй-бүлөлөрдүн кооперативине таандык болот: ат менен саякат, кымыз даярдоо жана улуттук тамак-аш сунушталат. Таштандылар жайлоодон толук ташылып чыгарылат. Инвесторлор таза пайдадан үлүш алышат.',
      'Каждый год на Сон-Куль приезжают тысячи туристов, но качественного жилья мало. Лагерь будет принадлежать кооперативу кочкорских семей: конные прогулки, приготовление кумыса, национальная кухня. Весь мусор вывозится с джайлоо. Инвесторы получают долю чистой прибыли.',
      'Thousands of tourists visit Song-Kol every year, but good places to stay are few. The camp will belong to a cooperative of Kochkor families offering horse treks, kymyz making and national cuisine. All waste is taken off the pasture. Investors receive a share of the net profit.'),
  }),
  makeProject({
    n: 6, slug: 'kara-suu-feldsher-post-equipment', status: 'draft', org: 'org-naryn-at-bashy-kara-suu',
    settlement: ['Кара-Суу айылы', 'село Кара-Суу', 'Kara-Suu village'], sector: 'health', kind: 'community',
    goalSom: 650_000, plan: [70, 30, 0, 0], raisedPct: 0, pledgedPct: 0, supporters: 0,
    beneficiaries: 2_100, jobs: 0, created: '2026-11-10', published: null, deadline: '2027-09-30',
    milestones: [['equipment', '2027-10-31', 80], ['training', '2027-11-30', 20]],
    title: { ky: 'Кара-Суудагы ФАПты жабдуу', ru: 'Оснащение ФАПа в Кара-Суу' },
    summary: {
      ky: 'Фельдшердик-акушердик пунктка ЭКГ аппараты, стерилизатор жана кош бойлуу аялдар үчүн УЗИ аппараты керек.',
      ru: 'Фельдшерско-акушерскому пункту нужны аппарат ЭКГ, стерилизатор и УЗИ-аппарат для беременных женщин.',
    },
    description: {
      ky: 'Жакынкы ооруканага чейин 40 чакырым. Кышында жолду кар басып калат, ошондуктан ФАП 2 100 тургун үчүн жалгыз медициналык жардам.',
      ru: 'До ближайшей больницы 40 километров. Зимой дорогу заметает, поэтому ФАП — единственная медицинская помощь для 2 100 жителей.',
    },
  }),
  // ---------------------------------------------------------------- Issyk-Kul
  makeProject({
    n: 7, slug: 'karakol-separate-waste-collection', status: 'published', org: 'org-issyk-kul-karakol-city',
    sector: 'environment', kind: 'community',
    goalSom: 6_500_000, plan: [35, 20, 35, 10], raisedPct: 18, pledgedPct: 24, supporters: 96,
    beneficiaries: 84_000, jobs: 14, created: '2026-03-15', published: '2026-04-08', deadline: '2027-05-31',
    milestones: [
      ['equipment', '2027-06-30', 40],
      [['Таштанды ташуучу унааларды сатып алуу', 'Покупка мусоровозов', 'Purchase of refuse trucks'], '2027-08-31', 45],
      [['Бөлүп чогултууну баштоо', 'Запуск раздельного сбора', 'Separate collection starts'], '2027-10-31', 15],
    ],
    title: L('Караколдо таштандыны бөлүп чогултуу', 'Раздельный сбор мусора в Караколе', 'Separate waste collection in Karakol'),
    summary: L(
      'Шаардын 60 жерине бөлүп чогултуучу контейнер аянтчаларын орнотуп, эки таштанды ташуучу унаа жана пластик пресстөөчү жабдуу сатып алабыз. Ысык-Көлдүн жээги жана Каракол капчыгайы таза болот.',
      'Установим 60 площадок с контейнерами для раздельного сбора, купим два мусоровоза и пресс для пластика. Берег Иссык-Куля и Каракольское ущелье станут чище.',
      'We will install 60 sites with containers for separate collection and buy two refuse trucks and a plastic baler. The Issyk-Kul shore and the Karakol gorge will be cleaner.'),
    description: L(
      'Каракол туристтик борборго айланды, бирок таштанды полигону толуп калды. Пластик жана картон кайра иштетүүчү ишканаларга сатылып, түшкөн каражат системаны тейлөөгө жумшалат. Мектептерде экология боюнча сабактар өткөрүлөт.',
      'Каракол стал туристическим центром, но полигон переполнен. Пластик и картон продаются перерабатывающим предприятиям, а выручка идёт на обслуживание системы. В школах пройдут уроки по экологии.',
      'Karakol has become a tourism hub, but its landfill is full. Plastic and cardboard are sold to recyclers and the income pays for running the service. Schools will hold lessons on the environment.'),
  }),
  makeProject({
    n: 8, slug: 'bokonbaevo-kindergarten', status: 'published', org: 'org-issyk-kul-ton-bokonbaevo',
    settlement: ['Бөкөнбаев айылы', 'село Боконбаево', 'Bokonbaevo village'], sector: 'education', kind: 'community',
    goalSom: 5_200_000, plan: [45, 20, 35, 0], raisedPct: 9, pledgedPct: 15, supporters: 38,
    beneficiaries: 120, jobs: 18, created: '2026-08-20', published: '2026-09-15', deadline: '2027-07-31',
    milestones: [['design', '2027-08-15', 10], ['works', '2027-11-30', 65], ['equipment', '2028-01-31', 25]],
    title: L('Бөкөнбаевдо 120 орундуу бала бакча', 'Детский сад на 120 мест в Боконбаево', 'A 120-place kindergarten in Bokonbaevo'),
    summary: L(
      'Айылда бала бакчага кезекте 300дөн ашык бала турат. Эски имаратты калыбына келтирип, 120 балага жаңы бала бакча ачабыз.',
      'В очереди в детский сад в селе стоят более 300 детей. Восстановим старое здание и откроем новый детский сад на 120 детей.',
      'More than 300 children in the village are waiting for a kindergarten place. We will restore an old building and open a new kindergarten for 120 children.'),
    description: L(
      'Имарат айыл өкмөтүнүн балансында турат, бирок 15 жылдан бери бош. Долбоор жылытуу системасын, терезелерди, ашкананы жана оюн аянтчасын камтыйт. Бала бакча ачылганда 18 жаңы жумуш орду түзүлүп, энелер жумушка чыга алышат.',
      'Здание стоит на балансе айыл окмоту, но пустует уже 15 лет. Проект включает отопление, окна, кухню и игровую площадку. С открытием сада появятся 18 рабочих мест, а мамы смогут выйти на работу.',
      'The building belongs to the ayil okmotu but has stood empty for 15 years. The project covers heating, windows, a kitchen and a playground. The kindergarten will create 18 jobs and let mothers go back to work.'),
  }),
  makeProject({
    n: 9, slug: 'bokonbaevo-guest-houses', status: 'published', org: 'org-issyk-kul-ton-bokonbaevo',
    settlement: ['Бөкөнбаев айылы', 'село Боконбаево', 'Bokonbaevo village'], sector: 'tourism', kind: 'business',
    goalSom: 1_200_000, plan: [70, 0, 30, 0], raisedPct: 5, pledgedPct: 12, supporters: 9, minimumPledgeSom: 5_000,
    pledgeTypes: ['loan', 'equity', 'donation'],
    beneficiaries: 60, jobs: 15, created: '2026-09-12', published: '2026-10-05', deadline: '2027-04-15',
    milestones: [['premises', '2027-05-31', 70], ['training', '2027-06-15', 30]],
    title: L('Бөкөнбаевдогу конок үйлөрүнүн тармагы', 'Сеть гостевых домов в Боконбаево', 'A network of guest houses in Bokonbaevo'),
    summary: L(
      'Он үй-бүлөгө конок бөлмөлөрүн жасалгалоого жана онлайн брондоо системасына кошулууга жардам беребиз. Туристтер бүркүтчүлөрдү жана Ысык-Көлдүн түштүк жээгин көрүүгө келишет.',
      'Поможем десяти семьям обустроить гостевые комнаты и подключиться к онлайн-бронированию. Туристы приезжают посмотреть на беркутчи и южный берег Иссык-Куля.',
      'We will help ten families furnish guest rooms and join an online booking system. Visitors come for the eagle hunters and the south shore of Issyk-Kul.'),
    description: L(
      'Ар бир үй-бүлө даараткана, ысык суу жана төшөк-орун үчүн жеңилдетилген насыя алат. Бирдиктүү бренд, сайт жана чет тилдерин окутуу уюштурулат. Насыя үч жылдын ичинде туристтик сезондун кирешесинен кайтарылат.',
      'Каждая семья получает льготный заём на санузел, горячую воду и постельное бельё. Организуются единый бренд, сайт и обучение иностранным языкам. Заём возвращается за три года из доходов туристического сезона.',
      'Each family receives a soft loan for a bathroom, hot water and bedding. A shared brand, a website and language training are organised. The loans are repaid over three years from the tourist season’s income.'),
  }),
  makeProject({
    n: 10, slug: 'tup-river-bridge', status: 'in_progress', org: 'org-issyk-kul-oblast-administration', rayon: SOATE.tup,
    settlement: ['Сан-Таш айылы', 'село Сан-Таш', 'San-Tash village'], sector: 'roads', kind: 'community', fundingModel: 'all_or_nothing',
    goalSom: 9_800_000, plan: [40, 10, 40, 10], raisedPct: 100, pledgedPct: 100, supporters: 530,
    beneficiaries: 6_400, jobs: 35, created: '2026-01-10', published: '2026-01-20', updated: '2026-11-18', deadline: '2026-06-30',
    milestones: [
      ['design', '2026-07-15', 10],
      [['Тиректерди куюу', 'Заливка опор', 'Pouring the piers'], '2026-09-30', 40],
      [['Аралык конструкцияларын орнотуу', 'Монтаж пролётов', 'Installing the spans'], '2026-12-20', 35],
      ['handover', '2027-05-31', 15],
    ],
    title: L('Түп дарыясы аркылуу көпүрө', 'Мост через реку Тюп', 'Bridge over the Tup river'),
    summary: L(
      'Эски жыгач көпүрөнү 2024-жылы сел бузуп кеткен, төрт айылдын тургундары райондун борборуна 25 чакырым айланып барышат. Жүк көтөрүмдүүлүгү 30 тонналык темир-бетон көпүрө курулат.',
      'Старый деревянный мост был разрушен селем в 2024 году, и жители четырёх сёл добираются до райцентра в объезд 25 километров. Будет построен железобетонный мост грузоподъёмностью 30 тонн.',
      'The old wooden bridge was destroyed by a mudflow in 2024, and people from four villages now drive a 25 km detour to the district centre. A 30-tonne reinforced-concrete bridge will be built.'),
    description: L(
      'Көпүрө аркылуу мектеп автобусу, тез жардам өтөт жана мал жайытка айдалат. Облустук администрация долбоордук документтерди жана техникалык көзөмөлдү өзүнө алды, мердигер ачык тендер аркылуу тандалды. Тиректер куюлду, азыр аралык конструкциялары орнотулуп жатат.',
      'По мосту ходят школьный автобус и скорая помощь, по нему перегоняют скот на пастбища. Облгосадминистрация взяла на себя проектную документацию и технадзор, подрядчик выбран на открытом тендере. Опоры залиты, сейчас монтируются пролёты.',
      'The school bus and ambulances cross this bridge, and herds are driven over it to pasture. The regional administration provided the design and technical supervision, and the contractor was chosen in an open tender. The piers are poured and the spans are now being installed.'),
  }),
  makeProject({
    n: 11, slug: 'karakol-it-courses-for-youth', status: 'published', org: 'org-issyk-kul-karakol-city',
    sector: 'digital', kind: 'community', pledgeTypes: ['donation', 'in_kind'],
    goalSom: 1_500_000, plan: [60, 10, 30, 0], raisedPct: 88, pledgedPct: 94, supporters: 205,
    beneficiaries: 90, jobs: 4, created: '2026-06-10', published: '2026-07-01', deadline: '2027-02-28',
    milestones: [['equipment', '2027-03-31', 50], ['courses', '2027-09-30', 50]],
    title: L('Каракол жаштары үчүн IT курстар', 'IT-курсы для молодёжи Каракола', 'IT courses for young people in Karakol'),
    summary: L(
      'Мектеп бүтүрүүчүлөрү жана жумушу жок жаштар үчүн программалоо, дизайн жана санариптик маркетинг боюнча акысыз 6 айлык курстар. Жылына 90 бүтүрүүчү.',
      'Бесплатные шестимесячные курсы программирования, дизайна и цифрового маркетинга для выпускников школ и безработной молодёжи. 90 выпускников в год.',
      'Free six-month courses in programming, design and digital marketing for school leavers and young people out of work. 90 graduates a year.'),
    description: L(
      'Шаардык жаштар борборунда 20 компьютер жана ылдам интернет менен окуу классы жабдылат. Мугалимдер Бишкектеги IT компаниялардан келишет, ал эми чет өлкөдөгү мекендештер онлайн менторлук кылышат. Мыкты бүтүрүүчүлөр стажировкага жана алыстан иштөөгө жолдомо алышат.',
      'В городском молодёжном центре оборудуют класс на 20 компьютеров с быстрым интернетом. Преподаватели — из IT-компаний Бишкека, а соотечественники за рубежом становятся онлайн-менторами. Лучшие выпускники получают направления на стажировки и удалённую работу.',
      'A room with 20 computers and fast internet will be set up in the city youth centre. Teachers come from IT companies in Bishkek, and compatriots abroad act as online mentors. The best graduates are referred to internships and remote jobs.'),
  }),
  // ---------------------------------------------------------------- Talas
  makeProject({
    n: 12, slug: 'talas-city-stadium', status: 'published', org: 'org-talas-talas-city',
    sector: 'culture', kind: 'community',
    goalSom: 2_800_000, plan: [50, 20, 30, 0], raisedPct: 37, pledgedPct: 41, supporters: 119,
    beneficiaries: 15_000, jobs: 3, created: '2026-04-28', published: '2026-05-20', deadline: '2027-05-31',
    milestones: [['materials', '2027-06-30', 50], ['works', '2027-09-15', 50]],
    title: L('Талас шаарынын стадионун калыбына келтирүү', 'Реконструкция городского стадиона Таласа', 'Restoring the Talas city stadium'),
    summary: L(
      'Стадионго жасалма чөп төшөлүп, чуркоо жолдору жана 800 орундуу трибуна оңдолот. Шаардын балдары жана жаштары акысыз машыгышат.',
      'На стадионе уложат искусственный газон, отремонтируют беговые дорожки и трибуну на 800 мест. Дети и молодёжь города будут заниматься бесплатно.',
      'The stadium will get an artificial pitch, repaired running tracks and an 800-seat stand. The city’s children and young people will train for free.'),
    description: L(
      'Стадион 1980-жылдары курулган, ошондон бери капиталдык оңдоо көргөн эмес. Бул жерде футбол жана жеңил атлетика боюнча облустук мелдештер өтөт. Мэрия кароолчулардын айлыгын жана коммуналдык чыгымдарды төлөйт.',
      'Стадион построен в 1980-х годах и с тех пор ни разу не ремонтировался капитально. Здесь проходят областные соревнования по футболу и лёгкой атлетике. Мэрия оплачивает охрану и коммунальные расходы.',
      'The stadium was built in the 1980s and has never had a major repair since. It hosts regional football and athletics competitions. The city hall pays for the staff and utilities.'),
  }),
  makeProject({
    n: 13, slug: 'bakai-ata-bean-packing-line', status: 'published', org: 'org-talas-bakai-ata-bakai-ata',
    settlement: ['Бакай-Ата айылы', 'село Бакай-Ата', 'Bakai-Ata village'], sector: 'agriculture', kind: 'business',
    goalSom: 4_000_000, plan: [50, 0, 50, 0], raisedPct: 56, pledgedPct: 66, supporters: 44, minimumPledgeSom: 10_000,
    beneficiaries: 900, jobs: 22, created: '2026-03-02', published: '2026-03-30', deadline: '2027-03-31',
    milestones: [['premises', '2027-04-30', 20], ['equipment', '2027-07-31', 60], ['launch', '2027-10-15', 20]],
    title: L('Бакай-Атада буурчак тазалоо жана таңгактоо цехи', 'Цех очистки и фасовки фасоли в Бакай-Ате', 'Bean cleaning and packing line in Bakai-Ata'),
    summary: L(
      'Талас өрөөнү өлкөдөгү буурчактын көбүн өстүрөт, бирок аны иштетпей эле арзан сатат. Калибрлөөчү жана таңгактоочу линия менен буурчакты экспортко даярдайбыз.',
      'Таласская долина выращивает большую часть фасоли страны, но продаёт её необработанной и дёшево. С линией калибровки и фасовки подготовим фасоль к экспорту.',
      'The Talas valley grows most of the country’s beans but sells them raw and cheap. With a grading and packing line we will prepare the beans for export.'),
    description: L(
      'Цех жылына 3 000 тоннага чейин буурчакты тазалап, сорттоп, 1 жана 25 килограммдык таңгактарга салат. Продукция Түркияга жана Европага сатылат, ал эми фермерлер ар бир килограмм үчүн 15–20 сомго көп алышат. Инвесторлор ишканадан үлүш алышат.',
      'Цех будет очищать, сортировать и фасовать в упаковки по 1 и 25 килограммов до 3 000 тонн фасоли в год. Продукция идёт в Турцию и Европу, а фермеры получают на 15–20 сомов больше за килограмм. Инвесторы получают долю в предприятии.',
      'The line will clean, grade and pack up to 3,000 tonnes of beans a year in 1 kg and 25 kg bags. The product goes to Turkey and Europe, and farmers earn 15–20 som more per kilogram. Investors receive a share in the enterprise.'),
  }),
  makeProject({
    n: 14, slug: 'talas-hospital-solar-plant', status: 'funded', org: 'org-talas-talas-city',
    sector: 'energy', kind: 'community',
    goalSom: 3_300_000, plan: [50, 10, 40, 0], raisedPct: 104, pledgedPct: 104, supporters: 287,
    beneficiaries: 12_000, jobs: 2, created: '2026-01-25', published: '2026-02-25', updated: '2026-09-14', deadline: '2026-11-30',
    milestones: [['equipment', '2026-12-20', 75], ['handover', '2027-03-01', 25]],
    title: L('Талас шаардык ооруканасына күн электр станциясы', 'Солнечная электростанция для городской больницы Таласа', 'A solar power plant for the Talas city hospital'),
    summary: L(
      'Ооруканага 150 кВт кубаттуулуктагы күн панелдери орнотулат. Электр өчкөндө да операция блогу жана реанимация иштей берет, ал эми үнөмдөлгөн каражат дарыларга жумшалат.',
      'На больнице установят солнечные панели мощностью 150 кВт. Операционный блок и реанимация будут работать даже при отключениях электричества, а сэкономленные деньги пойдут на лекарства.',
      'Solar panels with a capacity of 150 kW will be installed at the hospital. The operating theatre and intensive care will keep working during power cuts, and the savings will buy medicines.'),
    description: L(
      'Оорукана жылына электр энергиясы үчүн 1,2 миллион сомдон ашык төлөйт. Панелдер чатырга жана короого орнотулат, аккумулятордук блок 6 саатка чейин резервдик кубат берет. Ашыкча энергия тармакка берилет.',
      'Больница платит за электроэнергию более 1,2 миллиона сомов в год. Панели установят на крыше и во дворе, а аккумуляторный блок даст до 6 часов резервного питания. Излишки энергии отдаются в сеть.',
      'The hospital pays more than 1.2 million som a year for electricity. The panels go on the roof and in the yard, and a battery bank gives up to six hours of backup power. Surplus energy is fed into the grid.'),
  }),
  makeProject({
    n: 15, slug: 'bakai-ata-school-computer-room', status: 'in_review', org: 'org-talas-bakai-ata-bakai-ata',
    settlement: ['Бакай-Ата айылы', 'село Бакай-Ата', 'Bakai-Ata village'], sector: 'digital', kind: 'community',
    goalSom: 850_000, plan: [60, 20, 20, 0], raisedPct: 0, pledgedPct: 0, supporters: 0,
    beneficiaries: 640, jobs: 0, created: '2026-11-02', published: null, updated: '2026-11-20', deadline: '2027-06-30',
    milestones: [['equipment', '2027-07-31', 90], ['training', '2027-08-31', 10]],
    title: L('Бакай-Ата мектебине компьютер классы', 'Компьютерный класс для школы в Бакай-Ате', 'A computer room for the Bakai-Ata school'),
    summary: L(
      '15 компьютер, проектор жана интернет менен жабдылган заманбап информатика кабинети.',
      'Современный кабинет информатики на 15 компьютеров с проектором и интернетом.',
      'A modern computer science room with 15 computers, a projector and internet.'),
    description: L(
      'Мектепте 640 окуучу окуйт, бирок 2009-жылы чыккан төрт гана компьютер бар. Жаңы класс робототехника жана программалоо ийримдерине да колдонулат.',
      'В школе учатся 640 детей, но компьютеров всего четыре, 2009 года выпуска. Новый класс будет использоваться и для кружков робототехники и программирования.',
      'The school has 640 pupils but only four computers, made in 2009. The new room will also host robotics and coding clubs.'),
  }),
  // ---------------------------------------------------------------- Chui
  makeProject({
    n: 16, slug: 'green-tokmok-city-park', status: 'published', org: 'org-chui-tokmok-city',
    sector: 'environment', kind: 'community',
    goalSom: 1_100_000, plan: [50, 30, 20, 0], raisedPct: 95, pledgedPct: 100, supporters: 174,
    beneficiaries: 71_000, jobs: 2, created: '2026-02-01', published: '2026-02-18', deadline: '2027-03-31',
    milestones: [
      ['planting', '2027-04-20', 60],
      [['Тамчылатып сугаруу системасын орнотуу', 'Монтаж капельного полива', 'Installing drip irrigation'], '2027-06-15', 40],
    ],
    title: L('Жашыл Токмок: шаардык паркты калыбына келтирүү', 'Зелёный Токмок: восстановление городского парка', 'Green Tokmok: restoring the city park'),
    summary: L(
      'Паркка 1 500 көчөт отургузулуп, тамчылатып сугаруу системасы, отургучтар жана балдар аянтчасы орнотулат.',
      'В парке высадят 1 500 саженцев, проложат капельный полив, установят скамейки и детскую площадку.',
      '1,500 saplings will be planted in the park, with drip irrigation, benches and a playground.'),
    description: L(
      'Токмоктун борбордук паркындагы дарактардын көбү куурап, сугат арыктары бузулган. Карагач, кайың, арча жана мөмөлүү дарактар отургузулуп, ар бир даракка мектеп окуучулары кам көрүшөт. Жашылдандыруу чаңды жана жайкы аптапты азайтат.',
      'Большая часть деревьев в центральном парке Токмока засохла, арыки разрушены. Будут высажены карагачи, берёзы, арча и плодовые деревья, а школьники возьмут шефство над каждым деревом. Озеленение уменьшит пыль и летний зной.',
      'Most of the trees in Tokmok’s central park have dried out and the irrigation ditches are broken. Elms, birches, junipers and fruit trees will be planted, and schoolchildren will adopt each tree. The greenery will cut dust and summer heat.'),
  }),
  makeProject({
    n: 17, slug: 'burana-tower-visitor-centre', status: 'published', org: 'org-chui-tokmok-city',
    sector: 'tourism', kind: 'community',
    goalSom: 2_500_000, plan: [40, 20, 40, 0], raisedPct: 12, pledgedPct: 19, supporters: 27,
    beneficiaries: 25_000, jobs: 25, created: '2026-06-20', published: '2026-07-15', deadline: '2027-06-30',
    milestones: [['design', '2027-07-15', 10], ['works', '2027-10-31', 70], ['season', '2028-06-30', 20]],
    title: L('Бурана мунарасынын жанында туристтик маалымат борбору', 'Туристический информационный центр у башни Бурана', 'A visitor centre at the Burana tower'),
    summary: L(
      'Токмоктон Бурана мунарасына чейин велосипед жолу, маалымат борбору жана жергиликтүү кол өнөрчүлөр үчүн базар.',
      'Велодорожка от Токмока до башни Бурана, информационный центр и рынок для местных ремесленников.',
      'A cycle path from Tokmok to the Burana tower, a visitor centre and a market for local craftspeople.'),
    description: L(
      'Бурана — Караханиддер доорундагы Баласагын шаарынын калдыгы жана ЮНЕСКОнун «Жибек жолу» дүйнөлүк мурастар тизмесиндеги эстелик. Маалымат борборунда үч тилде гид кызматы, велосипед ижарасы жана кафе болот. Долбоор 25 жергиликтүү тургунга жумуш берет.',
      'Бурана — остатки караханидского города Баласагун, часть объекта всемирного наследия ЮНЕСКО «Шёлковый путь». В информационном центре будут гиды на трёх языках, прокат велосипедов и кафе. Проект даст работу 25 местным жителям.',
      'Burana is what remains of the Karakhanid city of Balasagun, part of the UNESCO Silk Roads World Heritage site. The centre will offer guides in three languages, bike rental and a café. The project will employ 25 local people.'),
  }),
  makeProject({
    n: 18, slug: 'sokuluk-new-streets-water-supply', status: 'draft', org: 'org-chui-sokuluk-sokuluk',
    settlement: ['Сокулук айылы', 'село Сокулук', 'Sokuluk village'], sector: 'water', kind: 'community',
    goalSom: 7_000_000, plan: [50, 20, 30, 0], raisedPct: 0, pledgedPct: 0, supporters: 0,
    beneficiaries: 2_000, jobs: 0, created: '2026-11-15', published: null, deadline: '2027-10-31',
    milestones: [['pipes', '2027-11-30', 50], ['trench', '2028-05-31', 50]],
    title: { ru: 'Водопровод для новых улиц Сокулука' },
    summary: { ru: 'Проложить 6 км водопровода к новым улицам, где 450 семей возят воду бочками.' },
    description: {
      ru: 'Новые улицы на западной окраине села застроены в 2018–2022 годах, центральной воды там нет. Смета уточняется вместе с районным водоканалом.',
    },
  }),
  makeProject({
    n: 19, slug: 'tokmok-sewing-workshop', status: 'published', org: 'org-chui-tokmok-city',
    sector: 'business', kind: 'business',
    goalSom: 1_300_000, plan: [50, 0, 50, 0], raisedPct: 0, pledgedPct: 4, supporters: 3, minimumPledgeSom: 3_000,
    beneficiaries: 30, jobs: 30, created: '2026-10-14', published: '2026-11-03', deadline: '2027-05-31',
    milestones: [['equipment', '2027-06-30', 70], ['launch', '2027-08-15', 30]],
    title: L('Токмоктогу тигүү цехи: 30 жумуш орду', 'Швейный цех в Токмоке: 30 рабочих мест', 'A sewing workshop in Tokmok: 30 jobs'),
    summary: L(
      'Миграциядан кайтып келген аялдар үчүн мектеп формасын жана жумушчу кийимдерди тиккен цех. 30 заманбап тигүү машинасы жана бычуу столу сатып алынат.',
      'Цех для женщин, вернувшихся из миграции: шьём школьную форму и спецодежду. Купим 30 современных швейных машин и раскройный стол.',
      'A workshop for women who have come back from working abroad, making school uniforms and workwear. We will buy 30 modern sewing machines and a cutting table.'),
    description: L(
      'Цех мэрия берген 400 чарчы метрлик имаратта жайгашат. Шаардын мектептери жана курулуш компаниялары менен алдын ала келишимдер түзүлгөн. Салымдар үлүш же 3 жылдык пайызсыз насыя катары кабыл алынат.',
      'Цех разместится в здании площадью 400 квадратных метров, которое предоставляет мэрия. Есть предварительные договоры со школами города и строительными компаниями. Вклады принимаются как доля или беспроцентный заём на 3 года.',
      'The workshop will occupy a 400 m² building provided by the city hall. There are preliminary contracts with the city’s schools and construction companies. Contributions are accepted as equity or as three-year interest-free loans.'),
  }),
  // ---------------------------------------------------------------- Bishkek
  makeProject({
    n: 20, slug: 'bishkek-digital-school-new-settlements', status: 'published', org: 'org-bishkek-city',
    settlement: ['Ак-Өргө конушу', 'жилмассив Ак-Орго', 'Ak-Orgo residential area'], sector: 'digital', kind: 'community',
    goalSom: 4_500_000, plan: [55, 15, 30, 0], raisedPct: 79, pledgedPct: 86, supporters: 402,
    beneficiaries: 300, jobs: 8, created: '2026-01-12', published: '2026-01-28', deadline: '2027-01-31',
    milestones: [['premises', '2027-02-28', 25], ['equipment', '2027-04-30', 45], ['courses', '2027-12-20', 30]],
    title: L('Жаңы конуштардын балдары үчүн санариптик мектеп', 'Цифровая школа для детей новостроек', 'A digital school for children of the new settlements'),
    summary: L(
      'Бишкектин чет жакасындагы жаңы конуштарда 10–17 жаштагы балдар үчүн программалоо, робототехника жана англис тили боюнча акысыз сабактар.',
      'Бесплатные занятия по программированию, робототехнике и английскому языку для детей 10–17 лет в новостройках на окраине Бишкека.',
      'Free classes in programming, robotics and English for children aged 10–17 in the new settlements on the edge of Bishkek.'),
    description: L(
      'Жаңы конуштардагы үй-бүлөлөрдүн көбү региондордон көчүп келген, көп учурда ата-энесинин бири чет өлкөдө иштейт. Мэрия үй-бүлөлүк медицина борборунун жанындагы имаратты берет; жабдуулар, мугалимдердин айлыгы жана интернет диаспоранын салымынан каржыланат. Жылына 300 бала окуйт.',
      'Большинство семей в новостройках переехали из регионов, и часто один из родителей работает за рубежом. Мэрия предоставляет помещение рядом с центром семейной медицины; оборудование, зарплата преподавателей и интернет финансируются из вклада диаспоры. В год обучаются 300 детей.',
      'Most families in the new settlements moved from the regions, and often one parent works abroad. The city hall provides premises next to the family health centre; equipment, teachers’ pay and internet are funded by the diaspora. 300 children a year will study here.'),
  }),
  makeProject({
    n: 21, slug: 'kelechek-drinking-water-mains', status: 'published', org: 'org-bishkek-city',
    settlement: ['Келечек конушу', 'жилмассив «Келечек»', 'Kelechek residential area'], sector: 'water', kind: 'community',
    fundingModel: 'all_or_nothing',
    goalSom: 12_000_000, plan: [40, 25, 35, 0], raisedPct: 21, pledgedPct: 30, supporters: 233,
    beneficiaries: 11_200, jobs: 40, created: '2026-08-05', published: '2026-09-01', deadline: '2027-08-31',
    milestones: [['design', '2027-09-30', 8], ['pipes', '2027-11-30', 42], ['trench', '2028-06-30', 40], ['handover', '2028-08-31', 10]],
    title: L('«Келечек» конушуна ичүүчү суу түтүгү', 'Водопровод для жилмассива «Келечек»', 'Drinking water mains for the Kelechek settlement'),
    summary: L(
      '2 800 үй-бүлө сууну суу ташыгычтардан кымбат баада сатып алышат. 18 чакырым суу түтүгүн тартып, ар бир көчөгө таза суу жеткиребиз.',
      '2 800 семей покупают дорогую воду у водовозов. Проложим 18 километров водопровода и доведём чистую воду до каждой улицы.',
      '2,800 families buy expensive water from water trucks. We will lay 18 km of mains and bring clean water to every street.'),
    description: L(
      '«Келечек» конушу 1990-жылдардын аягында пайда болгон, бирок ушул күнгө чейин борборлоштурулган суу түтүгү жок. Долбоор «Бишкекводоканал» менен макулдашылган: суу түтүгү шаардык тармакка туташтырылып, ар бир көчөгө колонкалар жана эсептегичтер орнотулат. Мэрия наркынын төрттөн бирин өз бюджетинен төлөйт.',
      'Жилмассив «Келечек» возник в конце 1990-х, но централизованного водоснабжения там до сих пор нет. Проект согласован с «Бишкекводоканалом»: водопровод подключается к городской сети, на каждой улице ставятся колонки и счётчики. Четверть стоимости мэрия оплачивает из своего бюджета.',
      'Kelechek appeared in the late 1990s but still has no piped water. The project is agreed with Bishkekvodokanal: the mains connect to the city network, with standpipes and meters on every street. The city hall pays a quarter of the cost from its own budget.'),
  }),
];
