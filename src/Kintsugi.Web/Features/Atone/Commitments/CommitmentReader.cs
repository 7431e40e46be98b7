using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>A commitment as one reader sees it: its wording, its log, who noticed, and the weeks for the chart.</summary>
public sealed record CommitmentView(
    Guid Id,
    bool Mine,
    string Author,
    Audience Audience,
    string What,
    string HowOften,
    string HowOftenLabel,
    string? HowOftenWords,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool Edited,
    bool Ended,
    int Version,
    IReadOnlyList<CommitmentView.Line> Log,
    IReadOnlyList<CommitmentView.Week> Weeks)
{
    public sealed record Line(Guid Id, DateOnly Day, bool Kept, string? Note, IReadOnlyList<string> NoticedBy, bool NoticedByMe);

    /// <summary>One week (from Monday) of the log: days kept, days not kept, and kept days someone noticed.</summary>
    public sealed record Week(DateOnly Monday, int Kept, int NotKept, int Noticed);
}

internal sealed class CommitmentReader(AppDbContext db, ContentKeys keys, JournalText journal, TimeProvider time)
{
    /// <summary>The chart shows at most this many weeks, the latest ones.</summary>
    public const int ChartWeeks = 12;

    public async Task<IReadOnlyList<CommitmentView>> ReadAsync(Guid spaceId, Guid viewer, IReadOnlyList<Commitment> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(c => c.Id).ToList();
        var lines = (await db.FollowThroughs.AsNoTracking().Where(f => ids.Contains(f.CommitmentId)).OrderByDescending(f => f.Day).ThenByDescending(f => f.CreatedAt).ToListAsync(cancellationToken))
            .ToLookup(f => f.CommitmentId);
        var noticed = (await db.Noticed.AsNoTracking().Where(n => db.FollowThroughs.Any(f => f.Id == n.FollowThroughId && ids.Contains(f.CommitmentId))).ToListAsync(cancellationToken))
            .ToLookup(n => n.FollowThroughId);
        var authors = await journal.AuthorsAsync(spaceId, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var views = new List<CommitmentView>(rows.Count);
        foreach (var c in rows)
        {
            var key = await keys.ForAsync(spaceId, c.AuthorId, c.Audience, cancellationToken);
            var record = c.OpenRecord(key);
            var mine = c.AuthorId == viewer;
            var log = lines[c.Id].Select(l =>
            {
                var by = noticed[l.Id].ToList();
                return new CommitmentView.Line(
                    l.Id, l.Day, l.Kept,
                    l.Note.Length == 0 ? null : ContentKeys.Open(key, l.Note, FollowThrough.Bind(l.Id)),
                    [.. by.Select(n => n.UserId == viewer ? "You" : authors(n.UserId))],
                    by.Any(n => n.UserId == viewer));
            }).ToList();
            views.Add(new CommitmentView(
                c.Id, mine, authors(c.AuthorId), c.Audience,
                record.What, record.HowOften, AtoneContent.English.HowOftenLabel(record.HowOften) ?? record.HowOften, record.HowOftenWords,
                c.CreatedAt,
                JournalText.SeenUpdatedAt(mine, c.UpdatedAt, c.EditedAt, c.FirstSharedAt, c.CreatedAt),
                c.EditedAt is not null,
                c.EndedAt is not null,
                JournalText.SeenVersion(mine, c.Version),
                log,
                Weeks(DateOnly.FromDateTime(c.CreatedAt), today, log)));
        }

        return views;
    }

    /// <summary>Week by week from the first logged day or the day it was made, up to this week, the last <see cref="ChartWeeks"/>.</summary>
    public static IReadOnlyList<CommitmentView.Week> Weeks(DateOnly made, DateOnly today, IReadOnlyList<CommitmentView.Line> log)
    {
        var first = log.Count == 0 ? made : new[] { made, log.Min(l => l.Day) }.Min();
        var last = log.Count == 0 ? today : new[] { today, log.Max(l => l.Day) }.Max();
        var start = Monday(first);
        var end = Monday(last);
        if (end.DayNumber - start.DayNumber > (ChartWeeks - 1) * 7)
        {
            start = end.AddDays(-(ChartWeeks - 1) * 7);
        }

        var weeks = new List<CommitmentView.Week>();
        for (var monday = start; monday <= end; monday = monday.AddDays(7))
        {
            var days = log.Where(l => Monday(l.Day) == monday).ToList();
            weeks.Add(new CommitmentView.Week(monday, days.Count(d => d.Kept), days.Count(d => !d.Kept), days.Count(d => d.Kept && d.NoticedBy.Count > 0)));
        }

        return weeks;
    }

    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
