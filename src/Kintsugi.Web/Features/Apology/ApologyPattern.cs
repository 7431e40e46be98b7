using System.Collections.Frozen;

namespace Kintsugi.Web.Features.Apology;

/// <summary>
/// A compiled pattern over words, written in the language file as space-separated elements:
/// <list type="bullet">
/// <item><c>word</c>, <c>a|b</c>, <c>@class</c>, <c>a|@class</c>: one word from the set;
/// <c>in_case|if</c>: "in" followed by "case", or "if" (words joined by _ are a phrase);</item>
/// <item><c>?elem</c>: that element, or nothing;</item>
/// <item><c>*N</c>: up to N words inside the same clause; <c>**N</c>: up to N words anywhere in the sentence;</item>
/// <item><c>!elem</c>: the next word is not in the set (consumes nothing).</item>
/// </list>
/// Matching is lazy (the shortest span wins) and never leaves the sentence.
/// </summary>
internal sealed class ApologyPattern
{
    private enum Op { Word, Gap, NotAhead }

    private readonly record struct Element(Op Op, FrozenSet<string>? Words, string[][] Phrases, bool Optional, int Max, bool CrossClause);

    private readonly Element[] elements;

    public string Source { get; }

    /// <summary>The words a match can start with (the first element is always a required word).</summary>
    public FrozenSet<string> First { get; }

    public ApologyPattern(string source, IReadOnlyDictionary<string, FrozenSet<string>> classes)
    {
        Source = source;
        var parts = source.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        elements = [.. parts.Select(p => Compile(p, classes, source))];
        if (elements.Length == 0 || elements[0] is not { Op: Op.Word, Optional: false })
        {
            throw new InvalidOperationException($"Apology pattern \"{source}\" must start with a required word.");
        }

        First = elements[0].Words!.Union(elements[0].Phrases.Select(p => p[0])).ToFrozenSet(StringComparer.Ordinal);
    }

    private static Element Compile(string part, IReadOnlyDictionary<string, FrozenSet<string>> classes, string source)
    {
        if (part.StartsWith("**", StringComparison.Ordinal))
        {
            return new Element(Op.Gap, null, [], false, int.Parse(part[2..], System.Globalization.CultureInfo.InvariantCulture), true);
        }

        if (part.StartsWith('*'))
        {
            return new Element(Op.Gap, null, [], false, int.Parse(part[1..], System.Globalization.CultureInfo.InvariantCulture), false);
        }

        if (part.StartsWith('!'))
        {
            var (notWords, notPhrases) = Set(part[1..], classes, source);
            return new Element(Op.NotAhead, notWords, notPhrases, false, 0, false);
        }

        var optional = part.StartsWith('?');
        var (words, phrases) = Set(optional ? part[1..] : part, classes, source);
        return new Element(Op.Word, words, phrases, optional, 0, false);
    }

    private static (FrozenSet<string> Words, string[][] Phrases) Set(string alternatives, IReadOnlyDictionary<string, FrozenSet<string>> classes, string source)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var phrases = new List<string[]>();
        foreach (var alternative in alternatives.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (alternative.Contains('_', StringComparison.Ordinal))
            {
                phrases.Add(alternative.Split('_', StringSplitOptions.RemoveEmptyEntries));
            }
            else if (alternative.StartsWith('@'))
            {
                if (!classes.TryGetValue(alternative[1..], out var members))
                {
                    throw new InvalidOperationException($"Apology pattern \"{source}\" names an unknown word class {alternative}.");
                }

                words.UnionWith(members);
            }
            else
            {
                words.Add(alternative);
            }
        }

        return (words.ToFrozenSet(StringComparer.Ordinal), [.. phrases]);
    }

    /// <summary>The index of the last word of the shortest match starting at <paramref name="start"/>, or -1.</summary>
    public int MatchAt(Word[] words, int start) => Match(words, 0, start, start - 1);

    public bool MatchesAnywhere(Word[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (Has(First, words[i]) && MatchAt(words, i) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private int Match(Word[] words, int e, int t, int last)
    {
        if (e == elements.Length)
        {
            return last;
        }

        var element = elements[e];
        switch (element.Op)
        {
            case Op.Word:
                if (t < words.Length && Has(element.Words!, words[t]))
                {
                    var end = Match(words, e + 1, t + 1, t);
                    if (end >= 0)
                    {
                        return end;
                    }
                }

                foreach (var phrase in element.Phrases)
                {
                    if (PhraseAt(phrase, words, t))
                    {
                        var end = Match(words, e + 1, t + phrase.Length, t + phrase.Length - 1);
                        if (end >= 0)
                        {
                            return end;
                        }
                    }
                }

                return element.Optional ? Match(words, e + 1, t, last) : -1;

            case Op.NotAhead:
                return t < words.Length && (Has(element.Words!, words[t]) || element.Phrases.Any(p => PhraseAt(p, words, t)))
                    ? -1
                    : Match(words, e + 1, t, last);

            default:
                var clause = last >= 0 ? words[last].Clause : (t < words.Length ? words[t].Clause : 0);
                for (var skip = 0; skip <= element.Max; skip++)
                {
                    var next = t + skip;
                    if (next > words.Length)
                    {
                        break;
                    }

                    if (skip > 0 && !element.CrossClause && words[next - 1].Clause != clause)
                    {
                        break;
                    }

                    if (!element.CrossClause && next < words.Length && words[next].Clause != clause && e + 1 < elements.Length)
                    {
                        // The word after the gap belongs to another clause: only a longer gap could
                        // reach a matching word, and it would cross too.
                        if (skip > 0)
                        {
                            break;
                        }

                        continue;
                    }

                    var end = Match(words, e + 1, next, last);
                    if (end >= 0)
                    {
                        return end;
                    }
                }

                return -1;
        }
    }

    private static bool PhraseAt(string[] phrase, Word[] words, int t)
    {
        if (t + phrase.Length > words.Length)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (Array.IndexOf(words[t + k].Forms, phrase[k]) < 0)
            {
                return false;
            }
        }

        return true;
    }

    public static bool Has(FrozenSet<string> set, Word word)
    {
        foreach (var form in word.Forms)
        {
            if (set.Contains(form))
            {
                return true;
            }
        }

        return false;
    }
}
