using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Journal;

/// <summary>Opening entries for reading: their text under the right key, their author's name in the space.</summary>
internal sealed class JournalText(AppDbContext db, ContentKeys keys)
{
    public async Task<string> OpenAsync(Guid spaceId, Guid authorId, Audience audience, byte[] body, string binding, CancellationToken cancellationToken) =>
        ContentKeys.Open(await keys.ForAsync(spaceId, authorId, audience, cancellationToken), body, binding);

    /// <summary>Names of the space's active members by user id; authors who left are "a former partner".</summary>
    public async Task<Func<Guid, string>> AuthorsAsync(Guid spaceId, CancellationToken cancellationToken)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.SpaceId == spaceId && m.Status == MemberStatus.Active)
            .Select(m => new { m.Id, m.UserId, m.DisplayName })
            .ToListAsync(cancellationToken);
        var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
        var names = SpaceText.Names(key, rows.Select(r => (r.Id, r.UserId, r.DisplayName)));
        return userId => names.GetValueOrDefault(userId, SpaceText.FormerPartner);
    }
}
