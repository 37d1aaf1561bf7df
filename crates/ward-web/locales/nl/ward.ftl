# Ward — Nederlandstalige interfaceberichten (Belgisch-Nederlands, u-vorm). Elke sleutel uit en/ward.ftl moet hier bestaan (een test controleert dit).
# TLP-labels (TLP:CLEAR, TLP:GREEN, …) worden nooit vertaald, zoals TLP 2.0 vereist.

## Algemeen
skip-to-content = Naar de inhoud
nav-label = Hoofdnavigatie
nav-home = Overzicht
nav-announcements = Mededelingen
nav-organization = Mijn organisatie
nav-community = Community
nav-audit = Auditspoor
nav-profile = Profiel
nav-sign-out = Afmelden
language-label = Taal
language-apply = Toepassen
footer-text = Ward — het gedeelde beveiligingsplatform voor de zorg. Patiëntgegevens verlaten nooit het ziekenhuis.
next-page = Volgende pagina
save = Opslaan
create = Aanmaken
cancel = Annuleren
edit = Bewerken
delete = Verwijderen
publish = Publiceren
add = Toevoegen
remove = Verwijderen
revoke = Intrekken
disable = Deactiveren
enable = Activeren
copy = Kopiëren
copied = Gekopieerd
you = u
coordinator = Coördinator
guest = Gast
pinned = Vastgezet
form-has-errors = Enkele velden vragen uw aandacht; zie de meldingen hieronder.
updated-at = Laatst gewijzigd: { $time }.
days-n = { $count ->
    [one] 1 dag
   *[other] { $count } dagen
    }

## Afgeronde acties
done-saved = Opgeslagen.
done-invited = Uitnodiging aangemaakt.
done-revoked = Ingetrokken.
done-role = Rol gewijzigd. De open sessies van deze persoon zijn beëindigd, zodat de nieuwe rechten meteen gelden.
done-status = Status gewijzigd.
done-password = Wachtwoord gewijzigd. Uw andere sessies zijn beëindigd.
done-mfa-disabled = Tweede factor verwijderd.
done-created = Aangemaakt.
done-deleted = Verwijderd.
done-member-added = Organisatie aan de groep toegevoegd.
done-member-removed = Organisatie uit de groep verwijderd.
done-language = Taal gewijzigd.

## Fouten
error-status = Fout { $status }
error-home = Terug naar het overzicht
error-request-id = Vermeld deze aanvraagreferentie als u contact opneemt met uw beheerder:
error-unauthorized = Gelieve u aan te melden
error-forbidden = U hebt hiervoor geen toestemming
error-mfa-enrolment-required = Stel eerst uw tweede factor in
error-not-found = Hier is niets te vinden
error-validation = Enkele gegevens moeten worden nagekeken
error-bad-request = Deze aanvraag kon niet worden verwerkt
error-conflict = Dit botst met iets wat al bestaat
error-stale = Iemand anders heeft dit intussen gewijzigd
error-unavailable = De server is momenteel overbelast
error-internal = Er is bij ons iets misgegaan

## Aanmelden
login-title = Aanmelden
login-intro = Meld u aan met het e-mailadres en het wachtwoord van uw Ward-account.
login-submit = Aanmelden
login-error-credentials = Het e-mailadres of het wachtwoord is niet juist.
login-error-code = Die code is niet juist. Voer de huidige zes cijfers uit uw app in, of een herstelcode.
login-error-locked = Te veel pogingen. Probeer het opnieuw na { $time }.
login-demo-notice = Dit is de demo-community. De demo-accounts en hun wachtwoord werden getoond bij het opstarten van Ward.
mfa-login-title = Tweede factor
mfa-login-intro = Voer de zescijferige code in die uw authenticatie-app voor Ward toont.
mfa-login-hint = Telefoon kwijt? Voer dan een van uw herstelcodes in.
mfa-login-submit = Verifiëren
mfa-login-cancel = Annuleren en opnieuw aanmelden
field-email = E-mailadres
field-password = Wachtwoord
field-code = Code

