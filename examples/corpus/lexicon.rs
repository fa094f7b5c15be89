//! The words the corpus is made of, in French and in Arabic: themes, organisation names,
//! headings and sentence templates. Both languages are written, not transliterated: the
//! Arabic is Modern Standard Arabic as written in Morocco (شتنبر, المقاولات الناشئة).
//!
//! Templates hold placeholders that [`crate::text`] fills:
//!
//! | placeholder | French | Arabic |
//! | --- | --- | --- |
//! | `{P}`, `{P2}` | a partner, with its article (`l'Université Atlas`) | `جامعة أطلس` |
//! | `{R}` | a region (`la région de l'Oriental`) | `جهة الشرق` |
//! | `{C}` | the region's capital | |
//! | `{T}`, `{T2}` | a theme (`la santé numérique`) | `الصحة الرقمية` |
//! | `{PR}` | a programme (`la stratégie Maroc Digital 2030`) | |
//! | `{N}` | a head count, `{M}` millions of dirhams, `{Y}` a year, `{n}` 3 to 9 | |
//! | `{FEW}` | `une vingtaine` | `نحو عشرين` |
//!
//! Arabic templates avoid verbs whose gender would depend on the partner (a company is
//! feminine, a bank masculine): they use the passive, a plural subject or a noun phrase.

/// A subject articles, agreements and sources are about.
pub struct Theme {
    /// ASCII words for slugs.
    pub key: &'static str,
    /// The agreement theme of marsad's vocabulary it falls under.
    pub vocabulary: &'static str,
    /// As written in French running text, with its article.
    pub fr: &'static str,
    /// As written in Arabic running text (a noun phrase, so that `ب{T}` reads right).
    pub ar: &'static str,
}

pub const THEMES: &[Theme] = &[
    Theme {
        key: "competences-donnees",
        vocabulary: "skills",
        fr: "la formation aux métiers de la donnée",
        ar: "التكوين في مهن البيانات",
    },
    Theme {
        key: "centres-de-donnees",
        vocabulary: "data-centres",
        fr: "les centres de données alimentés par les énergies renouvelables",
        ar: "مراكز البيانات العاملة بالطاقات المتجددة",
    },
    Theme {
        key: "services-publics",
        vocabulary: "public-services",
        fr: "la numérisation des services publics",
        ar: "رقمنة الخدمات العمومية",
    },
    Theme {
        key: "agriculture-precision",
        vocabulary: "agriculture",
        fr: "l'agriculture de précision",
        ar: "الفلاحة الدقيقة",
    },
    Theme {
        key: "modeles-de-langue",
        vocabulary: "languages",
        fr: "les modèles de langue en arabe et en amazighe",
        ar: "النماذج اللغوية باللغتين العربية والأمازيغية",
    },
    Theme {
        key: "start-up",
        vocabulary: "startups",
        fr: "l'accompagnement des jeunes pousses",
        ar: "المواكبة المخصصة للمقاولات الناشئة",
    },
    Theme {
        key: "sante-numerique",
        vocabulary: "health",
        fr: "la santé numérique",
        ar: "الصحة الرقمية",
    },
    Theme {
        key: "recherche-appliquee",
        vocabulary: "research",
        fr: "la recherche appliquée",
        ar: "البحث التطبيقي",
    },
    Theme {
        key: "cybersecurite",
        vocabulary: "infrastructure",
        fr: "la cybersécurité",
        ar: "الأمن السيبراني",
    },
    Theme {
        key: "inclusion-rurale",
        vocabulary: "rural-inclusion",
        fr: "l'inclusion numérique en milieu rural",
        ar: "الإدماج الرقمي في العالم القروي",
    },
    Theme {
        key: "gestion-eau",
        vocabulary: "agriculture",
        fr: "la gestion de l'eau",
        ar: "التدبير الذكي للموارد المائية",
    },
    Theme {
        key: "tourisme",
        vocabulary: "tourism",
        fr: "le tourisme intelligent",
        ar: "السياحة الذكية",
    },
    Theme {
        key: "education",
        vocabulary: "education",
        fr: "l'enseignement du numérique à l'école",
        ar: "التعليم الرقمي في المدرسة",
    },
    Theme {
        key: "souverainete",
        vocabulary: "sovereignty",
        fr: "la souveraineté des données",
        ar: "السيادة على المعطيات",
    },
    Theme {
        key: "villes-intelligentes",
        vocabulary: "infrastructure",
        fr: "les villes intelligentes",
        ar: "المدن الذكية",
    },
    Theme {
        key: "emploi-jeunes",
        vocabulary: "employment",
        fr: "l'emploi des jeunes diplômés",
        ar: "التشغيل لفائدة الشباب حاملي الشهادات",
    },
    Theme {
        key: "finance-inclusive",
        vocabulary: "finance",
        fr: "la finance inclusive",
        ar: "التمويل الدامج",
    },
    Theme {
        key: "reseaux-5g",
        vocabulary: "telecoms",
        fr: "le déploiement des réseaux 5G",
        ar: "النشر الواسع لشبكات الجيل الخامس",
    },
    Theme {
        key: "grands-evenements",
        vocabulary: "sport",
        fr: "l'organisation des grandes compétitions sportives",
        ar: "التنظيم الرقمي للتظاهرات الرياضية الكبرى",
    },
    Theme {
        key: "ethique",
        vocabulary: "ethics",
        fr: "l'usage éthique des algorithmes",
        ar: "الاستعمال الأخلاقي للخوارزميات",
    },
    Theme {
        key: "transition-energetique",
        vocabulary: "energy",
        fr: "la transition énergétique",
        ar: "الانتقال الطاقي",
    },
];

