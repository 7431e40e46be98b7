using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>Where each encrypted field of a space is bound (associated data), in one place.</summary>
internal static class SpaceText
{
    public const int NameLength = 100;
    public const int DisplayNameLength = 60;
    public const int ValuesLength = 10_000;
    public const string FormerPartner = "A former partner";

    public static string Name(Guid spaceId) => $"space:{spaceId:N}:name";

    public static string Values(Guid spaceId) => $"space:{spaceId:N}:values";

    public static string Journey(Guid spaceId) => $"space:{spaceId:N}:journey";

    public static string DisplayName(Guid membershipId) => $"membership:{membershipId:N}:name";

    /// <summary>The display names of everyone with a membership in the space (pending included), by user id.</summary>
    public static Dictionary<Guid, string> Names(byte[] spaceKey, IEnumerable<(Guid MembershipId, Guid UserId, byte[] Sealed)> rows) =>
        rows.ToDictionary(r => r.UserId, r => ContentKeys.Open(spaceKey, r.Sealed, DisplayName(r.MembershipId)));
}
