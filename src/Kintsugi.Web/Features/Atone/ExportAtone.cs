using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>The person's own part of the Atone stage in one space, for the data export: only what they wrote.</summary>
internal static class ExportAtone
{
    public sealed record DraftExport(int Number, string Text, DateTime SavedAt);

    public sealed record LetterExport(Guid Id, Audience Audience, string Text, DateTime CreatedAt, IReadOnlyList<DraftExport> Drafts);

    public sealed record LogExport(DateOnly Day, bool Kept, string? Note);

    public sealed record CommitmentExport(Guid Id, Audience Audience, CommitmentRecord Commitment, DateTime CreatedAt, DateTime? EndedAt, IReadOnlyList<LogExport> Log);

    public sealed record QuestionExport(Guid Id, Audience Audience, string Text, bool ForContainer, DateTime CreatedAt);

    public sealed record AnswerExport(Guid QuestionId, string Text, DateTime UpdatedAt);

    public sealed record Section(IReadOnlyList<LetterExport> Letters, IReadOnlyList<CommitmentExport> Commitments, IReadOnlyList<QuestionExport> Questions, IReadOnlyList<AnswerExport> Answers);

    public sealed class Handler(AppDbContext db, ContentKeys keys)
    {
        public async Task<Section> HandleAsync(Guid spaceId, Guid userId, CancellationToken cancellationToken)
        {
            var personKey = await keys.PersonKeyAsync(userId, cancellationToken);
            var letters = new List<LetterExport>();
            var drafts = (await db.LetterDrafts.AsNoTracking()
                    .Where(d => db.Letters.Any(l => l.Id == d.LetterId && l.SpaceId == spaceId && l.AuthorId == userId))
                    .OrderBy(d => d.Number).ToListAsync(cancellationToken))
                .ToLookup(d => d.LetterId);
            foreach (var l in await db.Letters.AsNoTracking().Where(l => l.SpaceId == spaceId && l.AuthorId == userId).OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken))
            {
                var key = await keys.ForAsync(spaceId, userId, l.Audience, cancellationToken);
                letters.Add(new LetterExport(l.Id, l.Audience, ContentKeys.Open(key, l.Body, l.Binding), l.CreatedAt,
                    [.. drafts[l.Id].Select(d => new DraftExport(d.Number, ContentKeys.Open(personKey, d.Body, LetterDraft.Bind(l.Id, d.Number)), d.SavedAt))]));
            }

            var commitments = new List<CommitmentExport>();
            var lines = (await db.FollowThroughs.AsNoTracking()
                    .Where(f => f.SpaceId == spaceId && db.Commitments.Any(c => c.Id == f.CommitmentId && c.AuthorId == userId))
                    .OrderBy(f => f.Day).ToListAsync(cancellationToken))
                .ToLookup(f => f.CommitmentId);
            foreach (var c in await db.Commitments.AsNoTracking().Where(c => c.SpaceId == spaceId && c.AuthorId == userId).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken))
            {
                var key = await keys.ForAsync(spaceId, userId, c.Audience, cancellationToken);
                commitments.Add(new CommitmentExport(c.Id, c.Audience, c.OpenRecord(key), c.CreatedAt, c.EndedAt,
                    [.. lines[c.Id].Select(f => new LogExport(f.Day, f.Kept, f.Note.Length == 0 ? null : ContentKeys.Open(key, f.Note, FollowThrough.Bind(f.Id))))]));
            }

            var questions = new List<QuestionExport>();
            foreach (var q in await db.HonestQuestions.AsNoTracking().Where(q => q.SpaceId == spaceId && q.AuthorId == userId).OrderBy(q => q.CreatedAt).ToListAsync(cancellationToken))
            {
                if (q.Text.Length == 0)
                {
                    continue;
                }

                questions.Add(new QuestionExport(q.Id, q.Audience, ContentKeys.Open(await keys.ForAsync(spaceId, userId, q.Audience, cancellationToken), q.Text, q.Binding), q.ForContainer, q.CreatedAt));
            }

            var answers = new List<AnswerExport>();
            var mine = await db.HonestAnswers.AsNoTracking()
                .Where(a => a.SpaceId == spaceId && a.AuthorId == userId)
                .Join(db.HonestQuestions, a => a.QuestionId, q => q.Id, (a, q) => new { Answer = a, q.AuthorId, q.Audience })
                .OrderBy(x => x.Answer.CreatedAt)
                .ToListAsync(cancellationToken);
            foreach (var x in mine)
            {
                var key = await keys.ForAsync(spaceId, x.AuthorId, x.Audience, cancellationToken);
                answers.Add(new AnswerExport(x.Answer.QuestionId, ContentKeys.Open(key, x.Answer.Text, HonestAnswer.Bind(x.Answer.Id)), x.Answer.UpdatedAt));
            }

            return new Section(letters, commitments, questions, answers);
        }
    }
}
