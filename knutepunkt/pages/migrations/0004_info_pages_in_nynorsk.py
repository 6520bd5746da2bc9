"""The information pages in nynorsk, and the accessibility statement brought up to date
(WCAG 2.2 tested, three written languages).

Like 0002, this only fills what is missing: a nynorsk field that head office has already
written is left as it is, and the bokmål and English accessibility statement is replaced
only where it still is 0002's text, word for word."""

from django.db import migrations

NYNORSK = {
    'hva-er-selvhjelp': {
        'title_nn': 'Kva er sjølvhjelp?',
        'summary_nn': 'Sjølvorganisert sjølvhjelp tyder at menneske med same livsproblem møtest og hjelper kvarandre – på eigne premissar.',
        'body_nn': """Alle kan hamne i ein vanskeleg livssituasjon. Det kan vere angst, sorg, eit samlivsbrot, ein kronisk sjukdom, eller at nokon du er glad i, slit med rus. Då kan det hjelpe å snakke med andre som veit korleis det er – fordi dei har kjent det på kroppen sjølve.

Sjølvorganisert sjølvhjelp handlar om nettopp det. Du tek tak i din eigen situasjon saman med andre som har det på same måten. Ingen skal fikse deg eller fortelje deg kva du skal gjere. De deler erfaringar, lyttar til kvarandre og finn ut av ting saman, i ditt eige tempo.

## Kvifor verkar det?

Når du møter andre i same situasjon, blir du ofte mindre åleine med det som er vondt. Mange opplever at dei får nye tankar om sitt eige liv, og at dei etter kvart finn krefter dei ikkje visste at dei hadde. Problemet blir ikkje borte av seg sjølv, men det blir lettare å bere og lettare å gjere noko med.

- Du er med fordi du sjølv vil, og du bestemmer kor mykje du deler.
- Alle i gruppa er likeverdige. Ingen er ekspert på livet til andre.
- Det som blir sagt i gruppa, blir i gruppa.
- Det kostar ingenting.

## Sjølvhjelp er ikkje behandling

Ei sjølvhjelpsgruppe er ikkje terapi, og ho erstattar ikkje helsehjelp når du treng det. Mange bruker sjølvhjelp ved sida av anna hjelp, eller etter at ei behandling er avslutta. Er du i akutt krise, kontakt fastlegen din, legevakta på 116 117, eller ring 113 ved fare for liv.

## Kven står bak?

Selvhjelp Norge er eit nasjonalt kompetansesenter for sjølvorganisert sjølvhjelp, finansiert av Helsedirektoratet. Vi har eit hovudkontor i Oslo og distriktskontor rundt i landet. Vi driv ikkje gruppene sjølve, men vi hjelper folk og lokale aktørar med å kome i gang. Målet er at alle i Noreg skal vite kva sjølvhjelp er, og kunne bruke det når livet blir vanskeleg.

[Finn ei gruppe eller eit kontaktpunkt](/nn/finn-hjelp/) · [Les korleis ei gruppe går føre seg](/nn/om/slik-foregar-en-gruppe/)""",
    },
    'slik-foregar-en-gruppe': {
        'title_nn': 'Slik går ei sjølvhjelpsgruppe føre seg',
        'summary_nn': 'Ei lita, lukka gruppe som møtest fast, utan leiar og utan fagperson i rommet. Eit verkstad, ikkje eit kurs.',
        'body_nn': """Det er heilt vanleg å vere spent før det første møtet. Her kan du lese kva som faktisk skjer, så du veit kva du går til.

## Ei lita gruppe som møtest fast

Ei sjølvhjelpsgruppe er vanlegvis fem til åtte personar som har det same livsproblemet, eller som er pårørande til nokon som har det. Gruppa møtest fast, til dømes annakvar veke, på ein fast stad eller på telefon eller nett. De avtaler sjølve kor ofte og kor lenge.

## Slik er ei sjølvhjelpsgruppe

- **Lukka:** Når gruppa har funne forma si, kjem det ikkje stadig nye folk inn. Det gir tryggleik. Gruppa kan sjølv bestemme å ta inn nye.
- **Utan leiar:** Ingen leier gruppa. De har eit felles ansvar for at det blir ein god stad å vere.
- **Teieplikt:** Det som blir sagt i gruppa, blir i gruppa. Dette avtaler de frå det første møtet.
- **Frivillig:** Du er med fordi du sjølv vil, og du kan slutte når du vil.
- **Gratis:** Det kostar ingenting å vere med.
- **Ingen fagperson i rommet:** Det er ingen terapeut eller behandlar til stades. Det er dykkar eigne erfaringar som er kunnskapen.

## Eit verkstad, ikkje eit kurs

På eit kurs kjem nokon utanfrå og lærer deg noko. I ei sjølvhjelpsgruppe er det motsett: kunnskapen kjem innanfrå, frå det de sjølve har opplevd. Gruppa er eit verkstad der de arbeider med det som er vanskeleg, kvar for dykk og saman. Ingen gir råd om korleis andre skal leve. De deler det de har erfart, og kvar og ein tek med seg det som passar.

## Korleis kjem gruppa i gang?

Ofte hjelper ein igangsetjar gruppa i gang dei første gongene. Ein igangsetjar er ein person som har fått opplæring i sjølvhjelp. Ho eller han forklarer korleis ei sjølvhjelpsgruppe fungerer, hjelper dykk med å bli samde om rammene – og trekkjer seg ut når gruppa står på eigne bein.

## Korleis blir eg med?

Finn ei gruppe på [Finn hjelp](/nn/finn-hjelp/). Grupper som er opne for nye, tek du kontakt med gjennom kontaktpunktet eller distriktskontoret som står oppført. Finst det inga gruppe om temaet ditt der du bur, kan du melde interesse. Når nok menneske har meldt seg, kan ei ny gruppe starte.""",
    },
    'starte-gruppe': {
        'title_nn': 'Starte ei gruppe',
        'summary_nn': 'Saknar du ei gruppe om temaet ditt der du bur? Du treng ikkje gjere det åleine – vi hjelper deg i gang.',
        'body_nn': """Mange grupper startar fordi éin person sakna nokon å snakke med. Finst det inga gruppe om temaet ditt der du bur, kan du vere den som tek initiativet.

## Slik går du fram

- **Meld interesse.** Gå til [Finn hjelp](/nn/finn-hjelp/), vel tema og kommune, og sei frå at du ønskjer ei gruppe. Då kan kontaktpunktet eller distriktskontoret sjå når fleire ønskjer det same.
- **Ta kontakt med oss.** Det lokale kontaktpunktet eller [distriktskontoret](/nn/kontorer/) der du bur, hjelper deg med å finne fleire deltakarar og ein stad å vere.
- **Få hjelp dei første gongene.** Ein igangsetjar kan vere med på dei første møta og hjelpe gruppa med å finne forma si. Deretter trekkjer igangsetjaren seg ut, og gruppa er dykkar.

## Kva trengst?

Ikkje så mykje. Eit roleg rom der de kan snakke uforstyrra, eit fast tidspunkt, og nokre få menneske som vil det same. Mange grupper møtest i lokala til ein frivilligsentral, eit bibliotek eller ein frisklivssentral. Det kostar ingenting.

## Vil du bli igangsetjar?

Distriktskontora held igangsetjaropplæring, ofte over to dagar. Der lærer du korleis sjølvhjelp fungerer, og korleis du hjelper ei ny gruppe i gang utan å bli leiaren i gruppa. Sjå [kalenderen](/nn/arrangementer/) eller kontakt distriktskontoret ditt.""",
    },
    'for-fagfolk': {
        'title_nn': 'For fagfolk og samarbeidspartnarar',
        'summary_nn': 'For kommunar, frivilligsentralar, frisklivssentralar, NAV, helsetenesta, brukarorganisasjonar og utdanning.',
        'body_nn': """Sjølvorganisert sjølvhjelp er ein del av det helsefremjande, førebyggjande og rehabiliterande arbeidet, både lokalt og nasjonalt. Den nasjonale planen for sjølvhjelp har som visjon at alle i Noreg skal vite kva sjølvhjelp er, og kunne ta kunnskapen i bruk når livsproblem oppstår. De som møter folk i kvardagen, er viktige for å nå dit.

## Kva kan de gjere?

- **Informere.** Fortel brukarar, pasientar og deltakarar at sjølvhjelp finst. Mange treng berre å vite at dei kan møte andre i same situasjon.
- **Bli eit lokalt kontaktpunkt eller ein møteplass.** Ein frivilligsentral, ein frisklivssentral eller ei kommunal teneste kan vere staden folk tek kontakt med for å finne eller starte ei gruppe.
- **Låne ut rom.** Grupper treng ein roleg stad å møtast.
- **Vere med i ei plangruppe.** Lokale kontaktpunkt blir ofte bygde av ei gruppe med folk frå fleire samarbeidspartnarar.
- **Lære meir.** Distriktskontora held foredrag, informasjonsmøte, fagdagar og igangsetjaropplæring.

## Kva ei sjølvhjelpsgruppe er – og ikkje er

Ei sjølvhjelpsgruppe er ikkje eit behandlingstilbod, og det er ingen fagperson til stades i gruppa. Rolla dykkar er å gjere sjølvhjelp kjent, leggje til rette og vise vidare – ikkje å leie gruppene. Det er nettopp det at deltakarane sjølve eig gruppa, som gir verknaden.

## Informasjonstreff for frisklivssentralar

Eit informasjonstreff om sjølvhjelp på om lag to timar passar godt i etterkant av eit kurs eller ein aktivitet: Kva er sjølvhjelp? Korleis kan det styrkje meistring? Korleis kjem deltakarane i gang med ei gruppe? Distriktskontoret eller eit lokalt kontaktpunkt kan vere med og halde treffet.

## Ta kontakt

Finn [distriktskontoret](/nn/kontorer/) for området ditt. Vi kjem gjerne på besøk, held innlegg eller hjelper dykk i gang med eit kontaktpunkt.""",
    },
    'distriktskontorene': {
        'title_nn': 'Om distriktskontora',
        'summary_nn': 'Selvhjelp Norge har distriktskontor rundt i landet. Kvart kontor dekkjer to eller tre fylke.',
        'body_nn': """Distriktskontora er folka til Selvhjelp Norge ute i landet. Kvart kontor har ansvar for to eller tre fylke og kjenner nettverka og moglegheitene der. Nærleik gjer det lettare å byggje gode relasjonar og å vite kva som finst lokalt.

## Kva gjer eit distriktskontor?

- Er eit informasjonspunkt om sjølvhjelp i sitt område.
- Driv utviklinga av sjølvhjelpsarbeidet saman med lokale aktørar, og byggjer nettverk.
- Er ein fagleg ressurs: held foredrag, informasjonsmøte og fagdagar.
- Held igangsetjaropplæring og byggjer nettverk av igangsetjarar.
- Samarbeider med lokale møteplassar og kontaktpunkt etter kvart som dei blir etablerte.
- Set i gang grupper saman med lokale aktørar.

Distriktskontora driv ikkje gruppene sjølve. Dei hjelper andre med å kome i gang, og dei veit kvar det finst grupper og kontaktpunkt.

## Kan dei hjelpe meg?

Ja. Lurer du på om det finst ei gruppe der du bur, eller vil du starte ei, kan du ta kontakt med distriktskontoret for fylket ditt. Det er gratis, og du treng ikkje tilvising.

[Sjå alle distriktskontora og korleis du kontaktar dei](/nn/kontorer/)""",
    },
    'personvern': {
        'title_nn': 'Personvernerklæring',
        'summary_nn': 'Kva personopplysningar vi samlar inn, kvifor, kven som ser dei, og når dei blir sletta.',
        'body_nn': """Vi tek personvernet ditt på alvor. Vi samlar inn så lite som mogleg, og berre når du sjølv gir oss opplysningane. Selvhjelp Norge er behandlingsansvarleg for opplysningane på denne nettstaden.

## Du kan bruke nettstaden anonymt

Du kan lese, søkje etter grupper og sjå kartet utan å oppgi noko om deg sjølv. Vi bruker ingen analyseverktøy, ingen annonsar og ingen tenester frå andre nettstader. Vi set berre dei informasjonskapslane som trengst for at nettstaden skal verke: éin som hugsar språket du har valt, og éin som vernar skjemaa mot misbruk.

## Når du melder interesse for ei gruppe

Når du ønskjer ei gruppe som ikkje finst enno, ber vi om tema, kommune og korleis vi kan nå deg (e-post eller telefon). Eit førenamn eller kallenamn kan du oppgi om du vil.

- **Kvifor:** for at nokon kan kontakte deg når ei gruppe kan starte.
- **Samtykke:** Fordi temaet kan seie noko om helsa di, ber vi om det uttrykkelege samtykket ditt (personvernforordninga artikkel 9). Du kan trekkje samtykket når som helst.
- **Kven ser det:** berre det lokale kontaktpunktet eller distriktskontoret som dekkjer kommunen du valde, og hovudkontoret ved behov. Helsedirektoratet og andre ser aldri opplysningane, berre tal utan namn.
- **Sletting:** Vi slettar meldinga når ho ikkje lenger trengst: når du er sett i kontakt med ei gruppe, når du ber om det, og seinast når ho har stått ubrukt i tolv månader.

## Når du melder deg på eit arrangement

Vi ber om namn og e-post, og eventuelt telefonnummer. Opplysningane blir brukte til å halde av plass til deg, sende deg stadfesting og gi beskjed om endringar. Berre arrangøren ser dei. Vi slettar påmeldingane når arrangementet er over og dei ikkje lenger trengst.

## Vi registrerer ikkje kven som er med i ei gruppe

Sjølvhjelpsgrupper er lukka og fortrulege. Systemet lagrar at ei gruppe finst og korleis ein tek kontakt, men aldri kven som er med.

## Tilsette og samarbeidspartnarar

For dei som loggar inn (tilsette, kontaktpunkt), lagrar vi namn, e-post og rolle, og ein logg over endringar dei gjer. Loggen viser at eit felt er endra, ikkje innhaldet i personopplysningane.

## Rettane dine

Du har rett til å få vite kva vi har lagra om deg, få retta feil, få opplysningane sletta og trekkje tilbake samtykke. Skriv til oss, så svarar vi innan 30 dagar. Meiner du at vi behandlar opplysningane dine feil, kan du klage til [Datatilsynet](https://www.datatilsynet.no/).

## Kontakt

Spørsmål om personvern: [post@knutepunkt.example](mailto:post@knutepunkt.example)""",
    },
    'tilgjengelighet': {
        'title_nn': 'Tilgjengelegheitserklæring',
        'summary_nn': 'Nettstaden skal kunne brukast av alle. Slik arbeider vi med universell utforming, og dette veit vi ikkje er godt nok enno.',
        'body_nn': """Alle skal kunne finne informasjon om sjølvhjelp og finne ei gruppe, same kva funksjonsevne, skjerm eller utstyr dei har. Nettstaden har som mål å oppfylle krava i WCAG 2.1 på nivå AA, slik forskrift om universell utforming av IKT-løysingar krev, og vi testar òg etter WCAG 2.2 på nivå AA.

## Slik testar vi

- Automatiske testar med verktøyet axe-core (WCAG 2.2, nivå A og AA) blir køyrde på alle typar offentlege sider, på bokmål, nynorsk og engelsk, ved kvar endring.
- Vi testar at alt kan brukast med tastatur åleine, og at fokus alltid er synleg.
- Vi testar på smal mobilskjerm (360 pikslar) og med forstørra tekst (200 prosent).
- Alle sider verkar utan JavaScript.
- Tekstane er skrivne i eit enkelt språk, på bokmål, nynorsk og engelsk.

## Det vi veit ikkje er godt nok enno

- **Kartet:** Kartet over kommunar er ei teikning som er vanskeleg å bruke med skjermlesar og tastatur, fordi det har mange små område. Den same informasjonen finst som ei liste ved sida av kartet og på [oversikta over alle kommunar](/nn/kommune/).
- **Små kommunar i kartet** kan vere vanskelege å treffe med fingeren på mobil. Bruk lista i staden.
- **Innlogga sider** for tilsette og kontaktpunkt er ikkje testa like grundig som dei offentlege sidene.

## Gi oss beskjed

Får du ikkje brukt noko på nettstaden, eller har du forslag til forbetringar? Skriv til [post@knutepunkt.example](mailto:post@knutepunkt.example). Fortel gjerne kva side det gjeld og kva hjelpemiddel du bruker. Vi svarar så snart vi kan.

## Klage

Er du ikkje nøgd med svaret frå oss, kan du klage til Tilsynet for universell utforming av IKT, som er ein del av Digitaliseringsdirektoratet: [uutilsynet.no](https://www.uutilsynet.no/).""",
    },
}

