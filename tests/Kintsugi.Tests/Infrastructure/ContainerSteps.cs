using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Kintsugi.Tests.Infrastructure;

/// <summary>Containers and parked items through the JSON API. Each step asserts the answer it expects.</summary>
public static class ContainerSteps
{
    public static string Containers(Guid spaceId) => $"/api/v1/spaces/{spaceId}/containers";

    public static string Container(Guid spaceId, Guid containerId) => $"/api/v1/spaces/{spaceId}/containers/{containerId}";

    public static string Parked(Guid spaceId) => $"/api/v1/spaces/{spaceId}/parked";

    /// <summary>A local time some days ahead of the app's clock, as a datetime-local field sends it.</summary>
    public static string LocalIn(KintsugiApp app, int days, string clock = "19:00") =>
        app.Time.GetUtcNow().AddDays(days).ToString("yyyy-MM-dd'T'" + clock, CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> TryPlanAsync(this AppClient client, Guid spaceId, object plan) =>
        client.PostJsonAsync(Containers(spaceId), plan);

    /// <summary>Plans a container two days ahead (UTC) unless told otherwise; returns its id.</summary>
    public static async Task<Guid> PlanAsync(this AppClient client, Guid spaceId, string at, int minutes = 60, bool withPractitioner = false, string? timeZone = "UTC")
    {
        var response = await client.TryPlanAsync(spaceId, new { at, minutes, withPractitioner, timeZone });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
        Assert.Equal($"{Containers(spaceId)}/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    public static Task<JsonElement> ContainerAsync(this AppClient client, Guid spaceId, Guid containerId) =>
        client.GetJsonAsync(Container(spaceId, containerId));

    public static async Task ExpectAsync(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var response = await call;
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Parks a text; returns the item's id.</summary>
    public static async Task<Guid> ParkAsync(this AppClient client, Guid spaceId, string text)
    {
        var response = await client.PostJsonAsync(Parked(spaceId), new { text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> TryPlaceAsync(this AppClient client, Guid spaceId, Guid itemId, Guid? containerId) =>
        client.PutJsonAsync($"{Parked(spaceId)}/{itemId}/agenda", new { containerId });

    /// <summary>The texts on a container's agenda as this person reads them.</summary>
    public static async Task<IReadOnlyList<string>> AgendaAsync(this AppClient client, Guid spaceId, Guid containerId) =>
        [.. (await client.ContainerAsync(spaceId, containerId)).GetProperty("agenda").EnumerateArray().Select(i => i.GetProperty("text").GetString()!)];

    /// <summary>(text, audience, containerId) of everything this person parked, newest first.</summary>
    public static async Task<IReadOnlyList<(string Text, string Audience, Guid? ContainerId)>> MyParkedAsync(this AppClient client, Guid spaceId) =>
        [.. (await client.GetJsonAsync(Parked(spaceId))).EnumerateArray().Select(i => (
            i.GetProperty("text").GetString()!,
            i.GetProperty("audience").GetString()!,
            i.GetProperty("containerId").ValueKind == JsonValueKind.Null ? (Guid?)null : i.GetProperty("containerId").GetGuid()))];
}
