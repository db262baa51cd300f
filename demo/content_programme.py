"""Demo text for the pillars, initiatives, services and site pages, Italian then English.

Facts from the 2018 operating plan only; periods and statuses the plan does not
give are left empty.
"""

PILLARS = [
    {
        "it": {
            "title": "Ricerca e Open Innovation",
            "slug": "ricerca-e-open-innovation",
            "summary": (
                "Rafforzare ricerca e innovazione nell'ecosistema lombardo e avvicinare "
                "imprese e ricerca."
            ),
            "aims": (
                "<ul><li>Favorire le capacità di ricerca e innovazione dell'ecosistema lombardo, "
                "pubblico e privato.</li>"
                "<li>Promuovere la Lombardia come polo di eccellenza per la ricerca e "
                "l'innovazione.</li>"
                "<li>Favorire il trasferimento tecnologico e l'incontro tra impresa e "
                "ricerca.</li></ul>"
            ),
            "body": [("paragraph", "Alcune attività di questo ambito partono già nel 2018.")],
        },
        "en": {
            "title": "Research and Open Innovation",
            "slug": "research-and-open-innovation",
            "summary": (
                "Strengthening research and innovation in Lombardy's ecosystem and bringing "
                "companies and research together."
            ),
            "aims": (
                "<ul><li>Support the research and innovation capacity of Lombardy's public and "
                "private ecosystem.</li>"
                "<li>Promote Lombardy as a hub of excellence for research and "
                "innovation.</li>"
                "<li>Encourage technology transfer and contact between companies and "
                "research.</li></ul>"
            ),
            "body": [("paragraph", "Some activities in this area already start in 2018.")],
        },
        "initiatives": [
            {
                "start_year": 2018,
                "it": {
                    "title": "Rete di biobanche precliniche per le neuroscienze",
                    "slug": "biobanche-precliniche-neuroscienze",
                    "summary": (
                        "Creare in Lombardia una rete di biobanche precliniche specializzate "
                        "nelle neuroscienze."
                    ),
                },
                "en": {
                    "title": "Network of pre-clinical neuroscience biobanks",
                    "slug": "preclinical-neuroscience-biobanks",
                    "summary": (
                        "Creating in Lombardy a network of pre-clinical biobanks specialised in "
                        "neuroscience."
                    ),
                },
            },
            {
                "start_year": 2018,
                "it": {
                    "title": "Progetto sulla gestione della cronicità",
                    "slug": "gestione-della-cronicita",
                    "summary": (
                        "Un progetto strettamente legato alla gestione della cronicità in "
                        "Regione Lombardia."
                    ),
                },
                "en": {
                    "title": "Chronic-care management project",
                    "slug": "chronic-care-management",
                    "summary": (
                        "A project closely tied to the management of chronic conditions in "
                        "Regione Lombardia."
                    ),
                },
            },
        ],
    },
    {
        "it": {
            "title": "Experience Sharing & Community",
            "slug": "experience-sharing-community",
            "summary": (
                "Far circolare conoscenze ed esperienze e far crescere la community lombarda "
                "delle scienze della vita."
            ),
            "aims": (
                "<ul><li>Agevolare lo scambio di conoscenze e di know-how su ricerca e "
                "innovazione.</li>"
                "<li>Rafforzare lo sviluppo di una community dedicata alle scienze della vita "
                "in Lombardia.</li></ul>"
            ),
            "body": [
                (
                    "paragraph",
                    "Le iniziative per rafforzare la community lombarda si concentreranno "
                    "nel 2019.",
                )
            ],
        },
        "en": {
            "title": "Experience Sharing & Community",
            "slug": "experience-sharing-community",
            "summary": (
                "Sharing knowledge and experience and growing Lombardy's life-sciences community."
            ),
            "aims": (
                "<ul><li>Make it easier to exchange knowledge and know-how on research and "
                "innovation.</li>"
                "<li>Strengthen a community devoted to the life sciences in "
                "Lombardy.</li></ul>"
            ),
            "body": [
                (
                    "paragraph",
                    "The initiatives that strengthen the Lombard community will be concentrated "
                    "in 2019.",
                )
            ],
        },
        "initiatives": [],
    },
    {
        "it": {
            "title": "Visibilità",
            "slug": "visibilita",
            "summary": (
                "Far conoscere la filiera lombarda delle scienze della vita in Italia e all'estero."
            ),
            "aims": (
                "<ul><li>Promuovere la visibilità della filiera a livello nazionale e "
                "internazionale.</li></ul>"
            ),
            "body": [],
        },
        "en": {
            "title": "Visibility",
            "slug": "visibility",
            "summary": "Making Lombardy's life-sciences sector known in Italy and abroad.",
            "aims": (
                "<ul><li>Promote the visibility of the sector nationally and "
                "internationally.</li></ul>"
            ),
            "body": [],
        },
        "initiatives": [
            {
                "start_year": 2018,
                "end_year": 2018,
                "related_event": True,
                "it": {
                    "title": "Meet in Italy for Life Sciences",
                    "slug": "meet-in-italy-for-life-sciences",
                    "summary": (
                        "La partecipazione attiva all'organizzazione di Meet in Italy for Life "
                        "Sciences, a Bologna dal 10 al 12 ottobre 2018."
                    ),
                },
                "en": {
                    "title": "Meet in Italy for Life Sciences",
                    "slug": "meet-in-italy-for-life-sciences",
                    "summary": (
                        "Taking an active part in organising Meet in Italy for Life Sciences, in "
                        "Bologna from 10 to 12 October 2018."
                    ),
                },
            },
            {
                "it": {
                    "title": "Comunicazione del Cluster",
                    "slug": "comunicazione",
                    "summary": (
                        "Potenziare le attività di comunicazione del Cluster e rinnovare alcuni "
                        "dei suoi strumenti."
                    ),
                },
                "en": {
                    "title": "The Cluster's communication",
                    "slug": "communication",
                    "summary": (
                        "Stepping up the Cluster's communication activities and renewing some of "
                        "its tools."
                    ),
                },
            },
            {
                "it": {
                    "title": "Accreditamento presso Regione Lombardia",
                    "slug": "accreditamento-regione-lombardia",
                    "summary": (
                        "Accreditare il Cluster presso Regione Lombardia come soggetto di "
                        "riferimento per le scienze della vita."
                    ),
                },
                "en": {
                    "title": "Accreditation with Regione Lombardia",
                    "slug": "accreditation-regione-lombardia",
                    "summary": (
                        "Accrediting the Cluster with Regione Lombardia as the reference body for "
                        "the life sciences."
                    ),
                },
            },
            {
                "it": {
                    "title": "Progetti di internazionalizzazione",
                    "slug": "internazionalizzazione",
                    "summary": "Sviluppare progetti legati all'internazionalizzazione.",
                },
                "en": {
                    "title": "Internationalisation projects",
                    "slug": "internationalisation",
                    "summary": "Developing projects linked to internationalisation.",
                },
            },
        ],
    },
]

