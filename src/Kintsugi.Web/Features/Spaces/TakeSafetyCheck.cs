using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// The private safety check each partner takes before anything else in a space. The answers are
/// weighed here and then forgotten: only the fact that this person took it is kept, on their own
/// membership, and it is shown to nobody. Every question may be left unanswered (SECURITY.md C5).
/// </summary>
internal static class TakeSafetyCheck
{
    private static readonly string[] Allowed = ["yes", "no", "unsure"];
    private static readonly string[] NotAnAnswer = ["Choose one of the answers, or leave it out."];

    public sealed class Request
    {
        [StringLength(10)]
        public string? FeelSafe { get; set; }

        [StringLength(10)]
        public string? AfraidOfReaction { get; set; }

        [StringLength(10)]
        public string? FreeWill { get; set; }
    }

    public sealed record Result(bool Concerning);

    /// <summary>Whether the answers suggest couple work may not be safe for this person now.</summary>
    public static bool IsConcerning(Request request) =>
        SpaceContent.English.SafetyCheck.Questions.Any(q => Answer(request, q.Key) is { } answer && q.Concerning.Contains(answer));

    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<Result>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            var problems = SpaceContent.English.SafetyCheck.Questions
                .Where(q => Answer(request, q.Key) is { } answer && !Allowed.Contains(answer))
                .ToDictionary(q => char.ToUpperInvariant(q.Key[0]) + q.Key[1..], _ => NotAnAnswer);
            if (problems.Count > 0)
            {
                return Outcome<Result>.Invalid(problems);
            }

            var userId = access.UserId;
            var now = time.GetUtcNow().UtcDateTime;
            var updated = await db.Memberships
                .Where(m => m.SpaceId == spaceId && m.UserId == userId && m.Status == MemberStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SafetyCheckedAt, now), CancellationToken.None);
            return updated == 1 ? Outcome<Result>.Ok(new Result(IsConcerning(request))) : Outcome<Result>.NotFound();
        }
    }

    private static string? Answer(Request request, string key) => key switch
    {
        "feelSafe" => Normalize(request.FeelSafe),
        "afraidOfReaction" => Normalize(request.AfraidOfReaction),
        "freeWill" => Normalize(request.FreeWill),
        _ => throw new InvalidOperationException($"The safety check has a question ({key}) the request does not carry."),
    };

    private static string? Normalize(string? answer) => string.IsNullOrWhiteSpace(answer) ? null : answer.Trim().ToLowerInvariant();
}
