using System.Security.Cryptography;

namespace Kintsugi.Web.Features.Account.TwoFactor;

/// <summary>Recovery codes: 12 characters from a 32-letter alphabet without look-alikes (60 bits each).</summary>
internal static class RecoveryCodes
{
    public const int Count = 10;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Create()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 12);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>People type codes in lower case, with or without dashes and spaces.</summary>
    public static string Normalize(string code) =>
        new(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
