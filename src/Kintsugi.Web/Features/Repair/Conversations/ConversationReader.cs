using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>A conversation as one partner sees it: everything in it is shared by the partners, except notes, which follow their own audience.</summary>
internal sealed record ConversationView(
    Guid Id,
    Guid? BreachId,
    string? BreachTitle,
    ConversationStep Step,
    Guid? SpeakerMembershipId,
    IReadOnlyList<ConversationView.Person> Partners,
    BreachRole? MyRole,
    DateTime? PausedUntil,
    DateTime StartedAt,
    DateTime? EndedAt,
    string NextSteps,
    string? NextTime,
    int? Minutes,
    int Version,
    IReadOnlyList<ConversationView.Heard> Reflections,
    IReadOnlyList<ListEntries.Item> Notes)
{
    public sealed record Person(Guid MembershipId, string Name, bool IsMe, BreachRole? Role);

    public sealed record Heard(Guid Id, ConversationStep Step, string Speaker, bool SpeakerIsMe, string Listener, bool ListenerIsMe, string Text, ReflectionStatus Status, string? Correction, DateTime CreatedAt);

    public Person? Speaker => Partners.FirstOrDefault(p => p.MembershipId == SpeakerMembershipId);
}

internal sealed class ConversationReader(AppDbContext db, ContentKeys keys, BreachReader breaches, JournalText journal, TimeProvider time)
{
    public async Task<ConversationView> ReadAsync(Member me, Conversation c, CancellationToken cancellationToken)
    {
        var key = await keys.SpaceKeyAsync(c.SpaceId, cancellationToken);
        var partnerRows = await db.Memberships.AsNoTracking()
            .Where(m => m.SpaceId == c.SpaceId && m.Status == MemberStatus.Active && m.Role == MemberRole.Partner)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.UserId, m.DisplayName })
            .ToListAsync(cancellationToken);

        // The breach, and with it everyone's part in it, only if this reader may read that record.
        var breachRow = c.BreachId is { } breachId
            ? await db.Breaches.AsNoTracking().VisibleTo(db, me.UserId).SingleOrDefaultAsync(b => b.Id == breachId, cancellationToken)
            : null;
        var breach = breachRow is null ? null : (await breaches.ReadAsync(c.SpaceId, me, [breachRow], cancellationToken))[0];
        var partners = partnerRows
            .Select(m => new ConversationView.Person(m.Id, ContentKeys.Open(key, m.DisplayName, SpaceText.DisplayName(m.Id)), m.UserId == me.UserId, breach?.People.FirstOrDefault(p => p.MembershipId == m.Id)?.Role))
            .ToList();
        var byUser = partnerRows.Zip(partners).ToDictionary(p => p.First.UserId, p => p.Second);
        string NameOf(Guid userId) => byUser.TryGetValue(userId, out var p) ? p.Name : SpaceText.FormerPartner;

        var next = NextTime.Parse(ContentKeys.Open(key, c.NextTime, Conversation.BindNextTime(c.Id)));
        var reflections = new List<ConversationView.Heard>();
        foreach (var r in await db.Reflections.AsNoTracking().Where(r => r.ConversationId == c.Id).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken))
        {
            reflections.Add(new ConversationView.Heard(
                r.Id, r.Step, NameOf(r.SpeakerId), r.SpeakerId == me.UserId, NameOf(r.ListenerId), r.ListenerId == me.UserId,
                ContentKeys.Open(key, r.Heard, Reflection.BindHeard(r.Id)),
                r.Status,
                r.Correction.Length == 0 ? null : ContentKeys.Open(key, r.Correction, Reflection.BindCorrection(r.Id)),
                r.CreatedAt));
        }

        var noteRows = await db.JournalEntries.AsNoTracking().VisibleTo(db, me.UserId)
            .Where(e => e.SpaceId == c.SpaceId && e.ConversationId == c.Id)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var notes = await journal.ItemsAsync(c.SpaceId, me.UserId, noteRows, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        return new ConversationView(
            c.Id,
            breach?.Id,
            breach?.Title,
            c.Step,
            c.SpeakerId is { } speaker && byUser.TryGetValue(speaker, out var s) ? s.MembershipId : null,
            partners,
            breach?.MyRole,
            c.PausedUntil > now ? c.PausedUntil : null,
            c.StartedAt,
            c.EndedAt,
            ContentKeys.Open(key, c.NextSteps, Conversation.BindNextSteps(c.Id)),
            next?.Local.ToString(NextTime.Format, System.Globalization.CultureInfo.InvariantCulture),
            next?.Minutes,
            c.Version,
            reflections,
            notes);
    }
}
