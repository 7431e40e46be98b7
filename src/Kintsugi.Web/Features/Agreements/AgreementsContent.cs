using System.Text.Json;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>The words of boundaries and agreements (Content/agreements.en.json): areas, consequences, templates, the crossing loop and the proactive plan.</summary>
internal sealed record AgreementsContent(
    string Intro,
    string FromValues,
    AgreementsContent.StateNames States,
    string NewPartnerNote,
    string SignHelp,
    string AmendHelp,
    IReadOnlyList<AgreementsContent.Choice> Areas,
    IReadOnlyList<AgreementsContent.Choice> Consequences,
    string ConsequenceHelp,
    string ReviewHelp,
    string AppliesHelp,
    IReadOnlyList<AgreementsContent.Template> Templates,
    AgreementsContent.TransparencyText Transparency,
    AgreementsContent.CrossingText Crossing,
    AgreementsContent.PlanText Plan,
    AgreementsContent.PrintText Print,
    AgreementsContent.ReviewText Reviews,
    string CalendarTitle)
{
    public static AgreementsContent English { get; } = Load("agreements.en.json");

    public sealed record StateNames(string Proposal, string Agreed, string NeedsReagreement);

    public sealed record Choice(string Key, string Label, string Hint);

    public sealed record Template(string Key, string Area, string Title, string Text, string Consequence, string? ConsequenceWords = null);

    public sealed record TransparencyTemplate(string Key, string Title, string Text);

    public sealed record TransparencyText(string Intro, string NeverMonitors, string EndHelp, IReadOnlyList<TransparencyTemplate> Templates, string Ended);

    public sealed record Step(string Key, string Title, string Text);

    public sealed record Prompt(string Role, string Text);

    public sealed record CrossingText(
        string Intro,
        string NoteHelp,
        string InvolvedHelp,
        IReadOnlyList<Step> Steps,
        IReadOnlyList<Prompt> ExaminePrompts,
        string DiscussNotesHelp,
        IReadOnlyList<Choice> Outcomes,
        string ResetNoteHelp);

    public sealed record PlanPart(string Key, string Title, IReadOnlyList<string> Prompts);

    public sealed record PlanText(string Intro, string FirstInProactive, IReadOnlyList<PlanPart> Parts, string Help);

    public sealed record PrintText(string Title, string Intro);

    public sealed record ReviewText(string Due, string TransparencyEnded, string PlanMissing, string WaitingSignature, string CrossingView);

    public string StateLabel(AgreementState state) => state switch
    {
        AgreementState.Agreed => States.Agreed,
        AgreementState.NeedsReagreement => States.NeedsReagreement,
        _ => States.Proposal,
    };

    public string AreaLabel(AgreementArea area) => Areas.Single(a => a.Key == Keys.Of(area)).Label;

    public string ConsequenceLabel(Consequence consequence) => Consequences.Single(c => c.Key == Keys.Of(consequence)).Label;

    private static AgreementsContent Load(string name)
    {
        using var stream = typeof(AgreementsContent).Assembly.GetManifestResourceStream("content/" + name)
                           ?? throw new InvalidOperationException($"Content file {name} is not built into the app.");
        return JsonSerializer.Deserialize<AgreementsContent>(stream, JsonSerializerOptions.Web)
               ?? throw new InvalidOperationException($"Content file {name} is empty.");
    }
}

/// <summary>Enum values as the camelCase keys the content file and the API use.</summary>
internal static class Keys
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse<T>(string? key, out T value)
        where T : struct, Enum =>
        Enum.TryParse(key, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(key, out _);
}