# Organisations named in the plan: (kind, Italian name, English name, Italian
# description, English description).
ORGANISATIONS = [
    ("institution", "Regione Lombardia", "Regione Lombardia", "", ""),
    ("partner", "Confindustria Lombardia – EEN", "Confindustria Lombardia – EEN", "", ""),
    (
        "network",
        "ALISEI",
        "ALISEI",
        "Il cluster tecnologico nazionale di cui il Cluster fa parte.",
        "The national technology cluster the Cluster belongs to.",
    ),
]

SERVICE_INDEX = {
    "it": {
        "title": "Servizi per i soci",
        "slug": "servizi",
        "summary": "Che cosa il Cluster mette a disposizione dei propri associati.",
        "body": [],
    },
    "en": {
        "title": "Services for members",
        "slug": "services",
        "summary": "What the Cluster offers its members.",
        "body": [],
    },
}

CONTACT_FIELDS = [
    # (Italian label, English label, field type, required, Italian choices, English choices)
    ("Nome e cognome", "Full name", "singleline", True, "", ""),
    ("Organizzazione", "Organisation", "singleline", True, "", ""),
    ("E-mail", "E-mail", "email", True, "", ""),
]
MESSAGE_FIELD = ("Messaggio", "Message", "multiline", False, "", "")

