using System.Globalization;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// The breach form as the pages post it. The title and the other kind bind like any field; the
/// checked kinds, the date and each partner's role are plain inputs, read from the posted form.
/// </summary>
public sealed class BreachInputs
{
    public string? Title { get; set; }

    public string? OtherKind { get; set; }

    public List<string> Kinds { get; set; } = [];

    public DateOnly? CameToLight { get; set; }

    internal List<BreachPerson> People { get; set; } = [];

    public Audience Audience { get; set; } = Audience.OnlyMe;

    public int Version { get; set; }

    /// <summary>Fills the kinds, date and roles from the posted form; false when the date cannot be read.</summary>
    internal bool ReadPosted(IFormCollection form)
    {
        Kinds = [.. form["kinds"].Where(k => !string.IsNullOrEmpty(k)).Select(k => k!)];
        People = [];
        foreach (var (name, value) in form)
        {
            if (name.StartsWith("role-", StringComparison.Ordinal) && Guid.TryParseExact(name[5..], "N", out var membershipId)
                && Enum.TryParse<BreachRole>(value.ToString(), out var role) && Enum.IsDefined(role))
            {
                People.Add(new BreachPerson(membershipId, role));
            }
        }

        var date = form["cameToLight"].ToString();
        CameToLight = null;
        if (date.Length == 0)
        {
            return true;
        }

        if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            CameToLight = parsed;
            return true;
        }

        return false;
    }

    internal T Fill<T>(T fields)
        where T : BreachFields
    {
        fields.Title = Title;
        fields.Kinds = Kinds;
        fields.OtherKind = OtherKind;
        fields.CameToLight = CameToLight;
        fields.People = People;
        return fields;
    }

    internal static BreachInputs From(BreachView view) => new()
    {
        Title = view.Title == BreachFields.DefaultTitle ? null : view.Title,
        Kinds = [.. view.Kinds],
        OtherKind = view.OtherKind,
        CameToLight = view.CameToLight,
        People = [.. view.People.Select(p => new BreachPerson(p.MembershipId, p.Role))],
        Audience = view.Audience,
        Version = view.Version,
    };
}
