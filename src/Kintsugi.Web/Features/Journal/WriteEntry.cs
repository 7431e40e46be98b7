using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Atone;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Journal;

/// <summary>Write a journal entry. It is private unless its author chooses otherwise (SECURITY.md A3).</summary>
internal static class WriteEntry
{
    public const string Empty = "Write something first.";
    public const string TooLong = "An entry can be up to 20,000 characters. Split it into two.";

    public sealed class Request
    {
        [Required(ErrorMessage = Empty)]
        [StringLength(JournalEntry.MaxLength, ErrorMessage = TooLong)]
        public string Text { get; set; } = "";

        public Audience Audience { get; set; } = Audience.OnlyMe;

        /// <summary>entry (default); account or impact, about <see cref="BreachId"/>; note, taken in <see cref="ConversationId"/>; response, to <see cref="LetterId"/>.</summary>
        public EntryKind Kind { get; set; } = EntryKind.Entry;

        public Guid? BreachId { get; set; }

        public Guid? ConversationId { get; set; }

        public Guid? LetterId { get; set; }
        /// <summary>With kind examination: the crossed agreement it is about.</summary>
        public Guid? CrossingId { get; set; }
    }

    public sealed record Created(Guid Id);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Created>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<Created>.NotFound();
            }

            // Checked here too: not every caller comes through endpoint validation (an answer to a letter is built from another request).
            if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > JournalEntry.MaxLength)
            {
                return Outcome<Created>.Invalid(nameof(Request.Text), string.IsNullOrWhiteSpace(request.Text) ? Empty : TooLong);
            }

            if (!Enum.IsDefined(request.Audience))
            {
                return Outcome<Created>.Invalid(nameof(Request.Audience), "Choose who can read this entry.");
            }

            if (await LinkErrorAsync(request, me.UserId, spaceId, cancellationToken) is { } error)
            {
                return Outcome<Created>.Invalid(error.Field, error.Message);
            }

            var now = time.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            var key = await keys.ForAsync(spaceId, me.UserId, request.Audience, cancellationToken);
            db.JournalEntries.Add(new JournalEntry
            {
                Id = id,
                SpaceId = spaceId,
                AuthorId = me.UserId,
                Audience = request.Audience,
                Kind = request.Kind,
                BreachId = request.Kind is EntryKind.Account or EntryKind.Impact ? request.BreachId : null,
                ConversationId = request.Kind == EntryKind.Note ? request.ConversationId : null,
                LetterId = request.Kind == EntryKind.Response ? request.LetterId : null,
                CrossingId = request.Kind == EntryKind.Examination ? request.CrossingId : null,
                Body = ContentKeys.Seal(key, request.Text.Trim(), JournalEntry.Bind(id)),
                CreatedAt = now.UtcDateTime,
                UpdatedAt = now.UtcDateTime,
                FirstSharedAt = request.Audience == Audience.OnlyMe ? null : now.UtcDateTime,
                Version = 1,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Created>.Ok(new Created(id));
        }
    
        /// <summary>An account or impact statement is about a breach the author can read; a note belongs to a conversation they are in.</summary>
        private async Task<(string Field, string Message)?> LinkErrorAsync(Request request, Guid author, Guid spaceId, CancellationToken cancellationToken)
        {
            switch (request.Kind)
            {
                case EntryKind.Entry:
                    return null;
                case EntryKind.Account or EntryKind.Impact:
                    var breachId = request.BreachId ?? Guid.Empty;
                    return await db.Breaches.VisibleTo(db, author).AnyAsync(b => b.Id == breachId && b.SpaceId == spaceId, cancellationToken)
                        ? null
                        : (nameof(Request.BreachId), "Choose a breach record you can read in this space.");
                case EntryKind.Note:
                    var conversationId = request.ConversationId ?? Guid.Empty;
                    return await db.Conversations.SeenBy(db, author).AnyAsync(c => c.Id == conversationId && c.SpaceId == spaceId, cancellationToken)
                        ? null
                        : (nameof(Request.ConversationId), "Choose a conversation of this space.");
                case EntryKind.Response:
                    // An answer is to someone else's letter, one the author can read.
                    var letterId = request.LetterId ?? Guid.Empty;
                    return await db.Letters.VisibleTo(db, author).AnyAsync(l => l.Id == letterId && l.SpaceId == spaceId && l.AuthorId != author, cancellationToken)
                        ? null
                        : (nameof(Request.LetterId), "Choose a letter someone shared with you in this space.");
                case EntryKind.Examination:
                    var crossingId = request.CrossingId ?? Guid.Empty;
                    return await db.Crossings.SeenBy(db, author).AnyAsync(c => c.Id == crossingId && c.SpaceId == spaceId, cancellationToken)
                        ? null
                        : (nameof(Request.CrossingId), "Choose a crossed agreement of this space.");
                default:
                    return (nameof(Request.Kind), "Choose what you are writing: an entry, an account, an impact statement, a note, an answer to a letter or a view of a crossed agreement.");
            }
        }
    }
}
