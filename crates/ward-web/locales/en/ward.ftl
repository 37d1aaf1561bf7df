# Ward — English interface messages. Every key here must exist in nl/ward.ftl and fr/ward.ftl (a test checks).
# TLP labels (TLP:CLEAR, TLP:GREEN, …) are never translated, as TLP 2.0 requires.

## Shell
skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Overview
nav-announcements = Announcements
nav-organization = My organization
nav-community = Community
nav-audit = Audit trail
nav-profile = Profile
nav-sign-out = Sign out
language-label = Language
language-apply = Apply
footer-text = Ward — the shared security commons for healthcare. Patient data never leaves the hospital.
next-page = Next page
save = Save
create = Create
cancel = Cancel
edit = Edit
delete = Delete
publish = Publish
add = Add
remove = Remove
revoke = Revoke
disable = Disable
enable = Enable
copy = Copy
copied = Copied
you = you
coordinator = Coordinator
guest = Guest
pinned = Pinned
form-has-errors = Some fields need your attention; see the messages below.
updated-at = Last changed { $time }.
days-n = { $count ->
    [one] 1 day
   *[other] { $count } days
    }

## Finished actions
done-saved = Saved.
done-invited = Invitation created.
done-revoked = Revoked.
done-role = Role changed. The person's open sessions were ended so the new rights apply at once.
done-status = Status changed.
done-password = Password changed. Your other sessions were ended.
done-mfa-disabled = Second factor removed.
done-created = Created.
done-deleted = Deleted.
done-member-added = Organization added to the group.
done-member-removed = Organization removed from the group.
done-language = Language changed.

## Errors
error-status = Error { $status }
error-home = Back to the overview
error-request-id = If you contact your administrator, mention this request id:
error-unauthorized = Please sign in
error-forbidden = You may not do this
error-mfa-enrolment-required = Set up your second factor first
error-not-found = Nothing here
error-validation = Some input needs attention
error-bad-request = This request could not be handled
error-conflict = This clashes with something that already exists
error-stale = Someone else changed this meanwhile
error-unavailable = The server is busy
error-internal = Something went wrong on our side

## Sign-in
login-title = Sign in
login-intro = Sign in with the e-mail address and password of your Ward account.
login-submit = Sign in
login-error-credentials = The e-mail address or password is not right.
login-error-code = That code is not right. Enter the current six digits from your app, or a recovery code.
login-error-locked = Too many attempts. Try again after { $time }.
login-demo-notice = This is the demo community. The demo accounts and their password were printed when Ward started.
mfa-login-title = Second factor
mfa-login-intro = Enter the six-digit code your authenticator app shows for Ward.
mfa-login-hint = Lost your phone? Enter one of your recovery codes instead.
mfa-login-submit = Verify
mfa-login-cancel = Cancel and sign in again
field-email = E-mail address
field-password = Password
field-code = Code

## Overview
home-title = Overview
home-welcome = Welcome, { $name }
home-figures = Figures
home-recent = Latest announcements
home-no-announcements = No announcements you may read yet.
home-all-announcements = All announcements
home-by-tlp = What you can read, by TLP label
home-by-tlp-hint = Counted with the same access rules as every page: you only see what your marking allows.
home-nothing-shared = Nothing has been shared with you yet.
home-jobs = Background jobs
home-jobs-line = { $pending } waiting, { $running } running, { $failed } given up.
stat-member-orgs = member organizations
stat-suppliers = supplier organizations
stat-people = people in the community
stat-my-org-people = people in your organization
stat-announcements = announcements you can read
stat-groups = sharing groups
stat-open-invitations = open invitations
stat-audit-7d = audit entries in 7 days
col-tlp = Label
col-items = Items

