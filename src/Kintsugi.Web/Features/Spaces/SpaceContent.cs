using System.Text.Json;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>The words of the start of the journey: journeys, starting values, the safety check (Content/spaces.en.json).</summary>
internal sealed record SpaceContent(
    IReadOnlyList<SpaceContent.Journey> Journeys,
    IReadOnlyList<SpaceContent.ValueTemplate> ValueTemplates,
    SpaceContent.Check SafetyCheck)
{
    public static SpaceContent English { get; } = Load("spaces.en.json");

    public sealed record Journey(string Key, string Title, string Description);

    public sealed record ValueTemplate(string Key, string Title, string Text);

    public sealed record Answer(string Key, string Label);

    public sealed record Question(string Key, string Text, IReadOnlyList<string> Concerning);

    public sealed record Result(string Title, IReadOnlyList<string> Paragraphs, string? Pause, string? LeaveQuietly);

    public sealed record Check(string Intro, IReadOnlyList<Answer> Answers, IReadOnlyList<Question> Questions, Result Concerning, Result Clear);

    public Journey? FindJourney(string? key) => Journeys.FirstOrDefault(j => j.Key == key);

    /// <summary>Empty (not chosen yet) or one of the journeys offered.</summary>
    public bool IsJourneyOrEmpty(string? key) => string.IsNullOrEmpty(key) || FindJourney(key) is not null;

    public const string NotAJourney = "Choose one of the journeys offered.";

    private static SpaceContent Load(string name)
    {
        using var stream = typeof(SpaceContent).Assembly.GetManifestResourceStream("content/" + name)
                           ?? throw new InvalidOperationException($"Content file {name} is not built into the app.");
        return JsonSerializer.Deserialize<SpaceContent>(stream, JsonSerializerOptions.Web)
               ?? throw new InvalidOperationException($"Content file {name} is empty.");
    }
}
