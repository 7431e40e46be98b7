using System.Security.Claims;
using Kintsugi.Web.Features.Account.Sessions;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kintsugi.Web.Features.Account;

/// <summary>
/// Every way of signing in (password, authenticator code, recovery code) ends in
/// <see cref="SignInWithClaimsAsync(AppUser, AuthenticationProperties?, IEnumerable{Claim})"/>;
/// that is where the server-side session row is created and its id put into the cookie.
/// Signing out deletes the row.
/// </summary>
internal sealed class KintsugiSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    AppDbContext db,
    TimeProvider time,
    IOptions<SessionLimits> sessionOptions)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>After the caller has verified the password itself: sign in, or start the second step.</summary>
    public Task<SignInResult> SignInAfterPasswordAsync(AppUser user, bool persistent) =>
        SignInOrTwoFactorAsync(user, persistent);

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        authenticationProperties ??= new AuthenticationProperties();
        var now = time.GetUtcNow().UtcDateTime;
        var persistent = authenticationProperties.IsPersistent;
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserId = user.Id,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + sessionOptions.Value.LifetimeFor(persistent),
            IsPersistent = persistent,
            Client = ClientLabel.From(Context.Request.Headers.UserAgent),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(Context.RequestAborted);

        authenticationProperties.ExpiresUtc = session.ExpiresAt;
        authenticationProperties.AllowRefresh = false;
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(SessionValidation.SessionClaim, session.Id.ToString())]);
    }

    public override async Task SignOutAsync()
    {
        if (SessionValidation.SessionId(Context.User) is { } sessionId)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(Context.RequestAborted);
        }

        await base.SignOutAsync();
    }
}
