# Interface strings — French. Every message here must also exist in ar.ftl.

## Site
site-description = Observatoire indépendant de la stratégie marocaine en intelligence artificielle : programmes, accords, partenaires et régions, sources à l'appui.
home-lead = Maroc Digital 2030, le réseau Jazari Root, les accords avec Mistral AI, le PNUD, Current AI et d'autres : ce que le Maroc annonce en matière d'IA, région par région, avec les sources de chaque fait.
skip-to-content = Aller au contenu
footer-about = Marsad suit la stratégie marocaine en IA à partir de sources publiques, toutes citées.
footer-sources = Voir les sources
footer-all-languages = Toutes les langues
heading-anchor = Lien vers cette section
chooser-enter = Entrer en français

## Languages
language-name = Français
language-fr = français
language-ar = arabe
language-switcher-label = Langue
translation-unavailable = Pas de version française
only-in-language = Disponible uniquement en { $language }
article-not-translated = Cet article n'est pas encore disponible en { $language }.

## Navigation
nav-label = Navigation principale
nav-home = Accueil
nav-articles = Articles
nav-regions = Régions
nav-partners = Partenaires
nav-mous = Accords
nav-programmes = Programmes
nav-events = Événements
nav-sources = Sources

## Feeds (the title of a region's or partner's feed)
feed-of = { $name } · { $site }

## Search (the search page and the box in the header)
search-title = Rechercher
search-lead = Cherchez dans les articles, les régions, les partenaires, les accords, les programmes et les événements de l'observatoire, en français.
search-label = Rechercher dans l'observatoire
search-placeholder = Rechercher…
search-submit = Rechercher
search-searching = Recherche en cours…
search-results = Résultats :
search-none = Aucun résultat. Essayez un autre mot ou une orthographe plus courte.
search-failed = La recherche n'a pas pu se charger. Réessayez plus tard.
search-more = Plus de résultats
search-needs-javascript = La recherche a besoin de JavaScript. Vous pouvez aussi parcourir les articles, les régions et les partenaires depuis le menu.
pagination-label = Pagination
previous-page = Page précédente
next-page = Page suivante
page-n = Page { $number }
page-n-of-m = page { $current } sur { $total }
# Stands for the pages between two page links that are not shown.
pagination-gap = …

## Counts
count-articles = { $count ->
    [0] Aucun article
    [one] { $count } article
   *[other] { $count } articles
}
count-mous = { $count ->
    [0] Aucun accord
    [one] { $count } accord
   *[other] { $count } accords
}
count-events = { $count ->
    [0] Aucun événement
    [one] { $count } événement
   *[other] { $count } événements
}
count-partners = { $count ->
    [0] Aucun partenaire
    [one] { $count } partenaire
   *[other] { $count } partenaires
}
count-institutes = { $count ->
    [0] Aucun institut
    [one] { $count } institut
   *[other] { $count } instituts
}
count-sources = { $count ->
    [0] Aucune source
    [one] { $count } source
   *[other] { $count } sources
}
cited-by = { $count ->
    [one] Cité dans { $count } page
   *[other] Cité dans { $count } pages
}

## Home
home-key-figures = Chiffres clés
home-latest-articles = Derniers articles
home-latest-mous = Derniers accords
all-articles = Tous les articles
all-mous = Tous les accords
by-deadline = d'ici

## Lists and pages
no-articles = Aucun article pour l'instant.
no-mous = Aucun accord recensé.
no-partners = Aucun partenaire recensé.
no-programmes = Aucun programme recensé.
no-institutes = Aucun institut recensé.
no-targets = Les sources ne donnent aucun objectif chiffré.
none = Aucun pour l'instant.
list-separator = ,{" "}
parties = Parties :
parties-heading = Parties
related = Sur le même sujet
sources-cited = Sources citées
updated-on = mis à jour le
draft = Brouillon
launched = Lancement :
themes = Thèmes

## Regions
regions-lead = Les { $count } régions du Maroc et ce que les sources y rapportent.
regions-table-caption = Régions, capitales et activité recensée
region = Région
capital = Capitale
capital-is = Capitale : { $city }
institutes = Instituts
focus-areas = Axes prioritaires

## Agreements
mous-lead = Les accords, protocoles et discussions recensés, dans l'ordre chronologique.

