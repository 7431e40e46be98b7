using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Rules several container use cases share.</summary>
internal static class ContainerRules
{
    public static Task<bool> HasPractitionerAsync(AppDbContext db, Guid spaceId, CancellationToken cancellationToken) =>
        db.Memberships.AnyAsync(m => m.SpaceId == spaceId && m.Role == MemberRole.Practitioner && m.Status == MemberStatus.Active, cancellationToken);

    /// <summary>
    /// The container (not tracked: steering writes with conditional updates) if the signed-in person may steer it: any partner, and the
    /// practitioner of a container held with them (they help run it). Planning is for partners only.
    /// </summary>
    public static Task<Container?> SteeredAsync(AppDbContext db, SpaceAccess access, Guid spaceId, Guid containerId, CancellationToken cancellationToken) =>
        db.Containers.AsNoTracking().OpenTo(db, access.UserId).SingleOrDefaultAsync(c => c.Id == containerId && c.SpaceId == spaceId, cancellationToken);

    /// <summary>The container, tracked, if the signed-in person is a partner of its space.</summary>
    public static Task<Container?> PlannedByPartnersAsync(AppDbContext db, SpaceAccess access, Guid spaceId, Guid containerId, CancellationToken cancellationToken) =>
        db.Containers.SeenBy(db, access.UserId).SingleOrDefaultAsync(c => c.Id == containerId && c.SpaceId == spaceId, cancellationToken);

    /// <summary>The container is not in the state this step needs (someone else moved it on, most likely): 409.</summary>
    public static Outcome<T> WrongState<T>(string message) => Outcome<T>.Conflicted(message);
}
