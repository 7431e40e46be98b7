using System.Security.Claims;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kintsugi.Web.Features.Account.Sessions;

/// <summary>
/// Runs on every request that carries the auth cookie. A cookie whose session row is gone, idle
/// for too long or past its absolute lifetime is rejected on the spot.
/// </summary>
internal static class SessionValidation
{
    public const string SessionClaim = "kintsugi:sid";

    public static Guid? SessionId(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var id) ? id : null;

    public static Guid? UserId(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var sessionId = SessionId(context.Principal);
        var userId = UserId(context.Principal);
        if (sessionId is null || userId is null)
        {
            await RejectAsync(context);
            return;
        }

        var db = services.GetRequiredService<AppDbContext>();
        var options = services.GetRequiredService<IOptions<SessionLimits>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var cancel = context.HttpContext.RequestAborted;

        var session = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.LastSeenAt, s.ExpiresAt, s.IsPersistent })
            .SingleOrDefaultAsync(cancel);

        if (session is null || now >= session.ExpiresAt || now - session.LastSeenAt >= options.IdleTimeoutFor(session.IsPersistent))
        {
            if (session is not null)
            {
                await db.UserSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancel);
            }

            await RejectAsync(context);
            return;
        }

        if (now - session.LastSeenAt >= options.TouchInterval)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancel);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
