using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>For the data export: what the person parked in one space, and the containers they are part of (with what they may read of each agenda).</summary>
internal static class ExportContainers
{
    public sealed record ParkedExport(Guid Id, string Text, Audience Audience, Guid? ContainerId, bool TalkedAbout, DateTime CreatedAt, DateTime UpdatedAt);

    public sealed record ContainerExport(Guid Id, string At, int Minutes, string TimeZone, bool WithPractitioner, ContainerState State, DateTime? StartedAt, DateTime? EndedAt, string Notes, string Next, IReadOnlyList<AgendaItem> Agenda, bool RemindMe);

    public sealed record Section(IReadOnlyList<ParkedExport> Parked, IReadOnlyList<ContainerExport> Containers);

    public sealed class Handler(AppDbContext db, ContentKeys keys, Journal.JournalText journal)
    {
        public async Task<Section> HandleAsync(Guid spaceId, Guid userId, CancellationToken cancellationToken)
        {
            var parked = new List<ParkedExport>();
            foreach (var p in await db.ParkedItems.AsNoTracking().Where(p => p.SpaceId == spaceId && p.AuthorId == userId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken))
            {
                var key = await keys.ForAsync(spaceId, userId, p.Audience, cancellationToken);
                parked.Add(new ParkedExport(p.Id, ContentKeys.Open(key, p.Text, p.Binding), p.Audience, p.ContainerId, p.TalkedAbout, p.CreatedAt, p.UpdatedAt));
            }

            var containers = new List<ContainerExport>();
            var rows = await db.Containers.AsNoTracking().OpenTo(db, userId).Where(c => c.SpaceId == spaceId).OrderBy(c => c.StartsAt).ToListAsync(cancellationToken);
            if (rows.Count > 0)
            {
                var spaceKey = await keys.SpaceKeyAsync(spaceId, cancellationToken);
                var names = await journal.AuthorsAsync(spaceId, cancellationToken);
                var reminders = await db.ContainerReminders.Where(r => r.UserId == userId).Select(r => r.ContainerId).ToListAsync(cancellationToken);
                foreach (var c in rows)
                {
                    var (plan, closing) = (c.OpenPlan(spaceKey), c.OpenClosing(spaceKey));
                    containers.Add(new ContainerExport(c.Id, plan.Local, plan.Minutes, plan.TimeZone, c.WithPractitioner, c.State, c.StartedAt, c.EndedAt, closing.Notes, closing.Next,
                        await Agenda.BuildAsync(db, keys, userId, c, names, cancellationToken), reminders.Contains(c.Id)));
                }
            }

            return new Section(parked, containers);
        }
    }
}
