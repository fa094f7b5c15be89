# Interface strings — Arabic (Modern Standard Arabic as written in Morocco).
# Every message here must also exist in fr.ftl. Counts use all six CLDR plural
# categories: zero (0), one (1), two (2), few (3–10), many (11–99), other (100+).

## Site
site-description = مرصد مستقل لاستراتيجية المغرب في مجال الذكاء الاصطناعي: البرامج والاتفاقيات والشركاء والجهات، مع الإحالة على المصادر.
home-lead = المغرب الرقمي 2030، وشبكة «الجزري روت»، والاتفاقيات مع Mistral AI وبرنامج الأمم المتحدة الإنمائي وCurrent AI وغيرها: ما يعلنه المغرب في مجال الذكاء الاصطناعي، جهةً جهةً، مع مصدر كل معلومة.
skip-to-content = الانتقال إلى المحتوى
footer-about = يتتبع «مرصد» استراتيجية المغرب في الذكاء الاصطناعي انطلاقًا من مصادر عمومية، مع الإحالة عليها جميعًا.
footer-sources = عرض المصادر
footer-all-languages = كل اللغات
heading-anchor = رابط إلى هذا القسم
chooser-enter = الدخول بالعربية

## Languages
language-name = العربية
language-fr = الفرنسية
language-ar = العربية
language-switcher-label = اللغة
translation-unavailable = لا توجد نسخة عربية
only-in-language = متوفر باللغة { $language } فقط
article-not-translated = هذا المقال غير متوفر بعدُ باللغة { $language }.

## Navigation
nav-label = التصفح الرئيسي
nav-home = الرئيسية
nav-articles = المقالات
nav-regions = الجهات
nav-partners = الشركاء
nav-mous = الاتفاقيات
nav-programmes = البرامج
nav-events = الفعاليات
nav-sources = المصادر

## Feeds (the title of a region's or partner's feed)
feed-of = { $name } · { $site }

## Search (the search page and the box in the header)
search-title = البحث
search-lead = ابحث في مقالات المرصد وجهاته وشركائه واتفاقياته وبرامجه وفعالياته، باللغة العربية.
search-label = البحث في المرصد
search-placeholder = ابحث…
search-submit = بحث
search-searching = جارٍ البحث…
search-results = النتائج:
search-none = لا توجد نتائج. جرّب كلمة أخرى أو صيغة أقصر.
search-failed = تعذّر تحميل البحث. أعد المحاولة لاحقًا.
search-more = نتائج أخرى
search-needs-javascript = يحتاج البحث إلى JavaScript. يمكنك أيضًا تصفح المقالات والجهات والشركاء من القائمة.
pagination-label = التنقل بين الصفحات
previous-page = الصفحة السابقة
next-page = الصفحة التالية
page-n = الصفحة { $number }
page-n-of-m = الصفحة { $current } من { $total }
pagination-gap = …

## Counts
count-articles = { $count ->
    [zero] لا توجد مقالات
    [one] مقال واحد
    [two] مقالان
    [few] { $count } مقالات
    [many] { $count } مقالًا
   *[other] { $count } مقال
}
count-mous = { $count ->
    [zero] لا توجد اتفاقيات
    [one] اتفاقية واحدة
    [two] اتفاقيتان
    [few] { $count } اتفاقيات
    [many] { $count } اتفاقيةً
   *[other] { $count } اتفاقية
}
count-events = { $count ->
    [zero] لا توجد فعاليات
    [one] فعالية واحدة
    [two] فعاليتان
    [few] { $count } فعاليات
    [many] { $count } فعاليةً
   *[other] { $count } فعالية
}
count-partners = { $count ->
    [zero] لا يوجد شركاء
    [one] شريك واحد
    [two] شريكان
    [few] { $count } شركاء
    [many] { $count } شريكًا
   *[other] { $count } شريك
}
count-institutes = { $count ->
    [zero] لا توجد معاهد
    [one] معهد واحد
    [two] معهدان
    [few] { $count } معاهد
    [many] { $count } معهدًا
   *[other] { $count } معهد
}
count-sources = { $count ->
    [zero] لا توجد مصادر
    [one] مصدر واحد
    [two] مصدران
    [few] { $count } مصادر
    [many] { $count } مصدرًا
   *[other] { $count } مصدر
}
cited-by = { $count ->
    [zero] لم يُستشهد به في أي صفحة
    [one] استُشهد به في صفحة واحدة
    [two] استُشهد به في صفحتين
    [few] استُشهد به في { $count } صفحات
    [many] استُشهد به في { $count } صفحةً
   *[other] استُشهد به في { $count } صفحة
}