/// The first word of an organisation's name, in both languages.
pub struct Stem {
    pub slug: &'static str,
    pub fr: &'static str,
    pub ar: &'static str,
}

pub const STEMS: &[Stem] = &[
    Stem {
        slug: "atlas",
        fr: "Atlas",
        ar: "أطلس",
    },
    Stem {
        slug: "argane",
        fr: "Argane",
        ar: "أركان",
    },
    Stem {
        slug: "zellige",
        fr: "Zellige",
        ar: "زليج",
    },
    Stem {
        slug: "cedre",
        fr: "Cèdre",
        ar: "الأرز",
    },
    Stem {
        slug: "oasis",
        fr: "Oasis",
        ar: "الواحة",
    },
    Stem {
        slug: "toubkal",
        fr: "Toubkal",
        ar: "توبقال",
    },
    Stem {
        slug: "mogador",
        fr: "Mogador",
        ar: "موكادور",
    },
    Stem {
        slug: "volubilis",
        fr: "Volubilis",
        ar: "وليلي",
    },
    Stem {
        slug: "menara",
        fr: "Menara",
        ar: "المنارة",
    },
    Stem {
        slug: "sebou",
        fr: "Sebou",
        ar: "سبو",
    },
];

/// A kind of organisation and how its name is built from a stem (`{s}`).
pub struct OrganisationKind {
    /// marsad's partner kind.
    pub kind: &'static str,
    /// The slug, from the stem's slug.
    pub slug: &'static str,
    pub fr: &'static str,
    /// The French article before the name in running text (`l'`, `la `, or nothing).
    pub fr_article: &'static str,
    pub ar: &'static str,
    /// ISO country code, when the kind has one.
    pub country: Option<&'static str>,
    /// What the organisation is, for its description.
    pub fr_what: &'static str,
    pub ar_what: &'static str,
}

