"""Every kind of public page of the demo site, in both languages, with its language."""

DEMO_PAGES = [
    ("/it/chi-siamo/", "it"),
    ("/en/about/", "en"),
    ("/it/notizie/", "it"),
    ("/en/news/", "en"),
    ("/it/notizie/piano-operativo-2018/", "it"),
    ("/en/news/operating-plan-2018/", "en"),
    ("/it/notizie/tag/piano-operativo/", "it"),
    ("/en/news/tag/operating-plan/", "en"),
    ("/it/notizie/2018/", "it"),
    ("/en/news/2017/", "en"),
    ("/it/eventi/", "it"),
    ("/en/events/", "en"),
    ("/it/eventi/2018/", "it"),
    ("/en/events/2018/", "en"),
    ("/it/eventi/meet-in-italy-for-life-sciences-2018/", "it"),
    ("/en/events/meet-in-italy-for-life-sciences-2018/", "en"),
    ("/en/missing/", "en"),
    ("/it/mancante/", "it"),
]
