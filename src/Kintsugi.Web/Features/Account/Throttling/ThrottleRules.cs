namespace Kintsugi.Web.Features.Account.Throttling;

internal readonly record struct ThrottleRule(int Limit, TimeSpan Window);

/// <summary>The per-account limits (SECURITY.md B5), configured under <c>Throttling</c>.</summary>
internal sealed class ThrottleRules
{
    /// <summary>Wrong passwords for one e-mail address, from clients the account has not used before.</summary>
    public ThrottleRule SignInFailures { get; set; } = new(5, TimeSpan.FromMinutes(15));

    /// <summary>Wrong passwords from a browser this account has signed in on before: it keeps its own budget,
    /// so a stranger's failures cannot lock the owner out of their usual device.</summary>
    public ThrottleRule KnownDeviceFailures { get; set; } = new(10, TimeSpan.FromMinutes(15));

    /// <summary>Wrong authenticator or recovery codes. Counted apart from passwords, so failed sign-ins
    /// by someone without the password never block the owner's second factor.</summary>
    public ThrottleRule SecondFactorFailures { get; set; } = new(5, TimeSpan.FromMinutes(15));

    /// <summary>Confirmation and reset e-mails sent to one address.</summary>
    public ThrottleRule EmailsPerAddress { get; set; } = new(5, TimeSpan.FromHours(1));

    /// <summary>Wrong passwords when confirming a sensitive action (export, deletion, credential change).</summary>
    public ThrottleRule StepUpFailures { get; set; } = new(5, TimeSpan.FromMinutes(15));
}
