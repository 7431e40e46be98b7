using System.Text.Json.Serialization;

namespace Kintsugi.Web.Features.Atone;

/// <summary>What a person types for a commitment, checked the same way when it is made and when it is changed.</summary>
internal class CommitmentFields
{
    public string What { get; set; } = "";

    /// <summary>eachTime · daily · weekly · other (then <see cref="HowOftenWords"/> says how often).</summary>
    [JsonRequired]
    public string HowOften { get; set; } = "eachTime";

    public string? HowOftenWords { get; set; }

    public (CommitmentRecord? Record, Dictionary<string, string[]> Errors) Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var what = What?.Trim() ?? "";
        if (what.Length == 0)
        {
            errors[nameof(What)] = ["Say what you will do, in a way the others could notice."];
        }
        else if (what.Length > Commitment.WhatLength)
        {
            errors[nameof(What)] = ["Keep a commitment to 500 characters: one clear behaviour is easier to keep than many."];
        }

        if (AtoneContent.English.HowOftenLabel(HowOften ?? "") is null)
        {
            errors[nameof(HowOften)] = ["Choose how often this will happen."];
        }

        var words = string.IsNullOrWhiteSpace(HowOftenWords) ? null : HowOftenWords.Trim();
        if (HowOften == "other" && words is null)
        {
            errors[nameof(HowOftenWords)] = ["Say how often, in a few words."];
        }
        else if (words?.Length > Commitment.HowOftenWordsLength)
        {
            errors[nameof(HowOftenWords)] = ["Up to 120 characters."];
        }

        return errors.Count > 0 ? (null, errors) : (new CommitmentRecord(what, HowOften!, HowOften == "other" ? words : null), errors);
    }
}
