# Ward — messages de l'interface en français (Belgique, vouvoiement). Chaque clé de en/ward.ftl doit exister ici (un test le vérifie).
# Les labels TLP (TLP:CLEAR, TLP:GREEN, …) ne sont jamais traduits, comme l'exige TLP 2.0.

## Cadre général
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-announcements = Annonces
nav-organization = Mon organisation
nav-community = Communauté
nav-audit = Journal d'audit
nav-profile = Profil
nav-sign-out = Se déconnecter
language-label = Langue
language-apply = Appliquer
footer-text = Ward — l'espace commun de sécurité du secteur des soins. Les données des patients ne quittent jamais l'hôpital.
next-page = Page suivante
save = Enregistrer
create = Créer
cancel = Annuler
edit = Modifier
delete = Supprimer
publish = Publier
add = Ajouter
remove = Retirer
revoke = Révoquer
disable = Désactiver
enable = Activer
copy = Copier
copied = Copié
you = vous
coordinator = Coordinateur
guest = Invité
pinned = Épinglé
form-has-errors = Certains champs requièrent votre attention : voyez les messages ci-dessous.
updated-at = Dernière modification : { $time }.
days-n = { $count ->
    [one] 1 jour
   *[other] { $count } jours
    }

## Actions terminées
done-saved = Enregistré.
done-invited = Invitation créée.
done-revoked = Révoqué.
done-role = Rôle modifié. Les sessions ouvertes de cette personne ont été fermées pour que les nouveaux droits s'appliquent immédiatement.
done-status = Statut modifié.
done-password = Mot de passe modifié. Vos autres sessions ont été fermées.
done-mfa-disabled = Second facteur supprimé.
done-created = Créé.
done-deleted = Supprimé.
done-member-added = Organisation ajoutée au groupe.
done-member-removed = Organisation retirée du groupe.
done-language = Langue modifiée.

## Erreurs
error-status = Erreur { $status }
error-home = Retour à l'accueil
error-request-id = Si vous contactez votre administrateur, mentionnez cet identifiant de requête :
error-unauthorized = Veuillez vous connecter
error-forbidden = Vous n'êtes pas autorisé à effectuer cette action
error-mfa-enrolment-required = Configurez d'abord votre second facteur
error-not-found = Élément introuvable
error-validation = Certaines données doivent être corrigées
error-bad-request = Cette requête n'a pas pu être traitée
error-conflict = Ceci entre en conflit avec un élément existant
error-stale = Quelqu'un d'autre a modifié ceci entre-temps
error-unavailable = Le serveur est momentanément surchargé
error-internal = Un problème est survenu de notre côté

## Connexion
login-title = Connexion
login-intro = Connectez-vous avec l'adresse e-mail et le mot de passe de votre compte Ward.
login-submit = Se connecter
login-error-credentials = L'adresse e-mail ou le mot de passe est incorrect.
login-error-code = Ce code est incorrect. Saisissez les six chiffres actuels de votre application, ou un code de récupération.
login-error-locked = Trop de tentatives. Réessayez après { $time }.
login-demo-notice = Ceci est la communauté de démonstration. Les comptes de démonstration et leur mot de passe ont été affichés au démarrage de Ward.
mfa-login-title = Second facteur
mfa-login-intro = Saisissez le code à six chiffres que votre application d'authentification affiche pour Ward.
mfa-login-hint = Téléphone perdu ? Saisissez plutôt l'un de vos codes de récupération.
mfa-login-submit = Vérifier
mfa-login-cancel = Annuler et se reconnecter
field-email = Adresse e-mail
field-password = Mot de passe
field-code = Code

## Accueil
home-title = Accueil
home-welcome = Bienvenue, { $name }
home-figures = Chiffres
home-recent = Dernières annonces
home-no-announcements = Aucune annonce que vous pouvez lire pour l'instant.
home-all-announcements = Toutes les annonces
home-by-tlp = Ce que vous pouvez lire, par label TLP
home-by-tlp-hint = Calculé selon les mêmes règles d'accès que chaque page : vous ne voyez que ce que vos droits permettent.
home-nothing-shared = Rien n'a encore été partagé avec vous.
home-jobs = Tâches d'arrière-plan
home-jobs-line = { $pending } en attente, { $running } en cours, { $failed } abandonnées.
stat-member-orgs = organisations membres
stat-suppliers = organisations fournisseurs
stat-people = personnes dans la communauté
stat-my-org-people = personnes dans votre organisation
stat-announcements = annonces que vous pouvez lire
stat-groups = groupes de partage
stat-open-invitations = invitations en cours
stat-audit-7d = entrées d'audit sur 7 jours
col-tlp = Label
col-items = Éléments