pub const ORGANISATION_KINDS: &[OrganisationKind] = &[
    OrganisationKind {
        kind: "company",
        slug: "{s}-donnees",
        fr: "{s} Données",
        fr_article: "",
        ar: "{s} للبيانات",
        country: Some("MA"),
        fr_what: "une entreprise marocaine spécialisée dans l'analyse de données",
        ar_what: "شركة مغربية متخصصة في تحليل البيانات",
    },
    OrganisationKind {
        kind: "company",
        slug: "{s}-robotique",
        fr: "{s} Robotique",
        fr_article: "",
        ar: "{s} للروبوتات",
        country: Some("FR"),
        fr_what: "une entreprise franco-marocaine de robotique industrielle",
        ar_what: "شركة فرنسية مغربية في مجال الروبوتات الصناعية",
    },
    OrganisationKind {
        kind: "university",
        slug: "universite-{s}",
        fr: "Université {s}",
        fr_article: "l'",
        ar: "جامعة {s}",
        country: Some("MA"),
        fr_what: "un établissement d'enseignement supérieur et de recherche",
        ar_what: "مؤسسة للتعليم العالي والبحث العلمي",
    },
    OrganisationKind {
        kind: "initiative",
        slug: "initiative-{s}-ia",
        fr: "Initiative {s} pour l'IA",
        fr_article: "l'",
        ar: "مبادرة {s} للذكاء الاصطناعي",
        country: None,
        fr_what: "un réseau associatif qui réunit chercheurs, entrepreneurs et administrations",
        ar_what: "شبكة جمعوية تجمع الباحثين والمقاولين والإدارات",
    },
    OrganisationKind {
        kind: "bank",
        slug: "banque-{s}",
        fr: "Banque {s}",
        fr_article: "la ",
        ar: "بنك {s}",
        country: Some("MA"),
        fr_what: "un établissement bancaire qui finance des projets numériques",
        ar_what: "مؤسسة بنكية تمول مشاريع رقمية",
    },
    OrganisationKind {
        kind: "business-association",
        slug: "federation-{s}-numerique",
        fr: "Fédération {s} du numérique",
        fr_article: "la ",
        ar: "اتحاد {s} لمقاولات القطاع الرقمي",
        country: Some("MA"),
        fr_what: "une organisation professionnelle des entreprises du numérique",
        ar_what: "هيئة مهنية تضم مقاولات القطاع الرقمي",
    },
    OrganisationKind {
        kind: "public-institution",
        slug: "agence-{s}-numerique",
        fr: "Agence {s} de développement numérique",
        fr_article: "l'",
        ar: "وكالة {s} للتنمية الرقمية",
        country: Some("MA"),
        fr_what: "un établissement public chargé d'accompagner les projets numériques",
        ar_what: "مؤسسة عمومية مكلفة بمواكبة المشاريع الرقمية",
    },
    OrganisationKind {
        kind: "international-organisation",
        slug: "fonds-{s}-innovation",
        fr: "Fonds {s} pour l'innovation",
        fr_article: "le ",
        ar: "صندوق {s} للابتكار",
        country: None,
        fr_what: "un fonds international qui soutient l'innovation en Afrique",
        ar_what: "صندوق دولي يدعم الابتكار في إفريقيا",
    },
];

/// The role of a partner in a project, for tables.
pub const ROLES: &[(&str, &str)] = &[
    ("coordination", "التنسيق"),
    ("financement", "التمويل"),
    ("formation", "التكوين"),
    ("recherche", "البحث"),
    ("hébergement des données", "استضافة المعطيات"),
    ("expertise technique", "الخبرة التقنية"),
];

/// The kind of a partner as a table shows it.
pub fn kind_label(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "company" => ("entreprise", "شركة"),
        "university" => ("université", "جامعة"),
        "initiative" => ("initiative", "مبادرة"),
        "bank" => ("banque", "بنك"),
        "business-association" => ("organisation professionnelle", "هيئة مهنية"),
        "public-institution" => ("établissement public", "مؤسسة عمومية"),
        _ => ("organisation internationale", "منظمة دولية"),
    }
}

/// The five programmes of the real observatory: slug, names, and how running text names them.
pub struct ProgrammeName {
    pub slug: &'static str,
    pub fr: &'static str,
    pub ar: &'static str,
    pub fr_text: &'static str,
    pub ar_text: &'static str,
}

