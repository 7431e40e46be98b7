using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Repair;

/// <summary>Record a breach ("what happened"). Private to its author until they share it, like everything else.</summary>
internal static class RecordBreach
{
    public sealed class Request : BreachFields
    {
        public Audience Audience { get; set; } = Audience.OnlyMe;
    }

    public sealed record Created(Guid Id);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Created>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<Created>.NotFound();
            }

            if (!Enum.IsDefined(request.Audience))
            {
                return Outcome<Created>.Invalid(nameof(Request.Audience), "Choose who can read this record.");
            }

            var now = time.GetUtcNow();
            var (record, errors) = await request.ValidateAsync(db, spaceId, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
            if (record is null)
            {
                return Outcome<Created>.Invalid(errors);
            }

            var id = Guid.CreateVersion7(now);
            var key = await keys.ForAsync(spaceId, me.UserId, request.Audience, cancellationToken);
            db.Breaches.Add(new Breach
            {
                Id = id,
                SpaceId = spaceId,
                AuthorId = me.UserId,
                Audience = request.Audience,
                Record = ContentKeys.Seal(key, record.ToJson(), Breach.Bind(id)),
                CreatedAt = now.UtcDateTime,
                UpdatedAt = now.UtcDateTime,
                FirstSharedAt = request.Audience == Audience.OnlyMe ? null : now.UtcDateTime,
                Version = 1,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Created>.Ok(new Created(id));
        }
    }
}
