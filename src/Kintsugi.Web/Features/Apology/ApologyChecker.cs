using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Kintsugi.Web.Features.Apology;

public enum FindingKind { Excuse, BlameShift, Conditional, Minimizing, ForgivenessDemand, Deflection }

/// <summary>A finding on the words it concerns. Start and Length are UTF-16 offsets into the checked text (as in C# and JavaScript strings).</summary>
public sealed record ApologyFinding(FindingKind Kind, int Start, int Length, string Message);

public sealed record ApologyComponents(bool Regret, bool Responsibility, bool Impact, bool Repair, bool Change, bool ForgivenessRequest);

public sealed record ApologyReport(IReadOnlyList<ApologyFinding> Findings, ApologyComponents Components);

/// <summary>
/// Deterministic, explainable feedback on an apology letter: rules over word classes from a
/// language file (Content/apology.{language}.json), matched sentence by sentence. It keeps nothing
/// and is safe to share between threads.
/// </summary>
public sealed class ApologyChecker
{
    private static readonly string[] PartKeys = ["regret", "responsibility", "impact", "repair", "change", "forgiveness_request"];

    private static readonly ConcurrentDictionary<string, ApologyChecker> Loaded = new(StringComparer.Ordinal);

    private readonly ApologyText reader;
    private readonly CompiledRule[] findings;
    private readonly CompiledRule[] parts;
    private readonly FrozenDictionary<string, CompiledPattern[]> findingsByFirst;
    private readonly FrozenDictionary<string, CompiledPattern[]> partsByFirst;
    private readonly FrozenSet<string> guardWords;
    private readonly int guardWindow;
    private readonly FrozenDictionary<string, FindingKind[]> blockers;

    public static ApologyChecker English { get; } = For("en");

    /// <summary>The checker for a language with a content file (e.g. "en").</summary>
    public static ApologyChecker For(string language) => Loaded.GetOrAdd(language, l => new ApologyChecker(ApologyLanguage.Load(l)));

    internal ApologyLanguage Language { get; }

    internal ApologyChecker(ApologyLanguage language)
    {
        Language = language;
        reader = new ApologyText(language.Normalise);
        var classes = language.Classes.ToDictionary(c => c.Key, c => c.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        guardWords = new ApologyPattern(language.Guard.Words, classes).First;
        guardWindow = language.Guard.Window;
        findings = [.. language.Findings.Select(r => Compile(r, classes, r.Kind ?? throw new InvalidOperationException("A finding rule needs a kind.")))];
        parts = [.. language.PartRules.Select(r => Compile(r, classes, r.Part ?? throw new InvalidOperationException("A part rule needs a part.")))];
        findingsByFirst = Index(findings);
        partsByFirst = Index(parts);
        blockers = language.Parts.ToFrozenDictionary(p => p.Key, p => p.Value.BlockedBy.Select(ParseKind).ToArray(), StringComparer.Ordinal);
        foreach (var part in parts)
        {
            _ = PartIndex(part.Name);
        }
    }

    private sealed record CompiledRule(string Name, FindingKind? Kind, string Message, bool Guard, ApologyPattern[] Patterns, ApologyPattern[] Unless);

    private sealed record CompiledPattern(CompiledRule Rule, ApologyPattern Pattern);

    private CompiledRule Compile(ApologyLanguage.Rule rule, Dictionary<string, FrozenSet<string>> classes, string name)
    {
        FindingKind? kind = rule.Kind is null ? null : ParseKind(rule.Kind);
        var message = rule.Message ?? (rule.Kind is null ? "" : Language.Kinds[rule.Kind].Message);
        return new CompiledRule(
            name,
            kind,
            message,
            rule.Guard,
            [.. rule.Patterns.Select(p => new ApologyPattern(p, classes))],
            [.. (rule.UnlessSentence ?? []).Select(p => new ApologyPattern(p, classes))]);
    }

    private static FrozenDictionary<string, CompiledPattern[]> Index(CompiledRule[] rules) =>
        rules.SelectMany(r => r.Patterns.Select(p => new CompiledPattern(r, p)))
            .SelectMany(p => p.Pattern.First.Select(word => (word, p)))
            .GroupBy(x => x.word, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.p).ToArray(), StringComparer.Ordinal);

