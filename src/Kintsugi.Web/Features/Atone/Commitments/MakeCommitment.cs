using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Make a repair commitment. Private to its author until they share it.</summary>
internal static class MakeCommitment
{
    public sealed class Request : CommitmentFields
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

            var (record, errors) = request.Validate();
            if (!Enum.IsDefined(request.Audience))
            {
                errors[nameof(Request.Audience)] = ["Choose who can read this commitment."];
            }

            if (record is null || errors.Count > 0)
            {
                return Outcome<Created>.Invalid(errors);
            }

            var now = time.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            db.Commitments.Add(new Commitment
            {
                Id = id,
                SpaceId = spaceId,
                AuthorId = me.UserId,
                Audience = request.Audience,
                Record = ContentKeys.Seal(await keys.ForAsync(spaceId, me.UserId, request.Audience, cancellationToken), record.ToJson(), Commitment.Bind(id)),
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
