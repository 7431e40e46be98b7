using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>Where the current round stands for the reader.</summary>
public enum DecisionState
{
    /// <summary>You have not answered this round.</summary>
    Open,

    /// <summary>You have answered; the answers open when everyone has. Says nothing about anyone else.</summary>
    Waiting,

    /// <summary>Everyone answered: all answers are open to everyone who answered.</summary>
    Revealed,

    /// <summary>Everyone answered before you joined; start a new round to answer together.</summary>
    NotPartOf,
}

/// <summary>
/// The decision point as the reader sees it. Before a round is complete the answer depends only on
/// the reader's own answer: not on whether, how many or when the others answered (PRODUCT.md
/// principle 3). The round's id and opening time are never shown, because the first answer opens it.
/// </summary>
internal static class GetDecision
{
    public sealed record Answer(string Name, bool IsMe, DecisionAnswerText Text);

    public sealed record Round(int Number, DateTime RevealedAt, IReadOnlyList<Answer>? Answers);

    public sealed record View(int Round, DecisionState State, DecisionAnswerText? Mine, IReadOnlyList<Answer>? Answers, IReadOnlyList<Round> Earlier);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, JournalText text)
    {
        public async Task<Outcome<View>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<View>.NotFound();
            }

            var rounds = await db.DecisionRounds.AsNoTracking().Where(r => r.SpaceId == spaceId).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);
            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var names = await text.AuthorsAsync(spaceId, cancellationToken);
            var earlier = new List<Round>();
            foreach (var r in rounds.Skip(1).Where(r => r.RevealedAt is not null))
            {
                earlier.Add(new Round(r.Number, r.RevealedAt!.Value, await AnswersAsync(r, me.UserId, key, names, cancellationToken)));
            }

            if (rounds.FirstOrDefault() is not { } current)
            {
                return Outcome<View>.Ok(new View(1, DecisionState.Open, null, null, earlier));
            }

            var mineRow = await db.DecisionAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.RoundId == current.Id && a.UserId == me.UserId, cancellationToken);
            var mine = mineRow is null ? null : DecisionAnswerText.FromJson(ContentKeys.Open(key, mineRow.Answer, DecisionAnswer.Bind(current.Id, me.UserId)));
            if (!await Rounds.IsCompleteAsync(db, current, cancellationToken))
            {
                return Outcome<View>.Ok(new View(current.Number, mine is null ? DecisionState.Open : DecisionState.Waiting, mine, null, earlier));
            }

            return Outcome<View>.Ok(mine is null
                ? new View(current.Number, DecisionState.NotPartOf, null, null, earlier)
                : new View(current.Number, DecisionState.Revealed, mine, await AnswersAsync(current, me.UserId, key, names, cancellationToken), earlier));
        }

        /// <summary>A revealed round's answers, for someone who answered it; null for anyone who did not. Never in the order they came in.</summary>
        private async Task<IReadOnlyList<Answer>?> AnswersAsync(DecisionRound round, Guid viewer, byte[] key, Func<Guid, string> names, CancellationToken cancellationToken)
        {
            var rows = await db.DecisionAnswers.AsNoTracking().Where(a => a.RoundId == round.Id).OrderBy(a => a.UserId).ToListAsync(cancellationToken);
            if (rows.All(a => a.UserId != viewer))
            {
                return null;
            }

            return rows
                .Select(a => new Answer(names(a.UserId), a.UserId == viewer, DecisionAnswerText.FromJson(ContentKeys.Open(key, a.Answer, DecisionAnswer.Bind(round.Id, a.UserId)))))
                .ToList();
        }
    }
}
