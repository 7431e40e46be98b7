using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>One breach record with the accounts and impact statements about it that the reader may see.</summary>
internal static class GetBreach
{
    public sealed record View(BreachView Breach, IReadOnlyList<ListEntries.Item> Accounts);

    public sealed class Handler(AppDbContext db, SpaceAccess access, BreachReader reader, JournalText text)
    {
        public async Task<Outcome<View>> HandleAsync(Guid spaceId, Guid breachId, CancellationToken cancellationToken)
        {
            if (await access.MemberAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<View>.NotFound();
            }

            var breach = await db.Breaches.AsNoTracking().VisibleTo(db, me.UserId)
                .SingleOrDefaultAsync(b => b.Id == breachId && b.SpaceId == spaceId, cancellationToken);
            if (breach is null)
            {
                return Outcome<View>.NotFound();
            }

            var rows = await db.JournalEntries.AsNoTracking().VisibleTo(db, me.UserId)
                .Where(e => e.SpaceId == spaceId && e.BreachId == breachId)
                .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
                .ToListAsync(cancellationToken);
            var accounts = await text.ItemsAsync(spaceId, me.UserId, rows, cancellationToken);
            return Outcome<View>.Ok(new View((await reader.ReadAsync(spaceId, me, [breach], cancellationToken))[0], accounts));
        }
    }
}