ACCESSIBILITY_0002 = {
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
}
ACCESSIBILITY = {
    'body_nb': """Alle skal kunne finne informasjon om selvhjelp og finne en gruppe, uansett funksjonsevne, skjerm eller utstyr. Nettstedet har som mål å oppfylle kravene i WCAG 2.1 på nivå AA, slik forskrift om universell utforming av IKT-løsninger krever, og vi tester også etter WCAG 2.2 på nivå AA.

## Slik tester vi

- Automatiske tester med verktøyet axe-core (WCAG 2.2, nivå A og AA) kjøres på alle typer offentlige sider, på bokmål, nynorsk og engelsk, ved hver endring.
- Vi tester at alt kan brukes med tastatur alene, og at fokus alltid er synlig.
- Vi tester på smal mobilskjerm (360 piksler) og med forstørret tekst (200 prosent).
- Alle sider virker uten JavaScript.
- Tekstene er skrevet i et enkelt språk, på bokmål, nynorsk og engelsk.

## Det vi vet ikke er bra nok ennå

- **Kartet:** Kartet over kommuner er en tegning som er vanskelig å bruke med skjermleser og tastatur, fordi det har mange små områder. Den samme informasjonen finnes som en liste ved siden av kartet og på [oversikten over alle kommuner](/kommune/).
- **Små kommuner i kartet** kan være vanskelige å treffe med fingeren på mobil. Bruk lista i stedet.
- **Innloggede sider** for ansatte og kontaktpunkter er ikke testet like grundig som de offentlige sidene.

## Gi oss beskjed

Får du ikke brukt noe på nettstedet, eller har du forslag til forbedringer? Skriv til [post@knutepunkt.example](mailto:post@knutepunkt.example). Fortell gjerne hvilken side det gjelder og hvilket hjelpemiddel du bruker. Vi svarer så snart vi kan.

## Klage

Er du ikke fornøyd med svaret fra oss, kan du klage til Tilsynet for universell utforming av IKT, som er en del av Digitaliseringsdirektoratet: [uutilsynet.no](https://www.uutilsynet.no/).""",
    'body_en': """Everyone should be able to find information about self-help and find a group, whatever their abilities, screen or device. The website aims to meet WCAG 2.1 level AA, as the Norwegian regulations on universal design of ICT require, and we also test against WCAG 2.2 level AA.

## How we test

- Automated tests with the axe-core tool (WCAG 2.2, levels A and AA) run on every type of public page, in Norwegian bokmål, nynorsk and English, with every change.
- We test that everything can be used with a keyboard alone, and that focus is always visible.
- We test on a narrow phone screen (360 pixels) and with enlarged text (200 per cent).
- Every page works without JavaScript.
- The texts are written in plain language, in Norwegian bokmål, nynorsk and English.

## What we know is not good enough yet

- **The map:** The map of municipalities is a drawing that is hard to use with a screen reader or keyboard, because it has many small areas. The same information is in a list next to the map and in the [overview of all municipalities](/en/kommune/).
- **Small municipalities on the map** can be hard to hit with a finger on a phone. Use the list instead.
- **Signed-in pages** for staff and contact points have not been tested as thoroughly as the public pages.

## Tell us

Is there something on the website you cannot use, or do you have ideas for improvements? Write to [post@knutepunkt.example](mailto:post@knutepunkt.example). Please tell us which page it is and what assistive technology you use. We will reply as soon as we can.

## Complaints

If you are not satisfied with our reply, you can complain to the Authority for Universal Design of ICT, part of the Norwegian Digitalisation Agency (Digdir): [uutilsynet.no](https://www.uutilsynet.no/).""",
}


def apply_nynorsk(page, texts):
    """Fill the page's empty nynorsk fields; True when something changed."""
    changed = False
    for field, text in texts.items():
        if not getattr(page, field):
            setattr(page, field, text)
            changed = True
    return changed


def update_accessibility(page):
    changed = False
    for field, text in ACCESSIBILITY.items():
        if getattr(page, field) == ACCESSIBILITY_0002[field]:
            setattr(page, field, text)
            changed = True
    return changed


def forwards(apps, schema_editor):
    InfoPage = apps.get_model("pages", "InfoPage")
    for page in InfoPage.objects.filter(slug__in=list(NYNORSK)):
        changed = apply_nynorsk(page, NYNORSK[page.slug])
        if page.slug == "tilgjengelighet":
            changed = update_accessibility(page) or changed
        if changed:
            page.save()


def backwards(apps, schema_editor):
    InfoPage = apps.get_model("pages", "InfoPage")
    for page in InfoPage.objects.filter(slug="tilgjengelighet"):
        for field, text in ACCESSIBILITY.items():
            if getattr(page, field) == text:
                setattr(page, field, ACCESSIBILITY_0002[field])
        page.save()


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_info_page_nynorsk")]

    operations = [migrations.RunPython(forwards, backwards)]
