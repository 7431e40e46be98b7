using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Kintsugi.Web.Features.Account;

/// <summary>
/// The links sent by e-mail (confirm, reset, unlock) carry a user id and an Identity token made
/// URL-safe. Making and opening them happens here only.
/// </summary>
internal static class EmailLink
{
    public static Dictionary<string, string?> Query(AppUser user, string token) => new()
    {
        ["user"] = user.Id.ToString(),
        ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
    };

    /// <summary>The account and the token a link names, or null when either is missing or mangled.</summary>
    public static async Task<(AppUser User, string Token)?> OpenAsync(UserManager<AppUser> users, Guid userId, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return null;
        }

        try
        {
            return (user, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
