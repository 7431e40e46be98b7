using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>
/// The space home's part of "waiting for you" from agreements: a version waiting for your
/// signature, a review date that has come, a transparency promise that ended, a crossing you are
/// involved in without your view yet, and (in proactive spaces) the plan not yet written. All of
/// it joint or your own: nothing here moves because of someone else's private activity.
/// </summary>
internal static class AgreementsWaiting
{
    public sealed record Item(string Kind, string Text, string Href);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, AgreementReader.Handler reader)
    {
        public async Task<IReadOnlyList<Item>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return [];
            }

            var words = AgreementsContent.English.Reviews;
            var root = $"/spaces/{spaceId}/agreements";
            var items = new List<Item>();
            foreach (var a in await reader.ReadAsync(spaceId, me.UserId, null, cancellationToken))
            {
                if (!a.SignedByMe)
                {
                    items.Add(new Item("signature", words.WaitingSignature, $"{root}/{a.Id}"));
                }

                if (a.Ended)
                {
                    items.Add(new Item("transparencyEnded", words.TransparencyEnded, $"{root}/{a.Id}"));
                }
                else if (a.ReviewDue)
                {
                    items.Add(new Item("review", words.Due, $"{root}/{a.Id}"));
                }
            }

            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var open = await db.Crossings.AsNoTracking().SeenBy(db, me.UserId)
                .Where(c => c.SpaceId == spaceId && c.Stage == CrossingStage.Examine
                            && !db.JournalEntries.Any(e => e.CrossingId == c.Id && e.AuthorId == me.UserId && e.Kind == EntryKind.Examination))
                .ToListAsync(cancellationToken);
            items.AddRange(open.Where(c => c.Open(key).Involved.Contains(me.MembershipId))
                .Select(c => new Item("crossing", words.CrossingView, $"{root}/{c.AgreementId}/crossings/{c.Id}")));

            if (await IsProactiveAsync(db, keys, spaceId, cancellationToken) && !await db.ProactivePlans.AnyAsync(p => p.SpaceId == spaceId, cancellationToken))
            {
                items.Add(new Item("plan", words.PlanMissing, $"/spaces/{spaceId}/plan"));
            }

            return items;
        }
    }

    /// <summary>Whether the partners chose the proactive journey (the journey is sealed, like the space's name).</summary>
    public static async Task<bool> IsProactiveAsync(AppDbContext db, ContentKeys keys, Guid spaceId, CancellationToken cancellationToken)
    {
        var journey = await db.Spaces.AsNoTracking().Where(s => s.Id == spaceId).Select(s => s.Journey).SingleOrDefaultAsync(cancellationToken);
        return journey is { Length: > 0 }
               && ContentKeys.Open(await keys.SpaceKeyAsync(spaceId, cancellationToken), journey, SpaceText.Journey(spaceId)) == "proactive";
    }
}
