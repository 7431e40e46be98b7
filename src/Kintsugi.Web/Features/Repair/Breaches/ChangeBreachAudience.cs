using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>The author shares a breach record, widens or narrows its audience, or withdraws it. Nobody else can.</summary>
internal static class ChangeBreachAudience
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<ChangeAudience.Changed>> HandleAsync(Guid spaceId, Guid breachId, ChangeAudience.Request request, CancellationToken cancellationToken)
        {
            if (!Enum.IsDefined(request.Audience))
            {
                return Outcome<ChangeAudience.Changed>.Invalid(nameof(request.Audience), "Choose who can read this record.");
            }

            var breach = await db.Breaches.OwnedBy(db, access.UserId).SingleOrDefaultAsync(b => b.Id == breachId && b.SpaceId == spaceId, cancellationToken);
            if (breach is null)
            {
                return Outcome<ChangeAudience.Changed>.NotFound();
            }

            if (breach.Audience != request.Audience)
            {
                var from = await keys.ForAsync(spaceId, breach.AuthorId, breach.Audience, cancellationToken);
                var to = await keys.ForAsync(spaceId, breach.AuthorId, request.Audience, cancellationToken);
                breach.Record = ContentKeys.Seal(to, ContentKeys.Open(from, breach.Record, breach.Binding), breach.Binding);
                breach.Audience = request.Audience;
                if (request.Audience != Audience.OnlyMe)
                {
                    breach.FirstSharedAt ??= time.GetUtcNow().UtcDateTime;
                }

                breach.Version++;
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return Outcome<ChangeAudience.Changed>.Conflicted(EditBreach.ChangedMeanwhile);
                }
            }

            return Outcome<ChangeAudience.Changed>.Ok(new ChangeAudience.Changed(breach.Audience, breach.Version));
        }
    }
}
