using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>
/// One crossing: the version that was crossed, the note, who was involved, where it is in the
/// loop with its history, and the views (examinations) the reader may read: their own, and what
/// others shared with them. A private view of someone else is, to the reader, not there at all.
/// </summary>
internal static class GetCrossing
{
    public sealed record ViewOf(Guid Id, string Author, bool Mine, Audience Audience, string Text);

    public sealed record Move(CrossingStage Stage, CrossingOutcome? Outcome, DateTime At);

    public sealed record CrossingView(
        Guid Id,
        Guid AgreementId,
        AgreementKind Kind,
        int VersionNumber,
        TermsView Crossed,
        string RecordedBy,
        bool RecordedByMe,
        DateTime RecordedAt,
        string Note,
        IReadOnlyList<string> Involved,
        bool InvolvedMe,
        CrossingStage Stage,
        CrossingOutcome? Outcome,
        Guid? ConversationId,
        Guid? ContainerId,
        string DiscussNotes,
        string ResetNote,
        int? AmendedTo,
        int Version,
        IReadOnlyList<Move> History,
        IReadOnlyList<ViewOf> Views);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, AgreementReader.Handler reader, JournalText journal)
    {
        public async Task<Outcome<CrossingView>> HandleAsync(Guid spaceId, Guid agreementId, Guid crossingId, CancellationToken cancellationToken)
        {
            var crossing = await db.Crossings.AsNoTracking().SeenBy(db, access.UserId)
                .SingleOrDefaultAsync(c => c.Id == crossingId && c.AgreementId == agreementId && c.SpaceId == spaceId, cancellationToken);
            if (crossing is null || await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<CrossingView>.NotFound();
            }

            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var people = await reader.PeopleAsync(spaceId, cancellationToken);
            var record = crossing.Open(key);
            var kind = await db.Agreements.Where(a => a.Id == agreementId).Select(a => a.Kind).SingleAsync(cancellationToken);
            var version = await db.AgreementVersions.AsNoTracking().SingleAsync(v => v.AgreementId == agreementId && v.Number == crossing.VersionNumber, cancellationToken);
            var history = (await db.CrossingMoves.AsNoTracking().Where(m => m.CrossingId == crossingId).ToListAsync(cancellationToken))
                .OrderBy(m => m.At).ThenBy(m => m.Stage).Select(m => new Move(m.Stage, m.Outcome, m.At)).ToList();
            var entries = await db.JournalEntries.AsNoTracking().VisibleTo(db, me.UserId)
                .Where(e => e.CrossingId == crossingId && e.Kind == EntryKind.Examination)
                .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
                .ToListAsync(cancellationToken);
            var views = new List<ViewOf>(entries.Count);
            foreach (var e in entries)
            {
                views.Add(new ViewOf(e.Id, people.User(e.AuthorId), e.AuthorId == me.UserId, e.Audience, await journal.OpenAsync(spaceId, e.AuthorId, e.Audience, e.Body, e.Binding, cancellationToken)));
            }

            return Outcome<CrossingView>.Ok(new CrossingView(
                crossing.Id,
                agreementId,
                kind,
                crossing.VersionNumber,
                AgreementReader.Handler.Terms(version.Open(key), people),
                people.User(crossing.RecordedBy),
                crossing.RecordedBy == me.UserId,
                crossing.RecordedAt,
                record.Note,
                [.. record.Involved.Select(people.Membership)],
                record.Involved.Contains(me.MembershipId),
                crossing.Stage,
                crossing.Outcome,
                crossing.ConversationId,
                crossing.ContainerId,
                record.DiscussNotes,
                record.ResetNote,
                crossing.AmendedTo,
                crossing.Version,
                history,
                views));
        }
    }
}
