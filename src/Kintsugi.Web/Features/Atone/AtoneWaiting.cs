using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// What the Atone stage puts under "waiting for you" on the space home: one's own unshared letter,
/// letters shared with one that one has not answered, questions waiting for one's answer. Built only
/// from the reader's own writing and what is shared with them.
/// </summary>
internal static class AtoneWaiting
{
    public static async Task<IReadOnlyList<WhereWeAre.Waiting>> ForAsync(AppDbContext db, Guid spaceId, Guid me, CancellationToken cancellationToken)
    {
        var root = $"/spaces/{spaceId}";
        var words = AtoneContent.English.Home;
        var waiting = new List<WhereWeAre.Waiting>();

        var drafts = await db.Letters.AsNoTracking()
            .Where(l => l.SpaceId == spaceId && l.AuthorId == me && l.Audience == Audience.OnlyMe)
            .OrderBy(l => l.CreatedAt).Select(l => l.Id).ToListAsync(cancellationToken);
        waiting.AddRange(drafts.Select(id => new WhereWeAre.Waiting("letterDraft", words.LetterDraft, $"{root}/letters/{id}")));

        var toRead = await db.Letters.AsNoTracking().VisibleTo(db, me)
            .Where(l => l.SpaceId == spaceId && l.AuthorId != me
                        && !db.JournalEntries.Any(e => e.LetterId == l.Id && e.AuthorId == me && e.Kind == EntryKind.Response))
            .OrderBy(l => l.CreatedAt).Select(l => l.Id).ToListAsync(cancellationToken);
        waiting.AddRange(toRead.Select(id => new WhereWeAre.Waiting("letter", words.LetterToRead, $"{root}/letters/{id}")));

        var toAnswer = await db.HonestQuestions.AsNoTracking().VisibleTo(db, me)
            .Where(q => q.SpaceId == spaceId && q.AuthorId != me && !q.ForContainer && !db.HonestAnswers.Any(a => a.QuestionId == q.Id && a.AuthorId == me))
            .CountAsync(cancellationToken);
        if (toAnswer > 0)
        {
            waiting.Add(new WhereWeAre.Waiting("question", toAnswer == 1 ? words.QuestionToAnswer : string.Format(System.Globalization.CultureInfo.InvariantCulture, words.QuestionsToAnswer, toAnswer), $"{root}/honest-answers"));
        }

        return waiting;
    }
}