SERVICES = [
    {
        "fields": [
            *CONTACT_FIELDS,
            (
                "Argomento",
                "Topic",
                "dropdown",
                True,
                "Bandi europei\nInternazionalizzazione\nValutazione dell'innovazione",
                "European calls\nInternationalisation\nInnovation assessment",
            ),
            MESSAGE_FIELD,
        ],
        "it": {
            "title": "Sportello Europa",
            "slug": "sportello-europa",
            "summary": (
                "Incontri one-to-one gratuiti, con Confindustria Lombardia – EEN, su bandi "
                "europei, internazionalizzazione e valutazione dell'innovazione."
            ),
            "audience": (
                "<p>I soci del Cluster interessati ai bandi europei, all'internazionalizzazione "
                "o a una valutazione di come l'azienda gestisce l'innovazione.</p>"
            ),
            "how_it_works": (
                "<p>Inviate una richiesta con il modulo: lo Sportello Europa, in collaborazione "
                "con Confindustria Lombardia – EEN, organizza un incontro one-to-one "
                "gratuito.</p>"
                "<p>La valutazione dell'innovazione segue lo standard IMP³rove e l'Innovation "
                "Health Check, che analizzano la gestione dell'innovazione dell'azienda per "
                "individuarne punti di forza, debolezze e opportunità di miglioramento.</p>"
            ),
            "thank_you_text": (
                "<p>Grazie: abbiamo ricevuto la richiesta e vi ricontatteremo per fissare "
                "l'incontro.</p>"
            ),
        },
        "en": {
            "title": "Sportello Europa",
            "slug": "sportello-europa",
            "summary": (
                "Free one-to-one meetings, with Confindustria Lombardia – EEN, on European "
                "calls, internationalisation and innovation assessment."
            ),
            "audience": (
                "<p>Members of the Cluster interested in European calls, internationalisation "
                "or an assessment of how their company manages innovation.</p>"
            ),
            "how_it_works": (
                "<p>Send a request with the form: the Sportello Europa desk, together with "
                "Confindustria Lombardia – EEN, arranges a free one-to-one meeting.</p>"
                "<p>Innovation assessment follows the IMP³rove standard and the Innovation Health "
                "Check, which analyse how a company manages innovation to find its strengths, "
                "weaknesses and opportunities for improvement.</p>"
            ),
            "thank_you_text": (
                "<p>Thank you: we have received your request and will contact you to arrange "
                "the meeting.</p>"
            ),
        },
    },
    {
        "fields": [*CONTACT_FIELDS, MESSAGE_FIELD],
        "it": {
            "title": "Lettere di endorsement",
            "slug": "lettere-di-endorsement",
            "summary": "Lettere di endorsement del Cluster a sostegno dei progetti dei soci.",
            "audience": "<p>I soci del Cluster.</p>",
            "how_it_works": (
                "<p>Descrivete nel modulo il progetto per cui vi serve la lettera: il Cluster "
                "vi aiuta a redigerla.</p>"
            ),
            "thank_you_text": "<p>Grazie: abbiamo ricevuto la richiesta.</p>",
        },
        "en": {
            "title": "Endorsement letters",
            "slug": "endorsement-letters",
            "summary": "Endorsement letters from the Cluster in support of members' projects.",
            "audience": "<p>Members of the Cluster.</p>",
            "how_it_works": (
                "<p>Describe in the form the project you need the letter for: the Cluster helps "
                "you draft it.</p>"
            ),
            "thank_you_text": "<p>Thank you: we have received your request.</p>",
        },
    },
    {
        "fields": [*CONTACT_FIELDS, MESSAGE_FIELD],
        "it": {
            "title": "Ricerca partner",
            "slug": "ricerca-partner",
            "summary": (
                "Vi aiutiamo a trovare partner, prima di tutto tra gli associati e poi in "
                "tutta Italia grazie alla rete di ALISEI."
            ),
            "audience": "<p>I soci del Cluster che cercano partner per un progetto.</p>",
            "how_it_works": (
                "<p>Raccontate nel modulo che partner cercate: il Cluster li cerca prima tra i "
                "propri associati e poi a livello nazionale, grazie all'appartenenza al cluster "
                "tecnologico nazionale ALISEI.</p>"
            ),
            "thank_you_text": "<p>Grazie: abbiamo ricevuto la richiesta.</p>",
        },
        "en": {
            "title": "Partner search",
            "slug": "partner-search",
            "summary": (
                "We help you find partners, first among the members and then across Italy "
                "through the ALISEI network."
            ),
            "audience": "<p>Members of the Cluster looking for partners for a project.</p>",
            "how_it_works": (
                "<p>Tell us in the form what partners you are looking for: the Cluster looks for "
                "them first among its members and then nationally, through its membership of "
                "ALISEI, the national technology cluster.</p>"
            ),
            "thank_you_text": "<p>Thank you: we have received your request.</p>",
        },
    },
]

