using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// Start a rebuilding conversation, about a breach or not. It opens at the first step; when the
/// breach names a partner who was hurt, they have the floor first (the partner who caused harm listens).
/// </summary>
internal static class StartConversation
{
    public sealed class Request
    {
        public Guid? BreachId { get; set; }
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

            Guid? firstSpeaker = null;
            if (request.BreachId is { } breachId)
            {
                var breach = await db.Breaches.AsNoTracking().VisibleTo(db, me.UserId).SingleOrDefaultAsync(b => b.Id == breachId && b.SpaceId == spaceId, cancellationToken);
                if (breach is null)
                {
                    return Outcome<Created>.Invalid(nameof(Request.BreachId), "Choose a breach record you can read in this space, or none.");
                }

                // Roles in a record the other partners cannot read stay out of the conversation they all see (SECURITY.md A4).
                var record = breach.OpenRecord(await keys.ForAsync(spaceId, breach.AuthorId, breach.Audience, cancellationToken));
                var hurt = breach.Audience == Audience.OnlyMe ? [] : record.People.Where(p => p.Role != BreachRole.CausedHarm).Select(p => p.MembershipId).ToList();
                firstSpeaker = await db.Memberships.AsNoTracking().Seeing(db)
                    .Where(m => m.SpaceId == spaceId && m.Role == MemberRole.Partner && hurt.Contains(m.Id))
                    .OrderBy(m => m.JoinedAt)
                    .Select(m => (Guid?)m.UserId)
                    .FirstOrDefaultAsync(cancellationToken);
            }

            var now = time.GetUtcNow();
            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var id = Guid.CreateVersion7(now);
            db.Conversations.Add(new Conversation
            {
                Id = id,
                SpaceId = spaceId,
                BreachId = request.BreachId,
                Step = ConversationStep.Listen,
                SpeakerId = firstSpeaker,
                StartedAt = now.UtcDateTime,
                NextSteps = ContentKeys.Seal(key, "", Conversation.BindNextSteps(id)),
                NextTime = ContentKeys.Seal(key, "", Conversation.BindNextTime(id)),
                Version = 1,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Created>.Ok(new Created(id));
        }
    }
}
