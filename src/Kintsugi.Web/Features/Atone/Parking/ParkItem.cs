using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// Park a trigger or question for the next container (partners). It is private: sealed under the
/// author's own key, read by nobody else until they put it on an agenda. Practitioners do not park:
/// the agenda is the partners' to bring, and a practitioner's own notes are theirs elsewhere.
/// </summary>
internal static class ParkItem
{
    public sealed class Request
    {
        public string? Text { get; set; }
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

            if (CheckText(request.Text) is { } problem)
            {
                return Outcome<Created>.Invalid(nameof(Request.Text), problem);
            }

            var now = time.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            db.ParkedItems.Add(new ParkedItem
            {
                Id = id,
                SpaceId = spaceId,
                AuthorId = me.UserId,
                Audience = Audience.OnlyMe,
                Text = ContentKeys.Seal(await keys.PersonKeyAsync(me.UserId, cancellationToken), Normalize(request.Text!), ParkedItem.Bind(id)),
                CreatedAt = now.UtcDateTime,
                UpdatedAt = now.UtcDateTime,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Created>.Ok(new Created(id));
        }
    }

    /// <summary>Trimmed, with a form's CRLF line breaks as one character each, as the textarea counted them.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>What is wrong with a parked text, in the content file's words; null when it is fine.</summary>
    public static string? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? ContainersContent.English.ParkIt.Empty
        : Normalize(text).Length > ParkedItem.TextLength ? ContainersContent.English.ParkIt.TooLong
        : null;
}
