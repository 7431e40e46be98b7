using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// The anonymous apology feedback: POST /api/v1/apology-feedback and the page /check-an-apology.
/// Exact JSON shape, bad input, the rate limit, and that a letter leaves no trace in logs or the database.
/// </summary>
public abstract class ApologyFeedbackApiTests(KintsugiApp app)
{
    private const string Path = "/api/v1/apology-feedback";

    [Fact]
    public async Task The_api_answers_with_exactly_the_documented_shape()
    {
        using var client = app.NewClient();
        const string text = "I'm sorry, but you made me do it. I will tell you the truth from now on.";

        var response = await client.PostJsonAsync(Path, new { text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(["findings", "components"], json.EnumerateObject().Select(p => p.Name));
        var finding = Assert.Single(json.GetProperty("findings").EnumerateArray());
        Assert.Equal(["kind", "start", "length", "message"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("blame_shift", finding.GetProperty("kind").GetString());
        Assert.Equal("you made me do", text.Substring(finding.GetProperty("start").GetInt32(), finding.GetProperty("length").GetInt32()));
        Assert.False(string.IsNullOrWhiteSpace(finding.GetProperty("message").GetString()));
        var components = json.GetProperty("components");
        Assert.Equal(["regret", "responsibility", "impact", "repair", "change", "forgiveness_request"], components.EnumerateObject().Select(p => p.Name));
        Assert.True(components.GetProperty("regret").GetBoolean());
        Assert.True(components.GetProperty("change").GetBoolean());
        Assert.False(components.GetProperty("forgiveness_request").GetBoolean());
    }

    [Fact]
    public async Task Every_kind_travels_in_snake_case()
    {
        using var client = app.NewClient();
        var response = await client.PostJsonAsync(Path, new
        {
            text = "I was drunk. You made me do it. I'm sorry if you were hurt. It was just a kiss. You need to forgive me. I'm sorry you feel that way.",
        });

        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(
            ["blame_shift", "conditional", "deflection", "excuse", "forgiveness_demand", "minimizing"],
            json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).Distinct().Order());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"text\":null}")]
    [InlineData("{\"text\":42}")]
    [InlineData("[\"text\"]")]
    [InlineData("{\"text\": \"unterminated")]
    [InlineData("")]
    public async Task Missing_null_or_broken_text_is_a_400_with_a_message_for_the_field(string body)
    {
        using var client = app.NewClient();
        var response = await client.Http.PostAsync(Path, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Text_over_the_limit_is_a_400_and_text_at_the_limit_is_checked()
    {
        using var client = app.NewClient();
        var tooLong = await client.PostJsonAsync(Path, new { text = new string('a', 20_001) });
        var problem = await SpaceSteps.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.Contains("20,000", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);

        var atLimit = await client.PostJsonAsync(Path, new { text = string.Concat(Enumerable.Repeat("It was just a kiss. ", 1000)) });
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
    }

    [Fact]
    public async Task Anything_but_json_is_a_415()
    {
        using var client = app.NewClient();
        var response = await client.Http.PostAsync(Path, new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "I'm sorry." }), TestContext.Current.CancellationToken);
        await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Sixty_checks_a_minute_pass_and_then_a_429_with_Retry_After()
    {
        using var client = app.NewClient();
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(Path, new { text = "I'm sorry." })).StatusCode);
        }

        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await client.PostJsonAsync(Path, new { text = "I'm sorry." });
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.NotNull(limited.Headers.RetryAfter);
        await SpaceSteps.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);

        using var someoneElse = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.PostJsonAsync(Path, new { text = "I'm sorry." })).StatusCode);
    }

    [Fact]
    public async Task A_checked_letter_is_neither_logged_nor_stored()
    {
        var canary = "canary" + Guid.CreateVersion7().ToString("N");
        using var client = app.NewClient();
        await client.PageAsync("/check-an-apology"); // the app's own first-use writes (keys) happen before counting
        var before = await RowCountsAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(Path, new { text = $"I'm sorry, but {canary} made me do it." })).StatusCode);
        await client.Http.PostAsync(Path, new StringContent($"{{\"text\": {canary}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await client.PostJsonAsync(Path, new { text = canary + new string('x', 20_001) });
        var page = await client.SubmitAsync("/check-an-apology", "check-apology", new Dictionary<string, string> { ["Input.Text"] = $"It was only {canary}." });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(canary, StringComparison.Ordinal));
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task The_page_works_without_javascript_as_a_plain_form_post()
    {
        using var client = app.NewClient();
        var blank = await client.PageAsync("/check-an-apology");
        Assert.Contains("Nothing you write here is stored", blank, StringComparison.Ordinal);
        Assert.Contains("data-apology-feedback=\"apology-feedback\"", blank, StringComparison.Ordinal);

        var response = await client.SubmitAsync("/check-an-apology", "check-apology", new Dictionary<string, string>
        {
            ["Input.Text"] = "I'm sorry <b>love</b>, but it was only a few messages.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<mark>it was only a few messages</mark>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/check-an-apology#apology-finding-1\"", html, StringComparison.Ordinal);
        Assert.Contains("Minimising", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;love&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>love</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_refuses_text_over_the_limit_next_to_the_field()
    {
        using var client = app.NewClient();
        var response = await client.SubmitAsync("/check-an-apology", "check-apology", new Dictionary<string, string> { ["Input.Text"] = new string('a', 20_001) });
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("longer than 20,000 characters", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_and_every_page_footer_link_to_the_check()
    {
        using var client = app.NewClient();
        Assert.Contains("href=\"/check-an-apology\"", await client.PageAsync("/"), StringComparison.Ordinal);
        Assert.Contains("href=\"/check-an-apology\"", await client.PageAsync("/support"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_endpoint_is_in_the_openapi_document()
    {
        using var client = app.NewClient();
        var json = await (await client.GetAsync("/openapi/v1.json")).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(json.GetProperty("paths").TryGetProperty(Path, out var path));
        Assert.True(path.TryGetProperty("post", out var post));
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("429", out _));
    }

    private async Task<Dictionary<string, int>> RowCountsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counts = new Dictionary<string, int>();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
#pragma warning disable EF1002 // Table names come from the model, not from input.
            counts[table] = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
        }

        return counts;
    }
}

public sealed class SqliteApologyFeedbackApiTests(SqliteApp app) : ApologyFeedbackApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApologyFeedbackApiTests(PostgresApp app) : ApologyFeedbackApiTests(app), IClassFixture<PostgresApp>;
