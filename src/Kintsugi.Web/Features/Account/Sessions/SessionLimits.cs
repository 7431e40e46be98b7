namespace Kintsugi.Web.Features.Account.Sessions;

/// <summary>Idle and absolute timeouts (SECURITY.md B7); configured under <c>Sessions</c>.</summary>
internal sealed class SessionLimits
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan RememberedIdleTimeout { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan RememberedAbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How stale "last active" may get before a request writes it again.</summary>
    public TimeSpan TouchInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan IdleTimeoutFor(bool persistent) => persistent ? RememberedIdleTimeout : IdleTimeout;

    public TimeSpan LifetimeFor(bool persistent) => persistent ? RememberedAbsoluteLifetime : AbsoluteLifetime;
}