## Home
home-key-figures = أرقام رئيسية
home-latest-articles = أحدث المقالات
home-latest-mous = أحدث الاتفاقيات
all-articles = كل المقالات
all-mous = كل الاتفاقيات
by-deadline = في أفق

## Lists and pages
no-articles = لا توجد مقالات حتى الآن.
no-mous = لا توجد اتفاقيات مسجلة.
no-partners = لا يوجد شركاء مسجلون.
no-programmes = لا توجد برامج مسجلة.
no-institutes = لا يوجد معهد مسجل.
no-targets = لا تذكر المصادر أي هدف مرقّم.
none = لا شيء حتى الآن.
list-separator = ،{" "}
parties = الأطراف:
parties-heading = الأطراف
related = مواضيع ذات صلة
sources-cited = المصادر المعتمدة
updated-on = حُدِّث في
draft = مسودة
launched = الإطلاق:
themes = المحاور

## Regions
regions-lead = جهات المغرب ({ $count }) وما تذكره المصادر عن كل منها.
regions-table-caption = الجهات وعواصمها والأنشطة المرصودة
region = الجهة
capital = العاصمة
capital-is = العاصمة: { $city }
institutes = المعاهد
focus-areas = المجالات ذات الأولوية

## Agreements
mous-lead = الاتفاقيات ومذكرات التفاهم والمباحثات المرصودة، مرتبة ترتيبًا زمنيًا.

## Programmes
targets = الأهداف
targets-caption = الأهداف المعلنة: { $name }
target-label = الهدف
target-value = القيمة
target-deadline = الأجل
target-source = المصدر
target-qualitative = هدف نوعي
not-stated = غير محدد

## Sources
sources-lead = تحيل كل معلومة ينشرها المرصد على أحد هذه المصادر. أما العناوين الوصفية والملخصات فمن صياغة المرصد.
source-original-title = العنوان الأصلي
source-publisher = الناشر
source-author = الكاتب
source-date = التاريخ
source-language = اللغة
source-url = الرابط

## 404
not-found-title = الصفحة غير موجودة
not-found-text = هذه الصفحة غير موجودة أو نُقلت إلى عنوان آخر.

## Vocabulary: partner kinds
partner-kind-company = شركة
partner-kind-international-organisation = منظمة دولية
partner-kind-ministry = وزارة
partner-kind-public-institution = مؤسسة عمومية
partner-kind-university = جامعة
partner-kind-bank = بنك
partner-kind-initiative = مبادرة
partner-kind-business-association = منظمة مهنية
partner-kind-government = دولة

## Vocabulary: statuses
status-announced = معلن عنه
status-in-discussion = قيد المباحثات
status-in-negotiation = قيد التفاوض
status-signed = موقَّع
status-operating = قيد الاشتغال
status-position = موقف معلن

## Vocabulary: themes
theme-education = التعليم
theme-employment = التشغيل
theme-energy = الطاقة
theme-data-centres = مراكز البيانات
theme-rural-inclusion = الإدماج في العالم القروي
theme-research = البحث العلمي
theme-skills = الكفاءات
theme-ethics = الأخلاقيات
theme-infrastructure = البنيات التحتية
theme-startups = المقاولات الناشئة
theme-sovereignty = السيادة الرقمية
theme-public-services = الخدمات العمومية
theme-health = الصحة
theme-languages = اللغات
theme-sport = الرياضة
theme-telecoms = الاتصالات
theme-finance = المالية
theme-agriculture = الفلاحة
theme-tourism = السياحة

## Vocabulary: units (after a figure)
unit-jobs = { $count ->
    [zero] منصب شغل
    [one] منصب شغل
    [two] منصبا شغل
    [few] مناصب شغل
    [many] منصبَ شغل
   *[other] منصب شغل
}
unit-dirhams = { $count ->
    [zero] درهم
    [one] درهم
    [two] درهمان
    [few] دراهم
    [many] درهمًا
   *[other] درهم
}
unit-megawatts = ميغاواط
unit-regions = { $count ->
    [zero] جهة
    [one] جهة
    [two] جهتان
    [few] جهات
    [many] جهةً
   *[other] جهة
}
unit-institutes = { $count ->
    [zero] معهد
    [one] معهد
    [two] معهدان
    [few] معاهد
    [many] معهدًا
   *[other] معهد
}
unit-percent = %

## Countries
country-MA = المغرب
country-FR = فرنسا
country-US = الولايات المتحدة
country-CN = الصين