PRIVACY = {
    "it": {
        "title": "Privacy",
        "slug": "privacy",
        "summary": "Quali dati raccoglie questo sito, e perché.",
        "body": [
            ("heading", {"text": "Le richieste inviate con i moduli", "level": "h2"}),
            (
                "paragraph",
                "Quando inviate una richiesta a uno dei servizi, il sito conserva ciò che "
                "scrivete nel modulo, la lingua della pagina e il momento in cui avete dato il "
                "consenso, insieme al testo del consenso. Questi dati servono solo a rispondere "
                "alla richiesta: restano nell'area riservata del sito per il tempo necessario a "
                "darvi seguito e poi la redazione li cancella.",
            ),
            ("heading", {"text": "Nessun tracciamento", "level": "h2"}),
            (
                "paragraph",
                "Il sito non usa cookie di profilazione né strumenti di statistica e non carica "
                "risorse da altri siti. Le pagine con un modulo impostano soltanto il cookie "
                "tecnico che protegge l'invio (CSRF). I video di YouTube o Vimeo si caricano "
                "solo se premete play.",
            ),
            ("heading", {"text": "Titolare del trattamento", "level": "h2"}),
            (
                "paragraph",
                "Il titolare del trattamento è l'associazione Cluster Lombardo Scienze della Vita.",
            ),
        ],
    },
    "en": {
        "title": "Privacy",
        "slug": "privacy",
        "summary": "What data this site collects, and why.",
        "body": [
            ("heading", {"text": "Requests sent with the forms", "level": "h2"}),
            (
                "paragraph",
                "When you send a request to one of the services, the site keeps what you write "
                "in the form, the language of the page and the moment you gave your consent, "
                "together with the wording of that consent. These data are used only to answer "
                "the request: they stay in the site's staff area for as long as it takes to "
                "deal with it, and then the editorial staff delete them.",
            ),
            ("heading", {"text": "No tracking", "level": "h2"}),
            (
                "paragraph",
                "The site uses no profiling cookies or analytics tools and loads nothing from "
                "other sites. Pages with a form set only the technical cookie that protects the "
                "submission (CSRF). YouTube or Vimeo videos load only when you press play.",
            ),
            ("heading", {"text": "Data controller", "level": "h2"}),
            (
                "paragraph",
                "The data controller is the Cluster Lombardo Scienze della Vita association.",
            ),
        ],
    },
}

ACCESSIBILITY = {
    "it": {
        "title": "Dichiarazione di accessibilità",
        "slug": "accessibilita",
        "summary": "Come il sito cerca di essere usabile da tutti.",
        "body": [
            (
                "paragraph",
                "Il sito punta a rispettare le linee guida WCAG 2.1 al livello AA, in italiano e "
                "in inglese.",
            ),
            ("heading", {"text": "Come lo verifichiamo", "level": "h2"}),
            (
                "paragraph",
                "A ogni modifica del sito, ogni tipo di pagina viene controllato in entrambe le "
                "lingue con axe-core e con il validatore HTML Nu; la navigazione da tastiera, il "
                "menu per schermi piccoli e il cambio di lingua sono provati in un browser.",
            ),
            ("heading", {"text": "Segnalazioni", "level": "h2"}),
            (
                "paragraph",
                "Se incontrate un ostacolo, segnalatelo alla redazione del Cluster ai contatti "
                "indicati in fondo alla pagina.",
            ),
        ],
    },
    "en": {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "summary": "How the site tries to be usable by everyone.",
        "body": [
            (
                "paragraph",
                "The site aims to meet the WCAG 2.1 guidelines at level AA, in Italian and in "
                "English.",
            ),
            ("heading", {"text": "How we check it", "level": "h2"}),
            (
                "paragraph",
                "Whenever the site changes, every kind of page is checked in both languages with "
                "axe-core and the Nu HTML checker; keyboard navigation, the menu for small "
                "screens and the language switch are tried in a browser.",
            ),
            ("heading", {"text": "Feedback", "level": "h2"}),
            (
                "paragraph",
                "If you meet a barrier, tell the Cluster's editorial staff through the contacts "
                "at the foot of the page.",
            ),
        ],
    },
}
