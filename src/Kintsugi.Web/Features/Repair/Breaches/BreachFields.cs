using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// What a breach record asks for. Every field may be left empty (SECURITY.md C5): the record then
/// says only that something happened, which is enough to work with.
/// </summary>
internal class BreachFields
{
    public const string DefaultTitle = "What happened";

    [StringLength(Breach.TitleLength, ErrorMessage = "Keep the title under 120 characters: a few neutral words are enough.")]
    public string? Title { get; set; }

    public List<string> Kinds { get; set; } = [];

    [StringLength(Breach.OtherKindLength, ErrorMessage = "Keep this under 200 characters.")]
    public string? OtherKind { get; set; }

    /// <summary>When it came to light, if you want to say.</summary>
    public DateOnly? CameToLight { get; set; }

    /// <summary>Who was hurt and who caused harm, by membership id. Anyone left out is "another partner".</summary>
    public List<BreachPerson> People { get; set; } = [];

    /// <summary>
    /// The record these fields describe, or the errors to show next to them. <paramref name="alreadyNamed"/>:
    /// the people the record named before this edit, who stay allowed after they leave the space.
    /// </summary>
    public async Task<(BreachRecord? Record, Dictionary<string, string[]> Errors)> ValidateAsync(AppDbContext db, Guid spaceId, DateOnly today, CancellationToken cancellationToken, IReadOnlyCollection<Guid>? alreadyNamed = null)
    {
        var errors = new Dictionary<string, string[]>();

        // The API's validation does not see attributes on a base class's properties, so the lengths are checked here too.
        if (Title is { Length: > Breach.TitleLength })
        {
            errors[nameof(Title)] = ["Keep the title under 120 characters: a few neutral words are enough."];
        }

        if (OtherKind is { Length: > Breach.OtherKindLength })
        {
            errors[nameof(OtherKind)] = ["Keep this under 200 characters."];
        }

        var kinds = (Kinds ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Distinct().ToList();
        if (kinds.Any(k => JourneyContent.English.FindKind(k) is null))
        {
            errors[nameof(Kinds)] = ["Choose from the kinds offered; use \"something else\" and describe it in your own words."];
        }

        if (CameToLight is { } date && date > today.AddDays(1))
        {
            errors[nameof(CameToLight)] = ["That date is in the future. Leave it empty if you are not sure."];
        }

        var people = People ?? [];
        var partners = await db.Memberships.AsNoTracking()
            .Where(m => m.SpaceId == spaceId && m.Status == MemberStatus.Active && m.Role == MemberRole.Partner)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        partners.AddRange(alreadyNamed ?? []);
        if (people.Any(p => p is null || !partners.Contains(p.MembershipId) || !Enum.IsDefined(p.Role)) || people.Select(p => p.MembershipId).Distinct().Count() != people.Count)
        {
            errors[nameof(People)] = ["Choose each partner's part once, from the partners of this space."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var other = kinds.Contains("other") && !string.IsNullOrWhiteSpace(OtherKind) ? OtherKind.Trim() : null;
        var title = string.IsNullOrWhiteSpace(Title) ? DefaultTitle : Title.Trim();
        return (new BreachRecord(title, kinds, other, CameToLight, people), errors);
    }
}
