using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;

namespace Kintsugi.Web.Infrastructure.Security;

/// <summary>Who an item is for, chosen by its author alone (SECURITY.md A3). Private is the default. Public only so that page components can bind it.</summary>
public enum Audience
{
    OnlyMe,
    Partners,
    PartnersAndPractitioner,
}

/// <summary>Every content type: it lives in one space, has one author and one audience.</summary>
internal interface ISpaceContent
{
    Guid SpaceId { get; }

    Guid AuthorId { get; }

    Audience Audience { get; }
}

/// <summary>
/// Something the partners of a space hold together rather than one author (a rebuilding
/// conversation): every partner reads and steers it; practitioners do not see it.
/// </summary>
internal interface IJointContent
{
    Guid SpaceId { get; }
}

/// <summary>Joint content that may be held with the space's practitioner (a container): then they see it too.</summary>
internal interface IMediatedContent : IJointContent
{
    bool WithPractitioner { get; }
}

/// <summary>
/// The one visibility policy. Every read of space content goes through <see cref="VisibleTo"/>,
/// which becomes part of the SQL: nothing is loaded and then hidden (STYLE.md §4), and an item
/// someone may not see is, to them, exactly a missing one (SECURITY.md A4).
/// </summary>
internal static class Visibility
{
    /// <summary>
    /// Memberships that let their person into the space right now: active, and either a partner
    /// who has taken the safety check, or a practitioner with two-step sign-in on.
    /// </summary>
    public static IQueryable<Membership> Seeing(this IQueryable<Membership> memberships, AppDbContext db) =>
        memberships.Where(m => m.Status == MemberStatus.Active
                               && (m.Role == MemberRole.Partner
                                   ? m.SafetyCheckedAt != null
                                   : db.Users.Any(u => u.Id == m.UserId && u.TwoFactorEnabled)));

    /// <summary>
    /// The items <paramref name="viewer"/> may read: their own, in a space they are in; what was
    /// shared with partners, if they are a partner there; what was shared with the practitioner,
    /// if they are the practitioner there.
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> items, AppDbContext db, Guid viewer)
        where T : class, ISpaceContent
    {
        var mine = db.Memberships.Seeing(db).Where(m => m.UserId == viewer);
        return items.Where(i => mine.Any(m => m.SpaceId == i.SpaceId
            && (i.AuthorId == viewer
                || (m.Role == MemberRole.Partner && i.Audience != Audience.OnlyMe)
                || (m.Role == MemberRole.Practitioner && i.Audience == Audience.PartnersAndPractitioner))));
    }

    /// <summary>The items <paramref name="author"/> may change: only their own, and only while they are in the space.</summary>
    public static IQueryable<T> OwnedBy<T>(this IQueryable<T> items, AppDbContext db, Guid author)
        where T : class, ISpaceContent
    {
        var mine = db.Memberships.Seeing(db).Where(m => m.UserId == author);
        return items.Where(i => i.AuthorId == author && mine.Any(m => m.SpaceId == i.SpaceId));
    }

    /// <summary>Joint items <paramref name="viewer"/> may read and steer: those of a space where they are a partner now.</summary>
    public static IQueryable<T> SeenBy<T>(this IQueryable<T> items, AppDbContext db, Guid viewer)
        where T : class, IJointContent
    {
        var mine = db.Memberships.Seeing(db).Where(m => m.UserId == viewer && m.Role == MemberRole.Partner);
        return items.Where(i => mine.Any(m => m.SpaceId == i.SpaceId));
    }

    /// <summary>Mediated items <paramref name="viewer"/> may read: every partner's, and the practitioner's when the item is held with them.</summary>
    public static IQueryable<T> OpenTo<T>(this IQueryable<T> items, AppDbContext db, Guid viewer)
        where T : class, IMediatedContent
    {
        var mine = db.Memberships.Seeing(db).Where(m => m.UserId == viewer);
        return items.Where(i => mine.Any(m => m.SpaceId == i.SpaceId && (m.Role == MemberRole.Partner || i.WithPractitioner)));
    }
}
