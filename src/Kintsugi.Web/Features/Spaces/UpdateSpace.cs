using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// Rename the space, choose its journey, rewrite its shared values. Any partner may; a save made
/// from an out-of-date page is refused with a conflict, never applied over someone else's words.
/// </summary>
internal static class UpdateSpace
{
    public const string ChangedMeanwhile = "A partner saved a change while you were editing. Their version is shown; your text is still in the form, so you can combine the two and save again.";

    public sealed class Request
    {
        [Required(ErrorMessage = "Give the space a name. Only its members see it.")]
        [StringLength(SpaceText.NameLength, ErrorMessage = "Keep the name under 100 characters.")]
        public string Name { get; set; } = "";

        [StringLength(40)]
        public string? Journey { get; set; }

        [StringLength(SpaceText.ValuesLength, ErrorMessage = "Keep the values under 10,000 characters.")]
        public string? Values { get; set; }

        /// <summary>The version this edit started from (from GET /spaces/{id}).</summary>
        [Range(1, int.MaxValue, ErrorMessage = "Send the version you started from.")]
        public int Version { get; set; }
    }

    public sealed record Saved(int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys)
    {
        public async Task<Outcome<Saved>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<Saved>.NotFound();
            }

            if (!SpaceContent.English.IsJourneyOrEmpty(request.Journey))
            {
                return Outcome<Saved>.Invalid(nameof(Request.Journey), SpaceContent.NotAJourney);
            }

            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var next = request.Version + 1;
            var name = ContentKeys.Seal(key, request.Name.Trim(), SpaceText.Name(spaceId));
            var values = ContentKeys.Seal(key, request.Values?.Trim() ?? "", SpaceText.Values(spaceId));
            var journey = ContentKeys.Seal(key, request.Journey ?? "", SpaceText.Journey(spaceId));

            // One conditional UPDATE: it applies only if nobody saved since this edit began.
            var updated = await db.Spaces
                .Where(s => s.Id == spaceId && s.Version == request.Version)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(x => x.Name, name).SetProperty(x => x.Values, values).SetProperty(x => x.Journey, journey).SetProperty(x => x.Version, next),
                    CancellationToken.None);
            return updated == 1 ? Outcome<Saved>.Ok(new Saved(next)) : Outcome<Saved>.Conflicted(ChangedMeanwhile);
        }
    }
}