## Events
events-lead = مؤتمرات وقمم ولقاءات وُقّعت خلالها اتفاقيات أو أُعلنت فيها توجهات، مرتبة من الأقدم إلى الأحدث.
no-events = لا توجد فعاليات حتى الآن.
figures = أرقام
event-partners = المنظمون والمشاركون
event-mous = الاتفاقيات والمباحثات المرتبطة بالحدث
mous-identified = الاتفاقيات الموقعة المحددة في المصادر: { $identified } من أصل { $announced }
mous-unidentified = { $count ->
    [zero] تذكر المصادر الطرف الآخر في كل الاتفاقيات المعلن عنها.
    [one] لا تذكر المصادر الطرف الآخر في إحدى الاتفاقيات المعلن عنها.
    [two] لا تذكر المصادر الطرف الآخر في اتفاقيتين من الاتفاقيات المعلن عنها.
    [few] لا تذكر المصادر الطرف الآخر في { $count } من الاتفاقيات المعلن عنها.
    [many] لا تذكر المصادر الطرف الآخر في { $count } من الاتفاقيات المعلن عنها.
   *[other] لا تذكر المصادر الطرف الآخر في { $count } من الاتفاقيات المعلن عنها.
}
at-event = خلال:
page-updated-on = آخر تحديث:
events-held-here = فعاليات احتضنتها الجهة
mous-signed-here = اتفاقيات وُقّعت في الجهة
mous-concerning = اتفاقيات تخص الجهة
unknowns = ما لا تذكره المصادر
unit-agreements = { $count ->
    [zero] اتفاقية
    [one] اتفاقية
    [two] اتفاقيتان
    [few] اتفاقيات
    [many] اتفاقيةً
   *[other] اتفاقية
}

## marsad serve (never in the published site)
serve-problems = تعذّر بناء الموقع، وما تراه هو آخر نسخة بُنيت بنجاح. صحّح الأخطاء أدناه وستُعاد الصفحة تلقائياً.

## marsad new article: the comment above each key of a new article's front matter, and the
## note at the top of its text (an HTML comment, never published)
new-article-title = العنوان، بين علامتي التنصيص.
new-article-date = تاريخ الحدث الذي يتناوله المقال أو تاريخ النشر: 2025-07-03، أو "2025-07" إذا لم يُعرف إلا الشهر.
new-article-updated = تاريخ آخر مراجعة جوهرية: احذف علامة # من بداية السطر عند مراجعة المقال.
new-article-summary = جملة أو جملتان تظهران في القوائم وفي الخلاصات.
new-article-draft = لا تُبنى المسودة إلا مع الخيار --drafts: ضع false في كل لغة لنشر المقال.
new-article-regions = الجهات التي يتناولها المقال، بمعرّفاتها (content/regions/)، مثل ["oriental"]؛ ويلزم ذكر جهة واحدة أو شريك واحد على الأقل.
new-article-partners = الشركاء، بمعرّفاتهم (content/partners/)، مثل ["mistral-ai"].
new-article-mous = الاتفاقيات، بمعرّفاتها (content/mous/)؛ اختياري.
new-article-programmes = البرامج، بمعرّفاتها (content/programmes/)؛ اختياري.
new-article-events = الفعاليات، بمعرّفاتها (content/events/)؛ اختياري.
new-article-sources = المصادر المعتمدة، بمعرّفاتها (seeds/): مصدر واحد على الأقل. وتذكر كل لغة المراجع نفسها.
new-article-body = اكتب المقال بصيغة Markdown مكان هذا التعليق، فهو لا يُنشر. تبدأ الروابط الداخلية بـ @/ (انظر ملف README).

## ─── meta-: page metadata ─────────────────────────────────────────────────────────────
## What `src/render/meta.rs` formats for every page's <title>, <meta name="description">,
## Open Graph and Twitter tags and JSON-LD (the ids are listed in `render::meta::MESSAGE_IDS`).
## Breadcrumbs and section titles reuse the nav-* names above. Descriptions are read out of
## context (search results, link previews): whole sentences, no more than two.

