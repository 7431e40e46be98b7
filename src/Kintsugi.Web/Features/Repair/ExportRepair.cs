using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>The person's own part of the repair journey in one space, for the data export: only what they wrote.</summary>
internal static class ExportRepair
{
    public sealed record BreachExport(Guid Id, Audience Audience, BreachRecord Record, DateTime CreatedAt, DateTime UpdatedAt);

    public sealed record AnswerExport(int Round, DecisionAnswerText Answer);

    public sealed record ReflectionExport(Guid ConversationId, ConversationStep Step, string Text, DateTime CreatedAt);

    public sealed record CorrectionExport(Guid ConversationId, ConversationStep Step, string Text);

    public sealed record Section(IReadOnlyList<BreachExport> Breaches, IReadOnlyList<AnswerExport> DecisionAnswers, IReadOnlyList<ReflectionExport> WhatIHeard, IReadOnlyList<CorrectionExport> WhatIMeant);

    public sealed class Handler(AppDbContext db, ContentKeys keys)
    {
        public async Task<Section> HandleAsync(Guid spaceId, Guid userId, CancellationToken cancellationToken)
        {
            var spaceKey = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var breaches = new List<BreachExport>();
            foreach (var b in await db.Breaches.AsNoTracking().Where(b => b.SpaceId == spaceId && b.AuthorId == userId).OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken))
            {
                var key = await keys.ForAsync(spaceId, userId, b.Audience, cancellationToken);
                breaches.Add(new BreachExport(b.Id, b.Audience, b.OpenRecord(key), b.CreatedAt, b.UpdatedAt));
            }

            var answers = await db.DecisionAnswers.AsNoTracking()
                .Where(a => a.SpaceId == spaceId && a.UserId == userId)
                .Join(db.DecisionRounds, a => a.RoundId, r => r.Id, (a, r) => new { a.RoundId, r.Number, a.Answer })
                .OrderBy(a => a.Number)
                .ToListAsync(cancellationToken);
            var reflections = await db.Reflections.AsNoTracking()
                .Where(r => r.SpaceId == spaceId && (r.ListenerId == userId || (r.SpeakerId == userId && r.Status == ReflectionStatus.Corrected)))
                .OrderBy(r => r.CreatedAt)
                .ToListAsync(cancellationToken);
            return new Section(
                breaches,
                [.. answers.Select(a => new AnswerExport(a.Number, DecisionAnswerText.FromJson(ContentKeys.Open(spaceKey, a.Answer, DecisionAnswer.Bind(a.RoundId, userId)))))],
                [.. reflections.Where(r => r.ListenerId == userId).Select(r => new ReflectionExport(r.ConversationId, r.Step, ContentKeys.Open(spaceKey, r.Heard, Reflection.BindHeard(r.Id)), r.CreatedAt))],
                [.. reflections.Where(r => r.SpeakerId == userId && r.Correction.Length > 0).Select(r => new CorrectionExport(r.ConversationId, r.Step, ContentKeys.Open(spaceKey, r.Correction, Reflection.BindCorrection(r.Id))))]);
        }
    }
}
