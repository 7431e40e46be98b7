using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Kintsugi.Web.Features.Apology;

/// <summary>
/// One word of a letter after normalisation: lower case, straight apostrophes, contractions
/// expanded ("didn't" becomes "did" + "not", both pointing at the original "didn't"). A word may
/// have several readings ("you'd" is "you" + "had|would"). Start/End are UTF-16 offsets into the
/// original text.
/// </summary>
internal readonly record struct Word(string[] Forms, int Start, int End, int Clause);

/// <summary>A sentence: the words between . ! ? ; or a line break. Patterns never cross one.</summary>
internal sealed record Sentence(Word[] Words);

/// <summary>
/// Splits a letter into sentences, clauses and words with offsets. Everything language-specific
/// (contractions, informal spellings, words that open a clause) comes from the language file.
/// </summary>
internal sealed class ApologyText
{
    private readonly FrozenDictionary<string, string[][]> whole;
    private readonly (string Suffix, string[] Forms)[] suffixes;
    private readonly FrozenSet<string> isAfter;
    private readonly FrozenSet<string> clauseWords;

    public ApologyText(ApologyLanguage.Normalisation rules)
    {
        whole = rules.Words.ToFrozenDictionary(p => p.Key, p => Split(p.Value), StringComparer.Ordinal);
        suffixes = [.. rules.Suffixes.OrderByDescending(p => p.Key.Length).Select(p => (p.Key, p.Value.Split('|')))];
        isAfter = rules.ApostropheSIsAfter.ToFrozenSet(StringComparer.Ordinal);
        clauseWords = rules.ClauseWords.ToFrozenSet(StringComparer.Ordinal);
    }

    private static string[][] Split(string expansion) =>
        [.. expansion.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Split('|'))];

    public List<Sentence> Read(string text)
    {
        var sentences = new List<Sentence>();
        var words = new List<Word>();
        var clause = 0;
        var raw = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c) || (IsApostrophe(c) && raw.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])))
            {
                var start = i;
                raw.Clear();
                while (i < text.Length && (IsWordChar(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    raw.Append(IsApostrophe(text[i]) ? '\'' : char.ToLower(text[i], CultureInfo.InvariantCulture));
                    i++;
                }

                var token = raw.ToString();
                if (clauseWords.Contains(token) && words.Count > 0)
                {
                    clause++;
                }

                Expand(token, start, i, clause, words);
                continue;
            }

            if (c is '.' or '!' or '?' or ';' or '\n' or '…')
            {
                // "3.5" or "e.g." inside a word run is rare in letters; a full stop ends the sentence.
                Flush(sentences, words);
                clause = 0;
            }
            else if (c is ',' or ':' or '(' or ')' or '"' or '“' or '”' or '—' or '–' || (c == '-' && i > 0 && char.IsWhiteSpace(text[i - 1])))
            {
                clause++;
            }

            i++;
        }

        Flush(sentences, words);
        return sentences;
    }

    private static void Flush(List<Sentence> sentences, List<Word> words)
    {
        if (words.Count > 0)
        {
            sentences.Add(new Sentence([.. words]));
            words.Clear();
        }
    }

    private void Expand(string token, int start, int end, int clause, List<Word> words)
    {
        if (whole.TryGetValue(token, out var expansion))
        {
            foreach (var forms in expansion)
            {
                words.Add(new Word(forms, start, end, clause));
            }

            return;
        }

        foreach (var (suffix, forms) in suffixes)
        {
            if (token.Length > suffix.Length && token.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = token[..^suffix.Length];
                if (suffix == "'s" && !isAfter.Contains(stem))
                {
                    // A possessive ("partner's phone"): the word itself.
                    words.Add(new Word([stem], start, end, clause));
                    return;
                }

                words.Add(new Word([stem], start, end, clause));
                words.Add(new Word(forms, start, end, clause));
                return;
            }
        }

        words.Add(new Word([token.TrimEnd('\'')], start, end, clause));
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ';
}
