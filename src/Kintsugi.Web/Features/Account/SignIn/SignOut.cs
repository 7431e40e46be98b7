namespace Kintsugi.Web.Features.Account.SignIn;

/// <summary>Ends this session on the server and tells the browser to drop its caches and storage (SECURITY.md C2).</summary>
internal static class SignOut
{
    public sealed class Handler(KintsugiSignInManager signIn, IHttpContextAccessor http)
    {
        public async Task HandleAsync()
        {
            await signIn.SignOutAsync();
            http.HttpContext!.Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        }
    }
}
