using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

public abstract class SessionTests(KintsugiApp app)
{
    [Fact]
    public async Task Ending_a_session_takes_effect_on_its_very_next_request()
    {
        var (laptop, email) = await AppClient.SignedInAsync(app);
        using var phone = app.NewClient();
        await phone.SignInAsync(email);

        var sessions = await laptop.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/account/sessions");
        Assert.Equal(2, sessions!.Length);
        var phoneSession = sessions.Single(s => !s.GetProperty("isCurrent").GetBoolean()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/v1/account")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await laptop.Http.DeleteAsync($"/api/v1/account/sessions/{phoneSession}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/account")).StatusCode);
        var page = await phone.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task Someone_elses_session_id_is_answered_like_an_unknown_one()
    {
        var (alice, _) = await AppClient.SignedInAsync(app, "alice");
        var (bob, _) = await AppClient.SignedInAsync(app, "bob");
        var bobsSession = (await bob.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/account/sessions"))!.Single().GetProperty("id").GetGuid();

        var foreign = await alice.Http.DeleteAsync($"/api/v1/account/sessions/{bobsSession}");
        var random = await alice.Http.DeleteAsync($"/api/v1/account/sessions/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(await Responses.ObservableAsync(random), await Responses.ObservableAsync(foreign));
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/v1/account")).StatusCode);
        Assert.DoesNotContain(bobsSession.ToString(), await (await alice.GetAsync("/api/v1/account/sessions")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_out_cookie_cannot_be_replayed()
    {
        var (client, _) = await AppClient.SignedInAsync(app);
        var cookie = CookieHeader(client);

        var signOut = await client.PostJsonAsync("/api/v1/account/sign-out");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal("\"cache\", \"storage\"", signOut.Headers.GetValues("Clear-Site-Data").Single());

        using var thief = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task An_idle_session_ends_after_two_hours_and_an_active_one_after_a_day()
    {
        var (idle, _) = await AppClient.SignedInAsync(app);
        var (active, _) = await AppClient.SignedInAsync(app);

        for (var hour = 0; hour < 23; hour++)
        {
            app.Time.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await active.GetAsync("/api/v1/account")).StatusCode);
            if (hour == 1)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/v1/account")).StatusCode);
            }
        }

        app.Time.Advance(TimeSpan.FromHours(1.5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await active.GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task A_kept_session_survives_a_quiet_evening_but_not_a_month()
    {
        var client = app.NewClient();
        var email = AppClient.NewEmail();
        await client.RegisterAsync(email);
        await client.ConfirmAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.TrySignInAsync(email, rememberMe: true)).StatusCode);

        app.Time.Advance(TimeSpan.FromHours(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/account")).StatusCode);
        for (var week = 0; week < 4; week++)
        {
            app.Time.Advance(TimeSpan.FromDays(7));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/account")).StatusCode);
        }

        app.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session()
    {
        var (laptop, email) = await AppClient.SignedInAsync(app);
        using var phone = app.NewClient();
        await phone.SignInAsync(email);

        var changed = await laptop.PostJsonAsync("/api/v1/account/password", new { currentPassword = AppClient.Password, newPassword = "the lighthouse keeper's song" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/account")).StatusCode);
        Assert.Equal("Your password was changed", (await app.Mail.WaitForAsync(email, count: 2)).Subject);
    }

    [Fact]
    public async Task A_wrong_current_password_is_shown_next_to_its_field()
    {
        var (client, _) = await AppClient.SignedInAsync(app);
        var response = await client.PostJsonAsync("/api/v1/account/password", new { currentPassword = "not it at all", newPassword = "the lighthouse keeper's song" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["That isn't your current password."], await Responses.ErrorsForAsync(response, "currentPassword"));
    }

    [Fact]
    public async Task The_sessions_page_lists_this_device_and_ends_the_others()
    {
        var (laptop, email) = await AppClient.SignedInAsync(app);
        using var phone = app.NewClient();
        await phone.SignInAsync(email);

        var page = await laptop.PageAsync("/account/sessions");
        Assert.Contains("This device", page, StringComparison.Ordinal);
        Assert.DoesNotContain("10.", page, StringComparison.Ordinal); // no addresses shown or kept

        var ended = await laptop.SubmitAsync("/account/sessions", "end-others", new Dictionary<string, string>());
        Assert.Contains("One other session has ended.", await ended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task Ending_a_session_that_already_ended_says_so()
    {
        var (laptop, email) = await AppClient.SignedInAsync(app);
        using var phone = app.NewClient();
        await phone.SignInAsync(email);
        var phoneSession = (await laptop.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/account/sessions"))!
            .Single(s => !s.GetProperty("isCurrent").GetBoolean()).GetProperty("id").GetGuid();
        await phone.PostJsonAsync("/api/v1/account/sign-out");

        // The laptop's page still lists the phone; pressing its button must not be an error.
        var response = await laptop.SubmitAsync("/account/sessions", "end-session", new Dictionary<string, string> { ["SessionId"] = phoneSession.ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That session had already ended.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string CookieHeader(AppClient client)
    {
        // The test client's cookie container; read it through a request it builds.
        var handler = typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(client.Http);
        while (handler is not null && handler is not Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler)
        {
            handler = (handler as DelegatingHandler)?.InnerHandler;
        }

        var container = ((Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler)handler!).Container;
        return container.GetCookieHeader(new Uri("https://localhost/"));
    }
}

public sealed class SqliteSessionTests(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSessionTests(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;
