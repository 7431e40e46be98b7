using System.Net;
using System.Text.RegularExpressions;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// SECURITY.md A4: nobody can tell from any answer whether another person keeps private entries.
/// A private id answers like a random one, and two spaces that differ only in one partner's
/// private entries look byte for byte the same to everyone else.
/// </summary>
public abstract partial class JournalPrivacyTests(KintsugiApp app)
{
    [Fact]
    public async Task Someone_elses_private_entry_answers_exactly_like_an_id_that_never_existed()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var (bob, _) = await AppClient.SignedInAsync(app, "bob");
        var bobsSpace = await bob.CreateSpaceAsync("Bob's space");
        var bobsEntry = await bob.WriteEntryAsync(bobsSpace, "Bob's shared words.", "partners");
        var secret = await alex.WriteEntryAsync(spaceId, "Nobody else may know this.");
        var withdrawn = await alex.WriteEntryAsync(spaceId, "Shared, then taken back.", "partnersAndPractitioner");
        await alex.ShareAsync(spaceId, withdrawn, "onlyMe");
        var unknown = SpaceSteps.UnknownId(app);

        foreach (var (who, client) in new[] { ("partner", sam), ("practitioner", lee) })
        {
            foreach (var hidden in new[] { secret, withdrawn, bobsEntry })
            {
                foreach (var (verb, send) in Requests(client, spaceId))
                {
                    var real = await send(hidden);
                    Assert.True(real.StatusCode == HttpStatusCode.NotFound, $"{who} {verb}: {(int)real.StatusCode}");
                    Assert.Equal(await Responses.ObservableAsync(await send(unknown)), await Responses.ObservableAsync(real));
                }
            }
        }