## Organisation
org-people = Personnes
org-more-people = Seules les 200 premières personnes sont affichées.
org-edit-title = Données de l'organisation
org-suspend-hint = Les personnes d'une organisation suspendue ne peuvent pas se connecter ; leurs sessions sont fermées immédiatement.
col-name = Nom
col-email = E-mail
col-role = Rôle
col-status = Statut
col-mfa = Second facteur
col-last-login = Dernière connexion
col-actions = Actions
col-expires = Expiration
col-created = Création
col-last-used = Dernière utilisation
col-scope = Portée
col-kind = Type
col-region = Région
col-people = Personnes
col-description = Description
col-members = Membres
status-active = Actif
status-disabled = Désactivé
mfa-on = Activé
mfa-off = Désactivé
role-of = Rôle de { $name }
confirm-disable = Désactiver { $name } ? Cette personne sera déconnectée et ne pourra plus se connecter avant sa réactivation.
invite-title = Inviter un collègue
invite-intro = Ward crée un lien personnel à usage unique, qui expire. Transmettez-le vous-même à votre collègue, par exemple par e-mail.
invite-submit = Créer le lien d'invitation
invite-link-ready = Lien d'invitation créé
invite-link-once = Copiez-le maintenant : par sécurité, Ward ne l'affichera plus.
invitations-title = Invitations
invitations-none = Aucune invitation pour l'instant.
invitation-open = En cours
invitation-accepted = Acceptée
invitation-revoked = Révoquée
invitation-expired = Expirée
field-email-optional = Adresse e-mail (facultatif)
field-role = Rôle
field-org-name = Nom
field-kind = Type d'organisation
field-size = Taille
field-region = Région
field-languages = Langues
field-status = Statut

## Accepter une invitation
invite-accept-title = Rejoindre Ward
invite-accept-intro = Vous êtes invité(e) à rejoindre { $org } avec le rôle { $role }. Choisissez votre nom et un mot de passe.
invite-accept-submit = Créer mon compte

## Communauté (coordinateur)
community-nav-label = Administration de la communauté
community-orgs-title = Organisations
community-orgs-intro = Institutions membres, organisation du coordinateur et fournisseurs invités.
community-orgs-count = { $count ->
    [one] 1 organisation
   *[other] { $count } organisations
    }
community-org-new = Ajouter une organisation
community-groups-title = Groupes de partage
community-groups-intro = Cercles d'organisations membres auxquels un marquage peut s'adresser, par exemple un cercle régional de CISO.
community-groups-none = Aucun groupe de partage pour l'instant.
community-group-new = Nouveau groupe de partage
community-group-intro = Les membres de ce groupe peuvent lire les éléments qui lui sont adressés.
community-group-empty = Aucune organisation dans ce groupe pour l'instant.
community-group-add = Ajouter une organisation
community-group-edit = Nom et description
community-group-guests-hint = Les fournisseurs et autres invités ne peuvent pas rejoindre un groupe de partage ; adressez-leur plutôt les éléments directement.
community-settings-title = Paramètres
community-settings-intro = Règles applicables à toute la communauté.
field-group-name = Nom
field-description = Description
field-community-name = Nom de la communauté
field-require-mfa = Les administrateurs et le coordinateur doivent utiliser un second facteur
field-require-mfa-hint = Recommandé. Il leur sera demandé de le configurer lors de leur prochaine connexion.
field-coordinator-anonymous = Le coordinateur peut voir qui est l'auteur des contributions anonymes
field-coordinator-anonymous-hint = Uniquement à des fins de modération. Si cette option est désactivée, seule leur propre organisation connaît les auteurs anonymes.
field-session-idle = Déconnexion après inactivité (minutes)
field-session-absolute = Déconnexion après (heures)
field-invitation-days = Validité des liens d'invitation (jours)

