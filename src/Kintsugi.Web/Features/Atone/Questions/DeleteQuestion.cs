using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// Take back one's question while nobody has answered it. Once answered it stays: deleting it would
/// delete someone else's words with it.
/// </summary>
internal static class DeleteQuestion
{
    public const string Answered = "This question has an answer now, so it stays: deleting it would delete their words too.";

    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid questionId, CancellationToken cancellationToken)
        {
            var mine = db.HonestQuestions.OwnedBy(db, access.UserId).Where(q => q.Id == questionId && q.SpaceId == spaceId);
            if (!await mine.AnyAsync(cancellationToken))
            {
                return Outcome<Done>.NotFound();
            }

            var deleted = await mine.Where(q => !db.HonestAnswers.Any(a => a.QuestionId == q.Id)).ExecuteDeleteAsync(CancellationToken.None);
            return deleted == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.Conflicted(Answered);
        }
    }
}
