using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// Answer a question someone else asked, or rewrite one's answer. The answer is read by exactly
/// those who can read the question. Version 0 writes the first answer; a stale version gets 409.
/// </summary>
internal static class AnswerQuestion
{
    public const string ChangedMeanwhile = "Your answer was changed in another window since you opened it. The current answer is shown; your text is still in the form.";

    public sealed class Request
    {
        public string Text { get; set; } = "";

        /// <summary>0 for a first answer; otherwise the version of one's answer this edit started from.</summary>
        public int Version { get; set; }
    }

    public sealed record Saved(Guid Id, int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Saved>> HandleAsync(Guid spaceId, Guid questionId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<Saved>.NotFound();
            }

            var question = await db.HonestQuestions.AsNoTracking().VisibleTo(db, me.UserId).SingleOrDefaultAsync(q => q.Id == questionId && q.SpaceId == spaceId, cancellationToken);
            if (question is null)
            {
                return Outcome<Saved>.NotFound();
            }

            if (question.AuthorId == me.UserId)
            {
                return Outcome<Saved>.Invalid(nameof(Request.Text), "This is your own question: it is for the others to answer.");
            }

            var text = request.Text?.Trim() ?? "";
            if (text.Length is 0 or > HonestAnswer.TextLength)
            {
                return Outcome<Saved>.Invalid(nameof(Request.Text), text.Length == 0 ? "Write the answer first." : "An answer can be up to 10,000 characters.");
            }

            var key = await keys.ForAsync(spaceId, question.AuthorId, question.Audience, cancellationToken);
            var now = time.GetUtcNow();
            var answer = await db.HonestAnswers.SingleOrDefaultAsync(a => a.QuestionId == questionId && a.AuthorId == me.UserId, cancellationToken);
            if ((answer?.Version ?? 0) != request.Version)
            {
                return Outcome<Saved>.Conflicted(ChangedMeanwhile);
            }

            if (answer is null)
            {
                var id = Guid.CreateVersion7(now);
                answer = new HonestAnswer { Id = id, QuestionId = questionId, SpaceId = spaceId, AuthorId = me.UserId, CreatedAt = now.UtcDateTime };
                db.HonestAnswers.Add(answer);
            }

            answer.Text = ContentKeys.Seal(key, text, HonestAnswer.Bind(answer.Id));
            answer.UpdatedAt = now.UtcDateTime;
            answer.Version++;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // Another window wrote the first answer, or a newer version, at the same moment.
                return Outcome<Saved>.Conflicted(ChangedMeanwhile);
            }

            return Outcome<Saved>.Ok(new Saved(answer.Id, answer.Version));
        }
    }
}