## Overzicht
home-title = Overzicht
home-welcome = Welkom, { $name }
home-figures = Cijfers
home-recent = Recentste mededelingen
home-no-announcements = Er zijn nog geen mededelingen die u mag lezen.
home-all-announcements = Alle mededelingen
home-by-tlp = Wat u mag lezen, per TLP-label
home-by-tlp-hint = Geteld met dezelfde toegangsregels als op elke pagina: u ziet alleen wat uw rechten toelaten.
home-nothing-shared = Er is nog niets met u gedeeld.
home-jobs = Achtergrondtaken
home-jobs-line = { $pending } wachtend, { $running } bezig, { $failed } stopgezet.
stat-member-orgs = lidorganisaties
stat-suppliers = leveranciersorganisaties
stat-people = personen in de community
stat-my-org-people = personen in uw organisatie
stat-announcements = mededelingen die u mag lezen
stat-groups = deelgroepen
stat-open-invitations = openstaande uitnodigingen
stat-audit-7d = auditregistraties in 7 dagen
col-tlp = Label
col-items = Items

## Organisatie
org-people = Personen
org-more-people = Alleen de eerste 200 personen worden getoond.
org-edit-title = Gegevens van de organisatie
org-suspend-hint = De personen van een geschorste organisatie kunnen zich niet aanmelden; hun sessies worden meteen beëindigd.
col-name = Naam
col-email = E-mail
col-role = Rol
col-status = Status
col-mfa = Tweede factor
col-last-login = Laatste aanmelding
col-actions = Acties
col-expires = Vervalt
col-created = Aangemaakt
col-last-used = Laatst gebruikt
col-scope = Bereik
col-kind = Type
col-region = Regio
col-people = Personen
col-description = Beschrijving
col-members = Leden
status-active = Actief
status-disabled = Gedeactiveerd
mfa-on = Aan
mfa-off = Uit
role-of = Rol van { $name }
confirm-disable = { $name } deactiveren? Deze persoon wordt afgemeld en kan zich pas weer aanmelden na heractivering.
invite-title = Een collega uitnodigen
invite-intro = Ward maakt een persoonlijke link aan die één keer werkt en daarna vervalt. Bezorg die zelf aan uw collega, bijvoorbeeld per e-mail.
invite-submit = Uitnodigingslink aanmaken
invite-link-ready = Uitnodigingslink aangemaakt
invite-link-once = Kopieer de link nu: om veiligheidsredenen toont Ward hem niet opnieuw.
invitations-title = Uitnodigingen
invitations-none = Nog geen uitnodigingen.
invitation-open = Openstaand
invitation-accepted = Aanvaard
invitation-revoked = Ingetrokken
invitation-expired = Vervallen
field-email-optional = E-mailadres (optioneel)
field-role = Rol
field-org-name = Naam
field-kind = Type organisatie
field-size = Grootte
field-region = Regio
field-languages = Talen
field-status = Status

## Een uitnodiging aanvaarden
invite-accept-title = Aansluiten bij Ward
invite-accept-intro = U bent uitgenodigd om lid te worden van { $org } met de rol { $role }. Kies uw naam en een wachtwoord.
invite-accept-submit = Mijn account aanmaken

## Community (coördinator)
community-nav-label = Beheer van de community
community-orgs-title = Organisaties
community-orgs-intro = Lidinstellingen, de organisatie van de coördinator en leveranciers als gast.
community-orgs-count = { $count ->
    [one] 1 organisatie
   *[other] { $count } organisaties
    }
community-org-new = Organisatie toevoegen
community-groups-title = Deelgroepen
community-groups-intro = Kringen van lidorganisaties waaraan markeringen gericht kunnen worden, bijvoorbeeld een regionale CISO-kring.
community-groups-none = Nog geen deelgroepen.
community-group-new = Nieuwe deelgroep
community-group-intro = Leden van deze groep kunnen de items lezen die aan de groep gericht zijn.
community-group-empty = Nog geen organisaties in deze groep.
community-group-add = Organisatie toevoegen
community-group-edit = Naam en beschrijving
community-group-guests-hint = Leveranciers en andere gasten kunnen geen lid worden van deelgroepen; richt items rechtstreeks aan hen.
community-settings-title = Instellingen
community-settings-intro = Regels die voor de hele community gelden.
field-group-name = Naam
field-description = Beschrijving
field-community-name = Naam van de community
field-require-mfa = Beheerders en de coördinator moeten een tweede factor gebruiken
field-require-mfa-hint = Aanbevolen. Zij worden gevraagd die in te stellen bij hun volgende aanmelding.
field-coordinator-anonymous = De coördinator mag zien wie anonieme items heeft bijgedragen
field-coordinator-anonymous-hint = Alleen voor moderatie. Indien uitgeschakeld, zijn anonieme bijdragers enkel bekend bij hun eigen organisatie.
field-session-idle = Afmelden na inactiviteit (minuten)
field-session-absolute = Afmelden na (uren)
field-invitation-days = Geldigheid van uitnodigingslinks (dagen)

