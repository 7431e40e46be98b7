namespace Kintsugi.Web.Features.Repair;

/// <summary>Which prompts are for whom: the content file tags each prompt with one of these roles (CONTENT.md).</summary>
internal static class RoleKeys
{
    public const string Everyone = "everyone";
    public const string Other = "other";

    public static string Of(BreachRole? role) => role switch
    {
        BreachRole.Hurt => "hurt",
        BreachRole.CausedHarm => "causedHarm",
        BreachRole.Both => "both",
        _ => Other,
    };

    /// <summary>The roles a person has across the breaches they can read; "another partner" when they have none.</summary>
    public static IReadOnlyList<string> For(IEnumerable<BreachRole?> roles)
    {
        var keys = roles.Where(r => r is not null).Select(Of).Distinct().ToList();
        return keys.Count == 0 ? [Other] : keys;
    }

    public static string Label(string key)
    {
        var names = JourneyContent.English.Roles;
        return key switch
        {
            "hurt" => names.Hurt,
            "causedHarm" => names.CausedHarm,
            "both" => names.Both,
            "other" => names.Other,
            _ => names.Everyone,
        };
    }
}