pub const PROGRAMMES: &[ProgrammeName] = &[
    ProgrammeName {
        slug: "digital-morocco-2030",
        fr: "Maroc Digital 2030",
        ar: "المغرب الرقمي 2030",
        fr_text: "la stratégie Maroc Digital 2030",
        ar_text: "استراتيجية «المغرب الرقمي 2030»",
    },
    ProgrammeName {
        slug: "jazari-root",
        fr: "Jazari Root",
        ar: "شبكة الجزري روت (Jazari Root)",
        fr_text: "le réseau Jazari Root",
        ar_text: "شبكة «الجزري روت»",
    },
    ProgrammeName {
        slug: "dakhla-data-centre",
        fr: "Centre de données public de Dakhla",
        ar: "مركز البيانات العمومي بالداخلة",
        fr_text: "le centre de données public de Dakhla",
        ar_text: "مركز البيانات العمومي بالداخلة",
    },
    ProgrammeName {
        slug: "venture-building-fund",
        fr: "Fonds de 700 millions de dirhams pour le « venture building »",
        ar: "صندوق بقيمة 700 مليون درهم لـ«بناء المقاولات الناشئة» (venture building)",
        fr_text: "le fonds de 700 millions de dirhams",
        ar_text: "صندوق الـ700 مليون درهم",
    },
    ProgrammeName {
        slug: "5g-network",
        fr: "Déploiement de la 5G",
        ar: "نشر شبكة الجيل الخامس (5G)",
        fr_text: "le déploiement de la 5G",
        ar_text: "مشروع نشر شبكة الجيل الخامس",
    },
];

/// Publishers of the generated sources (fictional), with the language they write in.
pub const PUBLISHERS: &[(&str, &str)] = &[
    ("Le Courrier numérique", "fr"),
    ("الأفق الرقمي", "ar"),
    ("L'Écho des régions", "fr"),
    ("صدى الجهات", "ar"),
    ("La Revue marocaine de l'innovation", "fr"),
    ("مجلة الابتكار المغربية", "ar"),
    ("Dépêches du Maghreb numérique", "fr"),
    ("أخبار التحول الرقمي", "ar"),
];

/// Kinds of events: name templates in both languages (`{C}` the city).
pub const EVENT_KINDS: &[(&str, &str, &str)] = &[
    (
        "forum",
        "Forum régional de l'intelligence artificielle à {C}",
        "المنتدى الجهوي للذكاء الاصطناعي ب{C}",
    ),
    (
        "journees",
        "Journées de l'innovation numérique à {C}",
        "أيام الابتكار الرقمي ب{C}",
    ),
    (
        "salon",
        "Salon des jeunes pousses de l'IA à {C}",
        "معرض المقاولات الناشئة في الذكاء الاصطناعي ب{C}",
    ),
    (
        "rencontres",
        "Rencontres régionales de la donnée à {C}",
        "الملتقى الجهوي للبيانات ب{C}",
    ),
];

/// Section headings, distinct within an article.
pub const HEADINGS_FR: &[&str] = &[
    "Le contexte",
    "Ce qui a été annoncé",
    "Les acteurs en présence",
    "Les chiffres avancés",
    "Ce que disent les sources",
    "Les questions en suspens",
    "Le calendrier",
    "Les enjeux pour la région",
    "Le financement",
    "La formation des talents",
    "Les prochaines étapes",
    "Ce qu'il faut retenir",
];

pub const HEADINGS_AR: &[&str] = &[
    "السياق",
    "ما الذي أُعلن عنه",
    "الفاعلون المعنيون",
    "الأرقام المتداولة",
    "ما تقوله المصادر",
    "الأسئلة المعلقة",
    "الجدول الزمني",
    "الرهانات بالنسبة إلى الجهة",
    "التمويل",
    "تكوين الكفاءات",
    "الخطوات المقبلة",
    "ما ينبغي الاحتفاظ به",
];