## Programmes
targets = Objectifs
targets-caption = Objectifs annoncés : { $name }
target-label = Objectif
target-value = Valeur
target-deadline = Échéance
target-source = Source
target-qualitative = Objectif qualitatif
not-stated = Non précisée

## Sources
sources-lead = Chaque fait publié par l'observatoire renvoie à l'une de ces sources. Les titres descriptifs et les résumés sont rédigés par l'observatoire.
source-original-title = Titre original
source-publisher = Éditeur
source-author = Auteur
source-date = Date
source-language = Langue
source-url = Adresse

## 404
not-found-title = Page introuvable
not-found-text = Cette page n'existe pas ou a été déplacée.

## Vocabulary: partner kinds
partner-kind-company = Entreprise
partner-kind-international-organisation = Organisation internationale
partner-kind-ministry = Ministère
partner-kind-public-institution = Établissement public
partner-kind-university = Université
partner-kind-bank = Banque
partner-kind-initiative = Initiative
partner-kind-business-association = Organisation professionnelle
partner-kind-government = État

## Vocabulary: statuses
status-announced = Annoncé
status-in-discussion = En discussion
status-in-negotiation = En négociation
status-signed = Signé
status-operating = En activité
status-position = Position affichée

## Vocabulary: themes
theme-education = Éducation
theme-employment = Emploi
theme-energy = Énergie
theme-data-centres = Centres de données
theme-rural-inclusion = Inclusion rurale
theme-research = Recherche
theme-skills = Compétences
theme-ethics = Éthique
theme-infrastructure = Infrastructures
theme-startups = Start-up
theme-sovereignty = Souveraineté numérique
theme-public-services = Services publics
theme-health = Santé
theme-languages = Langues
theme-sport = Sport
theme-telecoms = Télécommunications
theme-finance = Finance
theme-agriculture = Agriculture
theme-tourism = Tourisme

## Vocabulary: units (after a figure)
unit-jobs = { $count ->
    [one] emploi
   *[other] emplois
}
unit-dirhams = { $count ->
    [one] dirham
   *[other] dirhams
}
unit-megawatts = MW
unit-regions = { $count ->
    [one] région
   *[other] régions
}
unit-institutes = { $count ->
    [one] institut
   *[other] instituts
}
unit-percent = %

## Countries
country-MA = Maroc
country-FR = France
country-US = États-Unis
country-CN = Chine

## Events
events-lead = Conférences, sommets et rencontres où des accords ont été signés ou des orientations annoncées, du plus ancien au plus récent.
no-events = Aucun événement pour l'instant.
figures = Chiffres
event-partners = Organisateurs et participants
event-mous = Accords et discussions de l'événement
mous-identified = Accords signés identifiés dans les sources : { $identified } sur { $announced ->
    [one] { $announced } annoncé
   *[other] { $announced } annoncés
}
mous-unidentified = { $count ->
    [one] Les sources ne nomment pas la contrepartie d'un des accords annoncés.
   *[other] Les sources ne nomment pas les contreparties de { $count } des accords annoncés.
}
at-event = Lors de :
page-updated-on = Mis à jour le
events-held-here = Événements tenus dans la région
mous-signed-here = Accords signés dans la région
mous-concerning = Accords concernant la région
unknowns = Ce que les sources ne disent pas
unit-agreements = { $count ->
    [one] accord
   *[other] accords
}

## marsad serve (never in the published site)
serve-problems = Le site ne se construit plus : vous voyez la dernière version réussie. Corrigez les erreurs ci-dessous, la page se rechargera d'elle-même.

## marsad new article: the comment above each key of a new article's front matter, and the
## note at the top of its text (an HTML comment, never published)
new-article-title = Le titre, entre les guillemets.
new-article-date = Date de l'événement rapporté, ou de la publication : 2025-07-03, ou "2025-07" si seul le mois est connu.
new-article-updated = Date de la dernière révision importante : retirez le # du début de ligne quand l'article est révisé.
new-article-summary = Une ou deux phrases, montrées dans les listes et les flux.
new-article-draft = Un brouillon n'est construit qu'avec --drafts : mettez false, dans chaque langue, pour publier.
new-article-regions = Les régions dont parle l'article, par identifiant (content/regions/), par exemple ["oriental"] ; il faut au moins une région ou un partenaire.
new-article-partners = Les partenaires, par identifiant (content/partners/), par exemple ["mistral-ai"].
new-article-mous = Les accords, par identifiant (content/mous/) ; facultatif.
new-article-programmes = Les programmes, par identifiant (content/programmes/) ; facultatif.
new-article-events = Les événements, par identifiant (content/events/) ; facultatif.
new-article-sources = Les sources citées, par identifiant (seeds/) : au moins une. Chaque langue liste les mêmes références.
new-article-body = Écrivez l'article en Markdown à la place de ce commentaire, qui n'est pas publié. Les liens internes commencent par @/ (voir le README).