## Organization
org-people = People
org-more-people = Only the first 200 people are shown.
org-edit-title = Organization details
org-suspend-hint = A suspended organization's people cannot sign in; their sessions end at once.
col-name = Name
col-email = E-mail
col-role = Role
col-status = Status
col-mfa = Second factor
col-last-login = Last sign-in
col-actions = Actions
col-expires = Expires
col-created = Created
col-last-used = Last used
col-scope = Scope
col-kind = Kind
col-region = Region
col-people = People
col-description = Description
col-members = Members
status-active = Active
status-disabled = Disabled
mfa-on = On
mfa-off = Off
role-of = Role of { $name }
confirm-disable = Disable { $name }? They will be signed out and cannot sign in until enabled again.
invite-title = Invite a colleague
invite-intro = Ward creates a personal link that works once and expires. Send it to your colleague yourself, for example by e-mail.
invite-submit = Create invitation link
invite-link-ready = Invitation link created
invite-link-once = Copy it now: for security, Ward does not show it again.
invitations-title = Invitations
invitations-none = No invitations yet.
invitation-open = Open
invitation-accepted = Accepted
invitation-revoked = Revoked
invitation-expired = Expired
field-email-optional = E-mail address (optional)
field-role = Role
field-org-name = Name
field-kind = Kind of organization
field-size = Size
field-region = Region
field-languages = Languages
field-status = Status

## Accepting an invitation
invite-accept-title = Join Ward
invite-accept-intro = You are invited to join { $org } with the role { $role }. Choose your name and a password.
invite-accept-submit = Create my account

## Community (coordinator)
community-nav-label = Community administration
community-orgs-title = Organizations
community-orgs-intro = Member institutions, the coordinator's organization and supplier guests.
community-orgs-count = { $count ->
    [one] 1 organization
   *[other] { $count } organizations
    }
community-org-new = Add an organization
community-groups-title = Sharing groups
community-groups-intro = Circles of member organizations that markings can address, for example a regional CISO circle.
community-groups-none = No sharing groups yet.
community-group-new = New sharing group
community-group-intro = Members of this group can read items addressed to it.
community-group-empty = No organizations in this group yet.
community-group-add = Add an organization
community-group-edit = Name and description
community-group-guests-hint = Suppliers and other guests cannot join sharing groups; address them directly instead.
community-settings-title = Settings
community-settings-intro = Rules that apply to the whole community.
field-group-name = Name
field-description = Description
field-community-name = Community name
field-require-mfa = Administrators and the coordinator must use a second factor
field-require-mfa-hint = Recommended. They are asked to set it up at their next sign-in.
field-coordinator-anonymous = The coordinator may see who contributed anonymous items
field-coordinator-anonymous-hint = For moderation only. When off, anonymous contributors are known to their own organization alone.
field-session-idle = Sign out after inactivity (minutes)
field-session-absolute = Sign out after (hours)
field-invitation-days = Invitation links valid for (days)

## Profile
profile-title = Profile
profile-details = Your details
field-display-name = Your name
field-language = Interface language
password-title = Password
password-hint = At least 12 characters. A few unrelated words make a strong password that is easy to remember.
password-submit = Change password
field-current-password = Current password
field-new-password = New password
field-new-password-confirm = New password again
mfa-title = Second factor
mfa-intro = Protect your account with a code from an authenticator app on your phone (for example FreeOTP, Aegis, Google or Microsoft Authenticator).
mfa-enrol = Set up a second factor
mfa-required-notice = Your role requires a second factor. Set it up now to continue.
mfa-required-hint = Your role requires a second factor, so it cannot be removed.
mfa-step-install = Install an authenticator app on your phone if you do not have one.
mfa-step-scan = Scan this QR code with the app, or type the key shown next to it.
mfa-step-confirm = Enter the six-digit code the app shows
mfa-manual = Cannot scan? Enter this key in the app:
mfa-qr-label = QR code to add Ward to your authenticator app
mfa-confirm = Turn on the second factor
mfa-wrong-code = That code is not right. Check that your phone's clock is correct and enter the current six digits.
mfa-enrolled = Your second factor is on. From now on Ward asks for a code when you sign in.
mfa-continue = Continue
mfa-already = A second factor is already set up for your account.
mfa-disable = Remove second factor
mfa-disable-password = Your password, to confirm
recovery-codes-title = Recovery codes
recovery-codes-once = Each code works once if you lose your phone. Store them somewhere safe now: Ward does not show them again.
recovery-left = { $count ->
    [one] 1 recovery code left.
   *[other] { $count } recovery codes left.
    }
