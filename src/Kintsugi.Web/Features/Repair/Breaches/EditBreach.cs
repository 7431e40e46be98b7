using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>The author corrects a breach record. Once shared, readers see that it was edited (SECURITY.md C4).</summary>
internal static class EditBreach
{
    public const string ChangedMeanwhile = "This record was changed in another window since you opened it. The current record is shown; your changes are still in the form.";

    public sealed class Request : BreachFields
    {
        [Range(1, int.MaxValue, ErrorMessage = "Send the version you started from.")]
        public int Version { get; set; }
    }

    public sealed record Saved(int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Saved>> HandleAsync(Guid spaceId, Guid breachId, Request request, CancellationToken cancellationToken)
        {
            var breach = await db.Breaches.OwnedBy(db, access.UserId).SingleOrDefaultAsync(b => b.Id == breachId && b.SpaceId == spaceId, cancellationToken);
            if (breach is null)
            {
                return Outcome<Saved>.NotFound();
            }

            var now = time.GetUtcNow().UtcDateTime;
            var key = await keys.ForAsync(spaceId, breach.AuthorId, breach.Audience, cancellationToken);
            var current = ContentKeys.Open(key, breach.Record, breach.Binding);

            // A partner the record names may have left since; the author can still correct the rest of it.
            var named = BreachRecord.FromJson(current).People.Select(p => p.MembershipId).ToList();
            var (record, errors) = await request.ValidateAsync(db, spaceId, DateOnly.FromDateTime(now), cancellationToken, named);
            if (record is null)
            {
                return Outcome<Saved>.Invalid(errors);
            }

            if (breach.Version != request.Version)
            {
                return Outcome<Saved>.Conflicted(ChangedMeanwhile);
            }

            var json = record.ToJson();
            if (current == json)
            {
                return Outcome<Saved>.Ok(new Saved(breach.Version));
            }

            breach.Record = ContentKeys.Seal(key, json, breach.Binding);
            breach.UpdatedAt = now;
            breach.EditedAt = breach.FirstSharedAt is null ? breach.EditedAt : now;
            breach.Version++;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<Saved>.Conflicted(ChangedMeanwhile);
            }

            return Outcome<Saved>.Ok(new Saved(breach.Version));
        }
    }
}
