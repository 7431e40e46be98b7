using System.Net;
using System.Text.Json;

namespace Kintsugi.Tests.Infrastructure;

/// <summary>The steps partners take with agreements, through the JSON API; each asserts the answer it expects.</summary>
public static class AgreementSteps
{
    public static string Agreements(Guid spaceId) => $"/api/v1/spaces/{spaceId}/agreements";

    public static Task<HttpResponseMessage> TryProposeAsync(this AppClient client, Guid spaceId, object body) =>
        client.PostJsonAsync(Agreements(spaceId), body);

    /// <summary>Proposes an agreement; returns its id.</summary>
    public static async Task<Guid> ProposeAsync(this AppClient client, Guid spaceId, string text, string area = "sexual", string? consequence = "seekTherapy", string? reviewOn = null)
    {
        var response = await client.TryProposeAsync(spaceId, new { text, area, consequence, reviewOn });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    public static Task<JsonElement> AgreementAsync(this AppClient client, Guid spaceId, Guid agreementId) =>
        client.GetJsonAsync($"{Agreements(spaceId)}/{agreementId}");

    public static Task<HttpResponseMessage> TrySignAsync(this AppClient client, Guid spaceId, Guid agreementId, int version) =>
        client.PostJsonAsync($"{Agreements(spaceId)}/{agreementId}/signature", new { version });

    /// <summary>Signs the version given; returns the agreement's state afterwards.</summary>
    public static async Task<string> SignAsync(this AppClient client, Guid spaceId, Guid agreementId, int version)
    {
        var response = await client.TrySignAsync(spaceId, agreementId, version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("state").GetString()!;
    }

    public static Task<HttpResponseMessage> TryAmendAsync(this AppClient client, Guid spaceId, Guid agreementId, object body) =>
        client.PutJsonAsync($"{Agreements(spaceId)}/{agreementId}", body);

    /// <summary>Amends from the version given; returns the new version's number.</summary>
    public static async Task<int> AmendAsync(this AppClient client, Guid spaceId, Guid agreementId, string text, int version, Guid? crossingId = null)
    {
        var response = await client.TryAmendAsync(spaceId, agreementId, new { text, area = "sexual", consequence = "seekTherapy", version, crossingId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("version").GetInt32();
    }

    /// <summary>Records a crossing; returns its id.</summary>
    public static async Task<Guid> RecordCrossingAsync(this AppClient client, Guid spaceId, Guid agreementId, string note, params Guid[] involved)
    {
        var response = await client.PostJsonAsync($"{Agreements(spaceId)}/{agreementId}/crossings", new { note, involved });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    public static Task<JsonElement> CrossingAsync(this AppClient client, Guid spaceId, Guid agreementId, Guid crossingId) =>
        client.GetJsonAsync($"{Agreements(spaceId)}/{agreementId}/crossings/{crossingId}");

    /// <summary>Writes one's own view of a crossing (a journal entry, private unless told); returns its id.</summary>
    public static async Task<Guid> WriteViewAsync(this AppClient client, Guid spaceId, Guid crossingId, string text, string audience = "onlyMe")
    {
        var response = await client.PostJsonAsync($"/api/v1/spaces/{spaceId}/journal", new { text, kind = "examination", crossingId, audience });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> TryMoveCrossingAsync(this AppClient client, Guid spaceId, Guid agreementId, Guid crossingId, object body) =>
        client.PutJsonAsync($"{Agreements(spaceId)}/{agreementId}/crossings/{crossingId}", body);
}