recovery-regenerate = New recovery codes
tokens-title = API tokens
tokens-intro = Tokens let tools such as MISP, a SIEM or scripts use the Ward API on your behalf, with your access rights.
token-create = Create token
token-ready = Token created
token-once = Copy it now: for security, Ward does not show it again.
token-never = Never
token-revoked = Revoked
token-name-placeholder = e.g. SIEM integration
confirm-revoke-token = Revoke the token "{ $name }"? Tools using it stop working at once.
field-token-name = Name
field-scope = Scope
field-expires = Expires after
scope-read = Read only
scope-write = Read and write

## Announcements
announcements-title = Announcements
announcements-intro = Notices shared in the community. You see only what your organization and you may read.
announcement-new = New announcement
announcement-edit = Edit announcement
announcement-form-intro = Choose the TLP label and the audience carefully: they decide who can read this.
contributor-anonymous = Anonymous member
field-title = Title
field-summary = Summary
field-body = Text
field-content-language = Language of the text
field-tlp = TLP label
field-audience = Audience
field-audience-kind = Addressed to
field-anonymous = Share anonymously
field-anonymous-hint = Anonymous: other organizations do not see that your organization or you wrote this.
field-pinned = Pin to the top
audience-hint = With TLP:RED only named people can read. With AMBER the audience organizations read it, with your own organization.
audience-community = the whole community
audience-groups-n = { $count ->
    [one] 1 sharing group
   *[other] { $count } sharing groups
    }
audience-orgs-n = { $count ->
    [one] 1 organization
   *[other] { $count } organizations
    }
audience-people-n = { $count ->
    [one] 1 person
   *[other] { $count } people
    }
audience-named = Addressed to:
audience-kind-community = The whole community
audience-kind-groups = Sharing groups
audience-kind-organizations = Organizations
audience-kind-people = People
confirm-delete = Delete this announcement? This cannot be undone.
tlp-explain-clear = Anyone may read this, also outside the community.
tlp-explain-green = Every member organization may read this; it must not go to public channels.
tlp-explain-amber = Only your organization and the addressed organizations may read this, on a need-to-know basis.
tlp-explain-amber-strict = Only your organization and the addressed organizations themselves, never their clients.
tlp-explain-red = Only the named people may read this.

## Audit trail
audit-title = Audit trail
audit-intro-all = Every recorded action in the community, newest first. The entries are hash-chained: tampering is detected by the command ward audit verify.
audit-intro-org = Recorded actions concerning your organization, newest first.
audit-anonymous = not signed in
col-time = Time
col-action = Action
col-actor = By
col-target = Concerning
col-address = Address
col-detail = Detail

## Roles, kinds and other values
role-org_admin = Administrator
role-security_officer = Security officer
role-contributor = Contributor
role-reader = Reader
kind-coordinator = Coordinator
kind-university_hospital = University hospital
kind-general_hospital = General hospital
kind-psychiatric_hospital = Psychiatric hospital
kind-care_group = Care group
kind-laboratory = Laboratory
kind-residential_care = Residential care
kind-partner = Partner
kind-supplier = Supplier (guest)
size-small = Fewer than 250 staff
size-medium = 250 to 999 staff
size-large = 1,000 to 4,999 staff
size-very_large = 5,000 staff or more
region-brussels = Brussels
region-flanders = Flanders
region-wallonia = Wallonia
region-national = National
region-abroad = Abroad
language-en = English
language-nl = Dutch
language-fr = French
language-de = German
org-status-active = Active
org-status-suspended = Suspended


