using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace Kintsugi.Web.Features.Account;

/// <summary>
/// An account's address is a bare address and nothing else: no display name, comment, route,
/// space or control character. Anything else could put attacker-chosen text into a message's
/// To: header, or open a fresh mail budget for the same mailbox ("x &lt;bob@…&gt;"). The domain is
/// lower-cased; the local part is kept as typed (lookups are case-insensitive anyway).
/// </summary>
internal static class AccountEmail
{
    public const string Invalid = "Enter an e-mail address like name@example.com.";
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("<>()[],;:\"\\");

    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? email)
    {
        email = null;
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254
            || trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) || trimmed.AsSpan().ContainsAny(Forbidden))
        {
            return false;
        }

        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != trimmed.LastIndexOf('@') || at > 64)
        {
            return false;
        }

        var domain = trimmed[(at + 1)..];
        if (!domain.Contains('.', StringComparison.Ordinal) || domain[0] == '.' || domain[^1] == '.' || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        // MimeKit sends the mail, so it must read the address exactly as given.
        if (!MailboxAddress.TryParse(trimmed, out var mailbox) || mailbox.Address != trimmed || !string.IsNullOrEmpty(mailbox.Name))
        {
            return false;
        }

        email = trimmed[..at] + "@" + domain.ToLowerInvariant();
        return true;
    }
}

/// <summary>Validates a request's e-mail field with <see cref="AccountEmail.TryNormalize"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AccountEmailAttribute : ValidationAttribute
{
    public AccountEmailAttribute()
        : base(AccountEmail.Invalid)
    {
    }

    public override bool IsValid(object? value) =>
        value is null || (value is string text && (text.Length == 0 || AccountEmail.TryNormalize(text, out _)));
}
