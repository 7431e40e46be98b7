using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>
/// Move a crossing through its loop and keep its shared notes: to "discuss" (with a rebuilding
/// conversation linked, or notes), then "reset" by keeping the agreement or applying the agreed
/// consequence. Amending is done by writing the new version (AmendAgreement with the crossing's id).
/// Once reset, a crossing is history: if it happens again, record a new one. Stale saves are refused (409).
/// </summary>
internal static class MoveCrossing
{
    public const string ChangedMeanwhile = "Someone changed this since you opened it. The current notes are shown; what you wrote is still in the form.";

    public sealed class Request
    {
        /// <summary>The stage to go to; null stays where it is (to save notes).</summary>
        public CrossingStage? To { get; set; }

        /// <summary>The rebuilding conversation it is discussed in; null for none.</summary>
        public Guid? ConversationId { get; set; }

        /// <summary>The container it is discussed in; null for none.</summary>
        public Guid? ContainerId { get; set; }

        public string? DiscussNotes { get; set; }

        /// <summary>With to = reset: reaffirm or applyConsequence.</summary>
        public CrossingOutcome? Outcome { get; set; }

        public string? ResetNote { get; set; }

        public int Version { get; set; }
    }

    public sealed record Moved(CrossingStage Stage, int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Moved>> HandleAsync(Guid spaceId, Guid agreementId, Guid crossingId, Request request, CancellationToken cancellationToken)
        {
            var crossing = await db.Crossings.SeenBy(db, access.UserId).SingleOrDefaultAsync(c => c.Id == crossingId && c.AgreementId == agreementId && c.SpaceId == spaceId, cancellationToken);
            if (crossing is null)
            {
                return Outcome<Moved>.NotFound();
            }

            var errors = new Dictionary<string, string[]>();
            var to = request.To ?? crossing.Stage;
            if (!Enum.IsDefined(to))
            {
                errors[nameof(Request.To)] = ["Choose examine, discuss or reset."];
            }
            else if (crossing.Stage == CrossingStage.Reset)
            {
                errors[""] = ["This crossing has been reset and is kept as history. If it happens again, record it anew."];
            }
            else if (to == CrossingStage.Reset && request.Outcome is not (CrossingOutcome.Reaffirm or CrossingOutcome.ApplyConsequence))
            {
                errors[nameof(Request.Outcome)] = [request.Outcome == CrossingOutcome.Amend
                    ? "To amend the agreement, write its new version: that resets this crossing."
                    : "Choose how you reset it: keep the agreement, or apply the consequence."];
            }

            var notes = request.DiscussNotes?.Trim() ?? "";
            var resetNote = request.ResetNote?.Trim() ?? "";
            if (notes.Length > Crossing.NoteLength)
            {
                errors[nameof(Request.DiscussNotes)] = ["Keep the notes under 4,000 characters."];
            }

            if (resetNote.Length > Crossing.NoteLength)
            {
                errors[nameof(Request.ResetNote)] = ["Keep this under 4,000 characters."];
            }

            if (request.ConversationId is { } conversationId
                && !await db.Conversations.SeenBy(db, access.UserId).AnyAsync(c => c.Id == conversationId && c.SpaceId == spaceId, cancellationToken))
            {
                errors[nameof(Request.ConversationId)] = ["Choose a conversation of this space, or none."];
            }

            if (request.ContainerId is { } containerId
                && !await db.Containers.SeenBy(db, access.UserId).AnyAsync(c => c.Id == containerId && c.SpaceId == spaceId, cancellationToken))
            {
                errors[nameof(Request.ContainerId)] = ["Choose a container of this space, or none."];
            }

            if (request.Version < 1)
            {
                errors[nameof(Request.Version)] = ["Send the version you started from."];
            }

            if (errors.Count > 0)
            {
                return Outcome<Moved>.Invalid(errors);
            }

            if (request.Version != crossing.Version)
            {
                return Outcome<Moved>.Conflicted(ChangedMeanwhile);
            }

            var now = time.GetUtcNow();
            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var record = crossing.Open(key) with { DiscussNotes = notes, ResetNote = to == CrossingStage.Reset ? resetNote : "" };
            crossing.Record = ContentKeys.Seal(key, record.ToJson(), Crossing.Bind(crossing.Id));
            crossing.ConversationId = request.ConversationId;
            crossing.ContainerId = request.ContainerId;
            crossing.Version++;
            if (to != crossing.Stage)
            {
                crossing.Stage = to;
                crossing.Outcome = to == CrossingStage.Reset ? request.Outcome : null;
                db.CrossingMoves.Add(new CrossingMove { Id = Guid.CreateVersion7(now), CrossingId = crossing.Id, Stage = to, Outcome = crossing.Outcome, At = now.UtcDateTime });
            }

            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<Moved>.Conflicted(ChangedMeanwhile);
            }

            return Outcome<Moved>.Ok(new Moved(crossing.Stage, crossing.Version));
        }
    }
}
