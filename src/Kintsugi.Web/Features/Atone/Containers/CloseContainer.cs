using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// End a container with notes and what happens next, or correct them afterwards. Everyone in the
/// container may; a save from a stale page is refused (409), never applied over someone else's words.
/// </summary>
internal static class CloseContainer
{
    public const string ChangedMeanwhile = "Someone saved the notes since you opened this page. What they saved is shown; your text is still in the form.";

    public sealed class Request
    {
        [StringLength(Container.ClosingLength, ErrorMessage = "Keep the notes under 5,000 characters.")]
        public string? Notes { get; set; }

        [StringLength(Container.ClosingLength, ErrorMessage = "Keep what happens next under 5,000 characters.")]
        public string? Next { get; set; }

        [Range(1, int.MaxValue, ErrorMessage = "Send the version you started from.")]
        public int Version { get; set; }
    }

    public sealed record Saved(int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Saved>> HandleAsync(Guid spaceId, Guid containerId, Request request, CancellationToken cancellationToken)
        {
            var container = await ContainerRules.SteeredAsync(db, access, spaceId, containerId, cancellationToken);
            if (container is null)
            {
                return Outcome<Saved>.NotFound();
            }

            // Checked here as well: minimal API validation does not run for the pages.
            var errors = new Dictionary<string, string[]>();
            if (request.Notes?.Length > Container.ClosingLength)
            {
                errors[nameof(Request.Notes)] = ["Keep the notes under 5,000 characters."];
            }

            if (request.Next?.Length > Container.ClosingLength)
            {
                errors[nameof(Request.Next)] = ["Keep what happens next under 5,000 characters."];
            }

            if (request.Version < 1)
            {
                errors[nameof(Request.Version)] = ["Send the version you started from."];
            }

            if (errors.Count > 0)
            {
                return Outcome<Saved>.Invalid(errors);
            }

            if (container.State == ContainerState.Planned)
            {
                return Outcome<Saved>.Invalid("", "Start the container first; a container that will not happen can be called off instead.");
            }

            var now = time.GetUtcNow().UtcDateTime;
            var closing = ContentKeys.Seal(await keys.SpaceKeyAsync(spaceId, cancellationToken), new ContainerClosing(request.Notes?.Trim() ?? "", request.Next?.Trim() ?? "").ToJson(), Container.BindClosing(containerId));
            var saved = await db.Containers.Where(c => c.Id == containerId && c.Version == request.Version && c.State != ContainerState.Planned)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Closing, closing)
                        .SetProperty(c => c.Version, c => c.Version + 1)
                        .SetProperty(c => c.State, ContainerState.Ended)
                        .SetProperty(c => c.EndedAt, c => c.EndedAt ?? now)
                        .SetProperty(c => c.PausedAt, (DateTime?)null)
                        .SetProperty(c => c.PausedUntil, (DateTime?)null)
                        .SetProperty(c => c.SpeakerId, (Guid?)null),
                    CancellationToken.None);
            if (saved == 0)
            {
                return Outcome<Saved>.Conflicted(ChangedMeanwhile);
            }

            await ContainerReminders.CancelAsync(db, containerId, null, CancellationToken.None);
            return Outcome<Saved>.Ok(new Saved(request.Version + 1));
        }
    }
}
