using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>One thing on a container's agenda, whatever it came from. <see cref="Source"/>: "parked" or "question".</summary>
public sealed record AgendaItem(string Source, Guid Id, string Text, string Author, bool Mine, bool TalkedAbout, DateTime PlacedAt);

/// <summary>
/// A container's agenda, built from every source in one place. Each source reads only what the
/// viewer may read (the visibility policy, in the query), in the order things were put on it.
/// </summary>
internal static class Agenda
{
    public const string Parked = "parked";
    public const string Question = "question";

    public static async Task<IReadOnlyList<AgendaItem>> BuildAsync(AppDbContext db, ContentKeys keys, Guid viewer, Container container, Func<Guid, string> names, CancellationToken cancellationToken)
    {
        var items = new List<AgendaItem>();

        // 1. What partners parked and chose to bring (shared with the container's audience when placed).
        var parked = await db.ParkedItems.AsNoTracking().VisibleTo(db, viewer)
            .Where(p => p.ContainerId == container.Id && p.Audience != Audience.OnlyMe)
            .ToListAsync(cancellationToken);
        if (parked.Count > 0)
        {
            var key = await keys.SpaceKeyAsync(container.SpaceId, cancellationToken);
            items.AddRange(parked.Select(p => new AgendaItem(Parked, p.Id, ContentKeys.Open(key, p.Text, p.Binding), names(p.AuthorId), p.AuthorId == viewer, p.TalkedAbout, p.PlacedAt ?? p.CreatedAt)));
        }

        // 2. Honest-answer questions marked "for a container": on every container still to come or
        //    running until one of them ticks it off; then on that one only.
        var open = container.State != ContainerState.Ended;
        var questions = await db.HonestQuestions.AsNoTracking().VisibleTo(db, viewer)
            .Where(q => q.SpaceId == container.SpaceId && (q.TalkedAboutIn == container.Id || (open && q.ForContainer && q.TalkedAboutIn == null)))
            .ToListAsync(cancellationToken);
        foreach (var q in questions)
        {
            var key = await keys.ForAsync(q.SpaceId, q.AuthorId, q.Audience, cancellationToken);
            items.Add(new AgendaItem(Question, q.Id, q.Text.Length == 0 ? AtoneContent.English.Questions.Removed : ContentKeys.Open(key, q.Text, q.Binding), names(q.AuthorId), q.AuthorId == viewer, q.TalkedAboutIn == container.Id, q.CreatedAt));
        }

        return [.. items.OrderBy(i => i.PlacedAt).ThenBy(i => i.Id)];
    }
}