## Profiel
profile-title = Profiel
profile-details = Uw gegevens
field-display-name = Uw naam
field-language = Taal van de interface
password-title = Wachtwoord
password-hint = Minstens 12 tekens. Enkele losse woorden vormen een sterk wachtwoord dat makkelijk te onthouden is.
password-submit = Wachtwoord wijzigen
field-current-password = Huidig wachtwoord
field-new-password = Nieuw wachtwoord
field-new-password-confirm = Nieuw wachtwoord herhalen
mfa-title = Tweede factor
mfa-intro = Bescherm uw account met een code uit een authenticatie-app op uw telefoon (bijvoorbeeld FreeOTP, Aegis, Google of Microsoft Authenticator).
mfa-enrol = Tweede factor instellen
mfa-required-notice = Uw rol vereist een tweede factor. Stel die nu in om verder te gaan.
mfa-required-hint = Uw rol vereist een tweede factor; die kan dus niet worden verwijderd.
mfa-step-install = Installeer een authenticatie-app op uw telefoon als u er nog geen hebt.
mfa-step-scan = Scan deze QR-code met de app, of typ de sleutel die ernaast staat.
mfa-step-confirm = Voer de zescijferige code in die de app toont
mfa-manual = Lukt het scannen niet? Voer deze sleutel in de app in:
mfa-qr-label = QR-code om Ward aan uw authenticatie-app toe te voegen
mfa-confirm = Tweede factor inschakelen
mfa-wrong-code = Die code is niet juist. Controleer of de klok van uw telefoon juist staat en voer de huidige zes cijfers in.
mfa-enrolled = Uw tweede factor is ingeschakeld. Voortaan vraagt Ward een code wanneer u zich aanmeldt.
mfa-continue = Doorgaan
mfa-already = Voor uw account is al een tweede factor ingesteld.
mfa-disable = Tweede factor verwijderen
mfa-disable-password = Uw wachtwoord, ter bevestiging
recovery-codes-title = Herstelcodes
recovery-codes-once = Elke code werkt één keer als u uw telefoon verliest. Bewaar ze nu op een veilige plaats: Ward toont ze niet opnieuw.
recovery-left = { $count ->
    [one] Nog 1 herstelcode over.
   *[other] Nog { $count } herstelcodes over.
    }
recovery-regenerate = Nieuwe herstelcodes
tokens-title = API-tokens
tokens-intro = Met tokens kunnen tools zoals MISP, een SIEM of scripts de Ward-API namens u gebruiken, met uw toegangsrechten.
token-create = Token aanmaken
token-ready = Token aangemaakt
token-once = Kopieer het token nu: om veiligheidsredenen toont Ward het niet opnieuw.
token-never = Nooit
token-revoked = Ingetrokken
token-name-placeholder = bv. SIEM-integratie
confirm-revoke-token = Het token "{ $name }" intrekken? Tools die het gebruiken, werken meteen niet meer.
field-token-name = Naam
field-scope = Bereik
field-expires = Vervalt na
scope-read = Alleen lezen
scope-write = Lezen en schrijven

## Mededelingen
announcements-title = Mededelingen
announcements-intro = Berichten die in de community gedeeld worden. U ziet alleen wat u en uw organisatie mogen lezen.
announcement-new = Nieuwe mededeling
announcement-edit = Mededeling bewerken
announcement-form-intro = Kies het TLP-label en de doelgroep zorgvuldig: die bepalen wie dit kan lezen.
contributor-anonymous = Anoniem lid
field-title = Titel
field-summary = Samenvatting
field-body = Tekst
field-content-language = Taal van de tekst
field-tlp = TLP-label
field-audience = Doelgroep
field-audience-kind = Gericht aan
field-anonymous = Anoniem delen
field-anonymous-hint = Anoniem: andere organisaties zien niet dat u of uw organisatie dit geschreven hebt.
field-pinned = Bovenaan vastzetten
audience-hint = Met TLP:RED kunnen alleen de genoemde personen dit lezen. Met AMBER lezen de organisaties uit de doelgroep het, samen met uw eigen organisatie.
audience-community = de hele community
audience-groups-n = { $count ->
    [one] 1 deelgroep
   *[other] { $count } deelgroepen
    }