/// Sentences of running text.
pub const SENTENCES_FR: &[&str] = &[
    "{P} a présenté à {C} un projet consacré à {T}, avec l'appui des autorités de {R}.",
    "Selon les responsables du projet, près de {N} jeunes devraient bénéficier d'une formation d'ici {Y}.",
    "{PR} fait de {T} l'une de ses priorités pour les années à venir.",
    "Les acteurs locaux insistent sur la nécessité d'associer les universités et les entreprises de {R}.",
    "Aucun calendrier précis n'a été communiqué, mais une première phase est annoncée pour {Y}.",
    "{P} et {P2} ont convenu de mettre en commun leurs équipes pour travailler sur {T}.",
    "Le budget évoqué s'élève à {M} millions de dirhams, un montant que les sources ne détaillent pas.",
    "Cette annonce intervient alors que la demande en compétences numériques progresse rapidement dans {R}.",
    "Plusieurs observateurs rappellent que {T} suppose des infrastructures fiables et des données de qualité.",
    "À {C}, les premiers ateliers ont réuni des chercheurs, des ingénieurs et des représentants de l'administration.",
    "Le projet prévoit aussi la création de {n} laboratoires communs et d'un programme de bourses.",
    "Les documents disponibles ne précisent ni les critères de sélection ni le nombre exact de bénéficiaires.",
    "Pour {P}, l'enjeu est de former des profils capables d'adapter les modèles d'intelligence artificielle aux besoins locaux.",
    "La coopération devrait s'étendre progressivement à d'autres villes du Royaume.",
    "Les élus de {R} y voient un levier pour attirer des investissements et retenir les talents.",
    "En {Y}, une évaluation intermédiaire doit mesurer les résultats obtenus et ajuster les objectifs.",
    "L'observatoire n'a pas trouvé de trace d'un texte officiel publié sur ce point.",
    "Les données collectées seront hébergées au Maroc, conformément aux exigences de souveraineté rappelées par le ministère.",
    "Des incubateurs accompagnent déjà {FEW} de jeunes pousses spécialisées dans {T}.",
    "Le partenariat porte également sur l'échange d'experts et l'organisation de formations certifiantes.",
    "{R} compte plusieurs écoles d'ingénieurs dont les diplômés pourraient rejoindre ces projets.",
    "Les entreprises de {C} se disent prêtes à tester ces outils dans leurs propres services.",
    "Le volet consacré à {T2} reste, à ce stade, le moins documenté.",
    "D'après les chiffres cités, {N} emplois directs pourraient être créés.",
    "Les sources consultées divergent sur la date de lancement effective.",
    "Un comité de pilotage réunissant {P} et les services de l'État doit se réunir chaque trimestre.",
    "Cette initiative s'inscrit dans la continuité des engagements pris lors des rencontres nationales sur l'intelligence artificielle.",
    "Les collectivités territoriales devraient jouer un rôle important dans le déploiement des services.",
    "Il reste à savoir comment ces engagements seront financés dans la durée.",
    "Les porteurs du projet promettent de publier régulièrement des indicateurs de suivi.",
    "{P2} apporte son expertise sur {T2}, un domaine où les compétences restent rares.",
    "Les associations de la société civile demandent davantage de transparence sur l'usage des données personnelles.",
    "Le lien entre ce projet et {PR} est affirmé, sans que les montants engagés soient précisés.",
    "Plusieurs établissements de {C} ont ouvert des filières consacrées à {T}.",
    "Les premiers résultats devraient être présentés au public avant la fin de {Y}.",
    "Selon un responsable cité par la presse, {N} dossiers de candidature ont déjà été déposés.",
];

