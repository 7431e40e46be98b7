using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>Give the floor to a partner: they speak, everyone else listens. With no one named, nobody has the floor.</summary>
internal static class PassTurn
{
    public sealed class Request
    {
        /// <summary>The membership id of the partner who speaks next; null for nobody.</summary>
        public Guid? Speaker { get; set; }
    }

    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid conversationId, Request request, CancellationToken cancellationToken)
        {
            var exists = await db.Conversations.SeenBy(db, access.UserId).AnyAsync(c => c.Id == conversationId && c.SpaceId == spaceId, cancellationToken);
            if (!exists)
            {
                return Outcome<Done>.NotFound();
            }

            Guid? speaker = null;
            if (request.Speaker is { } membershipId)
            {
                // Only a partner who can see the conversation (safety check taken) can be given the floor.
                speaker = await db.Memberships.AsNoTracking().Seeing(db)
                    .Where(m => m.Id == membershipId && m.SpaceId == spaceId && m.Role == MemberRole.Partner)
                    .Select(m => (Guid?)m.UserId)
                    .SingleOrDefaultAsync(cancellationToken);
                if (speaker is null)
                {
                    return Outcome<Done>.Invalid(nameof(Request.Speaker), "Choose a partner of this space to speak.");
                }
            }

            await db.Conversations.Where(c => c.Id == conversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.SpeakerId, speaker), CancellationToken.None);
            return Outcome<Done>.Ok(default);
        }
    }
}
