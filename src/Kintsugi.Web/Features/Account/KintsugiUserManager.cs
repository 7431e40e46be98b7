using Kintsugi.Web.Features.Account.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kintsugi.Web.Features.Account;

/// <summary>
/// Two changes to Identity's user manager: recovery codes are longer (see <see cref="RecoveryCodes"/>),
/// and Identity's own lockout is off. The throttles in Features/Account/Throttling replace it, and its
/// failed-attempt counter wrote to the user row on every wrong code, racing the owner's own sign-in.
/// </summary>
internal sealed class KintsugiUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override bool SupportsUserLockout => false;

    protected override string CreateTwoFactorRecoveryCode() => RecoveryCodes.Create();
}