## ─── meta-: page metadata ─────────────────────────────────────────────────────────────
## What `src/render/meta.rs` formats for every page's <title>, <meta name="description">,
## Open Graph and Twitter tags and JSON-LD (the ids are listed in `render::meta::MESSAGE_IDS`).
## Breadcrumbs and section titles reuse the nav-* names above. Descriptions are read out of
## context (search results, link previews): whole sentences, no more than two.

# A page's <title>: its own title, then the site's.
meta-title = { $page } · { $site }
meta-articles-page-title = { $section } — { $page }
meta-articles-description = { $count ->
    [0] Les articles de l'observatoire sur la stratégie marocaine en intelligence artificielle.
    [one] Le premier article de l'observatoire sur la stratégie marocaine en intelligence artificielle.
   *[other] Les { $count } articles de l'observatoire sur la stratégie marocaine en intelligence artificielle, du plus récent au plus ancien.
}
meta-articles-page-description = Articles de l'observatoire sur la stratégie marocaine en intelligence artificielle, du plus récent au plus ancien : page { $current } sur { $total }.
meta-regions-description = { $count ->
    [0] Les régions du Maroc et ce que les sources y rapportent : instituts, programmes, accords et événements.
    [one] Une région du Maroc et ce que les sources y rapportent : instituts, programmes, accords et événements.
   *[other] Les { $count } régions du Maroc et ce que les sources y rapportent : instituts, programmes, accords et événements.
}
meta-partners-description = { $count ->
    [0] Les partenaires de la stratégie marocaine en intelligence artificielle et leurs accords.
    [one] Le partenaire de la stratégie marocaine en intelligence artificielle recensé par l'observatoire, et ses accords.
   *[other] Les { $count } partenaires de la stratégie marocaine en intelligence artificielle — entreprises, organisations internationales, ministères, universités — et leurs accords.
}
meta-mous-description = { $count ->
    [0] Les accords, protocoles d'accord et discussions du Maroc en intelligence artificielle, dans l'ordre chronologique.
    [one] L'accord du Maroc en intelligence artificielle recensé par l'observatoire, avec ses parties et ses sources.
   *[other] Les { $count } accords, protocoles d'accord et discussions du Maroc en intelligence artificielle recensés par l'observatoire, dans l'ordre chronologique.
}
meta-programmes-description = { $count ->
    [0] Les programmes de la stratégie marocaine en intelligence artificielle, avec leurs objectifs chiffrés et leurs sources.
    [one] Le programme de la stratégie marocaine en intelligence artificielle, avec ses objectifs chiffrés et ses sources.
   *[other] Les { $count } programmes de la stratégie marocaine en intelligence artificielle, avec leurs objectifs chiffrés et leurs sources.
}
meta-events-description = { $count ->
    [0] Les conférences, sommets et rencontres où le Maroc a signé des accords ou annoncé ses orientations en intelligence artificielle.
    [one] La rencontre où le Maroc a signé des accords ou annoncé ses orientations en intelligence artificielle.
   *[other] Les { $count } conférences, sommets et rencontres où le Maroc a signé des accords ou annoncé ses orientations en intelligence artificielle.
}
meta-sources-description = { $count ->
    [0] Les sources publiques sur lesquelles repose chaque fait publié par l'observatoire.
    [one] La source publique sur laquelle repose chaque fait publié par l'observatoire.
   *[other] Les { $count } sources publiques — rapports, communiqués, articles de presse — sur lesquelles repose chaque fait publié par l'observatoire.
}
meta-region-description = { $name }, capitale { $capital }. Accords recensés : { $mous ->
    [0] aucun
    [one] un
   *[other] { $mous }
} ; instituts : { $institutes ->
    [0] aucun
    [one] un
   *[other] { $institutes }
}. { $summary }
meta-partner-description = { $name } ({ $kind }) : { $mous ->
    [0] aucun accord recensé
    [one] partie à un accord recensé
   *[other] partie à { $mous } accords recensés
} par l'observatoire. { $description }
# A partner's kind followed by its country, inside the parentheses of meta-partner-description.
meta-partner-kind-country = { $kind }, { $country }
meta-mou-description = { $status } ({ $date }). Parties : { $parties }. { $summary }
meta-mou-description-no-parties = { $status } ({ $date }). { $summary }
meta-programme-description = Objectifs chiffrés : { $targets ->
    [0] aucun dans les sources
    [one] un
   *[other] { $targets }
} ; accords recensés : { $mous ->
    [0] aucun
    [one] un
   *[other] { $mous }
}. { $summary }
meta-event-description = { $date }, { $place } : { $mous ->
    [0] aucun accord signé recensé
    [one] un accord signé recensé
   *[other] { $mous } accords signés recensés
} par l'observatoire. { $summary }
meta-event-description-no-place = { $date } : { $mous ->
    [0] aucun accord signé recensé
    [one] un accord signé recensé
   *[other] { $mous } accords signés recensés
} par l'observatoire. { $summary }
## ─── end of meta- ─────────────────────────────────────────────────────────────────────

