using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>Write the proactive plan together. Any partner can; a save from a stale page is refused (409), never applied.</summary>
internal static class SavePlan
{
    public const string ChangedMeanwhile = "Someone saved the plan since you opened this page. The current plan is shown; what you wrote is still in the form.";

    public sealed class Request
    {
        public string? Misunderstandings { get; set; }

        public string? UnmetExpectations { get; set; }

        public string? PoorDecisions { get; set; }

        public string? Miscommunication { get; set; }

        /// <summary>The version you started from (0 if the plan was empty).</summary>
        public int Version { get; set; }
    }

    public sealed record Saved(int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Saved>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<Saved>.NotFound();
            }

            var parts = new PlanParts(request.Misunderstandings?.Trim() ?? "", request.UnmetExpectations?.Trim() ?? "", request.PoorDecisions?.Trim() ?? "", request.Miscommunication?.Trim() ?? "");
            var errors = new Dictionary<string, string[]>();
            foreach (var (field, text) in new[] { (nameof(Request.Misunderstandings), parts.Misunderstandings), (nameof(Request.UnmetExpectations), parts.UnmetExpectations), (nameof(Request.PoorDecisions), parts.PoorDecisions), (nameof(Request.Miscommunication), parts.Miscommunication) })
            {
                if (text.Length > ProactivePlan.PartLength)
                {
                    errors[field] = ["Keep each part under 4,000 characters."];
                }
            }

            if (request.Version < 0)
            {
                errors[nameof(Request.Version)] = ["Send the version you started from."];
            }

            if (errors.Count > 0)
            {
                return Outcome<Saved>.Invalid(errors);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var body = ContentKeys.Seal(await keys.SpaceKeyAsync(spaceId, cancellationToken), parts.ToJson(), ProactivePlan.Bind(spaceId));
            if (request.Version == 0)
            {
                var plan = new ProactivePlan { SpaceId = spaceId, Body = body, UpdatedAt = now, Version = 1 };
                db.ProactivePlans.Add(plan);
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                    return Outcome<Saved>.Ok(new Saved(1));
                }
                catch (DbUpdateException)
                {
                    // Another partner wrote the first version at the same moment.
                    db.Entry(plan).State = EntityState.Detached;
                    return Outcome<Saved>.Conflicted(ChangedMeanwhile);
                }
            }

            var saved = await db.ProactivePlans.Where(p => p.SpaceId == spaceId && p.Version == request.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Body, body).SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.Version, p => p.Version + 1), CancellationToken.None);
            return saved == 1 ? Outcome<Saved>.Ok(new Saved(request.Version + 1)) : Outcome<Saved>.Conflicted(ChangedMeanwhile);
        }
    }
}
