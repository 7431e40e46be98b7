using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>The speaker answers a reflection: "yes, that's it", or what they meant instead. Only the speaker it was about can.</summary>
internal static class AnswerReflection
{
    public sealed class Request
    {
        public bool Confirmed { get; set; }

        [StringLength(Reflection.TextLength, ErrorMessage = "Keep it under 4,000 characters.")]
        public string? Correction { get; set; }
    }

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid conversationId, Guid reflectionId, Request request, CancellationToken cancellationToken)
        {
            var me = access.UserId;
            var seen = db.Conversations.SeenBy(db, me).Where(c => c.Id == conversationId && c.SpaceId == spaceId);
            var reflection = await db.Reflections
                .Where(r => r.Id == reflectionId && r.ConversationId == conversationId && r.SpeakerId == me && seen.Any())
                .SingleOrDefaultAsync(cancellationToken);
            if (reflection is null)
            {
                return Outcome<Done>.NotFound();
            }

            if (request.Correction is { Length: > Reflection.TextLength })
            {
                // The page posts this field without a validator of its own; the limit holds here for both.
                return Outcome<Done>.Invalid(nameof(Request.Correction), "Keep it under 4,000 characters.");
            }

            var correction = request.Confirmed || string.IsNullOrWhiteSpace(request.Correction) ? "" : request.Correction.Trim();
            reflection.Status = request.Confirmed ? ReflectionStatus.Confirmed : ReflectionStatus.Corrected;
            reflection.Correction = correction.Length == 0 ? [] : ContentKeys.Seal(await keys.SpaceKeyAsync(spaceId, cancellationToken), correction, Reflection.BindCorrection(reflection.Id));
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Done>.Ok(default);
        }
    }
}