## ---------------------------------------------------------------------------------------
## Open data: the files under /data/ and the page documenting them (/fr/data/).
## data-file-<file> names a file, data-about-<file> says what one of its records is,
## data-type-<type> names a field type, data-field-<field> says what a field means.
## Every message of this block starts with `data-`.
data-footer-link = Données ouvertes : toutes les fiches en JSON et en CSV
data-sources-link = Ces sources, comme toutes les fiches de l'observatoire, se téléchargent en JSON et en CSV.
data-title = Données ouvertes
data-lead = Toutes les fiches de l'observatoire — régions, instituts, partenaires, accords, programmes, événements, sources et métadonnées des articles — publiées en fichiers JSON et CSV, régénérés à chaque mise à jour du site.
data-conventions = Conventions
data-convention-json = JSON : un objet par fichier, avec un en-tête (nom du jeu de données, adresse du site, page de documentation, langues, nombre d'enregistrements) puis la liste des enregistrements, « records ».
data-convention-csv = CSV : encodé en UTF-8, une ligne d'en-tête, guillemets selon la RFC 4180 quand une valeur contient une virgule, un guillemet ou un retour à la ligne. Dans un champ à plusieurs valeurs (références, listes), les valeurs sont jointes par le séparateur
data-convention-languages = Les textes sont donnés dans chaque langue : en JSON, un objet avec une clé par langue ; en CSV, une colonne par langue, dont le nom se termine par le code de la langue :
data-convention-dates = Les dates suivent l'ISO 8601, avec la précision des sources : une année (2025), un mois (2025-09) ou un jour (2025-09-12). Aucun jour n'est inventé.
data-convention-references = Une référence à une autre fiche est donnée par son identifiant, la valeur du champ slug du fichier concerné ; en JSON, elle porte aussi l'adresse de sa page dans chaque langue. Une valeur absente vaut null en JSON et laisse la cellule vide en CSV.
data-files = Les fichiers
data-column-file = Fichier
data-column-records = Enregistrements
data-column-download = Télécharger
data-download = Télécharger :
data-fields-caption = Les champs de chaque enregistrement
data-column-field = Champ (JSON)
data-column-csv = Colonnes CSV
data-column-type = Type
data-column-meaning = Signification
data-values = Valeurs possibles :
data-records = { $count ->
    [one] { $count } enregistrement
   *[other] { $count } enregistrements
}
data-file-regions = Régions
data-file-institutes = Instituts
data-file-partners = Partenaires
data-file-mous = Accords
data-file-programmes = Programmes
data-file-programme-targets = Objectifs des programmes
data-file-events = Événements
data-file-event-figures = Chiffres des événements
data-file-sources = Sources
data-file-articles = Articles
data-about-regions = Un enregistrement par région du Maroc, dans l'ordre de leur code ISO 3166-2:MA.
data-about-institutes = Un enregistrement par institut (ceux du réseau Jazari Root, par exemple), avec sa région et son programme.
data-about-partners = Un enregistrement par organisation partenaire : entreprises, organisations internationales, ministères, universités, banques…
data-about-mous = Un enregistrement par accord, ou par discussion en vue d'un accord, du plus ancien au plus récent, avec ses parties.
data-about-programmes = Un enregistrement par programme (Maroc Digital 2030, Jazari Root…). Leurs objectifs chiffrés sont dans le fichier des objectifs des programmes.
data-about-programme-targets = Un enregistrement par objectif qu'un programme s'est fixé, avec la source qui l'énonce. Un objectif qualitatif n'a pas de valeur.
data-about-events = Un enregistrement par conférence, sommet ou réunion, du plus ancien au plus récent.
data-about-event-figures = Un enregistrement par chiffre qu'une source donne sur un événement, comme le nombre d'accords signés.
data-about-sources = Le registre des sources : un enregistrement par document cité dans les fiches et les articles.
data-about-articles = Un enregistrement par article, du plus récent au plus ancien : titre, résumé, dates et adresse dans chaque langue, et ce dont il traite. Le texte des articles n'y figure pas.
data-type-slug = identifiant
data-type-text = texte dans chaque langue
data-type-text-list = liste de textes dans chaque langue
data-type-string = texte
data-type-string-list = liste de valeurs
data-type-date = date ISO 8601
data-type-dates = date ISO 8601 dans chaque langue
data-type-number = nombre
data-type-url = adresse web
data-type-page-url = adresse d'une page du site, dans chaque langue
data-type-reference = référence (identifiant)
data-type-references = références (identifiants)
data-field-url = Adresse de la fiche sur l'observatoire, dans chaque langue.
data-field-sources = Sources citées (identifiants du fichier sources).
data-field-status = Où en sont les choses, d'après les sources.
data-field-unit = Unité de la valeur ; vide quand elle n'en a pas.
data-field-unknowns = Ce que les sources ne disent pas, quand la fiche le précise.
data-field-stated-by = La source qui donne ce chiffre (identifiant du fichier sources).
data-field-refs-regions = Régions concernées (identifiants du fichier regions).
data-field-refs-partners = Partenaires concernés (identifiants du fichier partners).
data-field-refs-mous = Accords concernés (identifiants du fichier mous).
data-field-refs-programmes = Programmes concernés (identifiants du fichier programmes).
data-field-refs-events = Événements concernés (identifiants du fichier events).
data-field-region-slug = Identifiant de la région, celui de ses adresses.
data-field-region-iso-code = Code ISO 3166-2:MA, de MA-01 à MA-12.
data-field-region-name = Nom de la région.
data-field-region-capital = Chef-lieu de la région.
data-field-region-summary = Ce qui se passe dans la région, en bref.
data-field-region-focus = Domaines prioritaires de la région.
data-field-region-institutes = Instituts situés dans la région (identifiants du fichier institutes).
data-field-institute-slug = Identifiant de l'institut, unique sur tout le site.
data-field-institute-url = Adresse de l'institut sur la page de sa région, dans chaque langue.
data-field-institute-name = Nom de l'institut.
data-field-institute-description = Description de l'institut, quand la fiche en donne une.
data-field-institute-region = Région où il se trouve (identifiant du fichier regions).
data-field-institute-programme = Programme dont il relève, s'il y en a un (identifiant du fichier programmes).
data-field-partner-slug = Identifiant du partenaire.
data-field-partner-name = Nom de l'organisation.
data-field-partner-short-name = Sigle, s'il y en a un.
data-field-partner-kind = Type d'organisation.
data-field-partner-country = Pays, en code ISO 3166-1 alpha-2 (FR, MA…), quand il est connu.
data-field-partner-website = Site web de l'organisation.
data-field-partner-description = Présentation de l'organisation.
data-field-mou-slug = Identifiant de l'accord.
data-field-mou-title = Intitulé de l'accord.
data-field-mou-date = Date de la signature ou de l'annonce.
data-field-mou-themes = Thèmes que couvre l'accord.
data-field-mou-summary = Résumé de l'accord.
data-field-mou-event = Événement où il a été signé ou annoncé (identifiant du fichier events).
data-field-mou-partners = Parties à l'accord (identifiants du fichier partners).
data-field-mou-regions = Régions que l'accord concerne (identifiants du fichier regions).
data-field-programme-slug = Identifiant du programme.
data-field-programme-name = Nom du programme.
data-field-programme-launched = Date de lancement, quand elle est connue.
data-field-programme-summary = Résumé du programme.
data-field-target-programme = Programme qui s'est fixé cet objectif (identifiant du fichier programmes).
data-field-target-label = Ce qui est visé.
data-field-target-value = Valeur visée ; vide pour un objectif qualitatif.
data-field-target-deadline = Échéance, quand elle est donnée.
data-field-target-progress-value = Valeur atteinte selon une source, dans l'unité de l'objectif ; vide quand aucune source ne chiffre l'avancement.
data-field-target-progress-as-of = Date à laquelle cette valeur était atteinte.
data-field-target-progress-source = Source qui rapporte cet avancement.
data-field-event-slug = Identifiant de l'événement.
data-field-event-name = Nom de l'événement.
data-field-event-date = Date de l'événement (son dernier jour s'il en dure plusieurs).
data-field-event-region = Région du Maroc où il s'est tenu (identifiant du fichier regions).
data-field-event-place = Lieu, quand une source le donne.
data-field-event-summary = Ce qui s'y est passé.
data-field-event-partners = Organisateurs et participants notables (identifiants du fichier partners).
data-field-figure-event = Événement dont parle le chiffre (identifiant du fichier events).
data-field-figure-label = Ce qui est compté.
data-field-figure-value = Le chiffre que donne la source.
data-field-source-slug = Identifiant de la source, celui que citent les fiches et les articles.
data-field-source-url = Adresse de la source sur la page des sources, dans chaque langue.
data-field-source-title = Titre descriptif, rédigé par l'observatoire.
data-field-source-summary = Résumé du document, rédigé par l'observatoire.
data-field-source-date = Date de publication du document.
data-field-source-language = Langue du document (code de langue).
data-field-source-publisher = Éditeur, quand le document l'indique.
data-field-source-author = Auteur, quand il est connu.
data-field-source-original-title = Titre original du document, s'il en a un.
data-field-source-document-url = Adresse du document lui-même.
data-field-article-slug = Identifiant de l'article, commun à ses traductions.
data-field-article-url = Adresse de l'article dans chaque langue ; null (cellule vide en CSV) dans une langue où il n'est pas publié.
data-field-article-languages = Langues dans lesquelles l'article est publié.
data-field-article-title = Titre, dans chaque langue où l'article est publié.
data-field-article-summary = Résumé, dans chaque langue où l'article est publié.
data-field-article-date = Date de l'article, dans chaque langue.
data-field-article-updated = Date de la dernière révision, s'il a été révisé.
## End of the open data block.