## Profil
profile-title = Profil
profile-details = Vos données
field-display-name = Votre nom
field-language = Langue de l'interface
password-title = Mot de passe
password-hint = Au moins 12 caractères. Quelques mots sans rapport entre eux forment un mot de passe robuste et facile à retenir.
password-submit = Changer le mot de passe
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-new-password-confirm = Confirmer le nouveau mot de passe
mfa-title = Second facteur
mfa-intro = Protégez votre compte avec un code fourni par une application d'authentification sur votre téléphone (par exemple FreeOTP, Aegis, Google ou Microsoft Authenticator).
mfa-enrol = Configurer un second facteur
mfa-required-notice = Votre rôle exige un second facteur. Configurez-le maintenant pour continuer.
mfa-required-hint = Votre rôle exige un second facteur ; il ne peut donc pas être supprimé.
mfa-step-install = Installez une application d'authentification sur votre téléphone si vous n'en avez pas encore.
mfa-step-scan = Scannez ce code QR avec l'application, ou saisissez la clé affichée à côté.
mfa-step-confirm = Saisissez le code à six chiffres affiché par l'application
mfa-manual = Impossible de scanner ? Saisissez cette clé dans l'application :
mfa-qr-label = Code QR pour ajouter Ward à votre application d'authentification
mfa-confirm = Activer le second facteur
mfa-wrong-code = Ce code est incorrect. Vérifiez que l'horloge de votre téléphone est à l'heure et saisissez les six chiffres actuels.
mfa-enrolled = Votre second facteur est activé. Désormais, Ward vous demandera un code à chaque connexion.
mfa-continue = Continuer
mfa-already = Un second facteur est déjà configuré pour votre compte.
mfa-disable = Supprimer le second facteur
mfa-disable-password = Votre mot de passe, pour confirmer
recovery-codes-title = Codes de récupération
recovery-codes-once = Chaque code fonctionne une seule fois si vous perdez votre téléphone. Conservez-les dès maintenant en lieu sûr : Ward ne les affichera plus.
recovery-left = { $count ->
    [one] Il reste 1 code de récupération.
   *[other] Il reste { $count } codes de récupération.
    }
recovery-regenerate = Nouveaux codes de récupération
tokens-title = Jetons API
tokens-intro = Les jetons permettent à des outils comme MISP, un SIEM ou des scripts d'utiliser l'API de Ward en votre nom, avec vos droits d'accès.
token-create = Créer un jeton
token-ready = Jeton créé
token-once = Copiez-le maintenant : par sécurité, Ward ne l'affichera plus.
token-never = Jamais
token-revoked = Révoqué
token-name-placeholder = p. ex. intégration SIEM
confirm-revoke-token = Révoquer le jeton « { $name } » ? Les outils qui l'utilisent cesseront immédiatement de fonctionner.
field-token-name = Nom
field-scope = Portée
field-expires = Expire après
scope-read = Lecture seule
scope-write = Lecture et écriture

## Annonces
announcements-title = Annonces
announcements-intro = Avis partagés au sein de la communauté. Vous ne voyez que ce que vous et votre organisation pouvez lire.
announcement-new = Nouvelle annonce
announcement-edit = Modifier l'annonce
announcement-form-intro = Choisissez avec soin le label TLP et les destinataires : ils déterminent qui peut lire ceci.
contributor-anonymous = Membre anonyme
field-title = Titre
field-summary = Résumé
field-body = Texte
field-content-language = Langue du texte
field-tlp = Label TLP
field-audience = Destinataires
field-audience-kind = Adressé à
field-anonymous = Partager anonymement
field-anonymous-hint = Anonyme : les autres organisations ne voient pas que vous ou votre organisation en êtes l'auteur.
field-pinned = Épingler en haut
audience-hint = Avec TLP:RED, seules les personnes nommées peuvent lire. Avec AMBER, les organisations destinataires peuvent lire, ainsi que votre propre organisation.
audience-community = toute la communauté
audience-groups-n = { $count ->
    [one] 1 groupe de partage
   *[other] { $count } groupes de partage
    }
audience-orgs-n = { $count ->
    [one] 1 organisation
   *[other] { $count } organisations
    }
