using System.Text.Json;

namespace Kintsugi.Web.Features.Apology;

/// <summary>
/// Everything language-specific about the apology feedback, from Content/apology.{language}.json:
/// how words are normalised, the word classes, the rules for each finding kind and each part of
/// an apology, and the words the feedback view shows. A second language is a second file.
/// </summary>
internal sealed record ApologyLanguage(
    string Language,
    ApologyLanguage.Normalisation Normalise,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Classes,
    ApologyLanguage.GuardRule Guard,
    IReadOnlyDictionary<string, ApologyLanguage.KindText> Kinds,
    IReadOnlyDictionary<string, ApologyLanguage.PartText> Parts,
    IReadOnlyList<ApologyLanguage.Rule> Findings,
    IReadOnlyList<ApologyLanguage.Rule> PartRules,
    ApologyLanguage.ViewText View,
    ApologyLanguage.PageText Page)
{
    /// <summary>
    /// Whole-word expansions ("won't": "will not", "im": "i am"; "a|b" is one word read two ways),
    /// suffix expansions ("n't": "not"), the stems after which "'s" means "is|has" rather than a
    /// possessive, and the words that open a new clause.
    /// </summary>
    public sealed record Normalisation(
        IReadOnlyDictionary<string, string> Words,
        IReadOnlyDictionary<string, string> Suffixes,
        IReadOnlyList<string> ApostropheSIsAfter,
        IReadOnlyList<string> ClauseWords);

    /// <summary>Negation just before a match ("I won't make excuses", "it's not your fault") cancels it.</summary>
    public sealed record GuardRule(string Words, int Window);

    public sealed record KindText(string Label, string Explanation, string Message);

    /// <summary>A part of a full apology; a match in a sentence with a finding of a kind in <see cref="BlockedBy"/> does not count.</summary>
    public sealed record PartText(string Label, string Explanation, IReadOnlyList<string> BlockedBy);

    /// <summary>
    /// One rule: for a finding (<see cref="Kind"/>) or a part (<see cref="Part"/>), any of its
    /// patterns. <see cref="Guard"/> false turns the negation guard off; a match is cancelled when
    /// any <see cref="UnlessSentence"/> pattern occurs in the same sentence.
    /// </summary>
    public sealed record Rule(
        string? Kind,
        string? Part,
        IReadOnlyList<string> Patterns,
        string? Message,
        bool Guard = true,
        IReadOnlyList<string>? UnlessSentence = null,
        string? Note = null);

    public sealed record ViewText(
        string TextHeading,
        string SuggestionsHeading,
        string NoSuggestions,
        string PartsHeading,
        string PartsIntro,
        string Present,
        string NotYet,
        string MarkLabel);

    public sealed record PageText(string Title, string Lead, string Private, string Label, string Hint, string Button, string TooLong, string NotJudgement, string Home);

    public static ApologyLanguage Load(string language)
    {
        var name = $"apology.{language}.json";
        using var stream = typeof(ApologyLanguage).Assembly.GetManifestResourceStream("content/" + name)
                           ?? throw new ArgumentException($"There is no apology feedback for the language \"{language}\".", nameof(language));
        return JsonSerializer.Deserialize<ApologyLanguage>(stream, JsonSerializerOptions.Web)
               ?? throw new InvalidOperationException($"Content file {name} is empty.");
    }
}
