using Kintsugi.Web.Features.Account.Data;
using Kintsugi.Web.Features.Account.Manage;
using Kintsugi.Web.Features.Account.Recovery;
using Kintsugi.Web.Features.Account.Registration;
using Kintsugi.Web.Features.Account.Sessions;
using Kintsugi.Web.Features.Account.SignIn;
using Kintsugi.Web.Features.Account.TwoFactor;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kintsugi.Web.Features.Account;

/// <summary>
/// The account use cases over JSON, under /api/v1/account: the same handlers the pages use.
/// Authentication is the same cookie; see docs/adr/0003 for why that is safe against CSRF.
/// </summary>
internal static class AccountApi
{
    public const string AcceptedText = "If that address can receive mail from us, a message is on its way. Check your inbox.";

    public sealed record Message(string Text);

    public sealed record SignInResult(bool SignedIn, bool SecondFactorRequired);

    public sealed record SecondFactorResult(bool SignedIn, int RecoveryCodesLeft);

    public sealed record Me(Guid Id, string Email, DateTime CreatedAt, bool TwoFactorEnabled);

    public sealed record TwoFactorState(bool Enabled, int RecoveryCodesLeft, bool SetupPending);

    public sealed record AuthenticatorKey(string Key, string Uri);

    public sealed record Codes(IReadOnlyList<string> RecoveryCodes);

    public sealed record Ended(int Count);

    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("/account").WithTags("Account").AllowAnonymous().RequireRateLimiting(RateLimiting.AuthPolicy);

        open.MapPost("/register", async (Register.Request request, Register.Handler handler, CancellationToken ct) =>
                Respond(await handler.HandleAsync(request, ct), _ => TypedResults.Accepted((string?)null, new Message(AcceptedText))))
            .Produces<Message>(StatusCodes.Status202Accepted).WithProblems()
            .WithSummary("Create an account. The answer is the same whether or not the address already has one.");

