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