pub const SENTENCES_AR: &[&str] = &[
    "جرى في {C} تقديم مشروع يهم {T} بمبادرة من {P}، بدعم من سلطات {R}.",
    "وبحسب المسؤولين عن المشروع، يُنتظر أن يستفيد نحو {N} شاب وشابة من التكوين في أفق سنة {Y}.",
    "ويضع القائمون على {PR} {T} ضمن أولوياتهم خلال السنوات المقبلة.",
    "ويؤكد الفاعلون المحليون ضرورة إشراك الجامعات والمقاولات في {R}.",
    "ولم يُعلن عن جدول زمني دقيق، غير أن مرحلة أولى مرتقبة في سنة {Y}.",
    "واتفق الطرفان، {P} و{P2}، على تجميع فرقهما للعمل على {T}.",
    "وتبلغ الميزانية المذكورة {M} مليون درهم، وهو مبلغ لا تفصّل المصادر أوجه صرفه.",
    "ويأتي هذا الإعلان في وقت يتزايد فيه الطلب على الكفاءات الرقمية بسرعة في {R}.",
    "ويذكّر عدد من المتابعين بأن العمل على {T} يتطلب بنيات تحتية موثوقة ومعطيات ذات جودة.",
    "وفي {C}، جمعت الورشات الأولى باحثين ومهندسين وممثلين عن الإدارة.",
    "ويتضمن المشروع كذلك إحداث {n} مختبرات مشتركة وبرنامج للمنح الدراسية.",
    "ولا تحدد الوثائق المتاحة معايير الانتقاء ولا العدد الدقيق للمستفيدين.",
    "ويرى مسؤولو {P} أن الرهان يتمثل في تكوين كفاءات قادرة على تكييف نماذج الذكاء الاصطناعي مع الحاجات المحلية.",
    "ومن المنتظر أن يتسع هذا التعاون تدريجيا ليشمل مدنا أخرى في المملكة.",
    "ويرى المنتخبون في {R} في ذلك رافعة لجذب الاستثمارات والحفاظ على الكفاءات.",
    "وفي سنة {Y}، يُرتقب إجراء تقييم مرحلي لقياس النتائج المحققة وتعديل الأهداف.",
    "ولم يعثر المرصد على أثر لنص رسمي منشور في هذا الشأن.",
    "وستُستضاف المعطيات المجمّعة داخل المغرب، وفق متطلبات السيادة التي ذكّرت بها الوزارة.",
    "وتواكب حاضنات المقاولات حاليا {FEW} من المقاولات الناشئة المتخصصة في {T}.",
    "وتشمل الشراكة أيضا تبادل الخبراء وتنظيم دورات تكوينية معتمدة.",
    "وتضم {R} عدة مدارس للمهندسين يمكن أن يلتحق خريجوها بهذه المشاريع.",
    "وتبدي مقاولات {C} استعدادها لتجربة هذه الأدوات في مصالحها الخاصة.",
    "ويبقى الشق المتعلق ب{T2} الأقل توثيقا إلى حد الآن.",
    "وتشير الأرقام المتداولة إلى إمكانية إحداث {N} منصب شغل مباشر.",
    "وتتباين المصادر التي اطلع عليها المرصد بشأن التاريخ الفعلي للانطلاق.",
    "ومن المقرر أن تجتمع كل ثلاثة أشهر لجنة قيادة تضم {P} ومصالح الدولة.",
    "وتندرج هذه المبادرة في سياق الالتزامات التي أُعلن عنها خلال اللقاءات الوطنية حول الذكاء الاصطناعي.",
    "ويُنتظر أن تضطلع الجماعات الترابية بدور مهم في نشر هذه الخدمات.",
    "ويبقى السؤال مطروحا حول كيفية تمويل هذه الالتزامات على المدى البعيد.",
    "ويتعهد حاملو المشروع بنشر مؤشرات التتبع بانتظام.",
    "ويساهم خبراء {P2} في {T2}، وهو مجال لا تزال الكفاءات فيه نادرة.",
    "وتطالب جمعيات المجتمع المدني بمزيد من الشفافية في استعمال المعطيات الشخصية.",
    "ويُؤكَّد ارتباط هذا المشروع ب{PR}، دون تحديد المبالغ المرصودة له.",
    "وفتحت عدة مؤسسات في {C} مسالك دراسية في مجال {T}.",
    "ومن المرتقب أن تُعرض النتائج الأولى على العموم قبل نهاية سنة {Y}.",
    "وحسب مسؤول نقلت عنه الصحافة، فقد أُودع حتى الآن {N} ملف ترشيح.",
];

/// Head counts of a few dozen, for `{FEW}`.
pub const FEW_FR: &[&str] = &[
    "une dizaine",
    "une vingtaine",
    "une trentaine",
    "une quarantaine",
];
pub const FEW_AR: &[&str] = &["نحو عشر", "نحو عشرين", "نحو ثلاثين", "نحو أربعين"];

