using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>Start a space for one relationship. Its creator is its first partner; the others join by invite.</summary>
internal static class CreateSpace
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Give the space a name. Only its members see it.")]
        [StringLength(SpaceText.NameLength, ErrorMessage = "Keep the name under 100 characters.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Choose the name your partners will see for you here.")]
        [StringLength(SpaceText.DisplayNameLength, ErrorMessage = "Keep your name under 60 characters.")]
        public string DisplayName { get; set; } = "";

        /// <summary>One of the journeys in the content file, or empty to choose later.</summary>
        [StringLength(40)]
        public string? Journey { get; set; }

        [StringLength(SpaceText.ValuesLength, ErrorMessage = "Keep the values under 10,000 characters.")]
        public string? Values { get; set; }
    }

    public sealed record Created(Guid Id);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Created>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            if (!SpaceContent.English.IsJourneyOrEmpty(request.Journey))
            {
                return Outcome<Created>.Invalid(nameof(Request.Journey), SpaceContent.NotAJourney);
            }

            var now = time.GetUtcNow();
            var spaceId = Guid.CreateVersion7(now);
            var membershipId = Guid.CreateVersion7(now);
            var (key, wrapped) = keys.NewSpaceKey(spaceId);
            db.Spaces.Add(new Space
            {
                Id = spaceId,
                CreatedAt = now.UtcDateTime,
                WrappedKey = wrapped,
                Name = ContentKeys.Seal(key, request.Name.Trim(), SpaceText.Name(spaceId)),
                Values = ContentKeys.Seal(key, request.Values?.Trim() ?? "", SpaceText.Values(spaceId)),
                Journey = ContentKeys.Seal(key, request.Journey ?? "", SpaceText.Journey(spaceId)),
                Version = 1,
            });
            db.Memberships.Add(new Membership
            {
                Id = membershipId,
                SpaceId = spaceId,
                UserId = access.UserId,
                Role = MemberRole.Partner,
                Status = MemberStatus.Active,
                DisplayName = ContentKeys.Seal(key, request.DisplayName.Trim(), SpaceText.DisplayName(membershipId)),
                RequestedAt = now.UtcDateTime,
                JoinedAt = now.UtcDateTime,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Created>.Ok(new Created(spaceId));
        }
    }
}
