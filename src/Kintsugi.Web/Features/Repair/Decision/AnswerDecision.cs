using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// A partner answers the decision point, or changes their answer while the round is still sealed.
/// Every question may be skipped (SECURITY.md C5): an empty answer still counts as answered.
/// </summary>
internal static class AnswerDecision
{
    public const string AlreadyRevealed = "Everyone has answered this round and the answers are open. To answer again, start a new round.";

    public sealed class Request
    {
        public string? Amends { get; set; }

        public string? Release { get; set; }

        public string? Happy { get; set; }

        public string? Sureness { get; set; }

        public string? Path { get; set; }

        [StringLength(2_000, ErrorMessage = "Keep this under 2,000 characters. Your journal has room for more.")]
        public string? Note { get; set; }
    }

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<Done>.NotFound();
            }

            if (Validate(request) is { Count: > 0 } errors)
            {
                return Outcome<Done>.Invalid(errors);
            }

            var now = time.GetUtcNow();
            var round = await CurrentRoundAsync(spaceId, cancellationToken);
            if (await Rounds.IsCompleteAsync(db, round, cancellationToken))
            {
                return Outcome<Done>.Conflicted(AlreadyRevealed);
            }

            var text = new DecisionAnswerText(Key(request.Amends), Key(request.Release), Key(request.Happy), Key(request.Sureness), Key(request.Path), string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var sealedText = ContentKeys.Seal(key, text.ToJson(), DecisionAnswer.Bind(round.Id, me.UserId));
            // A change lands only while the round is still sealed: once the last answer has opened it, answers stay as they were read.
            var updated = await db.DecisionAnswers
                .Where(a => a.RoundId == round.Id && a.UserId == me.UserId && db.DecisionRounds.Any(r => r.Id == round.Id && r.RevealedAt == null))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Answer, sealedText), CancellationToken.None);
            if (updated == 0 && await db.DecisionAnswers.AnyAsync(a => a.RoundId == round.Id && a.UserId == me.UserId, cancellationToken))
            {
                return Outcome<Done>.Conflicted(AlreadyRevealed);
            }

            if (updated == 0)
            {
                db.DecisionAnswers.Add(new DecisionAnswer { RoundId = round.Id, UserId = me.UserId, SpaceId = spaceId, Answer = sealedText });
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                catch (DbUpdateException)
                {
                    // The same person answered twice at once (a double click): the other request saved it.
                    return Outcome<Done>.Ok(default);
                }
            }

            await Rounds.RevealIfCompleteAsync(db, spaceId, now.UtcDateTime);
            return Outcome<Done>.Ok(default);
        }

        /// <summary>The round being answered: the newest one if it is still sealed; the first round is made by the first answer.</summary>
        private async Task<DecisionRound> CurrentRoundAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            for (var attempt = 0; ; attempt++)
            {
                if (await db.DecisionRounds.AsNoTracking().Where(r => r.SpaceId == spaceId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken) is { } round)
                {
                    return round;
                }

                var first = new DecisionRound { Id = Guid.CreateVersion7(time.GetUtcNow()), SpaceId = spaceId, Number = 1 };
                db.DecisionRounds.Add(first);
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                    db.Entry(first).State = EntityState.Detached;
                    return first;
                }
                catch (DbUpdateException) when (attempt == 0)
                {
                    // Another partner's first answer made it a moment ago: use theirs.
                    db.Entry(first).State = EntityState.Detached;
                }
            }
        }

        private static Dictionary<string, string[]> Validate(Request request)
        {
            var content = JourneyContent.English.Decision;
            var errors = new Dictionary<string, string[]>();
            foreach (var (field, value) in new[] { (nameof(Request.Amends), request.Amends), (nameof(Request.Release), request.Release), (nameof(Request.Happy), request.Happy) })
            {
                if (Key(value) is { } k && content.Answers.All(a => a.Key != k))
                {
                    errors[field] = ["Choose one of the answers offered, or skip the question."];
                }
            }

            if (Key(request.Sureness) is { } s && content.Sureness.All(a => a.Key != s))
            {
                errors[nameof(Request.Sureness)] = ["Choose how sure you are, or skip it."];
            }

            if (Key(request.Path) is { } p && content.Paths.All(a => a.Key != p))
            {
                errors[nameof(Request.Path)] = ["Choose one of the paths offered, or skip it."];
            }

            return errors;
        }

        private static string? Key(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