    public ApologyReport Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(FindingKind Kind, int Start, int End, string Message)>();
        var present = new bool[6];
        var sentenceKinds = new List<FindingKind>();
        foreach (var sentence in reader.Read(text))
        {
            var words = sentence.Words;
            sentenceKinds.Clear();
            foreach (var (rule, first, last) in Matches(words, findingsByFirst))
            {
                found.Add((rule.Kind!.Value, words[first].Start, words[last].End, rule.Message));
                sentenceKinds.Add(rule.Kind.Value);
            }

            foreach (var (rule, _, _) in Matches(words, partsByFirst))
            {
                var index = PartIndex(rule.Name);
                if (!present[index] && !blockers[rule.Name].Any(sentenceKinds.Contains))
                {
                    present[index] = true;
                }
            }
        }

        return new ApologyReport(Merge(found), new ApologyComponents(present[0], present[1], present[2], present[3], present[4], present[5]));
    }

    private IEnumerable<(CompiledRule Rule, int First, int Last)> Matches(Word[] words, FrozenDictionary<string, CompiledPattern[]> index)
    {
        HashSet<CompiledRule>? unlessChecked = null;
        HashSet<CompiledRule>? cancelled = null;
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var form in words[i].Forms)
            {
                if (!index.TryGetValue(form, out var candidates))
                {
                    continue;
                }

                foreach (var (rule, pattern) in candidates)
                {
                    var last = pattern.MatchAt(words, i);
                    if (last < 0 || (rule.Guard && Negated(words, i)))
                    {
                        continue;
                    }

                    if (rule.Unless.Length > 0)
                    {
                        unlessChecked ??= [];
                        cancelled ??= [];
                        if (unlessChecked.Add(rule) && rule.Unless.Any(u => u.MatchesAnywhere(words)))
                        {
                            cancelled.Add(rule);
                        }

                        if (cancelled.Contains(rule))
                        {
                            continue;
                        }
                    }

                    yield return (rule, i, last);
                }
            }
        }
    }

    /// <summary>A negation shortly before the match, in the same clause: "I won't make excuses".</summary>
    private bool Negated(Word[] words, int start)
    {
        for (var j = start - 1; j >= 0 && j >= start - guardWindow && words[j].Clause == words[start].Clause; j--)
        {
            if (ApologyPattern.Has(guardWords, words[j]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Overlapping findings of one kind become one finding, in text order.</summary>
    private static List<ApologyFinding> Merge(List<(FindingKind Kind, int Start, int End, string Message)> found)
    {
        var merged = new List<ApologyFinding>();
        foreach (var group in found.GroupBy(f => f.Kind))
        {
            (int Start, int End, string Message)? open = null;
            foreach (var f in group.OrderBy(f => f.Start).ThenByDescending(f => f.End))
            {
                if (open is { } o && f.Start < o.End)
                {
                    open = (o.Start, Math.Max(o.End, f.End), o.Message);
                    continue;
                }

                if (open is { } done)
                {
                    merged.Add(new ApologyFinding(group.Key, done.Start, done.End - done.Start, done.Message));
                }

                open = (f.Start, f.End, f.Message);
            }

            if (open is { } rest)
            {
                merged.Add(new ApologyFinding(group.Key, rest.Start, rest.End - rest.Start, rest.Message));
            }
        }

        merged.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
        return merged;
    }

    private static int PartIndex(string key) => Array.IndexOf(PartKeys, key) is var i and >= 0
        ? i
        : throw new InvalidOperationException($"Unknown apology part \"{key}\".");

    internal static FindingKind ParseKind(string key) => key switch
    {
        "excuse" => FindingKind.Excuse,
        "blame_shift" => FindingKind.BlameShift,
        "conditional" => FindingKind.Conditional,
        "minimizing" => FindingKind.Minimizing,
        "forgiveness_demand" => FindingKind.ForgivenessDemand,
        "deflection" => FindingKind.Deflection,
        _ => throw new InvalidOperationException($"Unknown apology finding kind \"{key}\"."),
    };

    /// <summary>The kind as the API and the language file spell it: "blame_shift".</summary>
    public static string KindKey(FindingKind kind) => kind switch
    {
        FindingKind.Excuse => "excuse",
        FindingKind.BlameShift => "blame_shift",
        FindingKind.Conditional => "conditional",
        FindingKind.Minimizing => "minimizing",
        FindingKind.ForgivenessDemand => "forgiveness_demand",
        FindingKind.Deflection => "deflection",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The six parts in order, with whether each is present.</summary>
    public static IReadOnlyList<(string Key, bool Present)> Parts(ApologyComponents c) =>
    [
        ("regret", c.Regret), ("responsibility", c.Responsibility), ("impact", c.Impact),
        ("repair", c.Repair), ("change", c.Change), ("forgiveness_request", c.ForgivenessRequest),
    ];
}
