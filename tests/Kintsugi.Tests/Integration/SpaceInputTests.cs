using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// What spaces and the journal accept and what they say: bad input is a 400 ProblemDetails
/// naming the field, never a 500 (SECURITY.md E4); no answer carries another person's last-seen
/// time, presence, address, device, location or read receipts (A9).
/// </summary>
public abstract partial class SpaceInputTests(KintsugiApp app)
{
    private static readonly string[] RevealingExamples = ["lastSeenAt", "isOnline", "ip", "ipAddress", "clientIP", "deviceName", "readAt", "seenAt", "location", "userAgent"];

    [Fact]
    public async Task Bad_input_to_spaces_and_the_journal_is_a_400_problem_naming_the_field_and_changes_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var entry = await alex.WriteEntryAsync(spaceId, "Kept as it is.", "partners");
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var space = $"/api/v1/spaces/{spaceId}";
        var tooLong = (int n) => new string('x', n);

        (AppClient Who, string Method, string Path, string Body, string? Field)[] cases =
        [
            (alex, "POST", "/api/v1/spaces", Json(new { name = tooLong(101), displayName = "Alex" }), "name"),
            (alex, "POST", "/api/v1/spaces", Json(new { displayName = "Alex" }), "name"),
            (alex, "POST", "/api/v1/spaces", Json(new { name = "Us" }), "displayName"),
            (alex, "POST", "/api/v1/spaces", Json(new { name = "Us", displayName = tooLong(61) }), "displayName"),
            (alex, "POST", "/api/v1/spaces", Json(new { name = "Us", displayName = "Alex", journey = "a-cruise" }), "journey"),
            (alex, "POST", "/api/v1/spaces", Json(new { name = "Us", displayName = "Alex", values = tooLong(10_001) }), "values"),
            (alex, "POST", "/api/v1/spaces", """{"name": 5, "displayName": "Alex"}""", null),
            (alex, "PUT", space, Json(new { name = "Us" }), "version"),
            (alex, "PUT", space, Json(new { name = "", version = 1 }), "name"),
            (alex, "POST", space + "/invites", Json(new { role = "friend" }), null),
            (alex, "POST", space + "/invites", """{"role": 1}""", null),
            (kim, "POST", "/api/v1/spaces/join", Json(new { code = "ABCD-EFGH" }), "displayName"),
            (kim, "POST", "/api/v1/spaces/join", Json(new { displayName = "Kim" }), "code"),
            (kim, "POST", "/api/v1/spaces/join", Json(new { code = tooLong(101), displayName = "Kim" }), "code"),
            (alex, "POST", space + "/safety-check", Json(new { feelSafe = "maybe" }), "feelSafe"),
            (alex, "POST", space + "/safety-check", """{"freeWill": 1}""", null),
            (alex, "POST", space + "/journal", Json(new { text = tooLong(20_001) }), "text"),
            (alex, "POST", space + "/journal", "{}", "text"),
            (alex, "POST", space + "/journal", Json(new { text = "   " }), "text"),
            (alex, "POST", space + "/journal", Json(new { text = "Hello", audience = "everyone" }), null),
            (alex, "POST", space + "/journal", """{"text": "Hello", "audience": 1}""", null),
            (alex, "POST", space + "/journal", """{"text": "Hello", "audience": "1"}""", null),
            (alex, "PUT", $"{space}/journal/{entry}", Json(new { text = "Changed" }), "version"),
            (alex, "PUT", $"{space}/journal/{entry}", Json(new { version = 1 }), "text"),
            (alex, "PUT", $"{space}/journal/{entry}", Json(new { text = tooLong(20_001), version = 1 }), "text"),
            (alex, "PUT", $"{space}/journal/{entry}/audience", Json(new { audience = "public" }), null),
            (alex, "PUT", $"{space}/journal/{entry}/audience", """{"audience": 2}""", null),
            (alex, "PUT", $"{space}/journal/{entry}/audience", """{"audience": null}""", null),
            (alex, "POST", space + "/leave", """{"keepShared": "yes"}""", null),
        ];

