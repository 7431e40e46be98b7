using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>Where the signed-in person stands with one space.</summary>
internal enum Standing
{
    /// <summary>Not in it, or it does not exist: the two are never told apart.</summary>
    Outside,

    /// <summary>Asked to join; waits for every partner's approval and sees nothing inside.</summary>
    Pending,

    /// <summary>A partner who has not yet taken the private safety check.</summary>
    NeedsSafetyCheck,

    /// <summary>A practitioner who has not turned on two-step sign-in (SECURITY.md B4).</summary>
    NeedsTwoFactor,

    Partner,
    Practitioner,
}

internal sealed record Member(Guid MembershipId, Guid SpaceId, Guid UserId, MemberRole Role)
{
    public bool IsPartner => Role == MemberRole.Partner;
}

/// <summary>The signed-in person's membership, decided by the same rule as <see cref="Visibility.Seeing"/>.</summary>
internal sealed class SpaceAccess(AppDbContext db, CurrentUser current)
{
    public Guid UserId => current.Id ?? Guid.Empty;

    public async Task<Standing> StandingAsync(Guid spaceId, CancellationToken cancellationToken)
    {
        var userId = UserId;
        var row = await db.Memberships.AsNoTracking()
            .Where(m => m.SpaceId == spaceId && m.UserId == userId)
            .Select(m => new { m.Status, m.Role, Checked = m.SafetyCheckedAt != null, TwoFactor = db.Users.Any(u => u.Id == m.UserId && u.TwoFactorEnabled) })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? Standing.Outside : StandingOf(row.Status, row.Role, row.Checked, row.TwoFactor);
    }

    /// <summary>The same conditions as <see cref="Visibility.Seeing"/>, told apart so a page can say what is missing.</summary>
    public static Standing StandingOf(MemberStatus status, MemberRole role, bool safetyChecked, bool twoFactor) => (status, role) switch
    {
        (MemberStatus.Pending, _) => Standing.Pending,
        (_, MemberRole.Partner) => safetyChecked ? Standing.Partner : Standing.NeedsSafetyCheck,
        _ => twoFactor ? Standing.Practitioner : Standing.NeedsTwoFactor,
    };

    /// <summary>The signed-in person's membership if it lets them see inside the space; otherwise null.</summary>
    public Task<Member?> MemberAsync(Guid spaceId, CancellationToken cancellationToken)
    {
        var userId = UserId;
        return db.Memberships.Seeing(db).AsNoTracking()
            .Where(m => m.SpaceId == spaceId && m.UserId == userId)
            .Select(m => new Member(m.Id, m.SpaceId, m.UserId, m.Role))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The same, for actions only partners take (inviting, approving, editing values, writing).</summary>
    public async Task<Member?> PartnerAsync(Guid spaceId, CancellationToken cancellationToken) =>
        await MemberAsync(spaceId, cancellationToken) is { IsPartner: true } member ? member : null;
}