        var entry = await alex.EntryAsync(spaceId, secret);
        Assert.Equal(("Nobody else may know this.", "onlyMe", 1), (entry.GetProperty("text").GetString(), entry.GetProperty("audience").GetString(), entry.GetProperty("version").GetInt32()));
        Assert.Equal(["Bob's shared words."], await bob.JournalTextsAsync(bobsSpace));
    }

    [Fact]
    public async Task Everyone_else_gets_byte_identical_answers_whether_or_not_a_partner_keeps_private_entries()
    {
        // Two worlds built step by step at the same moments; in the first, Alex also writes privately.
        World[] worlds = [new(), new()];
        var (withPrivate, without) = (worlds[0], worlds[1]);
        await InBothAsync(worlds, async w =>
        {
            (w.Alex, _) = await AppClient.SignedInAsync(app, "alex");
            (w.Sam, _) = await AppClient.SignedInAsync(app, "sam");
            (w.Lee, _) = await AppClient.SignedInAsync(app, "lee");
            await w.Lee.EnableTwoFactorAsync();
            w.SpaceId = await w.Alex.CreateSpaceAsync("Us");
        });
        await InBothAsync(worlds, w => w.Sam.JoinAsync(w.SpaceId, [w.Alex], "Sam"));
        await InBothAsync(worlds, w => w.Lee.JoinAsync(w.SpaceId, [w.Alex, w.Sam], "Dr Lee", "practitioner"));
        await InBothAsync(worlds, w => w.Alex.WriteEntryAsync(w.SpaceId, "We talked about Tuesday.", "partners"));
        await InBothAsync([withPrivate], async w =>
        {
            var angry = await w.Alex.WriteEntryAsync(w.SpaceId, "I am still angry about Tuesday.");
            await w.Alex.EditEntryAsync(w.SpaceId, angry, "I am still angry about Tuesday, and tired.", 1);
            var regret = await w.Alex.WriteEntryAsync(w.SpaceId, "Shared too soon.", "partnersAndPractitioner");
            await w.Alex.ShareAsync(w.SpaceId, regret, "onlyMe");
            var gone = await w.Alex.WriteEntryAsync(w.SpaceId, "Written and deleted.");
            Assert.Equal(HttpStatusCode.NoContent, (await w.Alex.DeleteAsync($"/api/v1/spaces/{w.SpaceId}/journal/{gone}")).StatusCode);
        });
        await InBothAsync(worlds, w => w.Sam.WriteEntryAsync(w.SpaceId, "Thank you for listening.", "partnersAndPractitioner"));
        await InBothAsync(worlds, async w =>
        {
            var forLee = await w.Alex.WriteEntryAsync(w.SpaceId, "For Dr Lee too.", "partnersAndPractitioner");
            await w.Alex.EditEntryAsync(w.SpaceId, forLee, "For Dr Lee too, with more detail.", 1);
        });
        await InBothAsync([withPrivate], w => w.Alex.WriteEntryAsync(w.SpaceId, "The newest, and mine alone."));

        foreach (var reader in new Func<World, AppClient>[] { w => w.Sam, w => w.Lee })
        {
            var seen = new List<string>[2];
            for (var i = 0; i < 2; i++)
            {
                var (client, spaceId) = (reader(worlds[i]), worlds[i].SpaceId);
                var list = await client.GetAsync($"/api/v1/spaces/{spaceId}/journal");
                seen[i] = [await Responses.ObservableAsync(list), await Responses.ObservableAsync(await client.GetAsync($"/api/v1/spaces/{spaceId}")), await Responses.ObservableAsync(await client.GetAsync("/api/v1/spaces"))];
                foreach (var item in (await Responses.JsonAsync(list)).EnumerateArray())
                {
                    seen[i].Add(await Responses.ObservableAsync(await client.GetAsync($"/api/v1/spaces/{spaceId}/journal/{item.GetProperty("id").GetGuid()}")));
                }
            }

            Assert.True(seen[0].Count >= 4, "the readers should see shared entries in both worlds");
            Assert.Equal(WithoutIds(seen[1]), WithoutIds(seen[0]));
        }

        Assert.Equal(6, (await withPrivate.Alex.JournalTextsAsync(withPrivate.SpaceId)).Count);
        Assert.Equal(3, (await without.Alex.JournalTextsAsync(without.SpaceId)).Count);
    }

    /// <summary>Each verb on one entry id, as the given person.</summary>
    private static (string Verb, Func<Guid, Task<HttpResponseMessage>> Send)[] Requests(AppClient client, Guid spaceId) =>
    [
        ("GET", id => client.GetAsync($"/api/v1/spaces/{spaceId}/journal/{id}")),
        ("PUT", id => client.PutJsonAsync($"/api/v1/spaces/{spaceId}/journal/{id}", new { text = "Overwritten", version = 1 })),
        ("PUT audience", id => client.PutJsonAsync($"/api/v1/spaces/{spaceId}/journal/{id}/audience", new { audience = "partners" })),
        ("POST withdraw", id => client.PostJsonAsync($"/api/v1/spaces/{spaceId}/journal/{id}/withdraw")),
        ("DELETE", id => client.DeleteAsync($"/api/v1/spaces/{spaceId}/journal/{id}")),
    ];

    /// <summary>Runs one step in each world at the same moment on the test clock, then lets a minute pass.</summary>
    private async Task InBothAsync(IEnumerable<World> worlds, Func<World, Task> step)
    {
        foreach (var world in worlds)
        {
            await step(world);
        }

        app.Time.Advance(TimeSpan.FromMinutes(1));
    }

    /// <summary>Ids differ between worlds by construction; each is replaced by the order it first appears in.</summary>
    private static List<string> WithoutIds(List<string> answers)
    {
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return [.. answers.Select(a => Id().Replace(a, m => "id" + (ids.TryGetValue(m.Value, out var n) ? n : ids[m.Value] = ids.Count)))];
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Id();

    private sealed class World
    {
        public AppClient Alex { get; set; } = null!;

        public AppClient Sam { get; set; } = null!;

        public AppClient Lee { get; set; } = null!;

        public Guid SpaceId { get; set; }
    }
}

public sealed class SqliteJournalPrivacyTests(SqliteApp app) : JournalPrivacyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresJournalPrivacyTests(PostgresApp app) : JournalPrivacyTests(app), IClassFixture<PostgresApp>;
