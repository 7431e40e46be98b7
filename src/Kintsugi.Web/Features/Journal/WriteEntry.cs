using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Journal;

/// <summary>Write a journal entry. It is private unless its author chooses otherwise (SECURITY.md A3).</summary>
internal static class WriteEntry
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Write something first.")]
        [StringLength(JournalEntry.MaxLength, ErrorMessage = "An entry can be up to 20,000 characters. Split it into two.")]
        public string Text { get; set; } = "";

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
                return Outcome<Created>.Invalid(nameof(Request.Audience), "Choose who can read this entry.");
            }

            var now = time.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            var key = await keys.ForAsync(spaceId, me.UserId, request.Audience, cancellationToken);
            db.JournalEntries.Add(new JournalEntry
            {
                Id = id,
                SpaceId = spaceId,
                AuthorId = me.UserId,
                Audience = request.Audience,
                Body = ContentKeys.Seal(key, request.Text.Trim(), JournalEntry.Bind(id)),
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
