using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>Write down the next steps the partners agreed on. Any partner can; a save from a stale page is refused.</summary>
internal static class SaveNextSteps
{
    public const string ChangedMeanwhile = "Someone saved the next steps since you opened this page. The current version is shown; your text is still in the form.";

    public sealed class Request
    {
        [StringLength(Conversation.NextStepsLength, ErrorMessage = "Keep the next steps under 5,000 characters.")]
        public string? Text { get; set; }

        [Range(1, int.MaxValue, ErrorMessage = "Send the version you started from.")]
        public int Version { get; set; }
    }

    public sealed record Saved(int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys)
    {
        public async Task<Outcome<Saved>> HandleAsync(Guid spaceId, Guid conversationId, Request request, CancellationToken cancellationToken)
        {
            if (!await db.Conversations.SeenBy(db, access.UserId).AnyAsync(c => c.Id == conversationId && c.SpaceId == spaceId, cancellationToken))
            {
                return Outcome<Saved>.NotFound();
            }

            var text = ContentKeys.Seal(await keys.SpaceKeyAsync(spaceId, cancellationToken), request.Text?.Trim() ?? "", Conversation.BindNextSteps(conversationId));
            var saved = await db.Conversations.Where(c => c.Id == conversationId && c.Version == request.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextSteps, text).SetProperty(c => c.Version, c => c.Version + 1), CancellationToken.None);
            return saved == 1 ? Outcome<Saved>.Ok(new Saved(request.Version + 1)) : Outcome<Saved>.Conflicted(ChangedMeanwhile);
        }
    }
}