audience-people-n = { $count ->
    [one] 1 personne
   *[other] { $count } personnes
    }
audience-named = Adressé à :
audience-kind-community = Toute la communauté
audience-kind-groups = Groupes de partage
audience-kind-organizations = Organisations
audience-kind-people = Personnes
confirm-delete = Supprimer cette annonce ? Cette action est irréversible.
tlp-explain-clear = Tout le monde peut lire ceci, y compris en dehors de la communauté.
tlp-explain-green = Toute organisation membre peut lire ceci ; ne pas diffuser sur des canaux publics.
tlp-explain-amber = Seules votre organisation et les organisations destinataires peuvent lire ceci, selon le besoin d'en connaître.
tlp-explain-amber-strict = Seules votre organisation et les organisations destinataires elles-mêmes, jamais leurs clients.
tlp-explain-red = Seules les personnes nommées peuvent lire ceci.

## Journal d'audit
audit-title = Journal d'audit
audit-intro-all = Toutes les actions enregistrées dans la communauté, des plus récentes aux plus anciennes. Les entrées sont chaînées par hachage : toute altération est détectée par la commande ward audit verify.
audit-intro-org = Actions enregistrées concernant votre organisation, des plus récentes aux plus anciennes.
audit-anonymous = non connecté
col-time = Date et heure
col-action = Action
col-actor = Par
col-target = Concerne
col-address = Adresse
col-detail = Détail

## Rôles, types et autres valeurs
role-org_admin = Administrateur
role-security_officer = Conseiller en sécurité
role-contributor = Contributeur
role-reader = Lecteur
kind-coordinator = Coordinateur
kind-university_hospital = Hôpital universitaire
kind-general_hospital = Hôpital général
kind-psychiatric_hospital = Hôpital psychiatrique
kind-care_group = Groupe de soins
kind-laboratory = Laboratoire
kind-residential_care = Soins résidentiels
kind-partner = Partenaire
kind-supplier = Fournisseur (invité)
size-small = Moins de 250 collaborateurs
size-medium = 250 à 999 collaborateurs
size-large = 1 000 à 4 999 collaborateurs
size-very_large = 5 000 collaborateurs ou plus
region-brussels = Bruxelles
region-flanders = Flandre
region-wallonia = Wallonie
region-national = National
region-abroad = Étranger
language-en = Anglais
language-nl = Néerlandais
language-fr = Français
language-de = Allemand
org-status-active = Active
org-status-suspended = Suspendue


## Added with the first review
audit-hidden = masqué (contribution anonyme)
col-organization = Organisation
invitation-unavailable-title = Ce lien d'invitation ne fonctionne plus
invitation-unavailable-text = Il a déjà été utilisé, a été révoqué ou a expiré. Demandez une nouvelle invitation à l'administrateur de votre organisation.
aria-save-role = Enregistrer le rôle de { $name }
aria-remove-org = Retirer { $name } du groupe
aria-revoke-invitation = Révoquer l'invitation pour { $name }
aria-revoke-token = Révoquer le jeton { $name }
aria-disable-person = Désactiver { $name }
aria-enable-person = Réactiver { $name }
pinned-title = Épinglées
audit-detail-show = Afficher