# A page's <title>: its own title, then the site's.
meta-title = { $page } · { $site }
meta-articles-page-title = { $section } — { $page }
meta-articles-description = { $count ->
    [zero] مقالات المرصد حول استراتيجية المغرب في مجال الذكاء الاصطناعي.
    [one] المقال الأول للمرصد حول استراتيجية المغرب في مجال الذكاء الاصطناعي.
    [two] مقالان للمرصد حول استراتيجية المغرب في مجال الذكاء الاصطناعي، من الأحدث إلى الأقدم.
    [few] { $count } مقالات للمرصد حول استراتيجية المغرب في مجال الذكاء الاصطناعي، من الأحدث إلى الأقدم.
    [many] { $count } مقالًا للمرصد حول استراتيجية المغرب في مجال الذكاء الاصطناعي، من الأحدث إلى الأقدم.
   *[other] { $count } مقال للمرصد حول استراتيجية المغرب في مجال الذكاء الاصطناعي، من الأحدث إلى الأقدم.
}
meta-articles-page-description = مقالات المرصد حول استراتيجية المغرب في مجال الذكاء الاصطناعي، من الأحدث إلى الأقدم: الصفحة { $current } من { $total }.
meta-regions-description = { $count ->
    [zero] جهات المغرب وما تذكره المصادر عنها: المعاهد والبرامج والاتفاقيات والفعاليات.
    [one] جهة واحدة من جهات المغرب وما تذكره المصادر عنها: المعاهد والبرامج والاتفاقيات والفعاليات.
    [two] جهتان من جهات المغرب وما تذكره المصادر عنهما: المعاهد والبرامج والاتفاقيات والفعاليات.
    [few] { $count } جهات مغربية وما تذكره المصادر عنها: المعاهد والبرامج والاتفاقيات والفعاليات.
    [many] { $count } جهةً مغربيةً وما تذكره المصادر عنها: المعاهد والبرامج والاتفاقيات والفعاليات.
   *[other] { $count } جهة مغربية وما تذكره المصادر عنها: المعاهد والبرامج والاتفاقيات والفعاليات.
}
meta-partners-description = { $count ->
    [zero] شركاء استراتيجية المغرب في مجال الذكاء الاصطناعي واتفاقياتهم.
    [one] شريك واحد لاستراتيجية المغرب في مجال الذكاء الاصطناعي يرصده المرصد، واتفاقياته.
    [two] شريكان لاستراتيجية المغرب في مجال الذكاء الاصطناعي يرصدهما المرصد، واتفاقياتهما.
    [few] { $count } شركاء لاستراتيجية المغرب في مجال الذكاء الاصطناعي، من شركات ومنظمات دولية ووزارات وجامعات، واتفاقياتهم.
    [many] { $count } شريكًا لاستراتيجية المغرب في مجال الذكاء الاصطناعي، من شركات ومنظمات دولية ووزارات وجامعات، واتفاقياتهم.
   *[other] { $count } شريك لاستراتيجية المغرب في مجال الذكاء الاصطناعي، من شركات ومنظمات دولية ووزارات وجامعات، واتفاقياتهم.
}
meta-mous-description = { $count ->
    [zero] اتفاقيات المغرب ومذكرات التفاهم والمباحثات في مجال الذكاء الاصطناعي، مرتبة ترتيبًا زمنيًا.
    [one] اتفاقية واحدة للمغرب في مجال الذكاء الاصطناعي يرصدها المرصد، بأطرافها ومصادرها.
    [two] اتفاقيتان للمغرب في مجال الذكاء الاصطناعي يرصدهما المرصد مرتبتين ترتيبًا زمنيًا.
    [few] { $count } اتفاقيات للمغرب في مجال الذكاء الاصطناعي، بين مذكرات تفاهم واتفاقيات موقعة ومباحثات، يرصدها المرصد مرتبةً ترتيبًا زمنيًا.
    [many] { $count } اتفاقيةً للمغرب في مجال الذكاء الاصطناعي، بين مذكرات تفاهم واتفاقيات موقعة ومباحثات، يرصدها المرصد مرتبةً ترتيبًا زمنيًا.
   *[other] { $count } اتفاقية للمغرب في مجال الذكاء الاصطناعي، بين مذكرات تفاهم واتفاقيات موقعة ومباحثات، يرصدها المرصد مرتبةً ترتيبًا زمنيًا.
}
meta-programmes-description = { $count ->
    [zero] برامج استراتيجية المغرب في مجال الذكاء الاصطناعي، بأهدافها المرقّمة ومصادرها.
    [one] برنامج واحد من برامج استراتيجية المغرب في مجال الذكاء الاصطناعي، بأهدافه المرقّمة ومصادره.
    [two] برنامجان من برامج استراتيجية المغرب في مجال الذكاء الاصطناعي، بأهدافهما المرقّمة ومصادرهما.
    [few] { $count } برامج من استراتيجية المغرب في مجال الذكاء الاصطناعي، بأهدافها المرقّمة ومصادرها.
    [many] { $count } برنامجًا من استراتيجية المغرب في مجال الذكاء الاصطناعي، بأهدافها المرقّمة ومصادرها.
   *[other] { $count } برنامج من استراتيجية المغرب في مجال الذكاء الاصطناعي، بأهدافها المرقّمة ومصادرها.
}
meta-events-description = { $count ->
    [zero] المؤتمرات والقمم واللقاءات التي وقّع فيها المغرب اتفاقيات أو أعلن توجهاته في مجال الذكاء الاصطناعي.
    [one] فعالية واحدة وقّع فيها المغرب اتفاقيات أو أعلن توجهاته في مجال الذكاء الاصطناعي.
    [two] فعاليتان وقّع فيهما المغرب اتفاقيات أو أعلن توجهاته في مجال الذكاء الاصطناعي.
    [few] { $count } فعاليات، بين مؤتمرات وقمم ولقاءات، وقّع فيها المغرب اتفاقيات أو أعلن توجهاته في مجال الذكاء الاصطناعي.
    [many] { $count } فعاليةً، بين مؤتمرات وقمم ولقاءات، وقّع فيها المغرب اتفاقيات أو أعلن توجهاته في مجال الذكاء الاصطناعي.
   *[other] { $count } فعالية، بين مؤتمرات وقمم ولقاءات، وقّع فيها المغرب اتفاقيات أو أعلن توجهاته في مجال الذكاء الاصطناعي.
}
meta-sources-description = { $count ->
    [zero] المصادر العمومية التي تستند إليها كل معلومة ينشرها المرصد.
    [one] المصدر العمومي الذي تستند إليه كل معلومة ينشرها المرصد.
    [two] المصدران العموميان اللذان تستند إليهما كل معلومة ينشرها المرصد.
    [few] { $count } مصادر عمومية، من تقارير وبلاغات ومقالات صحفية، تستند إليها كل معلومة ينشرها المرصد.
    [many] { $count } مصدرًا عموميًا، من تقارير وبلاغات ومقالات صحفية، تستند إليها كل معلومة ينشرها المرصد.
   *[other] { $count } مصدر عمومي، من تقارير وبلاغات ومقالات صحفية، تستند إليها كل معلومة ينشرها المرصد.
}
meta-region-description = { $name }، وعاصمتها { $capital }. الاتفاقيات المرصودة: { $mous ->
    [zero] لا شيء
    [one] اتفاقية واحدة
    [two] اتفاقيتان
    [few] { $mous } اتفاقيات
    [many] { $mous } اتفاقيةً
   *[other] { $mous } اتفاقية
}؛ المعاهد: { $institutes ->
    [zero] لا شيء
    [one] معهد واحد
    [two] معهدان
    [few] { $institutes } معاهد
    [many] { $institutes } معهدًا
   *[other] { $institutes } معهد
}. { $summary }
meta-partner-description = { $name } ({ $kind }): { $mous ->
    [zero] لم يرصد المرصد أي اتفاقية هو طرف فيها
    [one] طرف في اتفاقية واحدة يرصدها المرصد
    [two] طرف في اتفاقيتين يرصدهما المرصد
    [few] طرف في { $mous } اتفاقيات يرصدها المرصد
    [many] طرف في { $mous } اتفاقيةً يرصدها المرصد
   *[other] طرف في { $mous } اتفاقية يرصدها المرصد
}. { $description }
# A partner's kind followed by its country, inside the parentheses of meta-partner-description.
meta-partner-kind-country = { $kind }، { $country }
meta-mou-description = { $status } ({ $date }). الأطراف: { $parties }. { $summary }
meta-mou-description-no-parties = { $status } ({ $date }). { $summary }
meta-programme-description = الأهداف المرقّمة: { $targets ->
    [zero] لا تذكرها المصادر
    [one] هدف واحد
    [two] هدفان
    [few] { $targets } أهداف
    [many] { $targets } هدفًا
   *[other] { $targets } هدف
}؛ الاتفاقيات المرصودة: { $mous ->
    [zero] لا شيء
    [one] اتفاقية واحدة
    [two] اتفاقيتان
    [few] { $mous } اتفاقيات
    [many] { $mous } اتفاقيةً
   *[other] { $mous } اتفاقية
}. { $summary }
meta-event-description = { $date }، { $place }: { $mous ->
    [zero] لم يرصد المرصد أي اتفاقية موقعة
    [one] رصد المرصد اتفاقية موقعة واحدة
    [two] رصد المرصد اتفاقيتين موقعتين
    [few] رصد المرصد { $mous } اتفاقيات موقعة
    [many] رصد المرصد { $mous } اتفاقيةً موقعةً
   *[other] رصد المرصد { $mous } اتفاقية موقعة
}. { $summary }
meta-event-description-no-place = { $date }: { $mous ->
    [zero] لم يرصد المرصد أي اتفاقية موقعة
    [one] رصد المرصد اتفاقية موقعة واحدة
    [two] رصد المرصد اتفاقيتين موقعتين
    [few] رصد المرصد { $mous } اتفاقيات موقعة
    [many] رصد المرصد { $mous } اتفاقيةً موقعةً
   *[other] رصد المرصد { $mous } اتفاقية موقعة
}. { $summary }
## ─── end of meta- ─────────────────────────────────────────────────────────────────────