## Added with the first review
audit-hidden = hidden (anonymous contribution)
col-organization = Organization
invitation-unavailable-title = This invitation link no longer works
invitation-unavailable-text = It was already used, was revoked, or has expired. Ask the administrator of your organization for a new invitation.
aria-save-role = Save the role of { $name }
aria-remove-org = Remove { $name } from the group
aria-revoke-invitation = Revoke the invitation for { $name }
aria-revoke-token = Revoke the token { $name }
aria-disable-person = Disable { $name }
aria-enable-person = Enable { $name }
pinned-title = Pinned
audit-detail-show = Show

## Joining the community and the member directory
error-too-many-requests = Too many requests
nav-directory = Member directory
login-join-hint = Is your institution not a member yet?
login-join-link = Apply to join
join-title = Apply to join
join-intro = Care institutions that are not members yet can apply here. The coordinator reviews every application.
join-why-title = What membership gives you
join-why-assess = Supplier and device assessments that other members already made: assess once, share with all.
join-why-alerts = Warnings and indicators about the suppliers, devices and software you use, shared under TLP.
join-why-policies = Policy templates for staff, interns, self-employed physicians and suppliers, in your language.
join-why-peers = The quarterly focus-group meetings and a direct line to security officers of other institutions.
join-why-review = After review you receive a link to create the first administrator account of your institution.
join-org-legend = Your institution
join-field-org-name = Name of the institution
join-contact-legend = Contact person
join-contact-hint = This person becomes the first administrator of your institution in Ward.
join-field-contact-name = Name
join-field-contact-email = E-mail address
join-field-contact-role = Role or function
join-contact-role-placeholder = e.g. CISO, IT manager
join-field-motivation = Why do you want to join?
join-motivation-hint = A few sentences for the coordinator: what you hope to share and to find. Do not include patient data.
join-privacy = Only the coordinator sees the contact details and the motivation.
join-submit = Send application
join-member-sign-in = Already a member? Sign in
join-throttled = Too many applications were sent from your network. Try again in an hour.
join-status-title = Your application
join-status-heading = Status
join-received-title = Your application was received.
join-received-keep-link = Keep this link: it is the only way to follow your application, and Ward cannot show it again.
join-submitted-at = Submitted
join-decided-at = Decided
join-status-waiting = The coordinator reviews applications regularly. Come back to this page to see the decision.
join-rejection-reason = Reason
join-invitation-title = Create the administrator account
join-invitation-text = Your institution was approved. This link creates its first administrator account; it works once and until { $time }.
join-invitation-button = Create the administrator account
join-invitation-closed = The invitation link expired or was withdrawn. Contact the coordinator for a new one.
join-joined = The administrator account of your institution was created.
application-status-received = Received
application-status-approved = Approved
application-status-rejected = Rejected
applications-title = Applications
applications-intro = Institutions that applied to join. Approving creates the organization and an invitation for its first administrator.
applications-count-received = waiting for a decision
applications-count-approved = approved
applications-count-rejected = rejected
applications-pending = Waiting for a decision
applications-none-pending = No applications are waiting.
applications-more-pending = Only the 200 newest waiting applications are shown.
applications-decided = Decided
applications-none-decided = No applications were decided yet.
col-contact = Contact
col-contacts = Contacts
col-submitted = Submitted
application-details = Application
application-decide = Decision
application-approve-hint = Approving creates the organization with these details and an invitation link for the contact person as administrator.
application-approve = Approve
application-reason = Reason for rejecting
application-reason-hint = The applicant reads this on their status page.
application-reject = Reject
application-approved-done = Approved. The organization was created.
application-link-pass-on = Pass this invitation link on to the contact person; it is also on their status page. Ward does not show it to you again.
application-rejected-done = Rejected. The applicant sees the reason on their status page.
application-open-org = Open the organization
directory-title = Member directory
directory-intro = The member institutions of the community, and the people who chose to be listed as their contacts.
directory-you-listed = You are listed as a contact of your organization.
directory-you-not-listed = You are not listed as a contact.
directory-change = Change this in your profile.
directory-no-contacts = No contact listed
directory-profile-intro = Members of other institutions can find you in the member directory with your name, role and e-mail address — only if you choose so.
field-directory-listed = Show me as a contact in the member directory
directory-open = Open the member directory
## Personal-data guard
guard-title = Personal data found
guard-intro = Health data and personal data must never be shared. Each finding is marked in your text below. Remove it, or — for contact details that may be shared, such as a supplier's security address — confirm it.
guard-finding-at = { $kind } at line { $line }, column { $column }
guard-confirm = this may be shared
guard-never = remove it: this can never be shared, not even with confirmation.
guard-kind-national-number = Belgian national register number
guard-kind-bis-number = BIS number
guard-kind-iban = IBAN
guard-kind-email = E-mail address
guard-kind-phone = Phone number

