using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>What a person writes for a version of an agreement, as posted by a form or sent as JSON. The requests that carry it derive from it, so its fields are top-level in JSON and in forms.</summary>
public class TermsInput
{
    public string? Text { get; set; }

    /// <summary>Memberships of partners it applies to; none means everyone.</summary>
    public List<Guid>? AppliesTo { get; set; }

    public AgreementArea? Area { get; set; }

    public Consequence? Consequence { get; set; }

    public string? ConsequenceWords { get; set; }

    public DateOnly? ReviewOn { get; set; }

    /// <summary>For a transparency promise: when it ends (required, at most a year ahead).</summary>
    public DateOnly? EndsOn { get; set; }
}

/// <summary>Checks a <see cref="TermsInput"/> and turns it into the terms to seal, or errors keyed by field.</summary>
internal static class TermsCheck
{
    public static async Task<(AgreementTerms? Terms, Dictionary<string, string[]> Errors)> CheckAsync(
        AppDbContext db, Guid spaceId, AgreementKind kind, TermsInput input, DateOnly today, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors[nameof(TermsInput.Text)] = ["Write the agreement in a sentence or two."];
        }
        else if (text.Length > Agreement.TextLength)
        {
            errors[nameof(TermsInput.Text)] = ["Keep an agreement under 2,000 characters. Two agreements may be clearer than one."];
        }

        var area = input.Area ?? AgreementArea.Other;
        if (!Enum.IsDefined(area))
        {
            errors[nameof(TermsInput.Area)] = ["Choose an area."];
        }

        if (input.Consequence is { } consequence && !Enum.IsDefined(consequence))
        {
            errors[nameof(TermsInput.Consequence)] = ["Choose what happens if it is crossed, or leave it open."];
        }

        var words = string.IsNullOrWhiteSpace(input.ConsequenceWords) ? null : input.ConsequenceWords.Trim();
        if (words?.Length > Agreement.WordsLength)
        {
            errors[nameof(TermsInput.ConsequenceWords)] = ["Keep this under 1,000 characters."];
        }
        else if (input.Consequence == Agreements.Consequence.SomethingElse && words is null)
        {
            errors[nameof(TermsInput.ConsequenceWords)] = ["Say in your own words what happens."];
        }

        if (input.ReviewOn is { } review && (review <= today || review > today.AddYears(5)))
        {
            errors[nameof(TermsInput.ReviewOn)] = ["Choose a review date after today and within five years."];
        }

        DateOnly? ends = null;
        if (kind == AgreementKind.Transparency)
        {
            if (input.EndsOn is not { } end || end <= today || end > today.AddDays(366))
            {
                errors[nameof(TermsInput.EndsOn)] = ["A transparency promise needs an end date after today and within a year."];
            }
            else
            {
                ends = end;
            }
        }

        var appliesTo = (input.AppliesTo ?? []).Distinct().ToList();
        if (appliesTo.Count > 0)
        {
            var partners = await db.Memberships.AsNoTracking()
                .Where(m => m.SpaceId == spaceId && m.Role == MemberRole.Partner && m.Status == MemberStatus.Active && appliesTo.Contains(m.Id))
                .CountAsync(cancellationToken);
            if (partners != appliesTo.Count)
            {
                errors[nameof(TermsInput.AppliesTo)] = ["Choose partners of this space, or nobody for everyone."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var consequenceChosen = input.Consequence;
        return (new AgreementTerms(text, appliesTo, area, consequenceChosen, words, input.ReviewOn ?? ends, ends), errors);
    }
}

/// <summary>Reads the partners ticked in a posted form (checkboxes named "{prefix}-appliesTo").</summary>
internal static class PostedPartners
{
    public static List<Guid> Read(HttpContext http, string prefix) =>
        http.Request.HasFormContentType
            ? [.. http.Request.Form[$"{prefix}-appliesTo"].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty)]
            : [];
}