## ---------------------------------------------------------------------------------------
## Open data: the files under /data/ and the page documenting them (/ar/data/).
## data-file-<file> names a file, data-about-<file> says what one of its records is,
## data-type-<type> names a field type, data-field-<field> says what a field means.
## Every message of this block starts with `data-`.
data-footer-link = البيانات المفتوحة: كل البطاقات بصيغتي JSON وCSV
data-sources-link = هذه المصادر، مثل كل بطاقات المرصد، متاحة للتحميل بصيغتي JSON وCSV.
data-title = البيانات المفتوحة
data-lead = كل بطاقات المرصد — الجهات والمعاهد والشركاء والاتفاقيات والبرامج والفعاليات والمصادر والبيانات الوصفية للمقالات — منشورة في ملفات بصيغتي JSON وCSV، تُحدَّث مع كل تحديث للموقع.
data-conventions = قواعد الملفات
data-convention-json = JSON: كائن واحد في كل ملف، يضم ترويسة (اسم مجموعة البيانات، ورابط الموقع، وصفحة التوثيق، واللغات، وعدد السجلات) تليها قائمة السجلات «records».
data-convention-csv = CSV: بترميز UTF-8، مع سطر أول بأسماء الأعمدة، وعلامات تنصيص وفق المعيار RFC 4180 حين تتضمن القيمة فاصلة أو علامة تنصيص أو رجوعًا إلى السطر. وفي الحقل متعدد القيم (الإحالات والقوائم) تُجمع القيم في خانة واحدة يفصل بينها الرمز
data-convention-languages = تُعطى النصوص بكل لغة: في JSON كائن فيه مفتاح لكل لغة، وفي CSV عمود لكل لغة ينتهي اسمه برمز اللغة:
data-convention-dates = تتبع التواريخ المعيار ISO 8601 بالدقة التي تذكرها المصادر: سنة (2025) أو شهر (2025-09) أو يوم (2025-09-12)، دون اختلاق يوم لا تذكره.
data-convention-references = تُذكر الإحالة إلى بطاقة أخرى بمعرّفها، أي قيمة الحقل slug في الملف المعني؛ وفي JSON تحمل أيضًا رابط صفحتها بكل لغة. والقيمة الغائبة تساوي null في JSON وتترك الخانة فارغة في CSV.
data-files = الملفات
data-column-file = الملف
data-column-records = السجلات
data-column-download = التحميل
data-download = تحميل:
data-fields-caption = حقول كل سجل
data-column-field = الحقل (JSON)
data-column-csv = أعمدة CSV
data-column-type = النوع
data-column-meaning = المعنى
data-values = القيم الممكنة:
data-records = { $count ->
    [zero] لا توجد سجلات
    [one] سجل واحد
    [two] سجلان
    [few] { $count } سجلات
    [many] { $count } سجلًا
   *[other] { $count } سجل
}
data-file-regions = الجهات
data-file-institutes = المعاهد
data-file-partners = الشركاء
data-file-mous = الاتفاقيات
data-file-programmes = البرامج
data-file-programme-targets = أهداف البرامج
data-file-events = الفعاليات
data-file-event-figures = أرقام الفعاليات
data-file-sources = المصادر
data-file-articles = المقالات
data-about-regions = سجل لكل جهة من جهات المغرب، مرتبةً حسب رمزها في ISO 3166-2:MA.
data-about-institutes = سجل لكل معهد (مثل معاهد شبكة «الجزري روت»)، مع جهته وبرنامجه.
data-about-partners = سجل لكل مؤسسة شريكة: شركات ومنظمات دولية ووزارات وجامعات وبنوك وغيرها.
data-about-mous = سجل لكل اتفاقية، أو مباحثات في أفق اتفاقية، من الأقدم إلى الأحدث، مع أطرافها.
data-about-programmes = سجل لكل برنامج (المغرب الرقمي 2030، «الجزري روت»…). أما أهدافها المرقّمة ففي ملف أهداف البرامج.
data-about-programme-targets = سجل لكل هدف حدده برنامج، مع المصدر الذي يذكره. والهدف النوعي لا قيمة له.
data-about-events = سجل لكل مؤتمر أو قمة أو لقاء، من الأقدم إلى الأحدث.
data-about-event-figures = سجل لكل رقم يذكره مصدر عن فعالية، كعدد الاتفاقيات الموقعة.
data-about-sources = سجل المصادر: سجل لكل وثيقة تستند إليها البطاقات والمقالات.
data-about-articles = سجل لكل مقال، من الأحدث إلى الأقدم: العنوان والملخص والتواريخ والرابط بكل لغة، وما يتناوله المقال. ولا يتضمن الملف نصوص المقالات.
data-type-slug = معرّف
data-type-text = نص بكل لغة
data-type-text-list = قائمة نصوص بكل لغة
data-type-string = نص
data-type-string-list = قائمة قيم
data-type-date = تاريخ ISO 8601
data-type-dates = تاريخ ISO 8601 بكل لغة
data-type-number = عدد
data-type-url = رابط إلكتروني
data-type-page-url = رابط صفحة في الموقع، بكل لغة
data-type-reference = إحالة (معرّف)
data-type-references = إحالات (معرّفات)
data-field-url = رابط صفحة البطاقة في المرصد، بكل لغة.
data-field-sources = المصادر المعتمدة (معرّفات من ملف sources).
data-field-status = وضعية الملف حسب ما تذكره المصادر.
data-field-unit = وحدة القيمة؛ تبقى فارغة إن لم تكن لها وحدة.
data-field-unknowns = ما لا تذكره المصادر، حين تنص عليه البطاقة.
data-field-stated-by = المصدر الذي يذكر هذا الرقم (معرّف من ملف sources).
data-field-refs-regions = الجهات المعنية (معرّفات من ملف regions).
data-field-refs-partners = الشركاء المعنيون (معرّفات من ملف partners).
data-field-refs-mous = الاتفاقيات المعنية (معرّفات من ملف mous).
data-field-refs-programmes = البرامج المعنية (معرّفات من ملف programmes).
data-field-refs-events = الفعاليات المعنية (معرّفات من ملف events).
data-field-region-slug = معرّف الجهة، كما يرد في روابط صفحاتها.
data-field-region-iso-code = رمز ISO 3166-2:MA، من MA-01 إلى MA-12.
data-field-region-name = اسم الجهة.
data-field-region-capital = عاصمة الجهة.
data-field-region-summary = لمحة موجزة عما يجري في الجهة.
data-field-region-focus = المجالات ذات الأولوية في الجهة.
data-field-region-institutes = المعاهد الموجودة في الجهة (معرّفات من ملف institutes).
data-field-institute-slug = معرّف المعهد، وهو فريد في الموقع كله.
data-field-institute-url = رابط المعهد في صفحة جهته، بكل لغة.
data-field-institute-name = اسم المعهد.
data-field-institute-description = وصف المعهد، إن تضمنته البطاقة.
data-field-institute-region = الجهة التي يوجد فيها (معرّف من ملف regions).
data-field-institute-programme = البرنامج الذي يتبع له، إن وُجد (معرّف من ملف programmes).
data-field-partner-slug = معرّف الشريك.
data-field-partner-name = اسم المؤسسة.
data-field-partner-short-name = الاسم المختصر، إن وُجد.
data-field-partner-kind = نوع المؤسسة.
data-field-partner-country = البلد برمز ISO 3166-1 alpha-2 (FR، MA…)، إن كان معروفًا.
data-field-partner-website = الموقع الإلكتروني للمؤسسة.
data-field-partner-description = تقديم المؤسسة.
data-field-mou-slug = معرّف الاتفاقية.
data-field-mou-title = عنوان الاتفاقية.
data-field-mou-date = تاريخ التوقيع أو الإعلان.
data-field-mou-themes = المجالات التي تشملها الاتفاقية.
data-field-mou-summary = ملخص الاتفاقية.
data-field-mou-event = الفعالية التي وُقّعت فيها أو أُعلن عنها (معرّف من ملف events).
data-field-mou-partners = أطراف الاتفاقية (معرّفات من ملف partners).
data-field-mou-regions = الجهات التي تخصها الاتفاقية (معرّفات من ملف regions).
data-field-programme-slug = معرّف البرنامج.
data-field-programme-name = اسم البرنامج.
data-field-programme-launched = تاريخ الإطلاق، إن كان معروفًا.
data-field-programme-summary = ملخص البرنامج.
data-field-target-programme = البرنامج الذي حدد هذا الهدف (معرّف من ملف programmes).
data-field-target-label = موضوع الهدف.
data-field-target-value = القيمة المستهدفة؛ تبقى فارغة في الهدف النوعي.
data-field-target-deadline = الأجل، إن ذُكر.
data-field-target-progress-value = القيمة المحققة حسب أحد المصادر، بوحدة الهدف نفسها؛ فارغة حين لا يحدد أي مصدر التقدم بالأرقام.
data-field-target-progress-as-of = التاريخ الذي بلغت فيه هذه القيمة.
data-field-target-progress-source = المصدر الذي يورد هذا التقدم.
data-field-event-slug = معرّف الفعالية.
data-field-event-name = اسم الفعالية.
data-field-event-date = تاريخ الفعالية (يومها الأخير إن دامت أكثر من يوم).
data-field-event-region = الجهة المغربية التي احتضنتها (معرّف من ملف regions).
data-field-event-place = المكان، حين يذكره مصدر.
data-field-event-summary = ما جرى فيها.
data-field-event-partners = المنظِّمون وأبرز المشاركين (معرّفات من ملف partners).
data-field-figure-event = الفعالية التي يخصها الرقم (معرّف من ملف events).
data-field-figure-label = ما يُحصى.
data-field-figure-value = الرقم كما يذكره المصدر.
data-field-source-slug = معرّف المصدر، الذي تحيل عليه البطاقات والمقالات.
data-field-source-url = رابط المصدر في صفحة المصادر، بكل لغة.
data-field-source-title = عنوان وصفي من صياغة المرصد.
data-field-source-summary = ملخص الوثيقة من صياغة المرصد.
data-field-source-date = تاريخ نشر الوثيقة.
data-field-source-language = لغة الوثيقة (رمز اللغة).
data-field-source-publisher = الناشر، حين تذكره الوثيقة.
data-field-source-author = المؤلف، إن كان معروفًا.
data-field-source-original-title = العنوان الأصلي للوثيقة، إن كان لها عنوان.
data-field-source-document-url = رابط الوثيقة نفسها.
data-field-article-slug = معرّف المقال، وهو نفسه في كل ترجماته.
data-field-article-url = رابط المقال بكل لغة؛ ويساوي null (خانة فارغة في CSV) في اللغة التي لم يُنشر بها.
data-field-article-languages = اللغات التي نُشر بها المقال.
data-field-article-title = العنوان، بكل لغة نُشر بها المقال.
data-field-article-summary = الملخص، بكل لغة نُشر بها المقال.
data-field-article-date = تاريخ المقال، بكل لغة.
data-field-article-updated = تاريخ آخر مراجعة، إن رُوجع المقال.
## End of the open data block.

