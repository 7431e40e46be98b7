using System.Net;
using System.Text.Json;

namespace Kintsugi.Tests.Infrastructure;

/// <summary>
/// The steps of the repair journey (what happened, the decision point, the stages, rebuilding
/// conversations), through the JSON API. Like <see cref="SpaceSteps"/>, each step asserts the answer it expects.
/// </summary>
public static class RepairSteps
{
    /// <summary>A space with three partners (Alex, Sam, Kit, joined in that order) who have all taken the safety check.</summary>
    public static async Task<(AppClient Alex, AppClient Sam, AppClient Kit, Guid SpaceId)> ThreePartnersAsync(KintsugiApp app, string name = "Our space")
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app, name);
        var (kit, _) = await AppClient.SignedInAsync(app, "kit");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await kit.JoinAsync(spaceId, [alex, sam], "Kit");
        return (alex, sam, kit, spaceId);
    }

    /// <summary>The membership id of the member with this display name, as this person sees the space.</summary>
    public static async Task<Guid> MembershipIdAsync(this AppClient client, Guid spaceId, string displayName)
    {
        var space = await client.GetJsonAsync($"/api/v1/spaces/{spaceId}");
        return space.GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("displayName").GetString() == displayName)
            .GetProperty("membershipId").GetGuid();
    }

    // What happened

    public static Task<HttpResponseMessage> TryRecordBreachAsync(this AppClient client, Guid spaceId, object record) =>
        client.PostJsonAsync($"/api/v1/spaces/{spaceId}/breaches", record);

    /// <summary>Records a breach; returns its id.</summary>
    public static async Task<Guid> RecordBreachAsync(this AppClient client, Guid spaceId, object? record = null)
    {
        var response = await client.TryRecordBreachAsync(spaceId, record ?? new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/spaces/{spaceId}/breaches/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>One breach record with the accounts this person may read (asserts 200).</summary>
    public static Task<JsonElement> BreachAsync(this AppClient client, Guid spaceId, Guid breachId) =>
        client.GetJsonAsync($"/api/v1/spaces/{spaceId}/breaches/{breachId}");

    /// <summary>The titles of the breach records this person can read, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> BreachTitlesAsync(this AppClient client, Guid spaceId)
    {
        var items = await client.GetJsonAsync($"/api/v1/spaces/{spaceId}/breaches");
        return [.. items.EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
    }

    public static async Task ShareBreachAsync(this AppClient client, Guid spaceId, Guid breachId, string audience)
    {
        var response = await client.PutJsonAsync($"/api/v1/spaces/{spaceId}/breaches/{breachId}/audience", new { audience });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static Task<HttpResponseMessage> TryWriteLinkedAsync(this AppClient client, Guid spaceId, string text, string kind, Guid? breachId = null, Guid? conversationId = null, string audience = "onlyMe") =>
        client.PostJsonAsync($"/api/v1/spaces/{spaceId}/journal", new { text, kind, breachId, conversationId, audience });

    /// <summary>Writes an account, impact statement or note linked to a breach or conversation; returns its id.</summary>
    public static async Task<Guid> WriteLinkedAsync(this AppClient client, Guid spaceId, string text, string kind, Guid? breachId = null, Guid? conversationId = null, string audience = "onlyMe")
    {
        var response = await client.TryWriteLinkedAsync(spaceId, text, kind, breachId, conversationId, audience);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>The texts of the accounts and impact statements about a breach that this person may read.</summary>
    public static async Task<IReadOnlyList<string>> AccountTextsAsync(this AppClient client, Guid spaceId, Guid breachId)
    {
        var breach = await client.BreachAsync(spaceId, breachId);
        return [.. breach.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("text").GetString()!)];
    }

    // The decision point

    public static Task<JsonElement> DecisionAsync(this AppClient client, Guid spaceId) =>
        client.GetJsonAsync($"/api/v1/spaces/{spaceId}/decision");

    public static Task<HttpResponseMessage> TryAnswerAsync(this AppClient client, Guid spaceId, object answer) =>
        client.PutJsonAsync($"/api/v1/spaces/{spaceId}/decision/answer", answer);

    /// <summary>Answers (or changes the answer to) the decision point; returns the decision as this person now sees it.</summary>
    public static async Task<JsonElement> AnswerAsync(this AppClient client, Guid spaceId, object answer)
    {
        var response = await client.TryAnswerAsync(spaceId, answer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Responses.JsonAsync(response);
    }

    public static string State(this JsonElement decision) => decision.GetProperty("state").GetString()!;

    // Stages

    public static Task<JsonElement> StageAsync(this AppClient client, Guid spaceId) =>
        client.GetJsonAsync($"/api/v1/spaces/{spaceId}/stage");

    public static Task<HttpResponseMessage> TryMoveStageAsync(this AppClient client, Guid spaceId, string? to) =>
        client.PutJsonAsync($"/api/v1/spaces/{spaceId}/stage/move", new { to });

    /// <summary>Says where this partner would like the space to be; returns (current stage, whether it moved).</summary>
    public static async Task<(string Current, bool Moved)> MoveStageAsync(this AppClient client, Guid spaceId, string? to)
    {
        var response = await client.TryMoveStageAsync(spaceId, to);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Responses.JsonAsync(response);
        return (result.GetProperty("current").GetString()!, result.GetProperty("moved").GetBoolean());
    }

    // Rebuilding conversations

    /// <summary>Starts a conversation, about a breach or not; returns its id.</summary>
    public static async Task<Guid> StartConversationAsync(this AppClient client, Guid spaceId, Guid? breachId = null)
    {
        var response = await client.PostJsonAsync($"/api/v1/spaces/{spaceId}/conversations", new { breachId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/spaces/{spaceId}/conversations/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    public static Task<JsonElement> ConversationAsync(this AppClient client, Guid spaceId, Guid conversationId) =>
        client.GetJsonAsync($"/api/v1/spaces/{spaceId}/conversations/{conversationId}");

    public static async Task PassTurnAsync(this AppClient client, Guid spaceId, Guid conversationId, Guid? speaker)
    {
        var response = await client.PutJsonAsync($"/api/v1/spaces/{spaceId}/conversations/{conversationId}/speaker", new { speaker });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static Task<HttpResponseMessage> TryReflectAsync(this AppClient client, Guid spaceId, Guid conversationId, string text) =>
        client.PostJsonAsync($"/api/v1/spaces/{spaceId}/conversations/{conversationId}/reflections", new { text });

    /// <summary>As a listener, writes back what was heard; returns the reflection's id.</summary>
    public static async Task<Guid> ReflectAsync(this AppClient client, Guid spaceId, Guid conversationId, string text)
    {
        var response = await client.TryReflectAsync(spaceId, conversationId, text);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    // Where we are

    public static Task<JsonElement> WhereWeAreAsync(this AppClient client, Guid spaceId) =>
        client.GetJsonAsync($"/api/v1/spaces/{spaceId}/where-we-are");

    /// <summary>The kinds of what is waiting for this person on the space home ("decision", "account", …).</summary>
    public static async Task<IReadOnlyList<string>> WaitingKindsAsync(this AppClient client, Guid spaceId)
    {
        var view = await client.WhereWeAreAsync(spaceId);
        return [.. view.GetProperty("forMe").EnumerateArray().Select(w => w.GetProperty("kind").GetString()!)];
    }
}
