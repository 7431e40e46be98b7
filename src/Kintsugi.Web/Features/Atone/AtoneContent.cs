using System.Text.Json;
using Kintsugi.Web.Features.Repair;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// The words of the Atone stage (Content/atone.en.json): the letter of accountability and the
/// answer to it, repair commitments and honest answers. Prompts are tagged with the role they are for.
/// </summary>
internal sealed record AtoneContent(AtoneContent.LetterText Letter, AtoneContent.CommitmentText Commitments, AtoneContent.QuestionText Questions, AtoneContent.HomeText Home)
{
    public static AtoneContent English { get; } = Load("atone.en.json");

    public sealed record LetterText(
        string Intro,
        string ReaderIntro,
        IReadOnlyList<JourneyContent.Prompt> Prompts,
        string FeedbackIntro,
        string NothingFlagged,
        string DraftsIntro,
        string EarlierIntro,
        string ResponseIntro,
        IReadOnlyList<JourneyContent.Prompt> ResponsePrompts,
        string ShareNote);

    public sealed record CommitmentText(
        string Intro,
        string ReaderIntro,
        string NotMonitoring,
        IReadOnlyList<string> Examples,
        IReadOnlyList<JourneyContent.Choice> HowOften,
        string LogIntro,
        string NoticedIntro,
        string ChartTitle,
        string ChartEmpty);

    public sealed record QuestionText(
        string Intro,
        IReadOnlyList<JourneyContent.Prompt> AskerPrompts,
        IReadOnlyList<JourneyContent.Prompt> AnswererPrompts,
        string ForContainer,
        string ForContainerHint,
        string Unanswered,
        string Removed);

    public sealed record HomeText(string LetterDraft, string LetterToRead, string QuestionToAnswer, string QuestionsToAnswer);

    public string? HowOftenLabel(string key) => Commitments.HowOften.FirstOrDefault(c => c.Key == key)?.Label;

    private static AtoneContent Load(string name)
    {
        using var stream = typeof(AtoneContent).Assembly.GetManifestResourceStream("content/" + name)
                           ?? throw new InvalidOperationException($"Content file {name} is not built into the app.");
        return JsonSerializer.Deserialize<AtoneContent>(stream, JsonSerializerOptions.Web)
               ?? throw new InvalidOperationException($"Content file {name} is empty.");
    }
}
