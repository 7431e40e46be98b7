using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>The questions of a space the signed-in person may read, oldest first, each with its answers.</summary>
internal static class ListQuestions
{
    public sealed record AnswerView(Guid Id, bool Mine, string Author, string Text, DateTime UpdatedAt, int Version);

    public sealed record QuestionView(Guid Id, bool Mine, string Asker, Audience Audience, string Text, bool ForContainer, bool TalkedAboutInContainer, DateTime CreatedAt, IReadOnlyList<AnswerView> Answers);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, JournalText journal)
    {
        public async Task<Outcome<IReadOnlyList<QuestionView>>> HandleAsync(Guid spaceId, CancellationToken cancellationToken, bool forContainerOnly = false)
        {
            if (await access.MemberAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<IReadOnlyList<QuestionView>>.NotFound();
            }

            var questions = await db.HonestQuestions.AsNoTracking()
                .VisibleTo(db, me.UserId)
                .Where(q => q.SpaceId == spaceId && (!forContainerOnly || q.ForContainer))
                .OrderBy(q => q.CreatedAt).ThenBy(q => q.Id)
                .ToListAsync(cancellationToken);
            var ids = questions.Select(q => q.Id).ToList();
            var answers = await db.HonestAnswers.AsNoTracking().Where(a => ids.Contains(a.QuestionId)).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
            var authors = await journal.AuthorsAsync(spaceId, cancellationToken);
            var views = new List<QuestionView>(questions.Count);
            foreach (var q in questions)
            {
                var key = await keys.ForAsync(spaceId, q.AuthorId, q.Audience, cancellationToken);
                views.Add(new QuestionView(
                    q.Id, q.AuthorId == me.UserId, authors(q.AuthorId), q.Audience,
                    q.Text.Length == 0 ? AtoneContent.English.Questions.Removed : ContentKeys.Open(key, q.Text, q.Binding), q.ForContainer, q.TalkedAboutIn is not null, q.CreatedAt,
                    [.. answers.Where(a => a.QuestionId == q.Id).Select(a => new AnswerView(
                        a.Id, a.AuthorId == me.UserId, authors(a.AuthorId), ContentKeys.Open(key, a.Text, HonestAnswer.Bind(a.Id)), a.UpdatedAt,
                        a.AuthorId == me.UserId ? a.Version : 0))]));
            }

            return Outcome<IReadOnlyList<QuestionView>>.Ok(views);
        }
    }
}
