using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>What leaving a space (or deleting the account) does to containers and parked items (called by <see cref="Spaces.LeaveSpace"/>).</summary>
internal static class ContainerCleanup
{
    /// <summary>
    /// Inside the leave transaction: everything the leaver parked goes, from agendas too; their
    /// reminders go; a container they planned stays with the partners, without them on the floor.
    /// </summary>
    public static async Task ForgetAsync(AppDbContext db, Guid spaceId, Guid userId)
    {
        var none = CancellationToken.None;
        await db.ParkedItems.Where(p => p.SpaceId == spaceId && p.AuthorId == userId).ExecuteDeleteAsync(none);
        var reminded = db.ContainerReminders.Where(r => r.UserId == userId && db.Containers.Any(c => c.Id == r.ContainerId && c.SpaceId == spaceId));
        foreach (var containerId in await reminded.Select(r => r.ContainerId).ToListAsync(none))
        {
            await ContainerReminders.CancelAsync(db, containerId, userId, none);
        }

        await reminded.ExecuteDeleteAsync(none);
        await db.Containers.Where(c => c.SpaceId == spaceId && c.SpeakerId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.SpeakerId, (Guid?)null), none);
    }
}
