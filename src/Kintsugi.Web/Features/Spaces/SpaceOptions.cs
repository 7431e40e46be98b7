namespace Kintsugi.Web.Features.Spaces;

/// <summary>Settings under "Spaces" in configuration.</summary>
internal sealed class SpaceOptions
{
    /// <summary>How long an invite code works (SECURITY.md A6).</summary>
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromHours(72);
}
