using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kintsugi.Tests.Infrastructure;

/// <summary>
/// The steps people take in spaces, through the JSON API, for integration tests. Each step asserts
/// the answer it expects, so a test reads as the story it tells.
/// </summary>
public static class SpaceSteps
{
    /// <summary>Creates a space (and takes the safety check, so the creator is fully in); returns its id.</summary>
    public static async Task<Guid> CreateSpaceAsync(this AppClient client, string name = "Our space", string displayName = "Alex", bool safetyCheck = true)
    {
        var response = await client.PostJsonAsync("/api/v1/spaces", new { name, displayName, journey = "affair", values = "We are honest with each other." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
        if (safetyCheck)
        {
            await client.TakeSafetyCheckAsync(id);
        }

        return id;
    }

    public static async Task TakeSafetyCheckAsync(this AppClient client, Guid spaceId)
    {
        var response = await client.PostJsonAsync($"/api/v1/spaces/{spaceId}/safety-check", new { feelSafe = "yes", afraidOfReaction = "no", freeWill = "yes" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A new invite's code.</summary>
    public static async Task<string> InviteAsync(this AppClient client, Guid spaceId, string role = "partner")
    {
        var response = await client.PostJsonAsync($"/api/v1/spaces/{spaceId}/invites", new { role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("code").GetString()!;
    }

    public static Task<HttpResponseMessage> TryJoinAsync(this AppClient client, string code, string displayName = "Sam") =>
        client.PostJsonAsync("/api/v1/spaces/join", new { code, displayName });

    /// <summary>Uses a code; returns the pending request's id.</summary>
    public static async Task<Guid> RequestToJoinAsync(this AppClient client, string code, string displayName = "Sam")
    {
        var response = await client.TryJoinAsync(code, displayName);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("requestId").GetGuid();
    }

    /// <summary>One partner approves; returns whether the newcomer is now in.</summary>
    public static async Task<bool> ApproveAsync(this AppClient partner, Guid spaceId, Guid requestId)
    {
        var response = await partner.PostJsonAsync($"/api/v1/spaces/{spaceId}/join-requests/{requestId}/approve");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("joined").GetBoolean();
    }

    /// <summary>
    /// Brings <paramref name="newcomer"/> into the space: an invite from the first partner, approval by
    /// every partner given, and (for partners) the safety check.
    /// </summary>
    public static async Task JoinAsync(this AppClient newcomer, Guid spaceId, IReadOnlyList<AppClient> partners, string displayName, string role = "partner")
    {
        var code = await partners[0].InviteAsync(spaceId, role);
        var requestId = await newcomer.RequestToJoinAsync(code, displayName);
        for (var i = 0; i < partners.Count; i++)
        {
            Assert.Equal(i == partners.Count - 1, await partners[i].ApproveAsync(spaceId, requestId));
        }

        if (role == "partner")
        {
            await newcomer.TakeSafetyCheckAsync(spaceId);
        }
    }

    /// <summary>Writes a journal entry; returns its id.</summary>
    public static async Task<Guid> WriteEntryAsync(this AppClient client, Guid spaceId, string text, string? audience = null)
    {
        var response = await client.PostJsonAsync($"/api/v1/spaces/{spaceId}/journal", audience is null ? new { text } : new { text, audience });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    public static async Task ShareAsync(this AppClient client, Guid spaceId, Guid entryId, string audience)
    {
        var response = await client.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/journal/{entryId}/audience", new { audience });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The texts of the journal entries this person can read in the space.</summary>
    public static async Task<IReadOnlyList<string>> JournalTextsAsync(this AppClient client, Guid spaceId)
    {
        var response = await client.GetAsync($"/api/v1/spaces/{spaceId}/journal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. items.EnumerateArray().Select(i => i.GetProperty("text").GetString()!)];
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this AppClient client, string path, object body) => client.Http.PutAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> DeleteAsync(this AppClient client, string path) => client.Http.DeleteAsync(path);

    /// <summary>GETs a path that must answer 200 and returns its JSON.</summary>
    public static async Task<JsonElement> GetJsonAsync(this AppClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Responses.JsonAsync(response);
    }

    /// <summary>A space with two partners who have both taken the safety check.</summary>
    public static async Task<(AppClient Alex, AppClient Sam, Guid SpaceId)> TwoPartnersAsync(KintsugiApp app, string name = "Our space")
    {
        var (alex, _) = await AppClient.SignedInAsync(app, "alex");
        var (sam, _) = await AppClient.SignedInAsync(app, "sam");
        var spaceId = await alex.CreateSpaceAsync(name);
        app.Time.Advance(TimeSpan.FromMinutes(1)); // members are listed in the order they joined
        await sam.JoinAsync(spaceId, [alex], "Sam");
        return (alex, sam, spaceId);
    }

    /// <summary>Brings in a practitioner (with two-step sign-in on unless told otherwise); returns their membership id.</summary>
    public static async Task<(AppClient Practitioner, Guid MembershipId)> AddPractitionerAsync(KintsugiApp app, Guid spaceId, IReadOnlyList<AppClient> partners, bool twoFactor = true)
    {
        var (practitioner, _) = await AppClient.SignedInAsync(app, "practitioner");
        if (twoFactor)
        {
            await practitioner.EnableTwoFactorAsync();
        }

        app.Time.Advance(TimeSpan.FromMinutes(1));
        await practitioner.JoinAsync(spaceId, partners, "Dr Lee", "practitioner");
        var space = await partners[0].GetJsonAsync($"/api/v1/spaces/{spaceId}");
        var membershipId = space.GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("role").GetString() == "practitioner")
            .GetProperty("membershipId").GetGuid();
        return (practitioner, membershipId);
    }

    /// <summary>One journal entry as this person can read it (asserts 200).</summary>
    public static Task<JsonElement> EntryAsync(this AppClient client, Guid spaceId, Guid entryId) =>
        client.GetJsonAsync($"/api/v1/spaces/{spaceId}/journal/{entryId}");

    public static Task<HttpResponseMessage> TryEditEntryAsync(this AppClient client, Guid spaceId, Guid entryId, string text, int version) =>
        client.PutJsonAsync($"/api/v1/spaces/{spaceId}/journal/{entryId}", new { text, version });

    /// <summary>Rewrites an entry from the version given; returns the new version.</summary>
    public static async Task<int> EditEntryAsync(this AppClient client, Guid spaceId, Guid entryId, string text, int version)
    {
        var response = await client.TryEditEntryAsync(spaceId, entryId, text, version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("version").GetInt32();
    }

    public static async Task LeaveAsync(this AppClient client, Guid spaceId, bool keepShared = false)
    {
        var response = await client.PostJsonAsync($"/api/v1/spaces/{spaceId}/leave", new { keepShared });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>An id shaped like the app's own (version 7, from the test clock) that names nothing.</summary>
    public static Guid UnknownId(KintsugiApp app) => Guid.CreateVersion7(app.Time.GetUtcNow());

    /// <summary>Asserts a ProblemDetails answer with this status, and returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Read as a string, so that the body can still be read again (errors, or the whole answer).
        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