## Adhésion à la communauté et annuaire des membres
error-too-many-requests = Trop de demandes
nav-directory = Annuaire des membres
login-join-hint = Votre institution n'est pas encore membre ?
login-join-link = Demander l'adhésion
join-title = Demander l'adhésion
join-intro = Les institutions de soins qui ne sont pas encore membres peuvent demander leur adhésion ici. Le coordinateur examine chaque demande.
join-why-title = Ce que l'adhésion vous apporte
join-why-assess = Les évaluations de fournisseurs et d'appareils déjà faites par d'autres membres : évaluer une fois, partager avec tous.
join-why-alerts = Des alertes et indicateurs sur les fournisseurs, appareils et logiciels que vous utilisez, partagés sous TLP.
join-why-policies = Des modèles de politiques pour le personnel, les stagiaires, les médecins indépendants et les fournisseurs, dans votre langue.
join-why-peers = Les réunions trimestrielles du groupe de travail et un contact direct avec les responsables sécurité d'autres institutions.
join-why-review = Après examen, vous recevez un lien pour créer le premier compte administrateur de votre institution.
join-org-legend = Votre institution
join-field-org-name = Nom de l'institution
join-contact-legend = Personne de contact
join-contact-hint = Cette personne devient le premier administrateur de votre institution dans Ward.
join-field-contact-name = Nom
join-field-contact-email = Adresse e-mail
join-field-contact-role = Rôle ou fonction
join-contact-role-placeholder = p. ex. RSSI, responsable informatique
join-field-motivation = Pourquoi souhaitez-vous adhérer ?
join-motivation-hint = Quelques phrases pour le coordinateur : ce que vous espérez partager et trouver. N'y mettez aucune donnée de patient.
join-privacy = Seul le coordinateur voit les coordonnées et la motivation.
join-submit = Envoyer la demande
join-member-sign-in = Déjà membre ? Se connecter
join-throttled = Trop de demandes ont été envoyées depuis votre réseau. Réessayez dans une heure.
join-status-title = Votre demande
join-status-heading = Statut
join-received-title = Votre demande a été reçue.
join-received-keep-link = Conservez ce lien : c'est le seul moyen de suivre votre demande, et Ward ne peut pas l'afficher à nouveau.
join-submitted-at = Envoyée
join-decided-at = Décidée
join-status-waiting = Le coordinateur examine les demandes régulièrement. Revenez sur cette page pour voir la décision.
join-rejection-reason = Motif
join-invitation-title = Créer le compte administrateur
join-invitation-text = Votre institution a été acceptée. Ce lien crée son premier compte administrateur ; il fonctionne une fois et jusqu'au { $time }.
join-invitation-button = Créer le compte administrateur
join-invitation-closed = Le lien d'invitation a expiré ou a été retiré. Demandez-en un nouveau au coordinateur.
join-joined = Le compte administrateur de votre institution a été créé.
application-status-received = Reçue
application-status-approved = Acceptée
application-status-rejected = Refusée
applications-title = Demandes d'adhésion
applications-intro = Les institutions qui ont demandé leur adhésion. Accepter crée l'organisation et une invitation pour son premier administrateur.
applications-count-received = en attente de décision
applications-count-approved = acceptées
applications-count-rejected = refusées
applications-pending = En attente de décision
applications-none-pending = Aucune demande en attente.
applications-more-pending = Seules les 200 demandes en attente les plus récentes sont affichées.
applications-decided = Décidées
applications-none-decided = Aucune demande n'a encore été décidée.
col-contact = Contact
col-contacts = Contacts
col-submitted = Envoyée
application-details = Demande
application-decide = Décision
application-approve-hint = Accepter crée l'organisation avec ces données et un lien d'invitation pour la personne de contact comme administrateur.
application-approve = Accepter
application-reason = Motif du refus
application-reason-hint = Le demandeur le lit sur sa page de statut.
application-reject = Refuser
application-approved-done = Acceptée. L'organisation a été créée.
application-link-pass-on = Transmettez ce lien d'invitation à la personne de contact ; il figure aussi sur sa page de statut. Ward ne vous le montre plus.
application-rejected-done = Refusée. Le demandeur voit le motif sur sa page de statut.
application-open-org = Ouvrir l'organisation
directory-title = Annuaire des membres
directory-intro = Les institutions membres de la communauté, et les personnes qui ont choisi d'y figurer comme contact.
directory-you-listed = Vous figurez comme contact de votre organisation.
directory-you-not-listed = Vous ne figurez pas comme contact.
directory-change = Modifiez-le dans votre profil.
directory-no-contacts = Aucun contact indiqué
directory-profile-intro = Les membres d'autres institutions vous trouvent dans l'annuaire avec votre nom, votre rôle et votre adresse e-mail — seulement si vous le choisissez.
field-directory-listed = M'afficher comme contact dans l'annuaire des membres
directory-open = Ouvrir l'annuaire des membres
## Filtre de données personnelles
guard-title = Données personnelles détectées
guard-intro = Les données de santé et les données personnelles ne doivent jamais être partagées. Chaque détection est marquée ci-dessous dans votre texte. Supprimez-la ou, s'il s'agit de coordonnées qui peuvent être partagées (l'adresse de sécurité d'un fournisseur, par exemple), confirmez-la.
guard-finding-at = { $kind } à la ligne { $line }, colonne { $column }
guard-confirm = ceci peut être partagé
guard-never = supprimez-le : ceci ne peut jamais être partagé, même avec confirmation.
guard-kind-national-number = Numéro de registre national
guard-kind-bis-number = Numéro BIS
guard-kind-iban = IBAN
guard-kind-email = Adresse e-mail
guard-kind-phone = Numéro de téléphone

