using Kintsugi.Web.Features.Account.Throttling;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account;

/// <summary>
/// Re-entering the password before export, deletion and changes to sign-in settings (SECURITY.md B7),
/// so that an unlocked device left open is not enough. Wrong passwords are throttled per account.
/// </summary>
internal sealed class StepUp(UserManager<AppUser> users, CurrentUser current, AuthThrottleService throttle, ThrottleRules rules)
{
    public const string WrongPassword = "That isn't your current password.";

    /// <summary>The signed-in account, once its password is confirmed; errors are reported on <paramref name="field"/>.</summary>
    public async Task<Outcome<AppUser>> VerifyAsync(string? password, CancellationToken cancellationToken, string field = "Password")
    {
        var user = await current.FindAsync();
        if (user is null)
        {
            return Outcome<AppUser>.NotFound();
        }

        var key = throttle.StepUpKey(user.Id);
        if (await throttle.TryConsumeAsync(key, rules.StepUpFailures, cancellationToken) is { } wait)
        {
            return Outcome<AppUser>.Throttled(wait);
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            return Outcome<AppUser>.Invalid(field, WrongPassword);
        }

        await throttle.ClearAsync(key, cancellationToken);
        return Outcome<AppUser>.Ok(user);
    }
}