## Pictures (inline SVG drawn at build time; each has a text alternative on its page)
map-caption = Carte schématique des douze régions. Plus une case est foncée, plus l'observatoire recense d'articles, d'accords et d'instituts pour la région ; chaque case mène à sa page.
map-legend = Articles, accords et instituts recensés
map-tile = { $name } : { $articles }, { $mous }, { $institutes }
map-alternative-table = Le tableau ci-dessous donne les mêmes chiffres.
map-alternative-list = La liste ci-dessous donne les mêmes chiffres.
range = { $from } à { $to }
timeline-caption = Les accords sur une ligne du temps. Un point marque un accord daté au jour près ; une barre couvre le mois ou l'année quand les sources ne sont pas plus précises. La liste qui suit décrit chaque accord.
timeline-precision-day = Date connue au jour
timeline-precision-span = Date connue au mois ou à l'année
timeline-mark = { $title } ({ $date })
target-chart-caption = Les objectifs chiffrés, avec ce que les sources disent de leur avancement et le temps écoulé depuis le lancement.
target-chart-target = Objectif : { $value }
target-chart-deadline = d'ici { $date }
progress-not-reported = Avancement : aucune source ne le chiffre.
progress-text = Avancement : { $reached }, soit { $percent } % de l'objectif, au { $asof } — source :
elapsed-text = Temps écoulé : { $percent } % de la période allant de { $from } à { $to }, au { $asof } (date de la source la plus récente).
## Readers' experience: the breadcrumbs above a page's content (their landmark's name).
breadcrumbs-label = Fil d'Ariane
