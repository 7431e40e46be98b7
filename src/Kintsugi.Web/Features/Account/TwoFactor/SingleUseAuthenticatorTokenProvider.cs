using Kintsugi.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Account.TwoFactor;

/// <summary>
/// Replaces Identity's authenticator provider, which accepts the same code again for as long as it
/// is inside the ±90 s window (SECURITY.md B4). A code is accepted only if its time step is later
/// than the last one accepted for that user, recorded with one conditional UPDATE so that two
/// simultaneous uses of one code cannot both succeed.
/// </summary>
internal sealed class SingleUseAuthenticatorTokenProvider(AppDbContext db, TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string ProviderName = "KintsugiAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // Codes come from the person's authenticator app; the server never makes one.
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var step = Totp.MatchingStep(Base32.Decode(key), Totp.Clean(token), Totp.StepAt(time.GetUtcNow()));
        if (step is null)
        {
            return false;
        }

        var accepted = await db.Users
            .Where(u => u.Id == user.Id && (u.AuthenticatorLastUsedStep == null || u.AuthenticatorLastUsedStep < step))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AuthenticatorLastUsedStep, step));

        // Keep the tracked copy in step (or a later UpdateAsync of the user would write an older value
        // back) without marking it changed: the database already holds it.
        var stored = await db.Users.Where(u => u.Id == user.Id).Select(u => u.AuthenticatorLastUsedStep).SingleAsync();
        user.AuthenticatorLastUsedStep = stored;
        if (db.Entry(user) is { State: EntityState.Unchanged or EntityState.Modified } entry)
        {
            entry.Property(u => u.AuthenticatorLastUsedStep).OriginalValue = stored;
            entry.Property(u => u.AuthenticatorLastUsedStep).IsModified = false;
        }

        return accepted == 1;
    }
}