        var failures = new List<string>();
        foreach (var (who, method, path, body, field) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await who.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var label = $"{method} {path.Replace(spaceId.ToString(), "{space}", StringComparison.Ordinal)} {body[..Math.Min(body.Length, 60)]}";
            if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{label}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
            else if (field is not null && (await Responses.ErrorsForAsync(response, field)).Length == 0)
            {
                failures.Add($"{label}: no error for {field} in {text}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(["Kept as it is."], await sam.JournalTextsAsync(spaceId));
        var after = await alex.GetJsonAsync(space);
        Assert.Equal(("Our space", 1, 2), (after.GetProperty("name").GetString(), after.GetProperty("version").GetInt32(), after.GetProperty("members").GetArrayLength()));
        Assert.Single((await alex.GetJsonAsync("/api/v1/spaces")).GetProperty("spaces").EnumerateArray());
        Assert.Equal("partners", (await alex.EntryAsync(spaceId, entry)).GetProperty("audience").GetString());
    }

    [Fact]
    public async Task No_answer_names_a_last_seen_time_presence_address_device_location_or_read_time()
    {
        var seen = new List<(string Request, JsonElement Json)>();
        async Task<JsonElement> Record(string label, Task<HttpResponseMessage> call)
        {
            var response = await call;
            Assert.True(response.IsSuccessStatusCode, $"{label}: {(int)response.StatusCode}");
            var json = response.StatusCode == HttpStatusCode.NoContent ? default : await Responses.JsonAsync(response);
            seen.Add((label, json));
            return json;
        }

        var (alex, _) = await AppClient.SignedInAsync(app, "alex");
        var (sam, _) = await AppClient.SignedInAsync(app, "sam");
        var (lee, _) = await AppClient.SignedInAsync(app, "lee");
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        await lee.EnableTwoFactorAsync();
        var spaceId = (await Record("create", alex.PostJsonAsync("/api/v1/spaces", new { name = "Us", displayName = "Alex", journey = "affair" }))).GetProperty("id").GetGuid();
        var space = $"/api/v1/spaces/{spaceId}";
        await Record("safety check", alex.PostJsonAsync(space + "/safety-check", new { feelSafe = "yes" }));
        foreach (var (client, name, role) in new[] { (sam, "Sam", "partner"), (lee, "Dr Lee", "practitioner") })
        {
            var code = (await Record("invite", alex.PostJsonAsync(space + "/invites", new { role }))).GetProperty("code").GetString();
            var requestId = (await Record("join", client.PostJsonAsync("/api/v1/spaces/join", new { code, displayName = name }))).GetProperty("requestId").GetGuid();
            await Record("list while waiting", client.GetAsync("/api/v1/spaces"));
            await Record("join requests", alex.GetAsync(space + "/join-requests"));
            await Record("approve", alex.PostJsonAsync($"{space}/join-requests/{requestId}/approve"));
            if (role == "practitioner")
            {
                await Record("approve", sam.PostJsonAsync($"{space}/join-requests/{requestId}/approve"));
            }
            else
            {
                await Record("safety check", client.PostJsonAsync(space + "/safety-check", new { }));
            }
        }

        await Record("invite", alex.PostJsonAsync(space + "/invites", new { role = "partner" }));
        await Record("join", kim.PostJsonAsync("/api/v1/spaces/join", new { code = (await Record("invite", alex.PostJsonAsync(space + "/invites", new { role = "partner" }))).GetProperty("code").GetString(), displayName = "Kim" }));
        await Record("join requests", sam.GetAsync(space + "/join-requests"));
        await Record("invites", sam.GetAsync(space + "/invites"));
        var entry = (await Record("write", alex.PostJsonAsync(space + "/journal", new { text = "Hello", audience = "partnersAndPractitioner" }))).GetProperty("id").GetGuid();
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await Record("edit", alex.PutJsonAsync($"{space}/journal/{entry}", new { text = "Hello again", version = 1 }));
        await Record("audience", alex.PutJsonAsync($"{space}/journal/{entry}/audience", new { audience = "partnersAndPractitioner" }));
        await Record("update space", sam.PutJsonAsync(space, new { name = "Us two", version = 1 }));
        foreach (var client in new[] { alex, sam, lee })
        {
            await Record("spaces", client.GetAsync("/api/v1/spaces"));
            await Record("space", client.GetAsync(space));
            await Record("journal", client.GetAsync(space + "/journal"));
            await Record("entry", client.GetAsync($"{space}/journal/{entry}"));
        }

        await Record("withdraw", alex.PostJsonAsync($"{space}/journal/{entry}/withdraw"));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (request, json) in seen)
        {
            foreach (var name in PropertyNames(json))
            {
                names.Add(name);
                Assert.False(Revealing(name), $"{request} answers with \"{name}\"");
            }
        }

        // The scan saw the answers it was meant to: nested members, earlier versions, requests and invites.
        Assert.Superset(new HashSet<string> { "members", "joinedAt", "earlierVersions", "replacedAt", "requestedAt", "expiresAt", "approvedByMe", "updatedAt" }, names);
        Assert.All(RevealingExamples, n => Assert.True(Revealing(n), n));
        Assert.DoesNotContain(names, n => Revealing(n));
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static bool Revealing(string name) =>
        RevealingWord().IsMatch(name) || IpAddress().IsMatch(name);

    private static IEnumerable<string> PropertyNames(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => json.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };

    [GeneratedRegex("last.?seen|last.?active|last.?login|online|presence|device|user.?agent|read.?at|seen.?at|location|latitude|longitude|geo", RegexOptions.IgnoreCase)]
    private static partial Regex RevealingWord();

    /// <summary>"ip" as a word of a camelCase name (ip, ipAddress, clientIp), not inside one (membershipId, recipient).</summary>
    [GeneratedRegex("(^ip|I[pP])([A-Z]|$)")]
    private static partial Regex IpAddress();
}

public sealed class SqliteSpaceInputTests(SqliteApp app) : SpaceInputTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSpaceInputTests(PostgresApp app) : SpaceInputTests(app), IClassFixture<PostgresApp>;
