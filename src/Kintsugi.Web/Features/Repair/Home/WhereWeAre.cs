using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// The space home's "where we are": the stage, what is waiting for the reader, what comes next. It
/// is built from the reader's own state and from what is shared with them, never from anyone's
/// private activity: nothing here changes when another partner answers, marks readiness or writes privately.
/// </summary>
internal static class WhereWeAre
{
    public sealed record Waiting(string Kind, string Text, string Href);

    public sealed record View(Stage? Stage, Stage? Next, IReadOnlyList<Waiting> ForMe, string GentleWord);

    public sealed class Handler(AppDbContext db, SpaceAccess access, GetDecision.Handler decision, GetStage.Handler stage, ListBreaches.Handler breaches, ListConversations.Handler conversations, Atone.ContainersWaiting.Handler containers, Agreements.AgreementsWaiting.Handler agreements, TimeProvider time)
    {
        public async Task<Outcome<View>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.MemberAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<View>.NotFound();
            }

            var words = JourneyContent.English.Home.GentleWords;
            var gentle = words[time.GetUtcNow().DayOfYear % words.Count];
            if (!me.IsPartner)
            {
                // Progress is the partners' to share; a practitioner sees only what an author shared with them.
                return Outcome<View>.Ok(new View(null, null, [], gentle));
            }

            var root = $"/spaces/{spaceId}";
            var waiting = new List<Waiting>();
            // Each part answers for the same person; if their access ended meanwhile, there is nothing to show.
            if ((await decision.HandleAsync(spaceId, cancellationToken)).Value is not { } myDecision
                || (await stage.HandleAsync(spaceId, cancellationToken)).Value is not { } myStage)
            {
                return Outcome<View>.NotFound();
            }

            if (myDecision.State == DecisionState.Open && myDecision.Earlier.Count == 0)
            {
                waiting.Add(new Waiting("decision", Say("decision"), $"{root}/decision"));
            }
            else if (myDecision.State == DecisionState.Open)
            {
                waiting.Add(new Waiting("decision", Say("decisionNewRound"), $"{root}/decision"));
            }
            else if (myDecision.State == DecisionState.NotPartOf)
            {
                waiting.Add(new Waiting("decision", Say("decisionNotPartOf"), $"{root}/decision"));
            }

            var mine = await db.JournalEntries.AsNoTracking()
                .Where(e => e.SpaceId == spaceId && e.AuthorId == me.UserId && e.BreachId != null)
                .Select(e => new { e.BreachId, e.Kind })
                .ToListAsync(cancellationToken);
            foreach (var b in ((await breaches.HandleAsync(spaceId, cancellationToken)).Value ?? []).Where(b => b.MyRole is not null))
            {
                if (!mine.Any(e => e.BreachId == b.Id && e.Kind == EntryKind.Account))
                {
                    waiting.Add(new Waiting("account", Say("account", b.Title), $"{root}/what-happened/{b.Id}"));
                }
            }

            var toConfirm = await db.Reflections.AsNoTracking()
                .Where(r => r.SpaceId == spaceId && r.SpeakerId == me.UserId && r.Status == ReflectionStatus.Open)
                .Select(r => r.ConversationId)
                .Distinct()
                .ToListAsync(cancellationToken);
            waiting.AddRange(toConfirm.Select(c => new Waiting("reflection", Say("reflection"), $"{root}/conversations/{c}")));

            var today = time.GetUtcNow().UtcDateTime.Date.AddDays(-1).ToString(NextTime.Format, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var c in ((await conversations.HandleAsync(spaceId, cancellationToken)).Value ?? []).Where(c => c.NextTime is not null && string.CompareOrdinal(c.NextTime, today) >= 0))
            {
                waiting.Add(new Waiting("conversation", Say("conversation", c.NextTime!.Replace('T', ' ')), $"{root}/conversations/{c.Id}"));
            }

            waiting.AddRange(await Atone.AtoneWaiting.ForAsync(db, spaceId, me.UserId, cancellationToken));
            waiting.AddRange(await containers.HandleAsync(spaceId, me, cancellationToken));

            foreach (var back in myStage.ProposedBack.Where(s => s != myStage.MyProposal))
            {
                waiting.Add(new Waiting("stage", Say("stageBack", JourneyContent.English.FindStage(Key(back))!.Title), $"{root}/stages"));
            }

            waiting.AddRange((await agreements.HandleAsync(spaceId, cancellationToken)).Select(a => new Waiting(a.Kind, a.Text, a.Href)));
            return Outcome<View>.Ok(new View(myStage.Current, myStage.Next, waiting, gentle));
        }
    }

    public static string Key(Stage stage) => stage.ToString().ToLowerInvariant();

    private static string Say(string kind, string? value = null) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, JourneyContent.English.Home.Waiting[kind], value);
}
