using Kintsugi.Web.Features.Account.Sessions;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account;

/// <summary>The signed-in person of this request, as established by the cookie and its session row.</summary>
internal sealed class CurrentUser(IHttpContextAccessor http, UserManager<AppUser> users)
{
    public Guid? Id => SessionValidation.UserId(http.HttpContext?.User);

    public Guid? SessionId => SessionValidation.SessionId(http.HttpContext?.User);

    /// <summary>The account, or null if it was deleted since the cookie was checked.</summary>
    public async Task<AppUser?> FindAsync() => Id is { } id ? await users.FindByIdAsync(id.ToString()) : null;
}