/// Article titles.
pub const TITLES_FR: &[&str] = &[
    "{T} : {P} s'engage dans {R}",
    "{R} mise sur {T}",
    "À {C}, {T} au cœur d'un nouveau partenariat",
    "Ce que prévoit l'accord entre {P} et {P2}",
    "{P} et {T} : un premier bilan à {C}",
    "{T} : où en sont les projets annoncés à {C} ?",
];

pub const TITLES_AR: &[&str] = &[
    "{T}: انخراط {P} في مشاريع {R}",
    "{R} تراهن على {T}",
    "في {C}، {T} في صلب شراكة جديدة",
    "ماذا يتضمن الاتفاق بين {P} و{P2}؟",
    "{P} و{T}: حصيلة أولى في {C}",
    "{T}: أين وصلت المشاريع المعلنة في {C}؟",
];

/// Article summaries.
pub const SUMMARIES_FR: &[&str] = &[
    "Ce que l'on sait des projets annoncés par {P} autour de {T} dans {R}, et ce que les sources laissent dans l'ombre.",
    "À {C}, {P} et ses partenaires annoncent des projets consacrés à {T}. Les montants et le calendrier restent flous.",
    "Un point sur {T} dans {R} : les acteurs, les chiffres avancés et les questions en suspens.",
];

pub const SUMMARIES_AR: &[&str] = &[
    "ما نعرفه عن انخراط {P} في {T} في {R}، وما تتركه المصادر دون جواب.",
    "في {C}، أُعلن عن مشاريع تهم {T} بمشاركة {P} وشركاء آخرين، بينما تبقى المبالغ والآجال غير واضحة.",
    "نظرة على {T} في {R}: الفاعلون والأرقام المتداولة والأسئلة المعلقة.",
];

/// Sentences that introduce what follows them.
pub struct Lead {
    pub list: &'static str,
    pub table: &'static str,
    pub code: &'static str,
    pub source: &'static str,
    pub related: &'static str,
    pub list_clauses: &'static [&'static str],
    pub event: (&'static str, &'static str),
    pub mou: (&'static str, &'static str),
    pub table_years: [&'static str; 3],
    pub table_partners: [&'static str; 3],
    pub code_comment: &'static str,
}

pub const LEAD_FR: Lead = Lead {
    list: "Les axes annoncés sont les suivants :",
    table: "Le tableau ci-dessous reprend les chiffres cités par les sources.",
    code: "Les données publiées peuvent être résumées ainsi :",
    source: "source",
    related: "Sur le même sujet, lire aussi ",
    list_clauses: &[
        "un volet de formation",
        "des projets pilotes",
        "un appel à projets",
        "un suivi annuel",
        "des bourses de recherche",
        "un laboratoire commun",
    ],
    event: ("Le sujet a aussi été abordé lors de l'événement « ", " »."),
    mou: ("L'accord correspondant est décrit dans ", "."),
    table_years: ["Année", "Projets annoncés", "Personnes formées"],
    table_partners: ["Partenaire", "Type", "Rôle"],
    code_comment: "Progression du nombre de personnes formées",
};

pub const LEAD_AR: Lead = Lead {
    list: "وتتمثل المحاور المعلنة فيما يلي:",
    table: "ويعرض الجدول التالي الأرقام التي أوردتها المصادر.",
    code: "ويمكن تلخيص المعطيات المنشورة على النحو التالي:",
    source: "المصدر",
    related: "وللمزيد حول الموضوع نفسه، اقرأ أيضا: ",
    list_clauses: &[
        "شق للتكوين",
        "مشاريع نموذجية",
        "طلب مشاريع",
        "تتبع سنوي",
        "منح للبحث",
        "مختبر مشترك",
    ],
    event: ("وقد نوقش الموضوع أيضا خلال «", "»."),
    mou: ("وتعرض بطاقة ", " تفاصيل الاتفاق المعني."),
    table_years: ["السنة", "المشاريع المعلنة", "الأشخاص المكوَّنون"],
    table_partners: ["الشريك", "الصنف", "الدور"],
    code_comment: "تطور عدد الأشخاص المكوَّنين",
};
