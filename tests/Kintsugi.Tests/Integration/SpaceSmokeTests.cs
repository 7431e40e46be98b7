using System.Net;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

public sealed class SpaceSmokeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Three_partners_and_a_practitioner()
    {
        try { await Run(); } catch { foreach (var l in app.Logs.Lines.Where(l => l.Contains("Exception") || l.Contains("fail"))) { Console.WriteLine(l); } throw; }
    }

    private async Task Run()
    {
        var (a, _) = await AppClient.SignedInAsync(app, "a");
        var (b, _) = await AppClient.SignedInAsync(app, "b");
        var (c, _) = await AppClient.SignedInAsync(app, "c");
        var (p, _) = await AppClient.SignedInAsync(app, "p");
        var space = await a.CreateSpaceAsync();
        await b.JoinAsync(space, [a], "Sam");
        await c.JoinAsync(space, [a, b], "Kim");
        await p.EnableTwoFactorAsync();
        await p.JoinAsync(space, [a, b, c], "Dr P", "practitioner");
        var priv = await a.WriteEntryAsync(space, "private words");
        var shared = await a.WriteEntryAsync(space, "for partners", "partners");
        var prac = await b.WriteEntryAsync(space, "for all", "partnersAndPractitioner");
        Assert.Equal(["for all", "for partners", "private words"], (await a.JournalTextsAsync(space)).Order());
        Assert.Equal(["for all", "for partners"], (await c.JournalTextsAsync(space)).Order());
        Assert.Equal(["for all"], await p.JournalTextsAsync(space));
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/spaces/{space}/journal/{priv}")).StatusCode);
        var leave = await a.PostJsonAsync($"/api/v1/spaces/{space}/leave", new { keepShared = true });
        Assert.Equal(HttpStatusCode.NoContent, leave.StatusCode);
        Assert.Equal(["for all", "for partners"], (await c.JournalTextsAsync(space)).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/spaces/{space}/journal/{shared}")).StatusCode);
        _ = prac;
    }
}
