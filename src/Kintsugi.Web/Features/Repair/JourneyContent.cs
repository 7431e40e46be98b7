using System.Text.Json;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// The words of the repair journey (Content/journey.en.json): breach kinds and account prompts, the
/// decision point, the four stages, the rebuilding conversation and the space home. Every prompt is
/// tagged with the role it is for (CONTENT.md), so each person reads what fits their part in a breach.
/// </summary>
internal sealed record JourneyContent(
    JourneyContent.RoleNames Roles,
    JourneyContent.BreachText Breach,
    JourneyContent.DecisionText Decision,
    IReadOnlyList<JourneyContent.Stage> Stages,
    JourneyContent.ConversationText Conversation,
    JourneyContent.HomeText Home)
{
    public static JourneyContent English { get; } = Load("journey.en.json");

    /// <summary>Who a prompt is for: hurt · causedHarm · both · other · everyone.</summary>
    public sealed record Prompt(string Role, string Text, string? Turn = null);

    public sealed record RoleNames(string Hurt, string CausedHarm, string Both, string Other, string Everyone);

    public sealed record Kind(string Key, string Label, string Hint);

    public sealed record BreachText(
        string Intro,
        IReadOnlyList<Kind> Kinds,
        string AccountIntro,
        IReadOnlyList<Prompt> AccountPrompts,
        string ImpactIntro,
        IReadOnlyList<Prompt> ImpactPrompts);

    public sealed record Choice(string Key, string Label);

    public sealed record Question(string Key, string Text, string Help);

    public sealed record Path(string Key, string Title, string Text, IReadOnlyList<string> Steps, IReadOnlyList<string> Resources);

    public sealed record DecisionText(
        string Intro,
        IReadOnlyList<Question> Questions,
        IReadOnlyList<Choice> Answers,
        string SurenessQuestion,
        IReadOnlyList<Choice> Sureness,
        string PathQuestion,
        string NoteHelp,
        string Waiting,
        string Revealed,
        string NewRound,
        IReadOnlyList<Path> Paths);

    public sealed record Stage(
        string Key,
        string Title,
        string Purpose,
        IReadOnlyList<string> Belongs,
        IReadOnlyList<Prompt> ByRole,
        string ReadyQuestion,
        IReadOnlyList<string> SignsOfReadiness,
        string GoingBack);

    public sealed record Step(
        string Key,
        string Title,
        string Purpose,
        IReadOnlyList<Prompt> Prompts,
        IReadOnlyList<string> SpeakerGuide,
        IReadOnlyList<string> ListenerGuide);

    public sealed record Flooding(string Title, string Intro, IReadOnlyList<string> Signs, IReadOnlyList<string> WhatToDo, string ComingBack);

    public sealed record ConversationText(
        string Intro,
        IReadOnlyList<string> BeforeYouStart,
        IReadOnlyList<Step> Steps,
        string ReflectionIntro,
        IReadOnlyList<string> ReflectionStarters,
        string CorrectionHelp,
        Flooding Flooding,
        string NextStepsHelp,
        string ScheduleHelp,
        string Closing);

    /// <summary>The space home. <see cref="Waiting"/> holds one sentence per kind of item waiting for the reader ({0}: a title, a time or a stage).</summary>
    public sealed record HomeText(IReadOnlyList<string> GentleWords, string NothingWaiting, IReadOnlyDictionary<string, string> Waiting);

    public Stage? FindStage(string key) => Stages.FirstOrDefault(s => s.Key == key);

    public Step? FindStep(string key) => Conversation.Steps.FirstOrDefault(s => s.Key == key);

    public Kind? FindKind(string key) => Breach.Kinds.FirstOrDefault(k => k.Key == key);

    private static JourneyContent Load(string name)
    {
        using var stream = typeof(JourneyContent).Assembly.GetManifestResourceStream("content/" + name)
                           ?? throw new InvalidOperationException($"Content file {name} is not built into the app.");
        return JsonSerializer.Deserialize<JourneyContent>(stream, JsonSerializerOptions.Web)
               ?? throw new InvalidOperationException($"Content file {name} is empty.");
    }
}
