"""The demo site's text, in Italian with its English translation.

Written from the facts of the 2018 operating plan (shared/seed); nothing here
is invented beyond those facts. Each Italian string is paired with the English
text that wagtail-localize stores as its translation.
"""

import html
import re


def rich(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


HOME = {
    "it": {
        "title": "Cluster Lombardo Scienze della Vita",
        "slug": "home",
        "summary": (
            "L'associazione senza scopo di lucro che dal 2015 mette in rete imprese, "
            "università, centri di ricerca, IRCCS, ospedali e associazioni di categoria "
            "della Lombardia attivi nelle scienze della vita."
        ),
        "body": [
            ("heading", {"text": "Chi siamo", "level": "h2"}),
            (
                "paragraph",
                "Il Cluster è nato nel 2015 su iniziativa di Regione Lombardia per dare al "
                "comparto regionale delle scienze della vita un'identità comune, capace di "
                "rappresentarlo sul territorio.",
            ),
            (
                "paragraph",
                "Il piano operativo approvato nel 2018 concentra il lavoro su tre ambiti: "
                "ricerca e open innovation, experience sharing e community, visibilità. "
                "Ai soci offre inoltre servizi come lo Sportello Europa, le lettere di "
                "endorsement e la ricerca di partner.",
            ),
        ],
    },
    "en": {
        "title": "Lombardy Life Sciences Cluster",
        "slug": "home",
        "summary": (
            "The non-profit association that, since 2015, has connected the companies, "
            "universities, research centres, research hospitals, care providers and "
            "business associations of Lombardy that work in the life sciences."
        ),
        "body": [
            ("heading", {"text": "Who we are", "level": "h2"}),
            (
                "paragraph",
                "The Cluster was founded in 2015 at the prompting of Regione Lombardia to "
                "give the region's life-sciences sector a shared identity that can speak "
                "for it locally.",
            ),
            (
                "paragraph",
                "Its 2018 operating plan focuses the work on three areas: research and open "
                "innovation, experience sharing and community, and visibility. Members can "
                "also use services such as the Sportello Europa desk, endorsement letters "
                "and partner search.",
            ),
        ],
    },
}

ABOUT = {
    "it": {
        "title": "Chi siamo",
        "slug": "chi-siamo",
        "summary": (
            "Un'associazione che dà voce comune ai protagonisti lombardi delle scienze della vita."
        ),
        "body": [
            ("heading", {"text": "L'associazione", "level": "h2"}),
            (
                "paragraph",
                "Il Cluster Lombardo Scienze della Vita (CLLS) è un'associazione senza scopo "
                "di lucro, costituita nel 2015 su impulso di Regione Lombardia. La sua missione "
                "è costruire un'identità collettiva che rappresenti il settore life science "
                "lombardo.",
            ),
            ("heading", {"text": "Chi ne fa parte", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>imprese, dalle start-up ai grandi gruppi;</li>"
                "<li>università e centri di ricerca;</li>"
                "<li>istituti di ricovero e cura a carattere scientifico (IRCCS);</li>"
                "<li>ospedali e strutture sanitarie;</li>"
                "<li>associazioni di categoria.</li></ul>",
            ),
            ("heading", {"text": "Le reti", "level": "h2"}),
            (
                "paragraph",
                "Il Cluster aderisce al cluster tecnologico nazionale ALISEI: grazie a questa "
                "rete aiuta i soci a trovare partner anche fuori dalla regione. Con "
                "Confindustria Lombardia – EEN gestisce lo Sportello Europa.",
            ),
            ("organisations", {"heading": "", "kind": "network"}),
            ("heading", {"text": "Il piano operativo", "level": "h2"}),
            (
                "paragraph",
                "Nel luglio 2018 il Consiglio direttivo ha approvato il piano operativo, che "
                "dà seguito al piano strategico presentato all'assemblea dei soci "
                "il 29 marzo 2018.",
            ),
        ],
    },
    "en": {
        "title": "About us",
        "slug": "about",
        "summary": "An association that gives Lombardy's life-sciences players a common voice.",
        "body": [
            ("heading", {"text": "The association", "level": "h2"}),
            (
                "paragraph",
                "The Lombardy Life Sciences Cluster (CLLS) is a non-profit association set up "
                "in 2015 at the prompting of Regione Lombardia. Its mission is to build a "
                "collective identity that represents the Lombard life-sciences sector.",
            ),
            ("heading", {"text": "Our members", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>companies, from start-ups to large groups;</li>"
                "<li>universities and research centres;</li>"
                "<li>research hospitals (IRCCS);</li>"
                "<li>hospitals and care providers;</li>"
                "<li>business associations.</li></ul>",
            ),
            ("heading", {"text": "Networks", "level": "h2"}),
            (
                "paragraph",
                "The Cluster belongs to ALISEI, the national technology cluster: through this "
                "network it helps members find partners beyond the region as well. Together "
                "with Confindustria Lombardia – EEN it runs the Sportello Europa desk.",
            ),
            ("organisations", {"heading": "", "kind": "network"}),
            ("heading", {"text": "The operating plan", "level": "h2"}),
            (
                "paragraph",
                "In July 2018 the Board approved the operating plan, which follows up the "
                "strategic plan presented to the members' meeting on 29 March 2018.",
            ),
        ],
    },
}
NEWS_INDEX = {
    "it": {
        "title": "Notizie",
        "slug": "notizie",
        "summary": "Le novità del Cluster e dei suoi soci.",
        "body": [],
    },
    "en": {
        "title": "News",
        "slug": "news",
        "summary": "News from the Cluster and its members.",
        "body": [],
    },
}

# Tags of the demo news, Italian then English.
TAGS = [
    ("Piano operativo", "Operating plan"),
    ("Open innovation", "Open innovation"),
    ("Sportello Europa", "Sportello Europa"),
]

OPERATING_PLAN_NEWS = {
    "date": "2018-07-09",
    "tags": ["Piano operativo", "Open innovation", "Sportello Europa"],
    "it": {
        "title": "Approvato il piano operativo 2018 del Cluster",
        "slug": "piano-operativo-2018",
        "summary": (
            "Il Consiglio direttivo ha approvato il piano operativo che traduce in azioni il "
            "piano strategico condiviso con i soci a marzo: tre ambiti di lavoro, progetti "
            "concreti e servizi per gli associati."
        ),
        "body": [
            (
                "paragraph",
                "Il Consiglio direttivo del Cluster Lombardo Scienze della Vita ha approvato il "
                "nuovo piano operativo. Il documento dà seguito al piano strategico presentato "
                "all'assemblea dei soci del 29 marzo 2018 e parte dalla missione del Cluster: "
                "costruire un'identità collettiva che rappresenti sul territorio il settore life "
                "science, a cominciare dalle realtà lombarde.",
            ),
            ("heading", {"text": "Tre ambiti di lavoro", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Ricerca e open innovation: rafforzare le capacità di ricerca e "
                "innovazione dell'ecosistema lombardo, pubblico e privato, promuovere la "
                "Lombardia come polo di eccellenza e favorire il trasferimento tecnologico e "
                "l'incontro tra imprese e ricerca.</li>"
                "<li>Experience sharing e community: facilitare lo scambio di conoscenze e di "
                "know-how su ricerca e innovazione e far crescere una community lombarda delle "
                "scienze della vita.</li>"
                "<li>Visibilità: far conoscere la filiera a livello nazionale e "
                "internazionale.</li></ul>",
            ),
            ("heading", {"text": "Le azioni", "level": "h2"}),
            ("paragraph", "Per ciascun ambito il piano individua azioni specifiche, tra cui:"),
            (
                "paragraph",
                "<ul><li>la partecipazione attiva all'organizzazione di Meet in Italy for Life "
                "Sciences, a Bologna dal 10 al 12 ottobre 2018;</li>"
                "<li>una comunicazione più intensa e il rinnovo di alcuni strumenti di "
                "comunicazione del Cluster;</li>"
                "<li>una rete lombarda di biobanche precliniche specializzate nelle "
                "neuroscienze;</li>"
                "<li>un progetto strettamente legato alla gestione della cronicità in "
                "Regione Lombardia;</li>"
                "<li>l'accreditamento del Cluster presso Regione Lombardia come interlocutore di "
                "riferimento per le scienze della vita;</li>"
                "<li>progetti dedicati all'internazionalizzazione.</li></ul>",
            ),
            (
                "paragraph",
                "Alcune attività di ricerca e open innovation partono già nel 2018; le iniziative "
                "per rafforzare la community lombarda si concentreranno nel 2019.",
            ),
            ("heading", {"text": "I servizi per i soci", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Sportello Europa: con Confindustria Lombardia – EEN, incontri one-to-one "
                "gratuiti su bandi europei, internazionalizzazione e valutazione della gestione "
                "dell'innovazione secondo lo standard IMP³rove e l'Innovation Health Check, per "
                "individuare punti di forza, debolezze e margini di miglioramento.</li>"
                "<li>Lettere di endorsement a sostegno dei progetti dei soci.</li>"
                "<li>Ricerca di partner, prima di tutto tra gli associati e poi in tutta Italia "
                "grazie alla rete del cluster tecnologico nazionale ALISEI.</li></ul>",
            ),
        ],
    },
    "en": {
        "title": "The Cluster's 2018 operating plan is approved",
        "slug": "operating-plan-2018",
        "summary": (
            "The Board has approved the operating plan that turns the strategic plan shared "
            "with members in March into action: three areas of work, concrete projects and "
            "services for members."
        ),
        "body": [
            (
                "paragraph",
                "The Board of the Lombardy Life Sciences Cluster has approved its new operating "
                "plan. The document follows up the strategic plan presented to the members' "
                "meeting on 29 March 2018 and starts from the Cluster's mission: to build a "
                "collective identity that represents the life-sciences sector locally, beginning "
                "with the organisations of Lombardy.",
            ),
            ("heading", {"text": "Three areas of work", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Research and open innovation: strengthen the research and innovation "
                "capacity of Lombardy's public and private ecosystem, promote the region as a hub "
                "of excellence, and encourage technology transfer and contact between companies "
                "and research.</li>"
                "<li>Experience sharing and community: make it easier to exchange knowledge and "
                "know-how on research and innovation, and grow a life-sciences community in "
                "Lombardy.</li>"
                "<li>Visibility: make the sector known nationally and "
                "internationally.</li></ul>",
            ),
            ("heading", {"text": "The actions", "level": "h2"}),
            ("paragraph", "For each area the plan sets out specific actions, among them:"),
            (
                "paragraph",
                "<ul><li>taking an active part in organising Meet in Italy for Life Sciences, in "
                "Bologna from 10 to 12 October 2018;</li>"
                "<li>stepping up communication and renewing some of the Cluster's communication "
                "tools;</li>"
                "<li>a Lombard network of pre-clinical biobanks specialised in "
                "neuroscience;</li>"
                "<li>a project closely tied to the management of chronic conditions in "
                "Regione Lombardia;</li>"
                "<li>the accreditation of the Cluster with Regione Lombardia as the reference body "
                "for the life sciences;</li>"
                "<li>projects devoted to internationalisation.</li></ul>",
            ),
            (
                "paragraph",
                "Some research and open innovation activities already start in 2018; the "
                "initiatives that strengthen the Lombard community will be concentrated in 2019.",
            ),
            ("heading", {"text": "Services for members", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Sportello Europa: with Confindustria Lombardia – EEN, free one-to-one "
                "meetings on European calls, internationalisation and the assessment of innovation "
                "management to the IMP³rove standard and the Innovation Health Check, to find "
                "strengths, weaknesses and room for improvement.</li>"
                "<li>Endorsement letters in support of members' projects.</li>"
                "<li>Partner search, first among the members themselves and then across Italy "
                "through the network of ALISEI, the national technology cluster.</li></ul>",
            ),
        ],
    },
}

EVENT_INDEX = {
    "it": {
        "title": "Eventi",
        "slug": "eventi",
        "summary": "Gli eventi che il Cluster organizza o a cui partecipa.",
        "body": [],
    },
    "en": {
        "title": "Events",
        "slug": "events",
        "summary": "The events the Cluster organises or takes part in.",
        "body": [],
    },
}

# The Cluster itself, as an organiser of events.
CLUSTER_ORGANISATION = {
    "it": {"name": "Cluster Lombardo Scienze della Vita"},
    "en": {"name": "Lombardy Life Sciences Cluster"},
}

MEET_IN_ITALY_2018 = {
    "start_date": "2018-10-10",
    "end_date": "2018-10-12",
    "it": {
        "title": "Meet in Italy for Life Sciences 2018",
        "slug": "meet-in-italy-for-life-sciences-2018",
        "summary": (
            "Tre giorni a Bologna dedicati alle scienze della vita: il Cluster partecipa "
            "attivamente all'organizzazione dell'edizione 2018."
        ),
        "venue_city": "Bologna",
        "venue_country": "Italia",
        "body": [
            (
                "paragraph",
                "La partecipazione all'organizzazione di Meet in Italy for Life Sciences è una "
                "delle azioni previste dal piano operativo 2018 del Cluster.",
            ),
        ],
    },
    "en": {
        "title": "Meet in Italy for Life Sciences 2018",
        "slug": "meet-in-italy-for-life-sciences-2018",
        "summary": (
            "Three days in Bologna devoted to the life sciences: the Cluster takes an active "
            "part in organising the 2018 edition."
        ),
        "venue_city": "Bologna",
        "venue_country": "Italy",
        "body": [
            (
                "paragraph",
                "Taking part in organising Meet in Italy for Life Sciences is one of the actions "
                "set out in the Cluster's 2018 operating plan.",
            ),
        ],
    },
}


SITE_CONTENT = {
    "it": {
        "footer_text": (
            "Associazione senza scopo di lucro che riunisce le realtà lombarde delle scienze "
            "della vita: imprese, ricerca, sanità."
        ),
    },
    "en": {
        "footer_text": (
            "A non-profit association bringing together Lombardy's life-sciences players: "
            "industry, research and healthcare."
        ),
    },
}


def stream_value(blocks):
    """Turn (type, value) pairs into StreamField raw data; paragraphs become rich text."""
    data = []
    for block_type, value in blocks:
        if block_type == "paragraph" and not value.startswith("<"):
            value = rich(value)
        data.append((block_type, value))
    return data


def _pieces(value):
    """The translatable pieces of a value: rich text splits into paragraphs and list items."""
    if isinstance(value, dict):
        return [piece for key in sorted(value) for piece in _pieces(value[key])]
    if isinstance(value, list | tuple):
        return [piece for item in value for piece in _pieces(item)]
    if isinstance(value, str):
        if value.startswith("<"):
            return re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", value)
        return [value]
    return []


def translation_pairs(source, target):
    """Map each Italian string of `source` to the English string at the same place."""
    italian, english = _pieces(source), _pieces(target)
    if len(italian) != len(english):
        raise ValueError("Italian and English demo content differ in shape.")
    return {
        html.unescape(it): en for it, en in zip(italian, english, strict=True) if it != en or it
    }