## Pictures (inline SVG drawn at build time; each has a text alternative on its page)
map-caption = خريطة تخطيطية للجهات الاثنتي عشرة. كلما كان لون الخانة أغمق، زاد عدد المقالات والاتفاقيات والمعاهد التي يرصدها المرصد في الجهة؛ وتقود كل خانة إلى صفحة جهتها.
map-legend = المقالات والاتفاقيات والمعاهد المرصودة
map-tile = { $name }: { $articles }، { $mous }، { $institutes }
map-alternative-table = يعرض الجدول أدناه الأرقام نفسها.
map-alternative-list = تعرض القائمة أدناه الأرقام نفسها.
range = من { $from } إلى { $to }
timeline-caption = الاتفاقيات على خط زمني. تدل النقطة على اتفاقية معروفة التاريخ باليوم، ويغطي الشريط الشهر أو السنة حين لا تحدد المصادر أكثر من ذلك. وتصف القائمة التالية كل اتفاقية.
timeline-precision-day = تاريخ معروف باليوم
timeline-precision-span = تاريخ معروف بالشهر أو بالسنة
timeline-mark = { $title } ({ $date })
target-chart-caption = الأهداف المرقمة، مع ما تقوله المصادر عن مدى تقدمها والوقت المنقضي منذ الإطلاق.
target-chart-target = الهدف: { $value }
target-chart-deadline = في أفق { $date }
progress-not-reported = التقدم: لا يحدده أي مصدر بالأرقام.
progress-text = التقدم: { $reached }، أي { $percent }% من الهدف، إلى غاية { $asof } — المصدر:
elapsed-text = الوقت المنقضي: { $percent }% من الفترة الممتدة من { $from } إلى { $to }، إلى غاية { $asof } (تاريخ أحدث مصدر).
## Readers' experience: the breadcrumbs above a page's content (their landmark's name).
breadcrumbs-label = مسار التصفح