audience-orgs-n = { $count ->
    [one] 1 organisatie
   *[other] { $count } organisaties
    }
audience-people-n = { $count ->
    [one] 1 persoon
   *[other] { $count } personen
    }
audience-named = Gericht aan:
audience-kind-community = De hele community
audience-kind-groups = Deelgroepen
audience-kind-organizations = Organisaties
audience-kind-people = Personen
confirm-delete = Deze mededeling verwijderen? Dit kan niet ongedaan worden gemaakt.
tlp-explain-clear = Iedereen mag dit lezen, ook buiten de community.
tlp-explain-green = Elke lidorganisatie mag dit lezen; het mag niet via openbare kanalen worden verspreid.
tlp-explain-amber = Alleen uw organisatie en de geadresseerde organisaties mogen dit lezen, volgens het need-to-know-principe.
tlp-explain-amber-strict = Alleen uw organisatie en de geadresseerde organisaties zelf, nooit hun klanten.
tlp-explain-red = Alleen de genoemde personen mogen dit lezen.

## Auditspoor
audit-title = Auditspoor
audit-intro-all = Elke geregistreerde actie in de community, nieuwste eerst. De registraties zijn via hashes aan elkaar gekoppeld: manipulatie wordt opgespoord met het commando ward audit verify.
audit-intro-org = Geregistreerde acties die uw organisatie betreffen, nieuwste eerst.
audit-anonymous = niet aangemeld
col-time = Tijdstip
col-action = Actie
col-actor = Door
col-target = Betreft
col-address = Adres
col-detail = Details

## Rollen, types en andere waarden
role-org_admin = Beheerder
role-security_officer = Veiligheidsconsulent
role-contributor = Bijdrager
role-reader = Lezer
kind-coordinator = Coördinator
kind-university_hospital = Universitair ziekenhuis
kind-general_hospital = Algemeen ziekenhuis
kind-psychiatric_hospital = Psychiatrisch ziekenhuis
kind-care_group = Zorggroep
kind-laboratory = Laboratorium
kind-residential_care = Woonzorg
kind-partner = Partner
kind-supplier = Leverancier (gast)
size-small = Minder dan 250 medewerkers
size-medium = 250 tot 999 medewerkers
size-large = 1.000 tot 4.999 medewerkers
size-very_large = 5.000 medewerkers of meer
region-brussels = Brussel
region-flanders = Vlaanderen
region-wallonia = Wallonië
region-national = Nationaal
region-abroad = Buitenland
language-en = Engels
language-nl = Nederlands
language-fr = Frans
language-de = Duits
org-status-active = Actief
org-status-suspended = Geschorst


## Added with the first review
audit-hidden = verborgen (anonieme bijdrage)
col-organization = Organisatie
invitation-unavailable-title = Deze uitnodigingslink werkt niet meer
invitation-unavailable-text = Hij werd al gebruikt, ingetrokken of is verlopen. Vraag de beheerder van uw organisatie om een nieuwe uitnodiging.
aria-save-role = De rol van { $name } opslaan
aria-remove-org = { $name } uit de groep verwijderen
aria-revoke-invitation = De uitnodiging voor { $name } intrekken
aria-revoke-token = Het token { $name } intrekken
aria-disable-person = { $name } deactiveren
aria-enable-person = { $name } activeren
pinned-title = Vastgezet
audit-detail-show = Tonen

