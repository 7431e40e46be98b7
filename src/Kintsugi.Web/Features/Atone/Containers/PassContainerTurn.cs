using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Give the floor to a partner (a practitioner guides, but the turns are the partners'); null for nobody.</summary>
internal static class PassContainerTurn
{
    public sealed class Request
    {
        /// <summary>The membership id of the partner who speaks next; null for nobody.</summary>
        public Guid? Speaker { get; set; }
    }

    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid containerId, Request request, CancellationToken cancellationToken)
        {
            var container = await ContainerRules.SteeredAsync(db, access, spaceId, containerId, cancellationToken);
            if (container is null)
            {
                return Outcome<Done>.NotFound();
            }

            Guid? speaker = null;
            if (request.Speaker is { } membershipId)
            {
                speaker = await db.Memberships.AsNoTracking().Seeing(db)
                    .Where(m => m.Id == membershipId && m.SpaceId == spaceId && m.Role == MemberRole.Partner)
                    .Select(m => (Guid?)m.UserId)
                    .SingleOrDefaultAsync(cancellationToken);
                if (speaker is null)
                {
                    return Outcome<Done>.Invalid(nameof(Request.Speaker), "Choose a partner of this space to speak.");
                }
            }

            if (container.State != ContainerState.Running)
            {
                return ContainerRules.WrongState<Done>("Turns are taken while the container runs.");
            }

            // Steering is last-write-wins (ADR 0012); the closing record's version is not involved.
            await db.Containers.Where(c => c.Id == containerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.SpeakerId, speaker), CancellationToken.None);
            return Outcome<Done>.Ok(default);
        }
    }
}
