namespace Kintsugi.Tests.Security;

public enum Access
{
    /// <summary>Anyone, signed in or not: an explicit allow-list.</summary>
    Anonymous,

    /// <summary>A signed-in person, acting on their own account only.</summary>
    SignedIn,

    /// <summary>
    /// A signed-in person acting inside a space: what they get depends on their membership and on
    /// each item's audience, case by case in the authorization matrix (AuthorizationMatrix, A2).
    /// </summary>
    Member,
}

public sealed record PolicyRow(string Methods, string Route, Access Access, string Purpose);

/// <summary>
/// SECURITY.md A1: every routed endpoint and who may use it, in one table. EndpointPolicyTests fails
/// when the app has an endpoint that is not here, when a row no longer matches an endpoint, and
/// when an endpoint's authorization metadata disagrees with its row. Static files are one row.
/// </summary>
public static class PolicyTable
{
    public const string StaticFiles = "<static files>";

    public static readonly IReadOnlyList<PolicyRow> Rows =
    [
        // Public pages
        new("GET,POST", "/", Access.Anonymous, "home: what Kintsugi is and is not"),
        new("GET,POST", "/support", Access.Anonymous, "crisis and abuse lines, finding help"),
        new("GET,POST", "/not-found", Access.Anonymous, "404 page"),
        new("GET,POST", "/error", Access.Anonymous, "error page"),
        new("GET,POST", "/error/{Code:int}", Access.Anonymous, "status pages"),
        new("GET,POST", "/account/register", Access.Anonymous, "create an account"),
        new("GET,POST", "/account/check-email", Access.Anonymous, "after sign-up or reset"),
        new("GET,POST", "/account/confirm-email", Access.Anonymous, "confirm an address (POST confirms)"),
        new("GET,POST", "/account/resend-confirmation", Access.Anonymous, "send the confirmation again"),
        new("GET,POST", "/account/sign-in", Access.Anonymous, "sign in, first step"),
        new("GET,POST", "/account/sign-in/second-factor", Access.Anonymous, "sign in, authenticator code (needs the 2FA cookie)"),
        new("GET,POST", "/account/sign-in/recovery-code", Access.Anonymous, "sign in, recovery code (needs the 2FA cookie)"),
        new("GET,POST", "/account/signed-out", Access.Anonymous, "after sign-out"),
        new("GET,POST", "/account/unlock", Access.Anonymous, "ask for a link to unlock this browser"),
        new("GET,POST", "/account/unlock/confirm", Access.Anonymous, "unlock this browser with the link (POST unlocks)"),
        new("GET,POST", "/account/forgot-password", Access.Anonymous, "ask for a reset link"),
        new("GET,POST", "/account/reset-password", Access.Anonymous, "choose a new password with the link"),
        new("GET,POST", "/account/deleted", Access.Anonymous, "after deleting the account"),
        new("POST", "/account/sign-out", Access.Anonymous, "end this session (form in the header)"),
        new("GET,POST", "/check-an-apology", Access.Anonymous, "check an apology: feedback on a letter, nothing stored (rate limited)"),

        // Own account pages
        new("GET,POST", "/account", Access.SignedIn, "account overview"),
        new("GET,POST", "/account/password", Access.SignedIn, "change password"),
        new("GET,POST", "/account/two-factor", Access.SignedIn, "two-step sign-in"),
        new("GET,POST", "/account/sessions", Access.SignedIn, "own sessions"),
        new("GET,POST", "/account/data", Access.SignedIn, "export page"),
        new("GET,POST", "/account/delete", Access.SignedIn, "delete account"),
        new("POST", "/account/data/export", Access.SignedIn, "export download (form post)"),

        // Space pages
        new("GET,POST", "/spaces", Access.SignedIn, "my spaces and requests to join"),
        new("GET,POST", "/spaces/new", Access.SignedIn, "start a space"),
        new("GET,POST", "/spaces/join", Access.SignedIn, "use an invite code or link"),
        new("GET,POST", "/spaces/{SpaceId:guid}", Access.Member, "space overview"),
        new("GET,POST", "/spaces/{SpaceId:guid}/safety-check", Access.Member, "the private safety check"),
        new("GET,POST", "/spaces/{SpaceId:guid}/settings", Access.Member, "name, journey, values (partners)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/people", Access.Member, "members, requests, invites"),
        new("GET,POST", "/spaces/{SpaceId:guid}/leave", Access.Member, "leave the space"),
        new("GET,POST", "/spaces/{SpaceId:guid}/journal", Access.Member, "journal list and new entry"),
        new("GET,POST", "/spaces/{SpaceId:guid}/journal/{EntryId:guid}", Access.Member, "one entry: read, edit, share, withdraw, delete (author)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/what-happened", Access.Member, "breach records: list and record"),
        new("GET,POST", "/spaces/{SpaceId:guid}/what-happened/{BreachId:guid}", Access.Member, "one breach record with accounts"),
        new("GET,POST", "/spaces/{SpaceId:guid}/decision", Access.Member, "the decision point"),
        new("GET,POST", "/spaces/{SpaceId:guid}/stages", Access.Member, "the stages and readiness"),
        new("GET,POST", "/spaces/{SpaceId:guid}/conversations", Access.Member, "rebuilding conversations: list and start"),
        new("GET,POST", "/spaces/{SpaceId:guid}/conversations/{ConversationId:guid}", Access.Member, "one rebuilding conversation"),
        new("GET,POST", "/spaces/{SpaceId:guid}/agreements", Access.Member, "agreements: list, propose, reminder e-mails (partners)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/agreements/print", Access.Member, "the current agreements, printable (partners)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/agreements/{AgreementId:guid}", Access.Member, "one agreement: sign, withdraw, amend, record a crossing (partners)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/agreements/{AgreementId:guid}/crossings/{CrossingId:guid}", Access.Member, "one crossing: views, discuss, reset (partners)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/plan", Access.Member, "the proactive plan (partners)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/letters", Access.Member, "letters of accountability: list and start one (partners)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/letters/{LetterId:guid}", Access.Member, "one letter: drafts and feedback (author), read and answer (readers)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/commitments", Access.Member, "repair commitments with their charts: list and make one (partners)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/commitments/{CommitmentId:guid}", Access.Member, "one commitment: log (author), I noticed (other partners), chart"),
        new("GET,POST", "/spaces/{SpaceId:guid}/honest-answers", Access.Member, "honest answers: ask, answer, keep for a container"),
        new("GET,POST", "/spaces/{SpaceId:guid}/containers", Access.Member, "containers: list and plan (partners)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/containers/{ContainerId:guid}", Access.Member, "one container: agenda, timer, turns, pause, notes (partners; the practitioner when held with them)"),
        new("GET,POST", "/spaces/{SpaceId:guid}/parked", Access.Member, "what I parked: put on an agenda, take off, change, delete (partners, own items)"),
        new("POST", "/spaces/{spaceId:guid}/park", Access.Member, "the Park it form on every space page (partners)"),

        // Atone API: letters of accountability (content with an author and an audience; every draft kept, sealed for the author)
        new("GET", "/api/v1/spaces/{spaceId:guid}/letters/", Access.Member, "letters I may read"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/letters/", Access.Member, "start a letter (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/letters/{letterId:guid}", Access.Member, "one letter I may read (drafts and feedback for its author only)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/letters/{letterId:guid}", Access.Member, "save a new draft of my letter (author)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/letters/{letterId:guid}/audience", Access.Member, "share or take back my letter (author)"),
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/letters/{letterId:guid}", Access.Member, "delete my letter and its drafts (author)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/letters/{letterId:guid}/responses", Access.Member, "answer a letter shared with me (partners; a journal entry)"),

        // Atone API: repair commitments (content; the log is its author's, "I noticed" the other partners')
        new("GET", "/api/v1/spaces/{spaceId:guid}/commitments/", Access.Member, "commitments I may read, with logs"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/commitments/", Access.Member, "make a commitment (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/commitments/{commitmentId:guid}/", Access.Member, "one commitment I may read"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/commitments/{commitmentId:guid}/", Access.Member, "reword my commitment (author)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/commitments/{commitmentId:guid}/audience", Access.Member, "choose who reads my commitment (author)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/commitments/{commitmentId:guid}/ended", Access.Member, "lay down or take up my commitment (author)"),
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/commitments/{commitmentId:guid}/", Access.Member, "delete my commitment with its log (author)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/commitments/{commitmentId:guid}/log", Access.Member, "log a day of my commitment (author)"),
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/commitments/{commitmentId:guid}/log/{lineId:guid}", Access.Member, "remove a line of my log (author)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/commitments/{commitmentId:guid}/log/{lineId:guid}/noticed", Access.Member, "I noticed, on a kept day (other partners who can read it)"),

        // Atone API: honest answers (a question is content; its answers are read by exactly its readers)
        new("GET", "/api/v1/spaces/{spaceId:guid}/questions/", Access.Member, "questions I may read, with their answers"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/questions/", Access.Member, "ask a question (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/questions/{questionId:guid}/answer", Access.Member, "answer or rewrite my answer (partners who can read it, not the asker)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/questions/{questionId:guid}/for-container", Access.Member, "keep for a container or not (partners who can read it)"),
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/questions/{questionId:guid}", Access.Member, "take back my unanswered question (asker)"),

        // Public API
        new("POST", "/api/v1/account/register", Access.Anonymous, "create an account"),
        new("POST", "/api/v1/account/confirm-email", Access.Anonymous, "confirm an address"),
        new("POST", "/api/v1/account/resend-confirmation", Access.Anonymous, "send the confirmation again"),
        new("POST", "/api/v1/account/sign-in", Access.Anonymous, "sign in, first step"),
        new("POST", "/api/v1/account/sign-in/second-factor", Access.Anonymous, "sign in, second step"),
        new("POST", "/api/v1/account/unlock-request", Access.Anonymous, "e-mail a link to unlock a browser"),
        new("POST", "/api/v1/account/unlock", Access.Anonymous, "unlock this client with the link"),
        new("POST", "/api/v1/account/forgot-password", Access.Anonymous, "ask for a reset link"),
        new("POST", "/api/v1/account/reset-password", Access.Anonymous, "choose a new password"),
        new("POST", "/api/v1/apology-feedback", Access.Anonymous, "apology feedback on a text, nothing stored or logged (rate limited)"),

        // Own account API
        new("GET", "/api/v1/account/", Access.SignedIn, "the signed-in account"),
        new("POST", "/api/v1/account/sign-out", Access.SignedIn, "end this session"),
        new("POST", "/api/v1/account/password", Access.SignedIn, "change password"),
        new("GET", "/api/v1/account/two-factor", Access.SignedIn, "two-step status"),
        new("POST", "/api/v1/account/two-factor/authenticator", Access.SignedIn, "start authenticator set-up"),
        new("POST", "/api/v1/account/two-factor/enable", Access.SignedIn, "turn two-step on"),
        new("POST", "/api/v1/account/two-factor/disable", Access.SignedIn, "turn two-step off"),
        new("POST", "/api/v1/account/two-factor/recovery-codes", Access.SignedIn, "new recovery codes"),
        new("GET", "/api/v1/account/sessions", Access.SignedIn, "own sessions"),
        new("DELETE", "/api/v1/account/sessions/{id:guid}", Access.SignedIn, "end one of own sessions"),
        new("GET", "/api/v1/account/reminders/", Access.SignedIn, "whether I get reminder e-mails"),
        new("PUT", "/api/v1/account/reminders/", Access.SignedIn, "turn my reminder e-mails on or off"),
        new("POST", "/api/v1/account/sessions/end-others", Access.SignedIn, "end all other sessions"),
        new("POST", "/api/v1/account/export", Access.SignedIn, "export own data"),
        new("POST", "/api/v1/account/delete", Access.SignedIn, "delete own account"),

        // Spaces API
        new("GET", "/api/v1/spaces/", Access.SignedIn, "my spaces and my requests to join"),
        new("POST", "/api/v1/spaces/", Access.SignedIn, "start a space"),
        new("POST", "/api/v1/spaces/join", Access.SignedIn, "use an invite code (becomes a request to join)"),
        new("DELETE", "/api/v1/spaces/requests/{requestId:guid}", Access.SignedIn, "withdraw my own request to join"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/", Access.Member, "the space: name, journey, members, values (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/", Access.Member, "edit name, journey, values (partners)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/safety-check", Access.Member, "take the private safety check"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/leave", Access.Member, "leave the space"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/invites", Access.Member, "open invites (partners)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/invites", Access.Member, "invite a partner or practitioner (partners)"),
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/invites/{inviteId:guid}", Access.Member, "take back an invite (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/join-requests", Access.Member, "requests to join (partners)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/join-requests/{requestId:guid}/approve", Access.Member, "approve a request (partners)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/join-requests/{requestId:guid}/decline", Access.Member, "decline a request (partners)"),
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/practitioners/{membershipId:guid}", Access.Member, "end the practitioner's access (partners)"),

        // Journal API
        new("GET", "/api/v1/spaces/{spaceId:guid}/journal/", Access.Member, "entries I may read"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/journal/", Access.Member, "write an entry (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/journal/{entryId:guid}", Access.Member, "one entry I may read"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/journal/{entryId:guid}", Access.Member, "rewrite my entry (author)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/journal/{entryId:guid}/audience", Access.Member, "choose who reads my entry (author)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/journal/{entryId:guid}/withdraw", Access.Member, "withdraw my shared entry (author)"),
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/journal/{entryId:guid}", Access.Member, "delete my entry (author)"),

        // Repair journey API: what happened (breach records are content with an author and an audience)
        new("GET", "/api/v1/spaces/{spaceId:guid}/breaches/", Access.Member, "breach records I may read"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/breaches/", Access.Member, "record a breach (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/breaches/{breachId:guid}", Access.Member, "one breach record I may read, with the accounts I may read"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/breaches/{breachId:guid}", Access.Member, "correct my breach record (author)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/breaches/{breachId:guid}/audience", Access.Member, "choose who reads my breach record (author)"),
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/breaches/{breachId:guid}", Access.Member, "delete my breach record (author)"),

        // Repair journey API: the decision point and the stages (partners)
        new("GET", "/api/v1/spaces/{spaceId:guid}/decision/", Access.Member, "the decision point as I see it (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/decision/answer", Access.Member, "answer the sealed round (partners)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/decision/rounds", Access.Member, "start a new round once the last is open (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/stage/", Access.Member, "the stage and my own wish to move (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/stage/move", Access.Member, "say where I would like to be (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/where-we-are", Access.Member, "the space home (partners; a practitioner gets no stage)"),

        // Repair journey API: rebuilding conversations (joint content of the partners)
        new("GET", "/api/v1/spaces/{spaceId:guid}/conversations/", Access.Member, "the conversations (partners)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/conversations/", Access.Member, "start a conversation (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/conversations/{conversationId:guid}/", Access.Member, "one conversation (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/conversations/{conversationId:guid}/step", Access.Member, "go to a step (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/conversations/{conversationId:guid}/speaker", Access.Member, "give the floor (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/conversations/{conversationId:guid}/pause", Access.Member, "call or end a time-out (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/conversations/{conversationId:guid}/ended", Access.Member, "close or reopen (partners)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/conversations/{conversationId:guid}/reflections", Access.Member, "write back what I heard (a listening partner)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/conversations/{conversationId:guid}/reflections/{reflectionId:guid}", Access.Member, "confirm or correct what was heard (its speaker)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/conversations/{conversationId:guid}/next-steps", Access.Member, "write the agreed next steps (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/conversations/{conversationId:guid}/schedule", Access.Member, "schedule the next conversation (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/conversations/{conversationId:guid}/next.ics", Access.Member, "the next conversation as a calendar file (partners)"),

        // Agreements API (joint content of the partners: every partner reads, signs and amends; practitioners get 404)
        new("GET", "/api/v1/spaces/{spaceId:guid}/agreements/", Access.Member, "the agreements with versions and signatures (partners)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/agreements/", Access.Member, "propose an agreement or offer a transparency promise (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/agreements/reviews.ics", Access.Member, "review dates as a calendar file (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/agreements/{agreementId:guid}/", Access.Member, "one agreement (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/agreements/{agreementId:guid}/", Access.Member, "amend: the next version (partners)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/agreements/{agreementId:guid}/signature", Access.Member, "sign the version read (partners)"),
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/agreements/{agreementId:guid}/signature", Access.Member, "take back my signature (partners)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/agreements/{agreementId:guid}/crossings", Access.Member, "record a crossing (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/agreements/{agreementId:guid}/crossings/{crossingId:guid}", Access.Member, "one crossing with the views I may read (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/agreements/{agreementId:guid}/crossings/{crossingId:guid}", Access.Member, "discuss or reset a crossing (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/plan/", Access.Member, "the proactive plan (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/plan/", Access.Member, "write the proactive plan (partners)"),

        // Containers (joint content of the partners, and the practitioner when held with them) and parked items (private until placed)
        new("GET", "/api/v1/spaces/{spaceId:guid}/containers/", Access.Member, "the containers I am part of"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/containers/", Access.Member, "plan a container (partners)"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/", Access.Member, "one container"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/plan", Access.Member, "change a planned container (partners)"),
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/", Access.Member, "call off a planned container (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/started", Access.Member, "start it"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/speaker", Access.Member, "give the floor to a partner"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/pause", Access.Member, "pause or go on"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/extended", Access.Member, "ten more minutes"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/closing", Access.Member, "end with notes and what happens next"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/agenda/{itemId:guid}", Access.Member, "tick an agenda item off"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/reminder", Access.Member, "my own e-mail reminder on or off"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/invite.ics", Access.Member, "the container as a calendar file"),
        new("GET", "/api/v1/spaces/{spaceId:guid}/parked/", Access.Member, "what I parked (own items)"),
        new("POST", "/api/v1/spaces/{spaceId:guid}/parked/", Access.Member, "park something (partners)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/parked/{itemId:guid}", Access.Member, "reword it (author)"),
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/parked/{itemId:guid}", Access.Member, "delete it (author)"),
        new("PUT", "/api/v1/spaces/{spaceId:guid}/parked/{itemId:guid}/agenda", Access.Member, "put it on an agenda or take it off (author)"),

        // Operations and framework
        new("*", "/healthz", Access.Anonymous, "readiness: database reachable"),
        new("GET", "/healthz/live", Access.Anonymous, "liveness: process answers"),
        new("GET", "/openapi/{documentName}.json", Access.Anonymous, "OpenAPI document"),
        new("GET", "/_framework/opaque-redirect", Access.Anonymous, "Blazor enhanced-navigation redirects"),
        new("GET", "/quick-exit", Access.Anonymous, "redirect to the neutral site (quick exit's history entry)"),
        new("*", "{*path}", Access.Anonymous, "anything else: 404"),
        new("GET,HEAD", StaticFiles, Access.Anonymous, "css, js, icons from wwwroot and the framework"),
    ];
}
