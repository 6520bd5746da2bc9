"""The first information pages, written for Knutepunkt in bokmål and English.

Head office edits them in the admin afterwards; this only creates pages that are missing."""

from django.db import migrations

PAGES = [
    {
        'slug': 'hva-er-selvhjelp',
        'menu_order': 10,
        'title_nb': 'Hva er selvhjelp?',
        'title_en': 'What is self-help?',
        'summary_nb': 'Selvorganisert selvhjelp betyr at mennesker med samme livsproblem møtes og hjelper hverandre – på egne premisser.',
        'summary_en': 'Self-organised self-help means that people with the same life problem meet and help each other – on their own terms.',
        'body_nb': """Alle kan havne i en vanskelig livssituasjon. Det kan være angst, sorg, et samlivsbrudd, en kronisk sykdom, eller at noen du er glad i sliter med rus. Da kan det hjelpe å snakke med andre som vet hvordan det er – fordi de har kjent det på kroppen selv.

Selvorganisert selvhjelp handler om nettopp det. Du tar tak i din egen situasjon sammen med andre som har det på samme måte. Ingen skal fikse deg eller fortelle deg hva du skal gjøre. Dere deler erfaringer, lytter til hverandre og finner ut av ting sammen, i ditt eget tempo.

## Hvorfor virker det?

Når du møter andre i samme situasjon, blir du ofte mindre alene med det som er vondt. Mange opplever at de får nye tanker om sitt eget liv, og at de etter hvert finner krefter de ikke visste at de hadde. Problemet blir ikke borte av seg selv, men det blir lettere å bære og lettere å gjøre noe med.

- Du er med fordi du selv vil, og du bestemmer hvor mye du deler.
- Alle i gruppa er likeverdige. Ingen er ekspert på andres liv.
- Det som blir sagt i gruppa, blir i gruppa.
- Det koster ingenting.

## Selvhjelp er ikke behandling

En selvhjelpsgruppe er ikke terapi, og den erstatter ikke helsehjelp når du trenger det. Mange bruker selvhjelp ved siden av annen hjelp, eller etter at en behandling er avsluttet. Er du i akutt krise, kontakt fastlegen din, legevakten på 116 117, eller ring 113 ved fare for liv.

## Hvem står bak?

Selvhjelp Norge er et nasjonalt kompetansesenter for selvorganisert selvhjelp, finansiert av Helsedirektoratet. Vi har et hovedkontor i Oslo og distriktskontorer rundt i landet. Vi driver ikke gruppene selv, men vi hjelper folk og lokale aktører med å komme i gang. Målet er at alle i Norge skal vite hva selvhjelp er, og kunne bruke det når livet blir vanskelig.

[Finn en gruppe eller et kontaktpunkt](/finn-hjelp/) · [Les hvordan en gruppe foregår](/om/slik-foregar-en-gruppe/)""",
        'body_en': """Anyone can end up in a hard place in life. It might be anxiety, grief, a break-up, a long-term illness, or someone you love struggling with drugs or alcohol. Then it can help to talk with others who know what it is like – because they have lived it themselves.

That is what self-organised self-help is about. You take hold of your own situation together with others who are in the same boat. Nobody is there to fix you or tell you what to do. You share experiences, listen to each other and work things out together, at your own pace.

## Why does it work?

Meeting others in the same situation often makes you feel less alone with what hurts. Many people find new ways of thinking about their own lives, and in time discover strength they did not know they had. The problem does not simply go away, but it becomes easier to carry and easier to do something about.

- You take part because you want to, and you decide how much you share.
- Everyone in the group is equal. Nobody is an expert on someone else's life.
- What is said in the group stays in the group.
- It costs nothing.

## Self-help is not treatment

A self-help group is not therapy, and it does not replace health care when you need it. Many people use self-help alongside other help, or after treatment has ended. If you are in an acute crisis, contact your GP, the out-of-hours emergency clinic on 116 117, or call 113 if a life is in danger.

## Who is behind this?

Selvhjelp Norge (Self-help Norway) is the national competence centre for self-organised self-help, funded by the Norwegian Directorate of Health. We have a head office in Oslo and district offices around the country. We do not run the groups ourselves, but we help people and local organisations get started. Our aim is that everyone in Norway knows what self-help is and can use it when life gets hard.

[Find a group or a contact point](/en/finn-hjelp/) · [Read what happens in a group](/en/om/slik-foregar-en-gruppe/)""",
    },
    {
        'slug': 'slik-foregar-en-gruppe',
        'menu_order': 20,
        'title_nb': 'Slik foregår en selvhjelpsgruppe',
        'title_en': 'What happens in a self-help group',
        'summary_nb': 'En liten, lukket gruppe som møtes fast, uten leder og uten fagperson i rommet. Et verksted, ikke et kurs.',
        'summary_en': 'A small, closed group that meets regularly, with no leader and no professional in the room. A workshop, not a course.',
        'body_nb': """Det er helt vanlig å være spent før første møte. Her kan du lese hva som faktisk skjer, så du vet hva du går til.

## En liten gruppe som møtes fast

En selvhjelpsgruppe er vanligvis fem til åtte personer som har det samme livsproblemet, eller som er pårørende til noen som har det. Gruppa møtes fast, for eksempel annenhver uke, på et fast sted eller på telefon eller nett. Dere avtaler selv hvor ofte og hvor lenge.

## Slik er en selvhjelpsgruppe

- **Lukket:** Når gruppa har funnet formen sin, kommer det ikke stadig nye folk inn. Det gir trygghet. Gruppa kan selv bestemme å ta inn nye.
- **Lederløs:** Ingen leder gruppa. Dere har et felles ansvar for at det blir et godt sted å være.
- **Taushetsplikt:** Det som blir sagt i gruppa, blir i gruppa. Dette avtaler dere fra første møte.
- **Frivillig:** Du er med fordi du selv vil, og du kan slutte når du vil.
- **Gratis:** Det koster ingenting å være med.
- **Ingen fagperson i rommet:** Det er ingen terapeut eller behandler til stede. Det er deres egne erfaringer som er kunnskapen.

## Et verksted, ikke et kurs

I et kurs kommer noen utenfra og lærer deg noe. I en selvhjelpsgruppe er det motsatt: kunnskapen kommer innenfra, fra det dere selv har opplevd. Gruppa er et verksted der dere jobber med det som er vanskelig, hver for dere og sammen. Ingen gir råd om hvordan andre skal leve. Dere deler det dere har erfart, og hver og en tar med seg det som passer.

## Hvordan kommer gruppa i gang?

Ofte hjelper en igangsetter gruppa i gang de første gangene. En igangsetter er en person som har fått opplæring i selvhjelp. Hun eller han forklarer hvordan en selvhjelpsgruppe fungerer, hjelper dere med å bli enige om rammene – og trekker seg ut når gruppa står på egne ben.

## Hvordan blir jeg med?

Finn en gruppe på [Finn hjelp](/finn-hjelp/). Grupper som er åpne for nye, tar du kontakt med gjennom kontaktpunktet eller distriktskontoret som står oppført. Finnes det ingen gruppe om ditt tema der du bor, kan du melde interesse. Når nok mennesker har meldt seg, kan en ny gruppe starte.""",
        'body_en': """It is completely normal to feel nervous before the first meeting. Here is what actually happens, so you know what to expect.

## A small group that meets regularly

A self-help group is usually five to eight people who share the same life problem, or who are relatives of someone who has it. The group meets regularly, for example every other week, in the same place or by phone or online. You agree together how often and for how long.

## What a self-help group is like

- **Closed:** Once the group has found its shape, new people do not keep dropping in. That makes it safe. The group itself can decide to welcome new members.
- **Leaderless:** Nobody leads the group. You share the responsibility for making it a good place to be.
- **Confidential:** What is said in the group stays in the group. You agree on this from the first meeting.
- **Voluntary:** You take part because you want to, and you can stop whenever you like.
- **Free:** There is no fee.
- **No professional in the room:** There is no therapist or clinician present. Your own experiences are the knowledge.

## A workshop, not a course

On a course, someone from outside teaches you something. A self-help group is the opposite: the knowledge comes from within, from what you have lived through yourselves. The group is a workshop where you work on what is hard, each of you and all of you together. Nobody tells anyone else how to live. You share what you have experienced, and each person takes away what fits.

## How does a group get started?

Often a group starter helps the group through its first meetings. A group starter is someone trained in self-help. They explain how a self-help group works, help you agree on the ground rules – and step out once the group can stand on its own feet.

## How do I join?

Look for a group under [Find help](/en/finn-hjelp/). For groups that are open to new members, get in touch through the contact point or district office listed. If there is no group on your topic where you live, you can register your interest. When enough people have done so, a new group can start.""",
    },
    {
        'slug': 'starte-gruppe',
        'menu_order': 30,
        'title_nb': 'Starte en gruppe',
        'title_en': 'Starting a group',
        'summary_nb': 'Savner du en gruppe om ditt tema der du bor? Du trenger ikke gjøre det alene – vi hjelper deg i gang.',
        'summary_en': 'Missing a group on your topic where you live? You do not have to do it alone – we will help you get started.',
        'body_nb': """Mange grupper starter fordi én person savnet noen å snakke med. Finnes det ingen gruppe om ditt tema der du bor, kan du være den som tar initiativet.

## Slik går du fram

- **Meld interesse.** Gå til [Finn hjelp](/finn-hjelp/), velg tema og kommune, og si fra at du ønsker en gruppe. Da kan kontaktpunktet eller distriktskontoret se når flere ønsker det samme.
- **Ta kontakt med oss.** Det lokale kontaktpunktet eller [distriktskontoret](/kontorer/) der du bor, hjelper deg med å finne flere deltakere og et sted å være.
- **Få hjelp de første gangene.** En igangsetter kan være med på de første møtene og hjelpe gruppa med å finne formen sin. Deretter trekker igangsetteren seg ut, og gruppa er deres.

## Hva trengs?

Ikke så mye. Et rolig rom der dere kan snakke uforstyrret, et fast tidspunkt, og noen få mennesker som vil det samme. Mange grupper møtes i lokalene til en frivilligsentral, et bibliotek eller en frisklivssentral. Det koster ingenting.

## Vil du bli igangsetter?

Distriktskontorene holder igangsetteropplæring, ofte over to dager. Der lærer du hvordan selvhjelp fungerer, og hvordan du hjelper en ny gruppe i gang uten å bli gruppas leder. Se [kalenderen](/arrangementer/) eller kontakt distriktskontoret ditt.""",
        'body_en': """Many groups start because one person missed having someone to talk to. If there is no group on your topic where you live, you can be the one who takes the first step.

## How to go about it

- **Register your interest.** Go to [Find help](/en/finn-hjelp/), choose a topic and municipality, and tell us you would like a group. Then the contact point or district office can see when others want the same.
- **Get in touch with us.** The local contact point or the [district office](/en/kontorer/) where you live will help you find other participants and a place to meet.
- **Get help with the first meetings.** A group starter can join the first few meetings and help the group find its shape. Then the starter steps out, and the group is yours.

## What do you need?

Not much. A quiet room where you can talk undisturbed, a regular time, and a few people who want the same thing. Many groups meet at a volunteer centre, a library or a healthy life centre. It costs nothing.

## Would you like to become a group starter?

The district offices run starter training, often over two days. You learn how self-help works, and how to help a new group get going without becoming its leader. See the [calendar](/en/arrangementer/) or contact your district office.""",
    },
    {
        'slug': 'for-fagfolk',
        'menu_order': 40,
        'title_nb': 'For fagfolk og samarbeidspartnere',
        'title_en': 'For professionals and partners',
        'summary_nb': 'For kommuner, frivilligsentraler, frisklivssentraler, NAV, helsetjenesten, brukerorganisasjoner og utdanning.',
        'summary_en': 'For municipalities, volunteer centres, healthy life centres, NAV, health services, user organisations and education.',
        'body_nb': """Selvorganisert selvhjelp er en del av det helsefremmende, forebyggende og rehabiliterende arbeidet, både lokalt og nasjonalt. Den nasjonale planen for selvhjelp har som visjon at alle i Norge skal vite hva selvhjelp er, og kunne ta kunnskapen i bruk når livsproblemer oppstår. Dere som møter folk i hverdagen, er viktige for å nå dit.

## Hva kan dere gjøre?

- **Informere.** Fortell brukere, pasienter og deltakere at selvhjelp finnes. Mange trenger bare å vite at de kan møte andre i samme situasjon.
- **Bli et lokalt kontaktpunkt eller en møteplass.** En frivilligsentral, en frisklivssentral eller en kommunal tjeneste kan være stedet folk tar kontakt med for å finne eller starte en gruppe.
- **Låne ut rom.** Grupper trenger et rolig sted å møtes.
- **Være med i en plangruppe.** Lokale kontaktpunkter bygges ofte av en gruppe med folk fra flere samarbeidspartnere.
- **Lære mer.** Distriktskontorene holder foredrag, informasjonsmøter, fagdager og igangsetteropplæring.

## Hva en selvhjelpsgruppe er – og ikke er

En selvhjelpsgruppe er ikke et behandlingstilbud, og det er ingen fagperson til stede i gruppa. Rollen deres er å gjøre selvhjelp kjent, legge til rette og henvise – ikke å lede gruppene. Det er nettopp det at deltakerne selv eier gruppa som gir virkningen.

## Informasjonstreff for frisklivssentraler

Et informasjonstreff om selvhjelp på om lag to timer passer godt i etterkant av et kurs eller en aktivitet: Hva er selvhjelp? Hvordan kan det styrke mestring? Hvordan kommer deltakerne i gang med en gruppe? Distriktskontoret eller et lokalt kontaktpunkt kan være med og holde treffet.

## Ta kontakt

Finn [distriktskontoret](/kontorer/) for ditt område. Vi kommer gjerne på besøk, holder innlegg eller hjelper dere i gang med et kontaktpunkt.""",
        'body_en': """Self-organised self-help is part of health-promoting, preventive and rehabilitating work, locally and nationally. The vision of the national plan for self-help is that everyone in Norway knows what self-help is and can put that knowledge to use when life problems arise. Those of you who meet people in everyday life are key to getting there.

## What can you do?

- **Spread the word.** Tell users, patients and participants that self-help exists. Many people just need to know that they can meet others in the same situation.
- **Become a local contact point or meeting place.** A volunteer centre, a healthy life centre or a municipal service can be the place people turn to when they want to find or start a group.
- **Lend a room.** Groups need a quiet place to meet.
- **Join a planning group.** Local contact points are often built by a group of people from several partners.
- **Learn more.** The district offices give talks, information meetings, seminars and starter training.

## What a self-help group is – and is not

A self-help group is not a treatment service, and no professional takes part in the group. Your role is to make self-help known, to make room for it and to refer people – not to lead the groups. It is precisely because the participants own the group that it works.

## Information meetings for healthy life centres

An information meeting about self-help of about two hours fits well after a course or activity: What is self-help? How can it strengthen coping? How can participants get started with a group? The district office or a local contact point can help run it.

## Get in touch

Find the [district office](/en/kontorer/) for your area. We are happy to visit, give a talk or help you set up a contact point.""",
    },
    {
        'slug': 'distriktskontorene',
        'menu_order': 50,
        'title_nb': 'Om distriktskontorene',
        'title_en': 'About the district offices',
        'summary_nb': 'Selvhjelp Norge har distriktskontorer rundt i landet. Hvert kontor dekker to eller tre fylker.',
        'summary_en': 'Selvhjelp Norge has district offices around the country. Each office covers two or three counties.',
        'body_nb': """Distriktskontorene er Selvhjelp Norges folk ute i landet. Hvert kontor har ansvar for to eller tre fylker og kjenner nettverkene og mulighetene der. Nærhet gjør det lettere å bygge gode relasjoner og å vite hva som finnes lokalt.

## Hva gjør et distriktskontor?

- Er et informasjonspunkt om selvhjelp i sitt område.
- Driver utviklingen av selvhjelpsarbeidet sammen med lokale aktører, og bygger nettverk.
- Er en faglig ressurs: holder foredrag, informasjonsmøter og fagdager.
- Holder igangsetteropplæring og bygger nettverk av igangsettere.
- Samarbeider med lokale møteplasser og kontaktpunkter etter hvert som de etableres.
- Setter i gang grupper sammen med lokale aktører.

Distriktskontorene driver ikke gruppene selv. De hjelper andre med å komme i gang, og de vet hvor det finnes grupper og kontaktpunkter.

## Kan de hjelpe meg?

Ja. Lurer du på om det finnes en gruppe der du bor, eller vil du starte en, kan du ta kontakt med distriktskontoret for ditt fylke. Det er gratis, og du trenger ikke henvisning.

[Se alle distriktskontorene og hvordan du kontakter dem](/kontorer/)""",
        'body_en': """The district offices are Selvhjelp Norge's people around the country. Each office is responsible for two or three counties and knows the networks and opportunities there. Being close makes it easier to build good relationships and to know what exists locally.

## What does a district office do?

- Is an information point about self-help in its area.
- Drives the development of self-help work together with local partners, and builds networks.
- Is a professional resource: gives talks, information meetings and seminars.
- Runs starter training and builds networks of group starters.
- Works with local meeting places and contact points as they are set up.
- Starts groups together with local partners.

The district offices do not run the groups themselves. They help others get started, and they know where there are groups and contact points.

## Can they help me?

Yes. If you wonder whether there is a group where you live, or you want to start one, contact the district office for your county. It is free, and you do not need a referral.

[See all the district offices and how to contact them](/en/kontorer/)""",
    },
    {
        'slug': 'personvern',
        'menu_order': 90,
        'title_nb': 'Personvernerklæring',
        'title_en': 'Privacy statement',
        'summary_nb': 'Hvilke personopplysninger vi samler inn, hvorfor, hvem som ser dem, og når de slettes.',
        'summary_en': 'What personal data we collect, why, who sees it, and when it is deleted.',
        'body_nb': """Vi tar personvernet ditt på alvor. Vi samler inn så lite som mulig, og bare når du selv gir oss opplysningene. Selvhjelp Norge er behandlingsansvarlig for opplysningene på dette nettstedet.

## Du kan bruke nettstedet anonymt

Du kan lese, søke etter grupper og se kartet uten å oppgi noe om deg selv. Vi bruker ingen analyseverktøy, ingen annonser og ingen tjenester fra andre nettsteder. Vi setter bare de informasjonskapslene som trengs for at nettstedet skal virke: én som husker språket du har valgt, og én som beskytter skjemaene mot misbruk.

## Når du melder interesse for en gruppe

Når du ønsker en gruppe som ikke finnes ennå, ber vi om tema, kommune og hvordan vi kan nå deg (e-post eller telefon). Et fornavn eller kallenavn kan du oppgi hvis du vil.

- **Hvorfor:** for at noen kan kontakte deg når en gruppe kan starte.
- **Samtykke:** Fordi temaet kan si noe om helsen din, ber vi om ditt uttrykkelige samtykke (personvernforordningen artikkel 9). Du kan trekke samtykket når som helst.
- **Hvem ser det:** bare det lokale kontaktpunktet eller distriktskontoret som dekker kommunen du valgte, og hovedkontoret ved behov. Helsedirektoratet og andre ser aldri opplysningene, bare tall uten navn.
- **Sletting:** Vi sletter meldingen når den ikke lenger trengs: når du er satt i kontakt med en gruppe, når du ber om det, og senest når den har stått ubrukt i tolv måneder.

## Når du melder deg på et arrangement

Vi ber om navn og e-post, og eventuelt telefonnummer. Opplysningene brukes til å holde plass til deg, sende deg bekreftelse og gi beskjed om endringer. Bare arrangøren ser dem. Vi sletter påmeldingene når arrangementet er over og de ikke lenger trengs.

## Vi registrerer ikke hvem som er med i en gruppe

Selvhjelpsgrupper er lukket og fortrolige. Systemet lagrer at en gruppe finnes og hvordan man tar kontakt, men aldri hvem som er med.

## Ansatte og samarbeidspartnere

For dem som logger inn (ansatte, kontaktpunkter), lagrer vi navn, e-post og rolle, og en logg over endringer de gjør. Loggen viser at et felt er endret, ikke innholdet i personopplysningene.

## Dine rettigheter

Du har rett til å få vite hva vi har lagret om deg, få rettet feil, få opplysningene slettet og trekke tilbake samtykke. Skriv til oss, så svarer vi innen 30 dager. Mener du at vi behandler opplysningene dine feil, kan du klage til [Datatilsynet](https://www.datatilsynet.no/).

## Kontakt

Spørsmål om personvern: [post@knutepunkt.example](mailto:post@knutepunkt.example)""",
        'body_en': """We take your privacy seriously. We collect as little as possible, and only when you give us the information yourself. Selvhjelp Norge is the data controller for the information on this website.

## You can use the website anonymously

You can read, search for groups and look at the map without telling us anything about yourself. We use no analytics, no advertising and no services from other websites. We only set the cookies the website needs to work: one that remembers the language you chose, and one that protects the forms against misuse.

## When you register interest in a group

When you would like a group that does not exist yet, we ask for the topic, the municipality and how we can reach you (e-mail or phone). You may give a first name or a nickname if you wish.

- **Why:** so that someone can contact you when a group can start.
- **Consent:** Because the topic may say something about your health, we ask for your explicit consent (GDPR Article 9). You can withdraw it at any time.
- **Who sees it:** only the local contact point or district office that covers the municipality you chose, and head office if needed. The Directorate of Health and others never see it, only figures without names.
- **Deletion:** We delete it when it is no longer needed: when you have been put in touch with a group, when you ask us to, and at the latest when it has been unused for twelve months.

## When you sign up for an event

We ask for your name and e-mail, and a phone number if you like. We use them to hold your place, send you a confirmation and tell you about changes. Only the organiser sees them. We delete sign-ups when the event is over and they are no longer needed.

## We never record who is in a group

Self-help groups are closed and confidential. The system stores that a group exists and how to get in touch, but never who takes part.

## Staff and partners

For people who sign in (staff, contact points), we store name, e-mail and role, and a log of the changes they make. The log shows that a field was changed, not the personal data itself.

## Your rights

You have the right to know what we have stored about you, to have mistakes corrected, to have the data deleted and to withdraw consent. Write to us and we will reply within 30 days. If you believe we handle your data wrongly, you can complain to the Norwegian Data Protection Authority, [Datatilsynet](https://www.datatilsynet.no/en/).

## Contact

Questions about privacy: [post@knutepunkt.example](mailto:post@knutepunkt.example)""",
    },
    {
        'slug': 'tilgjengelighet',
        'menu_order': 95,
        'title_nb': 'Tilgjengelighetserklæring',
        'title_en': 'Accessibility statement',
        'summary_nb': 'Nettstedet skal kunne brukes av alle. Slik jobber vi med universell utforming, og dette vet vi ikke er bra nok ennå.',
        'summary_en': 'The website should work for everyone. This is how we work on accessibility, and what we know is not good enough yet.',
        'body_nb': """Alle skal kunne finne informasjon om selvhjelp og finne en gruppe, uansett funksjonsevne, skjerm eller utstyr. Nettstedet har som mål å oppfylle kravene i WCAG 2.1 på nivå AA, slik forskrift om universell utforming av IKT-løsninger krever.

## Slik tester vi

- Automatiske tester med verktøyet axe-core kjøres på de offentlige sidene ved hver endring.
- Vi tester at alt kan brukes med tastatur alene, og at fokus alltid er synlig.
- Vi tester på smal mobilskjerm (360 piksler) og med forstørret tekst (200 prosent).
- Alle sider virker uten JavaScript.
- Tekstene er skrevet i et enkelt språk, på bokmål og engelsk.

## Det vi vet ikke er bra nok ennå

- **Kartet:** Kartet over kommuner er en tegning som er vanskelig å bruke med skjermleser og tastatur, fordi det har mange små områder. Den samme informasjonen finnes som en liste ved siden av kartet og på [oversikten over alle kommuner](/kommune/).
- **Små kommuner i kartet** kan være vanskelige å treffe med fingeren på mobil. Bruk lista i stedet.
- **Innloggede sider** for ansatte og kontaktpunkter er ikke testet like grundig som de offentlige sidene.

## Gi oss beskjed

Får du ikke brukt noe på nettstedet, eller har du forslag til forbedringer? Skriv til [post@knutepunkt.example](mailto:post@knutepunkt.example). Fortell gjerne hvilken side det gjelder og hvilket hjelpemiddel du bruker. Vi svarer så snart vi kan.

## Klage

Er du ikke fornøyd med svaret fra oss, kan du klage til Tilsynet for universell utforming av IKT, som er en del av Digitaliseringsdirektoratet: [uutilsynet.no](https://www.uutilsynet.no/).""",
        'body_en': """Everyone should be able to find information about self-help and find a group, whatever their abilities, screen or device. The website aims to meet WCAG 2.1 level AA, as the Norwegian regulations on universal design of ICT require.

## How we test

- Automated tests with the axe-core tool run on the public pages with every change.
- We test that everything can be used with a keyboard alone, and that focus is always visible.
- We test on a narrow phone screen (360 pixels) and with enlarged text (200 per cent).
- Every page works without JavaScript.
- The texts are written in plain language, in Norwegian bokmål and English.

## What we know is not good enough yet

- **The map:** The map of municipalities is a drawing that is hard to use with a screen reader or keyboard, because it has many small areas. The same information is in a list next to the map and in the [overview of all municipalities](/en/kommune/).
- **Small municipalities on the map** can be hard to hit with a finger on a phone. Use the list instead.
- **Signed-in pages** for staff and contact points have not been tested as thoroughly as the public pages.

## Tell us

Is there something on the website you cannot use, or do you have ideas for improvements? Write to [post@knutepunkt.example](mailto:post@knutepunkt.example). Please tell us which page it is and what assistive technology you use. We will reply as soon as we can.

## Complaints

If you are not satisfied with our reply, you can complain to the Authority for Universal Design of ICT, part of the Norwegian Digitalisation Agency (Digdir): [uutilsynet.no](https://www.uutilsynet.no/).""",
    },
]


def create_pages(apps, schema_editor):
    InfoPage = apps.get_model("pages", "InfoPage")
    existing = set(InfoPage.objects.values_list("slug", flat=True))
    InfoPage.objects.bulk_create(
        [InfoPage(is_published=True, **page) for page in PAGES if page["slug"] not in existing]
    )


def remove_pages(apps, schema_editor):
    InfoPage = apps.get_model("pages", "InfoPage")
    InfoPage.objects.filter(slug__in=[page["slug"] for page in PAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_info_page")]

    operations = [migrations.RunPython(create_pages, remove_pages)]