## Aansluiten bij de gemeenschap en de ledenlijst
error-too-many-requests = Te veel verzoeken
nav-directory = Ledenlijst
login-join-hint = Is uw instelling nog geen lid?
login-join-link = Vraag het lidmaatschap aan
join-title = Lid worden
join-intro = Zorginstellingen die nog geen lid zijn, kunnen hier het lidmaatschap aanvragen. De coördinator beoordeelt elke aanvraag.
join-why-title = Wat het lidmaatschap u oplevert
join-why-assess = Beoordelingen van leveranciers en toestellen die andere leden al maakten: één keer beoordelen, met iedereen delen.
join-why-alerts = Waarschuwingen en indicatoren over de leveranciers, toestellen en software die u gebruikt, gedeeld onder TLP.
join-why-policies = Beleidsmodellen voor personeel, stagiairs, zelfstandige artsen en leveranciers, in uw taal.
join-why-peers = De driemaandelijkse focusgroep en rechtstreeks contact met securityverantwoordelijken van andere instellingen.
join-why-review = Na de beoordeling krijgt u een link om de eerste beheerdersaccount van uw instelling aan te maken.
join-org-legend = Uw instelling
join-field-org-name = Naam van de instelling
join-contact-legend = Contactpersoon
join-contact-hint = Deze persoon wordt de eerste beheerder van uw instelling in Ward.
join-field-contact-name = Naam
join-field-contact-email = E-mailadres
join-field-contact-role = Rol of functie
join-contact-role-placeholder = bv. CISO, IT-manager
join-field-motivation = Waarom wilt u lid worden?
join-motivation-hint = Enkele zinnen voor de coördinator: wat u hoopt te delen en te vinden. Vermeld geen patiëntgegevens.
join-privacy = Alleen de coördinator ziet de contactgegevens en de motivatie.
join-submit = Aanvraag versturen
join-member-sign-in = Al lid? Aanmelden
join-throttled = Er werden te veel aanvragen vanuit uw netwerk verstuurd. Probeer het over een uur opnieuw.
join-status-title = Uw aanvraag
join-status-heading = Status
join-received-title = Uw aanvraag werd ontvangen.
join-received-keep-link = Bewaar deze link: alleen hiermee kunt u uw aanvraag opvolgen, en Ward kan hem niet opnieuw tonen.
join-submitted-at = Ingediend
join-decided-at = Beslist
join-status-waiting = De coördinator bekijkt aanvragen regelmatig. Kom naar deze pagina terug om de beslissing te zien.
join-rejection-reason = Reden
join-invitation-title = De beheerdersaccount aanmaken
join-invitation-text = Uw instelling werd goedgekeurd. Met deze link maakt u de eerste beheerdersaccount aan; hij werkt één keer en tot { $time }.
join-invitation-button = De beheerdersaccount aanmaken
join-invitation-closed = De uitnodigingslink is verlopen of werd ingetrokken. Vraag de coördinator om een nieuwe.
join-joined = De beheerdersaccount van uw instelling werd aangemaakt.
application-status-received = Ontvangen
application-status-approved = Goedgekeurd
application-status-rejected = Afgewezen
applications-title = Aanvragen
applications-intro = Instellingen die het lidmaatschap aanvroegen. Goedkeuren maakt de organisatie aan en een uitnodiging voor haar eerste beheerder.
applications-count-received = wachten op een beslissing
applications-count-approved = goedgekeurd
applications-count-rejected = afgewezen
applications-pending = Wachten op een beslissing
applications-none-pending = Er wachten geen aanvragen.
applications-more-pending = Alleen de 200 nieuwste wachtende aanvragen worden getoond.
applications-decided = Beslist
applications-none-decided = Er werd nog over geen enkele aanvraag beslist.
col-contact = Contact
col-contacts = Contactpersonen
col-submitted = Ingediend
application-details = Aanvraag
application-decide = Beslissing
application-approve-hint = Goedkeuren maakt de organisatie aan met deze gegevens en een uitnodigingslink voor de contactpersoon als beheerder.
application-approve = Goedkeuren
application-reason = Reden van afwijzing
application-reason-hint = De aanvrager leest dit op zijn statuspagina.
application-reject = Afwijzen
application-approved-done = Goedgekeurd. De organisatie werd aangemaakt.
application-link-pass-on = Bezorg deze uitnodigingslink aan de contactpersoon; hij staat ook op diens statuspagina. Ward toont hem u niet opnieuw.
application-rejected-done = Afgewezen. De aanvrager ziet de reden op zijn statuspagina.
application-open-org = De organisatie openen
directory-title = Ledenlijst
directory-intro = De aangesloten instellingen van de gemeenschap, en de mensen die ervoor kozen als hun contactpersoon vermeld te worden.
directory-you-listed = U staat vermeld als contactpersoon van uw organisatie.
directory-you-not-listed = U staat niet vermeld als contactpersoon.
directory-change = Wijzig dit in uw profiel.
directory-no-contacts = Geen contactpersoon vermeld
directory-profile-intro = Leden van andere instellingen vinden u in de ledenlijst met uw naam, rol en e-mailadres — alleen als u dat kiest.
field-directory-listed = Toon mij als contactpersoon in de ledenlijst
directory-open = De ledenlijst openen
## Persoonsgegevensfilter
guard-title = Persoonsgegevens gevonden
guard-intro = Gezondheidsgegevens en persoonsgegevens mogen nooit gedeeld worden. Elke vondst is hieronder in uw tekst gemarkeerd. Verwijder ze, of bevestig ze als het om contactgegevens gaat die gedeeld mogen worden, zoals het beveiligingsadres van een leverancier.
guard-finding-at = { $kind } op regel { $line }, kolom { $column }
guard-confirm = dit mag gedeeld worden
guard-never = verwijder dit: dit mag nooit gedeeld worden, ook niet met bevestiging.
guard-kind-national-number = Rijksregisternummer
guard-kind-bis-number = BIS-nummer
guard-kind-iban = IBAN
guard-kind-email = E-mailadres
guard-kind-phone = Telefoonnummer

