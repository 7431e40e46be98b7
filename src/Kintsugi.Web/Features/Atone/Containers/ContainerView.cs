using System.Globalization;
using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// A container as one person in it sees it. The time left is in seconds, not as a clock time: the
/// server does not know the reader's time zone. Whether the reader asked for a reminder is theirs alone.
/// </summary>
internal sealed record ContainerView(
    Guid Id,
    ContainerState State,
    string At,
    int Minutes,
    string TimeZone,
    bool WithPractitioner,
    DateTime? StartedAt,
    DateTime? EndedAt,
    int? SecondsLeft,
    DateTime? PausedUntil,
    int ExtraMinutes,
    Guid? SpeakerMembershipId,
    IReadOnlyList<ContainerView.Person> Partners,
    IReadOnlyList<AgendaItem> Agenda,
    string Notes,
    string Next,
    int Version,
    bool RemindMe,
    bool IAmPartner)
{
    public sealed record Person(Guid MembershipId, string Name, bool IsMe);

    public bool TimeUp => SecondsLeft is <= 0;

    public Person? Speaker => Partners.FirstOrDefault(p => p.MembershipId == SpeakerMembershipId);

    /// <summary>"1 December 2026, 19:00": the time as the planner typed it.</summary>
    public static string Readable(string local) =>
        DateTime.TryParseExact(local, NextTime.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)
            : local;
}

internal sealed class ContainerReader(AppDbContext db, ContentKeys keys, JournalText journal, TimeProvider time)
{
    public async Task<ContainerView> ReadAsync(Member me, Container c, CancellationToken cancellationToken)
    {
        var key = await keys.SpaceKeyAsync(c.SpaceId, cancellationToken);
        var partnerRows = await db.Memberships.AsNoTracking()
            .Where(m => m.SpaceId == c.SpaceId && m.Status == MemberStatus.Active && m.Role == MemberRole.Partner)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.UserId, m.DisplayName })
            .ToListAsync(cancellationToken);
        var partners = partnerRows.Select(m => new ContainerView.Person(m.Id, ContentKeys.Open(key, m.DisplayName, SpaceText.DisplayName(m.Id)), m.UserId == me.UserId)).ToList();
        var speaker = c.SpeakerId is { } s ? partnerRows.FirstOrDefault(m => m.UserId == s)?.Id : null;

        var plan = c.OpenPlan(key);
        var closing = c.OpenClosing(key);
        var agenda = await Agenda.BuildAsync(db, keys, me.UserId, c, await journal.AuthorsAsync(c.SpaceId, cancellationToken), cancellationToken);
        var remindMe = await db.ContainerReminders.AnyAsync(r => r.ContainerId == c.Id && r.UserId == me.UserId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var left = c.Left(now, plan.Minutes);
        return new ContainerView(
            c.Id,
            c.State,
            plan.Local,
            plan.Minutes,
            plan.TimeZone,
            c.WithPractitioner,
            c.StartedAt,
            c.EndedAt,
            left is { } l ? (int)Math.Round(l.TotalSeconds) : null,
            c.State == ContainerState.Running && c.PausedUntil > now ? c.PausedUntil : null,
            c.ExtraMinutes,
            speaker,
            partners,
            agenda,
            closing.Notes,
            closing.Next,
            c.Version,
            remindMe,
            me.IsPartner);
    }
}
