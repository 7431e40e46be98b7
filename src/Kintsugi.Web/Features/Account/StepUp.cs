using Kintsugi.Web.Features.Account.Throttling;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account;

/// <summary>
/// Re-entering the password before export, deletion and changes to sign-in settings (SECURITY.md B7),
/// so that an unlocked device left open is not enough. Wrong passwords are throttled per account.
/// </summary>
internal sealed class StepUp(UserManager<AppUser> users, AuthThrottleService throttle, ThrottleRules rules)
{
    public const string Field = "Password";
    public const string WrongPassword = "That isn't your current password.";

    public async Task<Outcome<Done>> VerifyAsync(AppUser user, string? password, CancellationToken cancellationToken)
    {
        var key = throttle.StepUpKey(user.Id);
        if (await throttle.RetryAfterAsync(key, rules.StepUpFailures, cancellationToken) is { } wait)
        {
            return Outcome<Done>.Throttled(wait);
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            await throttle.RecordAsync(key, rules.StepUpFailures, cancellationToken);
            return Outcome<Done>.Invalid(Field, WrongPassword);
        }

        await throttle.ClearAsync(key, cancellationToken);
        return Outcome<Done>.Ok(default);
    }
}