## Kennisbank
nav-knowledge = Kennisbank
knowledge-title = Kennisbank
knowledge-intro = Playbooks, lessen uit incidenten, oefenpakketten en handleidingen uit de gemeenschap — elk gedeeld onder een eigen TLP-label.
knowledge-empty = Hier staat nog niets dat u mag lezen. Deel wat u geleerd hebt: anderen worstelen met dezelfde problemen.
article-new = Artikel schrijven
article-edit = Artikel bewerken
article-form-intro = Schrijf in Markdown. Lessen uit incidenten worden standaard anoniem gedeeld: uw organisatie blijft verborgen voor de anderen.
field-category = Categorie
field-topic = Thema
field-topics = Thema's
field-body-markdown = Tekst (Markdown)
field-comment = Uw reactie (Markdown)
markdown-hint = Titels met #, lijsten met - of 1., **vet**, `code`, tabellen en links. HTML wordt als tekst getoond en afbeeldingen als hun beschrijving.
filter-any = Alle
filter-apply = Filteren
category-playbook = Playbook
category-lessons_learned = Lessen uit incidenten
category-exercise_kit = Oefenpakket
category-guide = Handleiding
topic-supply_chain = Toeleveringsketen
topic-policy = Beleid
topic-technical = Technisch
topic-ai = AI
topic-other = Andere
article-version-n = Versie { $version } · geschiedenis
article-history-title = Geschiedenis van “{ $title }”
article-versions = Versies
article-version = Versie
article-editor = Opgeslagen door
article-saved = Opgeslagen
article-compare-from = Vergelijk versie
article-compare-to = met versie
article-compare = Vergelijken
article-diff-title = Wijzigingen van versie { $from } naar versie { $to }
article-no-difference = Deze versies hebben dezelfde tekst.
diff-added = toegevoegd
diff-removed = verwijderd
comments-n = { $count ->
    [0] Nog geen reacties
    [one] Eén reactie
   *[other] { $count } reacties
}
comments-hint = Reacties zijn leesbaar voor precies wie dit artikel mag lezen.
comment-post = Reactie plaatsen

## Zoeken
nav-search = Zoeken
search-title = Zoeken
search-title-for = Zoeken: { $q }
search-intro = Eén zoekopdracht over alles wat u mag lezen: mededelingen en de kennisbank. Accenten en hoofdletters spelen geen rol; elk woord moet voorkomen.
search-label = Woorden om te zoeken
search-kind = Soort
search-from = Gewijzigd vanaf
search-until = Gewijzigd tot en met
search-button = Zoeken
search-results-n = { $count ->
    [0] Geen resultaten
    [one] Eén resultaat
   *[other] { $count } resultaten
}
search-nothing = Niets dat u mag lezen komt overeen. Probeer minder woorden of andere filters.
previous-page = Vorige pagina
item-kind-announcement = Mededeling
item-kind-article = Artikel
search-results-more = Meer dan { $count } resultaten

## Publieke pagina
login-portal-link = Wat de gemeenschap publiek deelt
portal-title = Over de gemeenschap
portal-intro = Belgische ziekenhuizen en zorginstellingen delen wat ze weten over beveiliging — dreigingsinformatie, leveranciersbeoordelingen, beleid, lessen uit incidenten — onder strikte TLP-regels, en komen elk kwartaal samen. Patiëntgegevens verlaten het ziekenhuis nooit.
portal-join = Lid worden
portal-sign-in = Aanmelden
portal-figures = De gemeenschap in cijfers
portal-members = aangesloten instellingen
portal-items = items gedeeld tussen leden
portal-how = Leden lezen wat het TLP-label van elk item toelaat; deze pagina toont alleen wat als TLP:CLEAR is gemarkeerd.
portal-clear = Gedeeld met iedereen (TLP:CLEAR)
portal-clear-empty = Er is nog niets voor iedereen gepubliceerd.
portal-back = Terug naar de pagina van de gemeenschap