        open.MapPost("/confirm-email", async (ConfirmEmail.Request request, ConfirmEmail.Handler handler) =>
                Respond(await handler.HandleAsync(request), _ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems()
            .WithSummary("Confirm an e-mail address with the user id and code from the confirmation link.");

        open.MapPost("/resend-confirmation", async (ResendConfirmation.Request request, ResendConfirmation.Handler handler, CancellationToken ct) =>
                Respond(await handler.HandleAsync(request, ct), _ => TypedResults.Accepted((string?)null, new Message(AcceptedText))))
            .Produces<Message>(StatusCodes.Status202Accepted).WithProblems()
            .WithSummary("Send the confirmation link again.");

        open.MapPost("/sign-in", async (SignInWithPassword.Request request, SignInWithPassword.Handler handler, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(request, ct);
                return outcome switch
                {
                    { Succeeded: true, Value: SignInStep.SignedIn } => TypedResults.Ok(new SignInResult(true, false)),
                    { Succeeded: true, Value: SignInStep.SecondFactorNeeded } => TypedResults.Ok(new SignInResult(false, true)),
                    { Succeeded: true } => Problem(StatusCodes.Status403Forbidden, "Confirm your e-mail address first. We have sent the link again."),
                    { Errors: not null } => Problem(StatusCodes.Status401Unauthorized, SignInWithPassword.Mismatch),
                    _ => outcome.ToProblem(),
                };
            })
            .Produces<SignInResult>().WithProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .WithSummary("Sign in with e-mail and password. Sets the session cookie, or the cookie for the second step.");

        open.MapPost("/sign-in/second-factor", async (SignInWithSecondFactor.Request request, SignInWithSecondFactor.Handler handler, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(request, ct);
                return outcome switch
                {
                    { Succeeded: true } => TypedResults.Ok(new SecondFactorResult(true, outcome.Value!.RecoveryCodesLeft)),
                    { Errors: { } errors } when errors.ContainsKey("") => Problem(StatusCodes.Status401Unauthorized, SignInWithSecondFactor.Expired),
                    _ => outcome.ToProblem(),
                };
            })
            .Produces<SecondFactorResult>().WithProblems(StatusCodes.Status401Unauthorized)
            .WithSummary("Finish signing in with an authenticator code or a recovery code.");

        open.MapPost("/unlock-request", async (UnlockBrowser.SendRequest request, UnlockBrowser.Handler handler, CancellationToken ct) =>
                Respond(await handler.SendAsync(request, ct), _ => TypedResults.Accepted((string?)null, new Message(AcceptedText))))
            .Produces<Message>(StatusCodes.Status202Accepted).WithProblems()
            .WithSummary("E-mail a link that lets one browser sign in again after someone else's failed attempts locked the account.");

        open.MapPost("/unlock", async (UnlockBrowser.Request request, UnlockBrowser.Handler handler) =>
                Respond(await handler.UnlockAsync(request), _ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems()
            .WithSummary("Use the unlock link's user id and code: this client gets its own budget of sign-in attempts.");

        open.MapPost("/forgot-password", async (ForgotPassword.Request request, ForgotPassword.Handler handler, CancellationToken ct) =>
                Respond(await handler.HandleAsync(request, ct), _ => TypedResults.Accepted((string?)null, new Message(AcceptedText))))
            .Produces<Message>(StatusCodes.Status202Accepted).WithProblems()
            .WithSummary("Send a password-reset link. The answer is the same for every address.");

        open.MapPost("/reset-password", async (ResetPassword.Request request, ResetPassword.Handler handler, CancellationToken ct) =>
                Respond(await handler.HandleAsync(request, ct), _ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems()
            .WithSummary("Choose a new password with the user id and code from the reset link. Ends every session.");

        var mine = api.MapGroup("/account").WithTags("Account").RequireAuthorization();

        mine.MapGet("/", async (CurrentUser current) => await current.FindAsync() is { } user
                ? Results.Ok(new Me(user.Id, user.Email!, user.CreatedAt, user.TwoFactorEnabled))
                : Problem(StatusCodes.Status401Unauthorized, "Sign in first."))
            .Produces<Me>().WithSummary("The signed-in account.");

        mine.MapPost("/sign-out", async (SignOut.Handler handler) =>
            {
                await handler.HandleAsync();
                return TypedResults.NoContent();
            })
            .WithSummary("End this session.");

        mine.MapPost("/password", async (ChangePassword.Request request, ChangePassword.Handler handler, CancellationToken ct) =>
                Respond(await handler.HandleAsync(request, ct), _ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems()
            .WithSummary("Change the password (the current one is required). Ends every other session.");

        mine.MapGet("/two-factor", async (AuthenticatorSetup.Handler handler) =>
                Respond(await handler.StatusAsync(), s => TypedResults.Ok(new TwoFactorState(s.Enabled, s.RecoveryCodesLeft, s.PendingKey is not null))))
            .Produces<TwoFactorState>().WithSummary("Whether two-step sign-in is on.");

        mine.MapPost("/two-factor/authenticator", async (AuthenticatorSetup.Handler handler) =>
                Respond(await handler.StartAsync(), key => TypedResults.Ok(new AuthenticatorKey(key.Text.Replace(" ", "", StringComparison.Ordinal), key.Uri))))
            .Produces<AuthenticatorKey>().WithProblems()
            .WithSummary("Start setting up an authenticator app: creates a new key.");

        mine.MapPost("/two-factor/enable", async (EnableAuthenticator.Request request, EnableAuthenticator.Handler handler, CancellationToken ct) =>
                Respond(await handler.HandleAsync(request, ct), s => TypedResults.Ok(new Codes(s.RecoveryCodes))))
            .Produces<Codes>().WithProblems()
            .WithSummary("Turn two-step sign-in on with a code from the app. Returns the recovery codes, once.");

        mine.MapPost("/two-factor/disable", async (DisableTwoFactor.Request request, DisableTwoFactor.Handler handler, CancellationToken ct) =>
                Respond(await handler.HandleAsync(request, ct), _ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems()
            .WithSummary("Turn two-step sign-in off (password required).");

        mine.MapPost("/two-factor/recovery-codes", async (RegenerateRecoveryCodes.Request request, RegenerateRecoveryCodes.Handler handler, CancellationToken ct) =>
                Respond(await handler.HandleAsync(request, ct), s => TypedResults.Ok(new Codes(s.RecoveryCodes))))
            .Produces<Codes>().WithProblems()
            .WithSummary("Replace the recovery codes (password required).");

        mine.MapGet("/sessions", async (ListSessions.Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithSummary("This account's sessions.");

        mine.MapDelete("/sessions/{id:guid}", async (Guid id, EndSession.Handler handler, CancellationToken ct) =>
                Respond(await handler.HandleAsync(id, ct), _ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(StatusCodes.Status404NotFound)
            .WithSummary("End one session; its next request is refused.");

        mine.MapPost("/sessions/end-others", async (EndSession.Handler handler, CancellationToken ct) =>
                TypedResults.Ok(new Ended(await handler.EndOthersAsync(ct))))
            .WithSummary("End every session but this one.");

        mine.MapPost("/export", async (ExportData.Request request, ExportData.Handler handler, CancellationToken ct) =>
                Respond(await handler.HandleAsync(request, ct), file => TypedResults.File(file.Content, "application/json", file.Name)))
            .Produces<ExportData.Export>(contentType: "application/json").WithProblems()
            .WithSummary("Download all of this account's data as JSON (password required).");

        mine.MapPost("/delete", async (DeleteAccount.Request request, DeleteAccount.Handler handler, CancellationToken ct) =>
                Respond(await handler.HandleAsync(request, ct), _ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems()
            .WithSummary("Delete this account and everything in it (password required).");
    }

    private static IResult Respond<T>(Outcome<T> outcome, Func<T, IResult> success) => outcome.ToResult(success);

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(statusCode: status, detail: detail);
}
