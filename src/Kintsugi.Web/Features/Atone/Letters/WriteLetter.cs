using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Start a letter of accountability: its first draft, private unless its author chooses otherwise.</summary>
internal static class WriteLetter
{
    public const string Empty = "Write something first: even one sentence is a draft.";
    public const string TooLong = "A letter can be up to 20,000 characters.";

    public sealed class Request
    {
        [Required(ErrorMessage = Empty)]
        [StringLength(Letter.MaxLength, ErrorMessage = TooLong)]
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

            var text = request.Text?.Trim() ?? "";
            if (text.Length == 0 || text.Length > Letter.MaxLength)
            {
                return Outcome<Created>.Invalid(nameof(Request.Text), text.Length == 0 ? Empty : TooLong);
            }

            if (!Enum.IsDefined(request.Audience))
            {
                return Outcome<Created>.Invalid(nameof(Request.Audience), "Choose who can read this letter.");
            }

            var now = time.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            var key = await keys.ForAsync(spaceId, me.UserId, request.Audience, cancellationToken);
            var shared = request.Audience != Audience.OnlyMe;
            db.Letters.Add(new Letter
            {
                Id = id,
                SpaceId = spaceId,
                AuthorId = me.UserId,
                Audience = request.Audience,
                Body = ContentKeys.Seal(key, text, Letter.Bind(id)),
                CreatedAt = now.UtcDateTime,
                UpdatedAt = now.UtcDateTime,
                FirstSharedAt = shared ? now.UtcDateTime : null,
                Draft = 1,
                Version = 1,
            });
            db.LetterDrafts.Add(new LetterDraft
            {
                LetterId = id,
                Number = 1,
                Body = ContentKeys.Seal(await keys.PersonKeyAsync(me.UserId, cancellationToken), text, LetterDraft.Bind(id, 1)),
                SavedAt = now.UtcDateTime,
                SharedWith = request.Audience,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Created>.Ok(new Created(id));
        }
    }
}
