using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account.Registration;

/// <summary>
/// Confirm the address with the link from the e-mail. The link opens a page with a button, and the
/// button does the confirming: GET never changes anything, and mail scanners that open links
/// cannot confirm on someone's behalf.
/// </summary>
internal static class ConfirmEmail
{
    public const string LinkProblem = "This link has expired or has already been used. You can ask for a new one below.";

    public sealed class Request
    {
        [Required]
        public Guid UserId { get; set; }

        [Required]
        [StringLength(2048)]
        public string Code { get; set; } = "";
    }

    public sealed class Handler(UserManager<AppUser> users)
    {
        public async Task<Outcome<Done>> HandleAsync(Request request)
        {
            if (await EmailLink.OpenAsync(users, request.UserId, request.Code) is not var (user, token))
            {
                return Outcome<Done>.Invalid("", LinkProblem);
            }

            var result = await users.ConfirmEmailAsync(user, token);
            return result.Succeeded ? Outcome<Done>.Ok(default) : Outcome<Done>.Invalid("", LinkProblem);
        }
    }
}