## Base de connaissances
nav-knowledge = Base de connaissances
knowledge-title = Base de connaissances
knowledge-intro = Playbooks, retours d'expérience, kits d'exercice et guides de la communauté — chacun partagé sous son propre label TLP.
knowledge-empty = Rien ici que vous puissiez lire pour l'instant. Partagez ce que vous avez appris : d'autres affrontent les mêmes problèmes.
article-new = Rédiger un article
article-edit = Modifier l'article
article-form-intro = Rédigez en Markdown. Les retours d'expérience sont partagés anonymement par défaut : votre organisation reste cachée aux autres.
field-category = Catégorie
field-topic = Thème
field-topics = Thèmes
field-body-markdown = Texte (Markdown)
field-comment = Votre commentaire (Markdown)
markdown-hint = Titres avec #, listes avec - ou 1., **gras**, `code`, tableaux et liens. Le HTML est affiché comme texte et les images par leur description.
filter-any = Tous
filter-apply = Filtrer
category-playbook = Playbook
category-lessons_learned = Retour d'expérience
category-exercise_kit = Kit d'exercice
category-guide = Guide
topic-supply_chain = Chaîne d'approvisionnement
topic-policy = Politique
topic-technical = Technique
topic-ai = IA
topic-other = Autre
article-version-n = Version { $version } · historique
article-history-title = Historique de « { $title } »
article-versions = Versions
article-version = Version
article-editor = Enregistrée par
article-saved = Enregistrée
article-compare-from = Comparer la version
article-compare-to = avec la version
article-compare = Comparer
article-diff-title = Modifications de la version { $from } à la version { $to }
article-no-difference = Ces versions ont le même texte.
diff-added = ajouté
diff-removed = supprimé
comments-n = { $count ->
    [0] Pas encore de commentaire
    [one] Un commentaire
   *[other] { $count } commentaires
}
comments-hint = Les commentaires sont lisibles exactement par ceux qui peuvent lire cet article.
comment-post = Publier le commentaire

## Recherche
nav-search = Recherche
search-title = Recherche
search-title-for = Recherche : { $q }
search-intro = Une seule recherche sur tout ce que vous pouvez lire : annonces et base de connaissances. Accents et majuscules n'ont pas d'importance ; chaque mot doit correspondre.
search-label = Mots à chercher
search-kind = Type
search-from = Modifié à partir du
search-until = Modifié jusqu'au
search-button = Rechercher
search-results-n = { $count ->
    [0] Aucun résultat
    [one] Un résultat
   *[other] { $count } résultats
}
search-nothing = Rien de ce que vous pouvez lire ne correspond. Essayez moins de mots ou d'autres filtres.
previous-page = Page précédente
item-kind-announcement = Annonce
item-kind-article = Article
search-results-more = Plus de { $count } résultats

## Page publique
login-portal-link = Ce que la communauté partage publiquement
portal-title = À propos de la communauté
portal-intro = Des hôpitaux et institutions de soins belges partagent ce qu'ils savent de la sécurité — renseignement sur les menaces, évaluations de fournisseurs, politiques, retours d'expérience — sous un contrôle TLP strict, et se réunissent chaque trimestre. Les données des patients ne quittent jamais l'hôpital.
portal-join = Demander l'adhésion
portal-sign-in = Se connecter
portal-figures = La communauté en chiffres
portal-members = institutions membres
portal-items = éléments partagés entre membres
portal-how = Les membres lisent ce que le label TLP de chaque élément permet ; cette page ne montre que ce qui est marqué TLP:CLEAR.
portal-clear = Partagé avec tous (TLP:CLEAR)
portal-clear-empty = Rien n'a encore été publié pour tous.
portal-back = Retour à la page de la communauté
