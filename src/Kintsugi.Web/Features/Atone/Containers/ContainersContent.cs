using System.Text.Json;

namespace Kintsugi.Web.Features.Atone;

/// <summary>The words of containers and "park it" (Content/containers.en.json), each guidance item tagged with the role it is for.</summary>
internal sealed record ContainersContent(
    string Intro,
    IReadOnlyList<ContainersContent.Prompt> Why,
    string HowLong,
    IReadOnlyList<string> NotFor,
    IReadOnlyList<string> BeforeYouStart,
    string PractitionerHelp,
    string TimeHelp,
    string AgendaIntro,
    string AgendaEmpty,
    string TurnHelp,
    string TimeUp,
    string NotStarted,
    string ClosingIntro,
    string EndedIntro,
    string ReminderHelp,
    string IcsHelp,
    ContainersContent.ParkItText ParkIt,
    ContainersContent.ParkedText Parked,
    ContainersContent.WaitingText Waiting)
{
    public static ContainersContent English { get; } = Load("containers.en.json");

    /// <summary>Who a line is for: hurt · causedHarm · other · everyone.</summary>
    public sealed record Prompt(string Role, string Text);

    public sealed record ParkItText(string Summary, string Label, string Hint, string Button, string Done, string Empty, string TooLong);

    public sealed record ParkedText(string Intro, string Empty, string NoUpcoming, string PlanOne);

    public sealed record WaitingText(string Container, string Parked);

    private static ContainersContent Load(string name)
    {
        using var stream = typeof(ContainersContent).Assembly.GetManifestResourceStream("content/" + name)
                           ?? throw new InvalidOperationException($"Content file {name} is not built into the app.");
        return JsonSerializer.Deserialize<ContainersContent>(stream, JsonSerializerOptions.Web)
               ?? throw new InvalidOperationException($"Content file {name} is empty.");
    }
}
