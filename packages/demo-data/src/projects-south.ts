import type { Project } from '@mekendesh/contracts';
import { L, makeProject } from './make-project.js';

/** Demo projects in Jalal-Abad, Batken and Osh oblasts and in Osh city. */
export const PROJECTS_SOUTH: Project[] = [
  // ---------------------------------------------------------------- Jalal-Abad
  makeProject({
    n: 22, slug: 'arslanbob-walnut-processing', status: 'published', org: 'org-jalal-abad-bazar-korgon-arslanbob',
    settlement: ['Арстанбап айылы', 'село Арсланбоб', 'Arslanbob village'], sector: 'agriculture', kind: 'business',
    goalSom: 7_500_000, plan: [50, 0, 50, 0], raisedPct: 41, pledgedPct: 49, supporters: 86, minimumPledgeSom: 10_000,
    beneficiaries: 1_200, jobs: 35, created: '2026-04-02', published: '2026-04-21', deadline: '2027-04-30',
    milestones: [['premises', '2027-05-31', 20], ['equipment', '2027-08-31', 60], ['launch', '2027-10-31', 20]],
    title: L('Арстанбапта жаңгак иштетүүчү цех', 'Цех переработки грецкого ореха в Арсланбобе', 'Walnut processing workshop in Arslanbob'),
    summary: L(
      'Арстанбаптын жаңгак токою — дүйнөдөгү эң чоң табигый жаңгак токою. Жаңгакты чагып, сорттоп, вакуумдук таңгакта экспортко чыгаруучу цех ачабыз.',
      'Арсланбобский лес — крупнейший в мире естественный орехоплодовый лес. Откроем цех, который колет, сортирует и упаковывает орех в вакуум на экспорт.',
      'The Arslanbob forest is the largest natural walnut forest in the world. We will open a workshop that cracks, grades and vacuum-packs walnuts for export.'),
    description: L(
      'Азыр жаңгак кабыгы менен ортомчуларга сатылат, кошумча нарктын баары айылдан сыртта калат. Цехте жарым автоматтык жаңгак чагуучу жабдуу, кургаткыч жана таңгактоо линиясы орнотулат. Айылдын 35 тургуну, негизинен аялдар, жыл бою жумуш менен камсыз болот. Инвесторлор үлүшүнө жараша пайда алышат.',
      'Сейчас орех продаётся перекупщикам в скорлупе, и вся добавленная стоимость уходит из села. В цехе установят полуавтоматические орехоколы, сушилку и линию упаковки. 35 жителей села, в основном женщины, получат работу на весь год. Инвесторы получают прибыль пропорционально своей доле.',
      'Today walnuts are sold in the shell to middlemen and all the added value leaves the village. The workshop will have semi-automatic crackers, a dryer and a packing line. 35 villagers, mostly women, will have year-round work. Investors receive profit in proportion to their share.'),
  }),
  makeProject({
    n: 23, slug: 'kazarman-drinking-water-pipeline', status: 'published', org: 'org-jalal-abad-toguz-toro-kazarman',
    settlement: ['Казарман айылы', 'село Казарман', 'Kazarman village'], sector: 'water', kind: 'community',
    fundingModel: 'all_or_nothing',
    goalSom: 11_000_000, plan: [40, 10, 40, 10], raisedPct: 33, pledgedPct: 40, supporters: 291,
    beneficiaries: 14_500, jobs: 30, created: '2026-02-15', published: '2026-03-05', deadline: '2027-06-30',
    milestones: [['design', '2027-07-15', 5], ['pipes', '2027-09-15', 45], ['trench', '2028-05-31', 40], ['handover', '2028-07-31', 10]],
    title: L('Казарманга ичүүчү суу түтүгү', 'Водопровод питьевой воды для Казармана', 'A drinking water pipeline for Kazarman'),
    summary: L(
      'Казармандын 14 500 тургуну ичүүчү сууну Нарын дарыясынан жана арыктардан алышат. Булактан 22 чакырым суу түтүгүн тартып, суу тазалоочу курулма курабыз.',
      '14 500 жителей Казармана берут питьевую воду из Нарына и арыков. Проложим 22 километра водопровода от родника и построим очистные сооружения.',
      'The 14,500 people of Kazarman take their drinking water from the Naryn river and irrigation ditches. We will lay a 22 km pipeline from a spring and build a treatment plant.'),
    description: L(
      'Жай сайын ичеги-карын инфекциялары кескин көбөйөт, айрыкча балдар арасында. Совет доорунда курулган суу түтүгү 1990-жылдары толугу менен иштен чыккан. Суу булактан өз агымы менен келет, ошондуктан насостор жана электр чыгымы талап кылынбайт. Курулушка айылдын тургундары ашар менен катышат.',
      'Каждое лето резко растёт число кишечных инфекций, особенно у детей. Советский водопровод полностью вышел из строя в 1990-х. Вода идёт от родника самотёком, поэтому насосы и расходы на электроэнергию не нужны. Жители села участвуют в стройке методом ашара.',
      'Every summer gut infections rise sharply, especially among children. The Soviet-era water system stopped working entirely in the 1990s. Water flows from the spring by gravity, so no pumps or electricity costs are needed. Villagers take part in the work through ashar, the tradition of communal labour.'),
  }),
  makeProject({
    n: 24, slug: 'kazarman-sports-hall', status: 'completed', org: 'org-jalal-abad-toguz-toro-kazarman',
    settlement: ['Казарман айылы', 'село Казарман', 'Kazarman village'], sector: 'culture', kind: 'community',
    goalSom: 3_800_000, plan: [50, 20, 30, 0], raisedPct: 100, pledgedPct: 100, supporters: 244,
    beneficiaries: 2_600, jobs: 3, created: '2026-01-05', published: '2026-01-15', updated: '2026-10-28', deadline: '2026-04-30',
    milestones: [['materials', '2026-05-31', 40], ['works', '2026-08-20', 45], ['handover', '2026-10-15', 15]],
    title: L('Казармандагы спорт зал', 'Спортивный зал в Казармане', 'A sports hall in Kazarman'),
    summary: L(
      'Мектептин жанына күрөш, волейбол жана баскетбол үчүн спорт зал курулду. Аны жыл бою 2 600дөй бала жана жаштар колдонушат.',
      'Рядом со школой построен спортзал для борьбы, волейбола и баскетбола. Круглый год им пользуются около 2 600 детей и молодых людей.',
      'A sports hall for wrestling, volleyball and basketball has been built next to the school. Around 2,600 children and young people use it all year round.'),
    description: L(
      'Мурда балдар кышында машыга алышчу эмес: эски зал 2019-жылы авариялык абалда деп табылып, жабылган. Диаспоранын колдоосу менен жаңы зал 9 айда курулуп, 2026-жылдын октябрында ачылды. Бардык чыгымдар боюнча отчеттор жана сүрөттөр долбоордун барагында жарыяланды.',
      'Раньше дети не могли тренироваться зимой: старый зал признали аварийным и закрыли в 2019 году. При поддержке диаспоры новый зал построен за 9 месяцев и открыт в октябре 2026 года. Отчёты и фотографии по всем расходам опубликованы на странице проекта.',
      'Children used to have nowhere to train in winter: the old hall was declared unsafe and closed in 2019. With the diaspora’s support the new hall was built in nine months and opened in October 2026. Reports and photos for every expense are published on the project page.'),
  }),
  makeProject({
    n: 25, slug: 'suzak-rural-health-posts-equipment', status: 'published', org: 'org-jalal-abad-suzak-rayon',
    settlement: ['Сузак айылы', 'село Сузак', 'Suzak village'], sector: 'health', kind: 'community',
    goalSom: 2_100_000, plan: [50, 20, 30, 0], raisedPct: 67, pledgedPct: 75, supporters: 158,
    beneficiaries: 18_000, jobs: 0, created: '2026-05-25', published: '2026-06-10', deadline: '2027-02-28',
    milestones: [['equipment', '2027-03-31', 85], ['training', '2027-04-30', 15]],
    title: L('Сузак районундагы алты ФАПты жабдуу', 'Оснащение шести ФАПов Сузакского района', 'Equipping six rural health posts in Suzak district'),
    summary: L(
      'Алыскы айылдардагы алты фельдшердик-акушердик пунктка ЭКГ аппараттарын, дефибрилляторлорду, гинекологиялык креслолорду жана дары сактоочу муздаткычтарды сатып алабыз.',
      'Купим для шести фельдшерско-акушерских пунктов в отдалённых сёлах аппараты ЭКГ, дефибрилляторы, гинекологические кресла и холодильники для лекарств.',
      'We will buy ECG machines, defibrillators, gynaecological chairs and medicine fridges for six rural health posts in remote villages.'),
    description: L(
      'ФАПтар 18 000ден ашык адамды тейлейт, бирок алардын жабдуулары 30 жыл мурун алынган. Жаңы жабдуулар менен фельдшерлер жүрөк ооруларын эрте аныктап, кош бойлуу аялдарды жергиликтүү жерде көзөмөлдөй алышат. Райондук оорукананын адистери фельдшерлерди окутат.',
      'ФАПы обслуживают более 18 000 человек, но их оборудованию по 30 лет. С новой техникой фельдшеры смогут рано выявлять болезни сердца и наблюдать беременных на месте. Специалисты районной больницы обучат фельдшеров.',
      'The posts serve more than 18,000 people, but their equipment is 30 years old. With new equipment the feldshers can detect heart disease early and follow pregnant women locally. Specialists from the district hospital will train them.'),
  }),
  makeProject({
    n: 26, slug: 'arslanbob-eco-trails', status: 'published', org: 'org-jalal-abad-bazar-korgon-arslanbob',
    settlement: ['Арстанбап айылы', 'село Арсланбоб', 'Arslanbob village'], sector: 'tourism', kind: 'community',
    goalSom: 1_400_000, plan: [50, 10, 30, 10], raisedPct: 51, pledgedPct: 58, supporters: 77,
    beneficiaries: 12_000, jobs: 20, created: '2026-07-08', published: '2026-07-28', deadline: '2027-03-31',
    milestones: [
      [['Жолдорду белгилөө жана көпүрөчөлөрдү куруу', 'Маркировка троп и строительство мостиков', 'Trail marking and footbridges'], '2027-04-30', 60],
      ['season', '2027-10-31', 40],
    ],
    title: L('Арстанбаптын экологиялык жолдору', 'Экотропы Арсланбоба', 'Arslanbob eco-trails'),
    summary: L(
      'Жаңгак токоюна жана шаркыратмаларга баруучу 40 чакырым жолду белгилеп, жыгач көпүрөчөлөрдү жана эс алуучу жайларды курабыз.',
      'Разметим 40 километров троп к ореховому лесу и водопадам, построим деревянные мостики и места отдыха.',
      'We will mark 40 km of trails to the walnut forest and waterfalls, with wooden footbridges and rest stops.'),
    description: L(
      'Арстанбапка жыл сайын 20 миңге жакын турист келет, бирок жолдор белгиленбегендиктен адамдар адашып, токойго зыян келтирилет. Жергиликтүү гиддер окутулуп, карта үч тилде басылып чыгат. Туристтик төлөмдүн бир бөлүгү токойду коргоого жумшалат.',
      'В Арсланбоб ежегодно приезжают около 20 тысяч туристов, но тропы не размечены, люди теряются и вредят лесу. Местных гидов обучат, карта будет издана на трёх языках. Часть туристического сбора пойдёт на охрану леса.',
      'Around 20,000 tourists visit Arslanbob every year, but the trails are unmarked, so people get lost and damage the forest. Local guides will be trained and a map printed in three languages. Part of the visitor fee will pay for protecting the forest.'),
  }),
  makeProject({
    n: 27, slug: 'suzak-shopping-centre', status: 'rejected', org: 'org-jalal-abad-suzak-rayon',
    settlement: ['Сузак айылы', 'село Сузак', 'Suzak village'], sector: 'business', kind: 'business',
    goalSom: 11_500_000, plan: [60, 0, 40, 0], raisedPct: 0, pledgedPct: 0, supporters: 0,
    beneficiaries: 200, jobs: 60, created: '2026-09-01', published: null, updated: '2026-10-12', deadline: '2027-09-30',
    milestones: [['design', '2027-10-31', 10], ['works', '2028-06-30', 90]],
    title: { ky: 'Сузакта соода борборун куруу', ru: 'Строительство торгового центра в Сузаке' },
    summary: { ky: 'Айылдын борборунда 40 павильондуу соода борбору.', ru: 'Торговый центр на 40 павильонов в центре села.' },
    description: {
      ky: 'Соода аянттары ижарага берилип, киреше райондун бюджетине түшөт.',
      ru: 'Торговые площади сдаются в аренду, доход поступает в районный бюджет.',
    },
  }),
  // ---------------------------------------------------------------- Batken
  makeProject({
    n: 28, slug: 'batken-apricot-drying-plant', status: 'published', org: 'org-batken-batken-city',
    sector: 'agriculture', kind: 'business',
    goalSom: 4_800_000, plan: [50, 0, 50, 0], raisedPct: 64, pledgedPct: 70, supporters: 73, minimumPledgeSom: 5_000,
    beneficiaries: 650, jobs: 40, created: '2026-02-05', published: '2026-02-27', deadline: '2027-04-30',
    milestones: [['premises', '2027-05-15', 20], ['equipment', '2027-06-15', 60], ['launch', '2027-08-31', 20]],
    title: L('Баткенде өрүк кургатуучу заманбап цех', 'Современный цех сушки абрикоса в Баткене', 'A modern apricot drying plant in Batken'),
    summary: L(
      'Баткендин өрүгү белгилүү, бирок көбү ачык асман алдында кургатылып, күкүрт менен иштетилет. Күн энергиясы менен иштеген кургаткычтар жана сорттоочу линия менен экспортко ылайыктуу таза кургак өрүк чыгарабыз.',
      'Баткенский абрикос знаменит, но его в основном сушат под открытым небом и обрабатывают серой. С сушилками на солнечной энергии и линией сортировки будем выпускать чистую курагу экспортного качества.',
      'Batken apricots are famous, but most are dried in the open and treated with sulphur. With solar-powered dryers and a grading line we will produce clean dried apricots of export quality.'),
    description: L(
      'Цех жылына 600 тонна жаңы өрүк кабыл алып, 250 дыйкан чарбасына туруктуу баа сунуштайт. Продукция Казакстан, Россия жана Европа Биримдиги үчүн сертификатталат. Сезондо 40 адам, негизинен аялдар иштешет. Инвесторлорго пайдадан үлүш же пайызсыз насыяны кайтаруу сунушталат.',
      'Цех будет принимать 600 тонн свежего абрикоса в год и предложит 250 фермерским хозяйствам стабильную цену. Продукция сертифицируется для Казахстана, России и Евросоюза. В сезон работают 40 человек, в основном женщины. Инвесторам предлагается доля прибыли или возврат беспроцентного займа.',
      'The plant will take in 600 tonnes of fresh apricots a year and offer 250 farms a stable price. The product is certified for Kazakhstan, Russia and the EU. In season 40 people work there, mostly women. Investors are offered a share of the profit or repayment of an interest-free loan.'),
  }),
  makeProject({
    n: 29, slug: 'kyzyl-kiya-maternity-ward', status: 'published', org: 'org-batken-kyzyl-kiya-city',
    sector: 'health', kind: 'community',
    goalSom: 5_600_000, plan: [45, 15, 30, 10], raisedPct: 15, pledgedPct: 22, supporters: 134,
    beneficiaries: 46_000, jobs: 0, created: '2026-09-20', published: '2026-10-14', deadline: '2027-09-30',
    milestones: [['premises', '2027-10-15', 30], ['equipment', '2027-12-15', 70]],
    title: L('Кызыл-Кыянын төрөт бөлүмүн жабдуу', 'Оснащение родильного отделения Кызыл-Кии', 'Equipping the Kyzyl-Kiya maternity ward'),
    summary: L(
      'Шаардык оорукананын төрөт бөлүмүнө жаңы төрөлгөн ымыркайлар үчүн кувездер, УЗИ аппараты жана жылуу палаталар керек.',
      'Родильному отделению городской больницы нужны кувезы для новорождённых, аппарат УЗИ и тёплые палаты.',
      'The maternity ward of the city hospital needs incubators for newborns, an ultrasound scanner and warm wards.'),
    description: L(
      'Бөлүмдө жылына 1 800гө жакын бала төрөлөт, ал эми эки кувез тең 20 жылдан ашык колдонулуп келет. Палаталардын жылытуусу жана терезелери алмаштырылып, кош бойлуу аялдар үчүн УЗИ кабинети ачылат. Бул жерге Баткен облусунун алыскы айылдарынан да аялдар төрөгөнү келишет.',
      'В отделении рождается около 1 800 детей в год, а обоим кувезам больше 20 лет. В палатах заменят отопление и окна, откроют кабинет УЗИ для беременных. Сюда приезжают рожать женщины и из отдалённых сёл Баткенской области.',
      'About 1,800 babies are born on the ward every year, and both of its incubators are more than 20 years old. Heating and windows will be replaced in the wards and an ultrasound room opened for pregnant women. Women from remote villages of Batken region also come here to give birth.'),
  }),
  makeProject({
    n: 30, slug: 'kulundu-irrigation-canal-lining', status: 'published', org: 'org-batken-leilek-rayon',
    settlement: ['Кулунду айылы', 'село Кулунду', 'Kulundu village'], sector: 'water', kind: 'community',
    goalSom: 8_900_000, plan: [40, 10, 40, 10], raisedPct: 47, pledgedPct: 55, supporters: 188,
    beneficiaries: 7_300, jobs: 25, created: '2026-03-20', published: '2026-04-15', deadline: '2027-02-28',
    milestones: [['design', '2027-03-15', 5], ['materials', '2027-03-31', 35], ['works', '2027-05-31', 50], ['handover', '2027-06-30', 10]],
    title: L('Кулундуда сугат каналын бетондоо', 'Бетонирование оросительного канала в Кулунду', 'Lining the irrigation canal in Kulundu'),
    summary: L(
      'Топурак каналдагы суунун жарымы жерге сиңип кетет. 9 чакырым каналды бетондосок, 1 200 гектар жерди толук сугарууга болот.',
      'В земляном канале половина воды уходит в грунт. Бетонирование 9 километров канала позволит полноценно орошать 1 200 гектаров.',
      'Half of the water in the earthen canal seeps into the ground. Lining 9 km of the canal with concrete will allow 1,200 hectares to be irrigated properly.'),
    description: L(
      'Суу жетишсиз болгондуктан, жай сайын жердин үчтөн бири айдалбай калат, кошуна айылдардын ортосунда талаш-тартыш чыгат. Каналды бетондоо суунун жоготуусун 45%га азайтат. Суу пайдалануучулар ассоциациясы каналды тейлөөнү өзүнө алат.',
      'Из-за нехватки воды каждое лето треть земель не засевается, а между соседними сёлами возникают споры. Бетонирование канала сократит потери воды на 45%. Ассоциация водопользователей берёт на себя обслуживание канала.',
      'Because of water shortages a third of the land goes unsown each summer and disputes arise between neighbouring villages. Lining the canal will cut water losses by 45%. The water users’ association will maintain the canal.'),
  }),
  makeProject({
    n: 31, slug: 'batken-house-of-culture', status: 'funded', org: 'org-batken-batken-city',
    sector: 'culture', kind: 'community',
    goalSom: 3_000_000, plan: [50, 20, 30, 0], raisedPct: 100, pledgedPct: 100, supporters: 265,
    beneficiaries: 31_000, jobs: 5, created: '2026-02-12', published: '2026-03-02', updated: '2026-11-06', deadline: '2026-11-30',
    milestones: [['design', '2026-12-15', 10], ['works', '2027-05-31', 70], ['equipment', '2027-07-31', 20]],
    title: L('Баткендин Маданият үйүн оңдоо', 'Ремонт Дома культуры Баткена', 'Renovating the Batken House of Culture'),
    summary: L(
      'Шаардагы жалгыз Маданият үйүнүн залы, сахнасы жана үн жабдуусу оңдолот. Балдар үчүн комуз, бий жана театр ийримдери кайра ачылат.',
      'Отремонтируют зал, сцену и звуковое оборудование единственного в городе Дома культуры. Снова откроются детские кружки комуза, танца и театра.',
      'The hall, stage and sound system of the city’s only House of Culture will be renovated. Children’s komuz, dance and drama clubs will reopen.'),
    description: L(
      'Имарат 1975-жылы курулган, 2021-жылдан бери залда концерт өткөрүүгө тыюу салынган. Долбоор чатырды, жылытууну, 400 орундуу залды жана сахнанын жарыгын камтыйт. Мэрия коммуналдык чыгымдарды жана мугалимдердин айлыгын төлөйт.',
      'Здание построено в 1975 году, с 2021 года концерты в зале запрещены. Проект охватывает кровлю, отопление, зал на 400 мест и сценический свет. Мэрия оплачивает коммунальные расходы и зарплату педагогов.',
      'The building dates from 1975, and concerts in the hall have been banned since 2021. The project covers the roof, heating, the 400-seat hall and stage lighting. The city hall pays the utilities and the teachers’ salaries.'),
  }),
  makeProject({
    n: 32, slug: 'kyzyl-kiya-landfill-reclamation', status: 'changes_requested', org: 'org-batken-kyzyl-kiya-city',
    sector: 'environment', kind: 'community',
    goalSom: 5_000_000, plan: [40, 30, 30, 0], raisedPct: 0, pledgedPct: 0, supporters: 0,
    beneficiaries: 46_000, jobs: 12, created: '2026-09-28', published: null, updated: '2026-11-12', deadline: '2027-10-31',
    milestones: [['design', '2027-11-30', 20], ['works', '2028-05-31', 80]],
    title: L('Кызыл-Кыяда таштанды полигонун калыбына келтирүү', 'Рекультивация мусорного полигона Кызыл-Кии', 'Reclaiming the Kyzyl-Kiya landfill'),
    summary: L(
      'Эски полигон шаардын чегинде жайгашкан жана жай сайын күйөт. Аны жаап, топурак менен көмүп, жаңы санитардык полигон курабыз.',
      'Старый полигон находится в черте города и каждое лето горит. Закроем и засыплем его грунтом и построим новый санитарный полигон.',
      'The old landfill lies within the city and catches fire every summer. We will close and cover it and build a new sanitary landfill.'),
    description: L(
      'Түтүн шаар тургундарынын ден соолугуна зыян келтирет. Жаңы полигон шаардан 8 чакырым алыс, жер астындагы сууну коргоочу катмар менен курулат.',
      'Дым вредит здоровью горожан. Новый полигон будет построен в 8 километрах от города, с защитным слоем против загрязнения грунтовых вод.',
      'The smoke harms residents’ health. The new landfill will be 8 km from the city, with a liner that protects groundwater.'),
  }),
  // ---------------------------------------------------------------- Osh oblast
  makeProject({
    n: 33, slug: 'uzgen-rice-processing', status: 'published', org: 'org-osh-uzgen-rayon',
    settlement: ['Өзгөн шаары', 'город Узген', 'Uzgen town'], sector: 'agriculture', kind: 'business',
    goalSom: 6_000_000, plan: [50, 0, 50, 0], raisedPct: 23, pledgedPct: 31, supporters: 52, minimumPledgeSom: 10_000,
    beneficiaries: 800, jobs: 28, created: '2026-05-12', published: '2026-06-02', deadline: '2027-05-31',
    milestones: [['premises', '2027-06-30', 15], ['equipment', '2027-08-31', 65], ['launch', '2027-11-15', 20]],
    title: L('Өзгөн күрүчүн иштетүү жана таңгактоо', 'Переработка и фасовка узгенского риса', 'Processing and packing Uzgen rice'),
    summary: L(
      'Өзгөндүн кызыл күрүчү палоо үчүн эң мыкты деп эсептелет. Күрүчтү тазалап, жылмалап, брендделген таңгакка салуучу цех ачабыз.',
      'Узгенский красный рис считается лучшим для плова. Откроем цех очистки, шлифовки и фасовки риса в брендированную упаковку.',
      'Uzgen’s red rice is said to be the best for plov. We will open a plant that hulls, polishes and packs the rice under its own brand.'),
    description: L(
      'Азыр күрүч эски тегирмендерде иштетилет, сапаты туруксуз. Жаңы линия саатына 2 тонна күрүч иштетип, дыйкандарга кепилденген баа берет. «Өзгөн күрүчү» географиялык көрсөткүчү катталып, продукция Бишкекке, Москвага жана Стамбулга жөнөтүлөт.',
      'Сейчас рис обрабатывают на старых мельницах, и качество нестабильно. Новая линия перерабатывает 2 тонны риса в час и даёт фермерам гарантированную цену. Будет зарегистрировано географическое указание «Узгенский рис», продукция пойдёт в Бишкек, Москву и Стамбул.',
      'Today the rice is milled in old mills and its quality varies. The new line processes 2 tonnes of rice an hour and gives farmers a guaranteed price. A geographical indication, "Uzgen rice", will be registered, and the product will go to Bishkek, Moscow and Istanbul.'),
  }),
  makeProject({
    n: 34, slug: 'gulcha-river-road-bridge', status: 'published', org: 'org-osh-alai-gulcha',
    settlement: ['Гүлчө айылы', 'село Гульча', 'Gulcha village'], sector: 'roads', kind: 'community',
    fundingModel: 'all_or_nothing',
    goalSom: 10_500_000, plan: [40, 10, 40, 10], raisedPct: 8, pledgedPct: 14, supporters: 121,
    beneficiaries: 5_200, jobs: 30, created: '2026-09-25', published: '2026-10-20', deadline: '2027-09-30',
    milestones: [['design', '2027-10-15', 10], ['materials', '2027-11-30', 35], ['works', '2028-06-30', 45], ['handover', '2028-08-31', 10]],
    title: L('Гүлчө дарыясы аркылуу автомобиль көпүрөсү', 'Автомобильный мост через реку Гульча', 'A road bridge over the Gulcha river'),
    summary: L(
      'Азыркы асма көпүрөдөн унаа өтө албайт, жазында суу ташкындаганда үч айыл чоң жолдон ажырап калат. 60 метрлик темир-бетон көпүрө курабыз.',
      'По нынешнему подвесному мосту машины не проходят, а весной в половодье три села оказываются отрезаны от трассы. Построим железобетонный мост длиной 60 метров.',
      'Cars cannot cross the current suspension bridge, and in the spring floods three villages are cut off from the main road. We will build a 60-metre reinforced-concrete bridge.'),
    description: L(
      'Көпүрө Ош — Сары-Таш трассасын үч айыл менен байланыштырат. Балдар мектепке, бейтаптар ооруканага, дыйкандар базарга ушул көпүрө аркылуу жетишет. Долбоор райондук автожол кызматы менен макулдашылган.',
      'Мост свяжет трассу Ош — Сары-Таш с тремя сёлами. Через него дети ходят в школу, больные добираются до больницы, а фермеры — до рынка. Проект согласован с районной дорожной службой.',
      'The bridge connects the Osh–Sary-Tash highway with three villages. Children reach school, patients reach hospital and farmers reach market across it. The project is agreed with the district road service.'),
  }),
  makeProject({
    n: 35, slug: 'alai-mountain-honey-cooperative', status: 'published', org: 'org-osh-alai-gulcha',
    settlement: ['Гүлчө айылы', 'село Гульча', 'Gulcha village'], sector: 'agriculture', kind: 'business',
    pledgeTypes: ['loan', 'equity', 'donation'],
    goalSom: 750_000, plan: [60, 0, 40, 0], raisedPct: 97, pledgedPct: 100, supporters: 68, minimumPledgeSom: 1_000,
    beneficiaries: 45, jobs: 8, created: '2026-08-01', published: '2026-08-28', deadline: '2027-01-31',
    milestones: [['equipment', '2027-03-31', 70], ['marketing', '2027-09-30', 30]],
    title: L('Алай тоо балы: балчылар кооперативи', 'Алайский горный мёд: кооператив пчеловодов', 'Alai mountain honey: a beekeepers’ cooperative'),
    summary: L(
      'Гүлчөнүн 15 балчысы 300 жаңы уюк, бал сыгуучу жабдуу жана лабораториялык текшерүү үчүн каражат чогултат.',
      '15 пчеловодов Гульчи собирают средства на 300 новых ульев, медогонку и лабораторные анализы.',
      'Fifteen beekeepers in Gulcha are raising money for 300 new hives, an extractor and laboratory testing.'),
    description: L(
      'Алай тоолорундагы эспарцет жана тоо чөптөрүнүн балы өзгөчө бааланат. Кооператив балды сертификаттап, бирдиктүү этикетка менен Ош жана Бишкек дүкөндөрүнө сатат. Насыя эки жылдын ичинде сатуудан түшкөн каражаттан кайтарылат.',
      'Мёд с эспарцета и горных трав Алая особенно ценится. Кооператив сертифицирует мёд и продаёт его под единой этикеткой в магазины Оша и Бишкека. Заём возвращается из выручки в течение двух лет.',
      'Honey from sainfoin and the mountain herbs of Alai is highly prized. The cooperative will certify its honey and sell it under one label to shops in Osh and Bishkek. Loans are repaid from sales within two years.'),
  }),
  makeProject({
    n: 36, slug: 'uzgen-year-round-greenhouse', status: 'submitted', org: 'org-osh-uzgen-rayon',
    settlement: ['Өзгөн шаары', 'город Узген', 'Uzgen town'], sector: 'agriculture', kind: 'business',
    goalSom: 9_000_000, plan: [50, 0, 50, 0], raisedPct: 0, pledgedPct: 0, supporters: 0, minimumPledgeSom: 10_000,
    beneficiaries: 40, jobs: 40, created: '2026-10-25', published: null, updated: '2026-11-19', deadline: '2027-08-31',
    milestones: [['works', '2027-10-31', 60], ['equipment', '2027-12-31', 40]],
    title: { ky: 'Өзгөндө жыл бою иштей турган күнөскана комплекси', en: 'A year-round greenhouse complex in Uzgen' },
    summary: {
      ky: 'Бир гектар аянттагы күнөсканада кышында да помидор жана бадыраң өстүрүлөт.',
      en: 'A one-hectare greenhouse growing tomatoes and cucumbers through the winter.',
    },
    description: {
      ky: 'Күнөскана жер жылуулугун пайдаланган насос менен жылытылып, 40 жумуш орду түзүлөт. Продукция Ош базарларына жеткирилет.',
      en: 'The greenhouse is heated by a ground-source heat pump and creates 40 jobs. The produce goes to the markets of Osh.',
    },
  }),
  makeProject({
    n: 37, slug: 'myrza-ake-rural-health-post', status: 'in_progress', org: 'org-osh-uzgen-rayon',
    settlement: ['Мырза-Аке айылы', 'село Мырза-Аке', 'Myrza-Ake village'], sector: 'health', kind: 'community',
    goalSom: 1_600_000, plan: [50, 20, 30, 0], raisedPct: 108, pledgedPct: 108, supporters: 196,
    beneficiaries: 8_500, jobs: 3, created: '2026-02-22', published: '2026-03-18', updated: '2026-11-09', deadline: '2026-07-31',
    milestones: [['works', '2026-10-15', 60], ['equipment', '2026-12-15', 30], ['training', '2027-01-31', 10]],
    title: L('Мырза-Акеде ФАПтын жаңы имараты', 'Новое здание ФАПа в Мырза-Аке', 'A new building for the Myrza-Ake rural health post'),
    summary: L(
      'Фельдшердик-акушердик пункт жеке үйдүн эки бөлмөсүндө иштеп келген. Азыр суу, жылытуу жана даараткана менен жабдылган жаңы имарат курулуп жатат.',
      'Фельдшерско-акушерский пункт ютился в двух комнатах частного дома. Сейчас строится новое здание с водой, отоплением и санузлом.',
      'The rural health post used to work out of two rooms in a private house. A new building with water, heating and a toilet is now being built.'),
    description: L(
      'Пункт 8 500 тургунду, анын ичинде 1 900 баланы тейлейт. Дубалдары жана чатыры бүттү, азыр ички иштер жүрүп жатат; эмдөө кабинети жана дары сактоочу муздаткыч жаңы жылга чейин орнотулат. Ар бир этап боюнча сүрөттүү отчеттор долбоордун барагында жарыяланат.',
      'Пункт обслуживает 8 500 жителей, в том числе 1 900 детей. Стены и кровля готовы, идут внутренние работы; прививочный кабинет и холодильник для лекарств установят до Нового года. Фотоотчёты по каждому этапу публикуются на странице проекта.',
      'The post serves 8,500 people, including 1,900 children. The walls and roof are done and interior work is under way; a vaccination room and a medicine fridge will be installed before the New Year. Photo reports on every stage are published on the project page.'),
  }),
  // ---------------------------------------------------------------- Osh city
  makeProject({
    n: 38, slug: 'osh-women-embroidery-workshop', status: 'published', org: 'org-osh-city',
    sector: 'business', kind: 'business',
    goalSom: 1_000_000, plan: [60, 0, 40, 0], raisedPct: 33, pledgedPct: 39, supporters: 29, minimumPledgeSom: 2_000,
    beneficiaries: 40, jobs: 20, created: '2026-04-15', published: '2026-05-07', deadline: '2027-03-31',
    milestones: [['premises', '2027-04-30', 30], ['equipment', '2027-06-30', 50], ['marketing', '2027-09-30', 20]],
    title: L('Оштогу аялдардын саймачылык устаканасы', 'Мастерская вышивки для женщин Оша', 'An embroidery workshop for the women of Osh'),
    summary: L(
      'Улуттук сайма, сюзане жана заманбап кийимдерди тиккен устакана 20 аялга туруктуу киреше берет.',
      'Мастерская национальной вышивки, сюзане и современной одежды даст стабильный доход 20 женщинам.',
      'A workshop making traditional embroidery, suzani and modern clothing will give 20 women a steady income.'),
    description: L(
      'Катышуучулардын көбү — жалгыз бой энелер жана күйөөсү чет өлкөдө иштеген аялдар. Устакана компьютердик сайма машинасын сатып алып, буюмдарды Ош базарларында жана онлайн сатат. Салымдар үлүш же пайызсыз насыя түрүндө кабыл алынат.',
      'Большинство участниц — матери-одиночки и женщины, чьи мужья работают за рубежом. Мастерская купит вышивальную машину с компьютерным управлением и будет продавать изделия на рынках Оша и онлайн. Вклады принимаются в виде доли или беспроцентного займа.',
      'Most participants are single mothers and women whose husbands work abroad. The workshop will buy a computerised embroidery machine and sell its products in Osh’s markets and online. Contributions are accepted as equity or as interest-free loans.'),
  }),
  makeProject({
    n: 39, slug: 'osh-school-15-windows-and-insulation', status: 'completed', org: 'org-osh-city',
    sector: 'energy', kind: 'community',
    goalSom: 2_200_000, plan: [50, 20, 30, 0], raisedPct: 100, pledgedPct: 100, supporters: 189,
    beneficiaries: 1_450, jobs: 0, created: '2026-01-08', published: '2026-02-02', updated: '2026-09-20', deadline: '2026-05-31',
    milestones: [['materials', '2026-06-20', 50], ['works', '2026-08-25', 50]],
    title: L('Ош шаарындагы №15 мектепти жылуулоо жана терезелерин алмаштыруу', 'Утепление и замена окон в школе № 15 города Ош', 'New windows and insulation for School No. 15 in Osh'),
    summary: L(
      '1 450 окуучу окуган мектепте 320 терезе алмаштырылып, фасады жылуулоочу материал менен капталды. Кышкы жылытуу чыгымы 35%га азаят деп күтүлүүдө.',
      'В школе, где учатся 1 450 детей, заменили 320 окон и утеплили фасад. Ожидается, что расходы на отопление зимой снизятся на 35%.',
      'At a school with 1,450 pupils, 320 windows were replaced and the façade insulated. Winter heating costs are expected to fall by 35%.'),
    description: L(
      'Мурда кышында класстардагы температура 14 градустан ашчу эмес, балдар сырт кийимчен отурушчу. Иштер жайкы каникулда аткарылып, мектеп 1-сентябрда жылуу класстар менен ачылды. Үнөмдөлгөн каражат мектептин китепканасын толуктоого жумшалат.',
      'Раньше зимой в классах было не выше 14 градусов, дети сидели в верхней одежде. Работы выполнили во время летних каникул, и 1 сентября школа открылась с тёплыми классами. Сэкономленные средства пойдут на пополнение школьной библиотеки.',
      'Classrooms used to be no warmer than 14 °C in winter, and children sat in their coats. The work was done during the summer holidays, and on 1 September the school opened with warm classrooms. The money saved will go to the school library.'),
  }),
];