## Knowledge base
nav-knowledge = Knowledge base
knowledge-title = Knowledge base
knowledge-intro = Playbooks, lessons learned, exercise kits and guides from the community — each shared under its own TLP label.
knowledge-empty = Nothing here yet that you may read. Share what you learned: others face the same problems.
article-new = Write an article
article-edit = Edit article
article-form-intro = Write in Markdown. Lessons learned are shared anonymously by default: your organization stays hidden from the others.
field-category = Category
field-topic = Topic
field-topics = Topics
field-body-markdown = Text (Markdown)
field-comment = Your comment (Markdown)
markdown-hint = Headings with #, lists with - or 1., **bold**, `code`, tables and links. HTML is shown as text and images as their description.
filter-any = Any
filter-apply = Filter
category-playbook = Playbook
category-lessons_learned = Lessons learned
category-exercise_kit = Exercise kit
category-guide = Guide
topic-supply_chain = Supply chain
topic-policy = Policy
topic-technical = Technical
topic-ai = AI
topic-other = Other
article-version-n = Version { $version } · history
article-history-title = History of “{ $title }”
article-versions = Versions
article-version = Version
article-editor = Saved by
article-saved = Saved
article-compare-from = Compare version
article-compare-to = with version
article-compare = Compare
article-diff-title = Changes from version { $from } to version { $to }
article-no-difference = These versions have the same text.
diff-added = added
diff-removed = removed
comments-n = { $count ->
    [0] No comments yet
    [one] One comment
   *[other] { $count } comments
}
comments-hint = Comments are readable by exactly those who may read this article.
comment-post = Post comment

## Search
nav-search = Search
search-title = Search
search-title-for = Search: { $q }
search-intro = One search over everything you may read: announcements and the knowledge base. Accents and capitals do not matter; every word must match.
search-label = Words to look for
search-kind = Kind
search-from = Changed from
search-until = Changed until
search-button = Search
search-results-n = { $count ->
    [0] No results
    [one] One result
   *[other] { $count } results
}
search-nothing = Nothing you may read matches. Try fewer words or other filters.
previous-page = Previous page
item-kind-announcement = Announcement
item-kind-article = Article
search-results-more = More than { $count } results

## Public portal
login-portal-link = What the community shares publicly
portal-title = About the community
portal-intro = Belgian hospitals and care institutions share what they know about security — threat intelligence, supplier assessments, policies, lessons learned — under strict TLP control, and meet every quarter. Patient data never leaves the hospital.
portal-join = Apply to join
portal-sign-in = Sign in
portal-figures = The community in figures
portal-members = member institutions
portal-items = items shared among members
portal-how = Members read what each item's TLP label allows; this page shows only what is marked TLP:CLEAR.
portal-clear = Shared with everyone (TLP:CLEAR)
portal-clear-empty = Nothing has been published for everyone yet.
portal-back = Back to the community page
