using System.Net;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

public abstract class AccountDataTests(KintsugiApp app)
{
    [Fact]
    public async Task The_export_holds_my_account_and_sessions_and_nobody_elses()
    {
        var (alice, aliceEmail) = await AppClient.SignedInAsync(app, "alice");
        var (_, bobEmail) = await AppClient.SignedInAsync(app, "bob");

        var response = await alice.PostJsonAsync("/api/v1/account/export", new { password = AppClient.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(text).RootElement;

        Assert.Equal(aliceEmail, export.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(1, export.GetProperty("sessions").GetArrayLength());
        Assert.DoesNotContain(bobEmail, text, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_export_needs_the_password()
    {
        var (client, _) = await AppClient.SignedInAsync(app);

        var api = await client.PostJsonAsync("/api/v1/account/export", new { password = "not it at all" });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(["That isn't your current password."], await Responses.ErrorsForAsync(api, "password"));

        var form = await client.SubmitAsync("/account/data", null, new Dictionary<string, string> { ["Password"] = "not it at all" }, action: "/account/data/export");
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var page = await client.PageAsync(form.Headers.Location!.OriginalString);
        Assert.Contains("id=\"export-password-error\"", page, StringComparison.Ordinal);

        var download = await client.SubmitAsync("/account/data", null, new Dictionary<string, string> { ["Password"] = AppClient.Password }, action: "/account/data/export");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Too_many_wrong_passwords_at_the_export_form_get_429_with_Retry_After()
    {
        var (client, _) = await AppClient.SignedInAsync(app);
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync("/account/data", null, new Dictionary<string, string> { ["Password"] = $"wrong {i}" }, action: "/account/data/export");
        }

        var locked = await client.SubmitAsync("/account/data", null, new Dictionary<string, string> { ["Password"] = AppClient.Password }, action: "/account/data/export");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
    }

    [Fact]
    public async Task Deleting_the_account_removes_it_and_everything_of_it_at_once()
    {
        var (client, email) = await AppClient.SignedInAsync(app);
        using var phone = app.NewClient();
        await phone.SignInAsync(email);
        await client.EnableTwoFactorAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/v1/account/delete", new { password = "not it at all" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/v1/account/delete", new { password = AppClient.Password })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/account")).StatusCode);
        using var fresh = app.NewClient();
        var signIn = await fresh.TrySignInAsync(email);
        var unknown = await fresh.TrySignInAsync(AppClient.NewEmail());
        Assert.Equal(await Responses.ObservableAsync(unknown), await Responses.ObservableAsync(signIn));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.Equal(0, await db.UserSessions.CountAsync(s => !db.Users.Any(u => u.Id == s.UserId)));
        Assert.Equal(0, await db.UserTokens.CountAsync(t => !db.Users.Any(u => u.Id == t.UserId)));
        Assert.Equal("Your account was deleted", (await app.Mail.WaitForAsync(email, count: 3)).Subject);
    }

    [Fact]
    public async Task The_delete_page_needs_the_password_and_then_signs_out()
    {
        var (client, _) = await AppClient.SignedInAsync(app);

        var wrong = await client.SubmitAsync("/account/delete", "delete-account", new Dictionary<string, string> { ["Input.Password"] = "not it at all" });
        Assert.Contains("id=\"delete-password-error\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var deleted = await client.SubmitAsync("/account/delete", "delete-account", new Dictionary<string, string> { ["Input.Password"] = AppClient.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.EndsWith("/account/deleted", deleted.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/account")).StatusCode);
    }
}

public sealed class SqliteAccountDataTests(SqliteApp app) : AccountDataTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAccountDataTests(PostgresApp app) : AccountDataTests(app), IClassFixture<PostgresApp>;
