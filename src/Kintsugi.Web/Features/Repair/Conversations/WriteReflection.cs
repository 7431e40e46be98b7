using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>A listener writes back what they heard the speaker say ("What I heard is…"), for the speaker to confirm or correct.</summary>
internal static class WriteReflection
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Write what you heard, in your own words.")]
        [StringLength(Reflection.TextLength, ErrorMessage = "Keep it under 4,000 characters: a few sentences are enough.")]
        public string Text { get; set; } = "";
    }

    public sealed record Created(Guid Id);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Created>> HandleAsync(Guid spaceId, Guid conversationId, Request request, CancellationToken cancellationToken)
        {
            var me = access.UserId;
            var conversation = await db.Conversations.AsNoTracking().SeenBy(db, me).SingleOrDefaultAsync(c => c.Id == conversationId && c.SpaceId == spaceId, cancellationToken);
            if (conversation is null)
            {
                return Outcome<Created>.NotFound();
            }

            if (conversation.SpeakerId is not { } speaker || !await db.Memberships.AnyAsync(m => m.SpaceId == spaceId && m.UserId == speaker && m.Status == MemberStatus.Active, cancellationToken))
            {
                return Outcome<Created>.Invalid(nameof(Request.Text), "Choose who is speaking first; then the others write back what they heard.");
            }

            if (speaker == me)
            {
                return Outcome<Created>.Invalid(nameof(Request.Text), "You have the floor: the listeners write back what they heard, and you confirm or correct it.");
            }

            var now = time.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            db.Reflections.Add(new Reflection
            {
                Id = id,
                ConversationId = conversationId,
                SpaceId = spaceId,
                Step = conversation.Step,
                SpeakerId = speaker,
                ListenerId = me,
                Heard = ContentKeys.Seal(key, request.Text.Trim(), Reflection.BindHeard(id)),
                Status = ReflectionStatus.Open,
                CreatedAt = now.UtcDateTime,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Created>.Ok(new Created(id));
        }
    }
}
