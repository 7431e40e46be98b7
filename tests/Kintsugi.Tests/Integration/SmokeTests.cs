using System.Net;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

public abstract class SmokeTests(KintsugiApp app)
{
    [Fact]
    public async Task Home_page_says_what_kintsugi_is_and_is_not()
    {
        using var client = app.NewClient();
        var page = await client.PageAsync("/");
        Assert.Contains("What Kintsugi is not", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/support\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_account_is_confirmed_by_mail_and_can_sign_in()
    {
        var (client, email) = await AppClient.SignedInAsync(app);
        var me = await client.GetAsync("/api/v1/account");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(email, await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteSmokeTests(SqliteApp app) : SmokeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSmokeTests(PostgresApp app) : SmokeTests(app), IClassFixture<PostgresApp>;
